"""The driver reaches a real Bolt app with requests signed like Slack's."""

import json
import threading
import time
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.emulator import Driver, Emulator, sign

SECRET = "drv-secret"
VECTOR = Path("/work/shared/slack/payloads/signature_test_vector_official.json")


def step_view(n):
    button = {
        "type": "button",
        "action_id": "more",
        "value": str(n),
        "text": {"type": "plain_text", "text": "More"},
    }
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": f"Step {n}"},
        "blocks": [{"type": "actions", "elements": [button]}],
    }


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def test_the_signature_matches_slacks_official_test_vector():
    if not VECTOR.exists():
        pytest.skip("Slack's test vector is not available here")
    vector = json.loads(VECTOR.read_text())
    headers = vector["headers"]
    assert (
        sign(
            vector["signing_secret"], headers["X-Slack-Request-Timestamp"], vector["body"].encode()
        )
        == headers["X-Slack-Signature"]
    )


@pytest.fixture
def world():
    emu = Emulator(signing_secret=SECRET).start()
    emu.add_user("U01", "alice")
    emu.add_user("U02", "bob")
    emu.add_channel("C01", "codev", is_private=True, members=["U01", "U02"])
    client = WebClient(base_url=emu.api_url, token=emu.bot_token)
    app = App(
        process_before_response=True, token=emu.bot_token, signing_secret=SECRET, client=client
    )
    seen = []

    @app.command("/codev")
    def on_command(ack, command, client, respond):
        ack()
        seen.append(("command", command["text"]))
        if command["text"] == "setup":
            client.views_open(
                trigger_id=command["trigger_id"],
                view={
                    "type": "modal",
                    "callback_id": "setup",
                    "private_metadata": "C01",
                    "title": {"type": "plain_text", "text": "Setup"},
                    "submit": {"type": "plain_text", "text": "Save"},
                    "blocks": [
                        {
                            "type": "input",
                            "block_id": "name",
                            "label": {"type": "plain_text", "text": "Name"},
                            "element": {"type": "plain_text_input", "action_id": "v"},
                        },
                        {
                            "type": "input",
                            "block_id": "mode",
                            "label": {"type": "plain_text", "text": "Mode"},
                            "element": {
                                "type": "static_select",
                                "action_id": "v",
                                "options": [
                                    {"text": {"type": "plain_text", "text": t}, "value": t}
                                    for t in ("live", "async")
                                ],
                            },
                        },
                        {
                            "type": "input",
                            "block_id": "peers",
                            "optional": True,
                            "label": {"type": "plain_text", "text": "Peers"},
                            "element": {"type": "multi_users_select", "action_id": "v"},
                        },
                    ],
                },
            )
        else:
            client.chat_postMessage(
                channel=command["channel_id"],
                text="Session",
                blocks=[
                    {
                        "type": "actions",
                        "block_id": "nav",
                        "elements": [
                            {
                                "type": "button",
                                "action_id": "next",
                                "value": "1",
                                "text": {"type": "plain_text", "text": "Next"},
                            }
                        ],
                    }
                ],
            )
            respond("started")

    @app.action("next")
    def on_next(ack, body, respond):
        ack()
        seen.append(("click", body["actions"][0]["value"], body["container"]["message_ts"]))
        respond(replace_original=True, text="Phase 2")

    @app.view("setup")
    def on_setup(ack, view):
        values = view["state"]["values"]
        seen.append(
            (
                "submit",
                values["name"]["v"]["value"],
                values["mode"]["v"]["selected_option"]["value"],
                values["peers"]["v"]["selected_users"],
                view["private_metadata"],
            )
        )
        ack()

    @app.action("more")
    def on_more(ack, body, client):
        ack()
        try:
            view = client.views_push(trigger_id=body["trigger_id"], view=step_view(2))["view"]
            seen.append(("pushed", view["id"]))
        except SlackApiError as err:
            seen.append(("push failed", err.response["error"]))

    @app.event("app_home_opened")
    def on_home(event):
        seen.append(("home", event["channel"]))

    @app.event("message")
    def on_message(event):
        seen.append(("message", event.get("subtype"), event.get("text"), event.get("thread_ts")))

    server = make_server("127.0.0.1", 0, SlackRequestHandler(app), handler_class=_Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    drv = Driver(app_url=f"http://127.0.0.1:{server.server_port}/slack/events", emulator=emu)
    yield emu, drv, seen
    server.shutdown()
    emu.stop()


def test_a_command_reaches_the_bolt_app_and_its_effects_are_recorded(world):
    emu, drv, seen = world
    r = drv.command(user="U01", channel="C01", text="start <@U02|bob>")
    assert r.status == 200
    assert seen == [("command", "start <@U02|bob>")]
    assert [m.text for m in emu.channel_messages("C01")] == ["Session"]
    assert [m.text for m in emu.ephemerals(user="U01")] == ["started"]
    assert emu.rejected() == []


def test_a_forged_or_stale_signature_gets_401(world):
    _, drv, seen = world
    body = b"command=%2Fcodev&text=help&user_id=U01&channel_id=C01"
    assert drv.send(body, "application/x-www-form-urlencoded", secret="forged").status == 401
    stale = int(time.time()) - 600
    assert drv.send(body, "application/x-www-form-urlencoded", timestamp=stale).status == 401
    assert seen == []


def test_a_click_carries_the_message_and_its_response_url_replaces_it(world):
    emu, drv, seen = world
    drv.command(user="U01", channel="C01", text="start")
    ts = emu.channel_messages("C01")[0].ts
    assert drv.click("U01", "C01", ts, "next", "1").status == 200
    assert seen[-1] == ("click", "1", ts)
    assert emu.message("C01", ts).text == "Phase 2" and emu.message("C01", ts).edited
    with pytest.raises(LookupError):
        drv.click("U01", "C01", ts, "next", "1")  # the button is gone now


def test_a_modal_opened_from_a_command_is_submitted_with_typed_values(world):
    emu, drv, seen = world
    drv.command(user="U01", channel="C01", text="setup")
    (view_id,) = emu.views
    r = drv.submit_view(
        "U01", view_id, {"name": "Managers", "mode": "async", "peers": ["U01", "U02"]}
    )
    assert r.status == 200
    assert seen[-1] == ("submit", "Managers", "async", ["U01", "U02"], "C01")
    assert view_id in emu.closed_views
    assert emu.rejected() == []


def test_messages_edits_and_deletes_arrive_as_events(world):
    emu, drv, seen = world
    r, ts = drv.message("U01", "C01", "hello")
    assert r.status == 200
    _, reply = drv.message("U02", "C01", "a question?", thread_ts=ts)
    drv.edit("U02", "C01", reply, "a better question?")
    drv.delete("U01", "C01", ts)
    assert [s[1:] for s in seen] == [
        (None, "hello", None),
        (None, "a question?", ts),
        ("message_changed", None, None),
        ("message_deleted", None, None),
    ]
    assert emu.thread("C01", ts)[0].text == "a better question?"


def test_a_retried_event_carries_the_retry_headers_and_url_verification_echoes(world):
    _, drv, _ = world
    event = {
        "type": "message",
        "channel": "C01",
        "user": "U01",
        "text": "x",
        "ts": "1.000001",
        "channel_type": "group",
    }
    assert drv.event(event, event_id="Ev1", retry_num=1).status == 200
    r = drv.url_verification("abc")
    assert r.status == 200 and r.json() == {"challenge": "abc"}


def test_a_click_in_a_modal_can_push_a_view_at_most_three_deep(world):
    emu, drv, seen = world
    client = WebClient(base_url=emu.api_url, token=emu.bot_token)
    current = client.views_open(trigger_id=emu.issue_trigger_id("U01"), view=step_view(1))
    current = current["view"]["id"]
    for _ in range(3):
        assert drv.click_in_view("U01", current, "more").status == 200
        current = seen[-1][1] if seen[-1][0] == "pushed" else current
    assert [s[0] if s[0] == "pushed" else s for s in seen] == [
        "pushed",
        "pushed",
        ("push failed", "push_limit_reached"),
    ]


def test_a_dm_message_is_an_im_event_and_home_opened_carries_the_dm(world):
    emu, drv, seen = world
    r, ts = drv.message("U01", "U01", "hi bot")
    assert r.status == 200 and emu.dms("U01")[0].text == "hi bot"
    assert drv.app_home_opened("U01").status == 200
    assert seen[-1] == ("home", emu.dm_channel("U01"))


def test_the_token_may_come_in_a_form_body(world):
    emu, _, _ = world
    import urllib.request
    from urllib.parse import urlencode

    body = urlencode({"token": emu.bot_token, "user": "U01"}).encode()
    with urllib.request.urlopen(emu.api_url + "users.info", data=body) as resp:
        assert json.loads(resp.read())["user"]["name"] == "alice"
