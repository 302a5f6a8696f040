"""Block Kit is refused where Slack would refuse it, nested elements included."""

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.emulator import Emulator, problems, view_problems


def plain(text):
    return {"type": "plain_text", "text": text}


def button(action_id, label="Go", value="v"):
    return {"type": "button", "action_id": action_id, "text": plain(label), "value": value}


def section(text):
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def test_valid_blocks_have_no_problems():
    blocks = [
        {"type": "header", "text": plain("Session")},
        section("Phase *1*"),
        {"type": "actions", "block_id": "nav", "elements": [button("next"), button("end")]},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "3 min left"}]},
        {"type": "divider"},
    ]
    assert problems(blocks, "message") == []


def test_a_too_long_button_inside_an_actions_block_is_caught():
    found = problems([{"type": "actions", "elements": [button("a", label="x" * 76)]}], "message")
    assert any("/blocks/0/elements/0/text" in p for p in found)


def test_duplicate_action_ids_in_a_block_are_refused():
    found = problems([{"type": "actions", "elements": [button("a"), button("a")]}], "message")
    assert any("duplicate action_id" in p for p in found)


def test_duplicate_block_ids_in_a_message_are_refused():
    found = problems([section("a") | {"block_id": "x"}, section("b") | {"block_id": "x"}])
    assert any("duplicate block_id" in p for p in found)


def test_a_message_holds_50_blocks_and_a_modal_100():
    assert problems([section("x")] * 50, "message") == []
    assert problems([section("x")] * 51, "message")
    assert problems([section("x")] * 100, "modal") == []


def test_limits_on_text_values_and_options():
    assert problems([section("x" * 3001)])
    assert problems([{"type": "header", "text": plain("h" * 151)}])
    assert problems([{"type": "actions", "elements": [button("a", value="v" * 2001)]}])
    select = {
        "type": "static_select",
        "action_id": "s",
        "placeholder": plain("pick"),
        "options": [{"text": plain("o"), "value": "v" * 151}],
    }
    assert problems([{"type": "actions", "elements": [select]}])
    assert problems([{"type": "actions", "elements": [button(f"a{i}") for i in range(26)]}])


def test_an_unknown_block_type_is_refused():
    assert problems([{"type": "carousel_of_dreams"}])


def test_a_modal_title_longer_than_24_and_inputs_without_submit_are_refused():
    view = {
        "type": "modal",
        "title": plain("t" * 25),
        "blocks": [
            {
                "type": "input",
                "block_id": "b",
                "label": plain("Name"),
                "element": {"type": "plain_text_input", "action_id": "name"},
            }
        ],
    }
    found = view_problems(view)
    assert any("/view/title" in p for p in found) and any("/view/submit" in p for p in found)
    assert view_problems(view | {"title": plain("Setup"), "submit": plain("Save")}) == []
    assert view_problems(
        view | {"title": plain("Setup"), "submit": plain("Save"), "private_metadata": "m" * 3001}
    )


@pytest.fixture
def client():
    emu = Emulator().start()
    emu.add_channel("C01", "codev")
    yield WebClient(base_url=emu.api_url, token=emu.bot_token)
    emu.stop()


def test_the_web_api_answers_invalid_blocks_with_the_pointers(client):
    with pytest.raises(SlackApiError) as err:
        client.chat_postMessage(
            channel="C01",
            text="x",
            blocks=[{"type": "actions", "elements": [button("a", "x" * 80)]}],
        )
    assert err.value.response["error"] == "invalid_blocks"
    assert err.value.response["response_metadata"]["messages"]


def test_the_web_api_refuses_too_long_text(client):
    with pytest.raises(SlackApiError, match="msg_too_long"):
        client.chat_postMessage(channel="C01", text="x" * 40001)
