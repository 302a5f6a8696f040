"""The emulator answers slack_sdk's WebClient the way slack.com does."""

import json
import urllib.request

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.emulator import Emulator


@pytest.fixture
def emu():
    emulator = Emulator(team_id="T0CODEV", signing_secret="s3cret").start()
    emulator.add_user("U01", "alice", real_name="Alice Martin", locale="fr-FR", tz="Europe/Paris")
    emulator.add_user("U02", "bob")
    emulator.add_channel("C01", "codev-managers", is_private=True, members=["U01", "U02"])
    emulator.add_channel("C02", "elsewhere", members=["U02"])
    yield emulator
    emulator.stop()


@pytest.fixture
def client(emu):
    return WebClient(base_url=emu.api_url, token=emu.bot_token)


def test_auth_test_names_the_bot_user_and_team(emu, client):
    r = client.auth_test()
    assert (r["user_id"], r["bot_id"], r["team_id"]) == (emu.bot_user_id, emu.bot_id, "T0CODEV")
    assert r["is_enterprise_install"] is False


def test_a_thread_reply_and_an_update_are_recorded_in_order(emu, client):
    root = client.chat_postMessage(channel="C01", text="Session started")
    reply = client.chat_postMessage(channel="C01", thread_ts=root["ts"], text="Phase 1")
    client.chat_update(channel="C01", ts=root["ts"], text="Session running")
    assert float(reply["ts"]) > float(root["ts"])
    assert [m.text for m in emu.channel_messages("C01")] == ["Session running"]
    assert [m.text for m in emu.thread("C01", root["ts"])] == ["Phase 1"]
    assert emu.message("C01", root["ts"]).edited
    assert emu.rejected() == []


def test_an_ephemeral_reaches_only_a_member_of_the_channel(emu, client):
    client.chat_postEphemeral(channel="C01", user="U01", text="only you")
    assert [m.text for m in emu.ephemerals(user="U01")] == ["only you"]
    with pytest.raises(SlackApiError) as err:
        client.chat_postEphemeral(channel="C02", user="U01", text="nope")
    assert err.value.response["error"] == "user_not_in_channel"


def test_conversations_open_gives_a_stable_dm_that_collects_messages(emu, client):
    first = client.conversations_open(users="U01")["channel"]["id"]
    assert client.conversations_open(users=["U01"])["channel"]["id"] == first
    assert first.startswith("D")
    client.chat_postMessage(channel=first, text="your action items")
    client.chat_postMessage(channel="U01", text="posting to a user id lands in the DM too")
    assert len(emu.dms("U01")) == 2


def test_a_trigger_opens_one_modal_only(emu, client):
    trigger = emu.issue_trigger_id()
    view = {
        "type": "modal",
        "title": {"type": "plain_text", "text": "Setup"},
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "hi"}}],
    }
    opened = client.views_open(trigger_id=trigger, view=view)["view"]
    assert opened["id"] in emu.views and opened["state"] == {"values": {}}
    with pytest.raises(SlackApiError) as err:
        client.views_open(trigger_id=trigger, view=view)
    assert err.value.response["error"] == "exchanged_trigger_id"
    with pytest.raises(SlackApiError) as err:
        client.views_open(trigger_id="123.456.unknown", view=view)
    assert err.value.response["error"] == "invalid_trigger_id"
    late = emu.issue_trigger_id()
    emu.expire_trigger(late)
    with pytest.raises(SlackApiError) as err:
        client.views_open(trigger_id=late, view=view)
    assert err.value.response["error"] == "expired_trigger_id"


def test_views_publish_sets_the_users_home(emu, client):
    client.views_publish(user_id="U01", view={"type": "home", "blocks": []})
    assert emu.home("U01")["type"] == "home"
    assert emu.home("U02") is None


@pytest.mark.parametrize(
    ("method", "kwargs", "error"),
    [
        ("chat.postMessage", {"text": "no channel"}, "channel_not_found"),
        ("chat.postMessage", {"channel": "C01"}, "no_text"),
        ("chat.update", {"channel": "C01", "text": "x"}, "message_not_found"),
        ("users.info", {}, "user_not_found"),
        ("views.open", {"trigger_id": "1.2.3"}, "invalid_arguments"),
        ("conversations.open", {}, "users_list_not_supplied"),
    ],
)
def test_a_missing_required_argument_gets_slacks_error_name(emu, client, method, kwargs, error):
    with pytest.raises(SlackApiError) as err:
        client.api_call(method, json=kwargs)
    assert err.value.response["error"] == error
    assert emu.rejected()[-1].error == error


def test_unknown_channel_and_user_are_refused(client):
    with pytest.raises(SlackApiError, match="channel_not_found"):
        client.chat_postMessage(channel="C404", text="x")
    with pytest.raises(SlackApiError, match="user_not_found"):
        client.users_info(user="U404")


def test_a_wrong_token_is_invalid_auth_and_no_token_is_not_authed(emu):
    with pytest.raises(SlackApiError, match="invalid_auth"):
        WebClient(base_url=emu.api_url, token="xoxb-wrong").auth_test()
    with pytest.raises(SlackApiError, match="not_authed"):
        WebClient(base_url=emu.api_url).auth_test()


def test_an_injected_429_carries_retry_after_and_slack_sdk_raises(emu, client):
    emu.fail_next("chat.postMessage", status=429, retry_after=2)
    with pytest.raises(SlackApiError) as err:
        client.chat_postMessage(channel="C01", text="hello")
    assert err.value.response.status_code == 429
    assert err.value.response.headers["Retry-After"] == "2"
    assert err.value.response["error"] == "ratelimited"
    assert client.chat_postMessage(channel="C01", text="hello")["ok"]
    assert emu.rejected() == [] and emu.rejected(include_injected=True)[0].status == 429


def test_injected_500_and_error_answers(emu, client):
    emu.fail_next("chat.update", status=500)
    emu.fail_next("chat.update", error="msg_too_long")
    with pytest.raises(SlackApiError) as err:
        client.chat_update(channel="C01", ts="1.2", text="x")
    assert err.value.response.status_code == 500
    with pytest.raises(SlackApiError, match="msg_too_long"):
        client.chat_update(channel="C01", ts="1.2", text="x")


def test_random_fault_rates_are_reproducible_by_seed(emu, client):
    def outcomes():
        emu.set_fault_rates(rate_429=0.3, rate_500=0.2, seed=7, methods=["chat.postMessage"])
        out = []
        for _ in range(20):
            try:
                out.append(client.chat_postMessage(channel="C01", text="x").status_code)
            except SlackApiError as err:
                out.append(err.response.status_code)
        return out

    first = outcomes()
    assert first == outcomes() and {200, 429, 500} <= set(first)


def test_users_info_gives_locale_and_time_zone_when_asked(client):
    user = client.users_info(user="U01", include_locale=True)["user"]
    assert (user["locale"], user["tz"], user["real_name"]) == (
        "fr-FR",
        "Europe/Paris",
        "Alice Martin",
    )
    assert "locale" not in client.users_info(user="U01")["user"]


def test_members_history_and_replies_read_back_the_channel(client):
    assert set(client.conversations_members(channel="C01")["members"]) >= {"U01", "U02"}
    root = client.chat_postMessage(channel="C01", text="root")["ts"]
    client.chat_postMessage(channel="C01", thread_ts=root, text="reply")
    replies = client.conversations_replies(channel="C01", ts=root)["messages"]
    assert [m["text"] for m in replies] == ["root", "reply"]
    assert client.conversations_history(channel="C01")["messages"][0]["reply_count"] == 1


def test_files_upload_v2_stores_the_file_in_the_channel(emu, client):
    client.files_upload_v2(
        channel="C01", content="BEGIN:VCALENDAR", filename="cycle.ics", title="Cycle"
    )
    assert emu.files("C01")[0]["content"] == b"BEGIN:VCALENDAR"


def test_a_response_url_posts_ephemerally_five_times_then_is_used(emu):
    url = emu.issue_response_url("C01", "U01")

    def post(body):
        request = urllib.request.Request(
            url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
        )
        try:
            return urllib.request.urlopen(request).status
        except urllib.error.HTTPError as err:
            return err.code

    assert post({"text": "only for you"}) == 200
    assert post({"text": "for all", "response_type": "in_channel"}) == 200
    assert [m.text for m in emu.ephemerals("U01")] == ["only for you"]
    assert [m.text for m in emu.channel_messages("C01")] == ["for all"]
    assert [post({"text": "x"}) for _ in range(4)] == [200, 200, 200, 404]
    assert emu.rejected()[-1].error == "used_url"
