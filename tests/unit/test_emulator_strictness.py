"""The emulator refuses what Slack refuses: membership, scopes, history limits, dead ends."""

import json
import time
import urllib.parse

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.emulator import Driver, Emulator, Response
from bot.manifest import load as load_manifest


@pytest.fixture
def emu():
    emulator = Emulator(team_id="T0CODEV", signing_secret="s3cret").start()
    emulator.add_user("U01", "alice")
    emulator.add_user("U02", "bob")
    emulator.add_user("B01BOT", "otherbot", is_bot=True)
    emulator.add_channel("C0IN", "joined", members=["U01"])
    emulator.add_channel("C0PUB", "public-not-joined", members=["U01"], bot_member=False)
    emulator.add_channel(
        "G0PRIV", "private-not-joined", is_private=True, members=["U01"], bot_member=False
    )
    yield emulator
    emulator.stop()


@pytest.fixture
def client(emu):
    return WebClient(base_url=emu.api_url, token=emu.bot_token, retry_handlers=[])


def _error(call, **kwargs) -> dict:
    with pytest.raises(SlackApiError) as err:
        call(**kwargs)
    return err.value.response


def test_a_public_channel_the_bot_has_not_joined_can_be_seen_but_not_used(emu, client):
    info = client.conversations_info(channel="C0PUB")["channel"]
    assert info["is_member"] is False and info["is_private"] is False
    assert _error(client.chat_postMessage, channel="C0PUB", text="hi")["error"] == "not_in_channel"
    posted = client.chat_postMessage(channel="C0IN", text="hi")
    emu.set_bot_member("C0IN", False)
    refused = _error(client.chat_update, channel="C0IN", ts=posted["ts"], text="edit")
    assert refused["error"] == "not_in_channel"
    for call in (client.conversations_history, client.conversations_replies):
        args = (
            {"channel": "C0PUB", "ts": posted["ts"]} if call == client.conversations_replies else {}
        )
        assert _error(call, **({"channel": "C0PUB"} | args))["error"] == "not_in_channel"


def test_a_private_channel_the_bot_is_not_in_does_not_exist_for_it(emu, client):
    for call, args in [
        (client.conversations_info, {}),
        (client.chat_postMessage, {"text": "hi"}),
        (client.conversations_history, {}),
    ]:
        assert _error(call, channel="G0PRIV", **args)["error"] == "channel_not_found"


def test_the_bot_joining_is_told_by_its_own_member_joined_channel(emu):
    sent = []
    driver = Driver("http://127.0.0.1:9/none", emu)
    driver.event = lambda event, **kw: sent.append(event)  # what would reach the app
    driver.invite_bot("U01", "G0PRIV")
    assert sent == [
        {
            "type": "member_joined_channel",
            "user": emu.bot_user_id,
            "channel": "G0PRIV",
            "channel_type": "G",
            "team": "T0CODEV",
            "event_ts": sent[0]["event_ts"],
            "inviter": "U01",
        }
    ]
    assert emu.channels["G0PRIV"]["bot_member"] is True


def test_joining_a_public_channel_by_the_web_api_sends_the_bots_own_event(emu, client):
    sent = []
    driver = Driver("http://127.0.0.1:9/none", emu)
    driver.event = lambda event, **kw: sent.append(event)
    driver.subscribe()
    assert _error(client.conversations_join, channel="C0PUB")["needed"] == "channels:join"
    emu.grant(emu.bot_token, emu.scopes | {"channels:join"})  # an app that asks for it
    assert client.conversations_join(channel="C0PUB")["channel"]["is_member"] is True
    deadline = time.monotonic() + 5
    while not sent and time.monotonic() < deadline:
        time.sleep(0.01)
    assert [(e["type"], e["user"], e["channel"]) for e in sent] == [
        ("member_joined_channel", emu.bot_user_id, "C0PUB")
    ]
    assert _error(client.conversations_join, channel="G0PRIV")["error"] == "channel_not_found"


def test_every_token_carries_the_manifest_scopes_and_nothing_more(emu, client):
    wanted = set(load_manifest()["oauth_config"]["scopes"]["bot"])
    assert emu.scopes == wanted
    dm = client.conversations_open(users="U01")["channel"]["id"]
    refused = _error(client.conversations_history, channel=dm)
    assert refused["error"] == "missing_scope"
    assert refused["needed"] == "im:history"
    assert set(refused["provided"].split(",")) == wanted
    assert client.conversations_history(channel="C0IN")["ok"]  # channels:history is asked for
    emu.grant(emu.bot_token, wanted - {"users:read"})
    assert _error(client.users_info, user="U01")["needed"] == "users:read"


def test_history_gives_fifteen_messages_a_page_and_one_call_a_minute(emu, client):
    now = [1000.0]
    emu.limits_clock = lambda: now[0]
    for i in range(20):
        client.chat_postMessage(channel="C0IN", text=f"m{i}")
    page = client.conversations_history(channel="C0IN", limit=100)
    assert len(page["messages"]) == 15 and page["has_more"] is True
    with pytest.raises(SlackApiError) as err:
        client.conversations_history(
            channel="C0IN", cursor=page["response_metadata"]["next_cursor"]
        )
    assert err.value.response.status_code == 429
    assert 55 <= int(err.value.response.headers["Retry-After"]) <= 60
    assert emu.rejected() == [] and [c.status for c in emu.rejected(include_limited=True)] == [429]
    root = emu.channel_messages("C0IN")[0].ts
    assert client.conversations_replies(channel="C0IN", ts=root)["ok"]  # its own minute
    now[0] += 61  # a minute later
    assert len(client.conversations_history(channel="C0IN", cursor="15")["messages"]) == 5
    emu.set_history_limits(page=None, per_minute=None)  # a Marketplace app
    assert len(client.conversations_history(channel="C0IN", limit=100)["messages"]) == 20


def test_archived_channels_refuse_posts_and_deleted_ones_are_gone(emu, client):
    emu.archive("C0IN")
    assert client.conversations_info(channel="C0IN")["channel"]["is_archived"] is True
    assert _error(client.chat_postMessage, channel="C0IN", text="x")["error"] == "is_archived"
    emu.delete_channel("C0IN")
    assert _error(client.conversations_info, channel="C0IN")["error"] == "channel_not_found"


def test_deactivated_people_and_bots_cannot_be_written_to(emu, client):
    dm = client.conversations_open(users="U02")["channel"]["id"]
    emu.deactivate("U02")
    assert _error(client.chat_postMessage, channel=dm, text="x")["error"] == "account_inactive"
    assert _error(client.conversations_open, users="U02")["error"] == "user_disabled"
    assert _error(client.chat_postMessage, channel="B01BOT", text="x")["error"] == "cannot_dm_bot"
    assert _error(client.conversations_open, users="B01BOT")["error"] == "cannot_dm_bot"


def test_archive_and_delete_events_follow_the_kind_of_channel(emu):
    sent = []
    driver = Driver("http://127.0.0.1:9/none", emu)
    driver.event = lambda event, **kw: sent.append(event)
    driver.archive_channel("U01", "C0IN")
    driver.delete_channel("C0IN")
    emu.add_channel("G0IN", "private", is_private=True)
    driver.delete_channel("G0IN")
    assert [(e["type"], e["channel"]) for e in sent] == [
        ("channel_archive", "C0IN"),
        ("channel_deleted", "C0IN"),
        ("group_deleted", "G0IN"),
    ]


def test_an_enterprise_grid_workspace_names_its_organisation_everywhere():
    emu = Emulator(team_id="T0GRID", enterprise_id="E0ORG").start()
    try:
        emu.add_user("U01", "alice")
        emu.add_channel("C01", "grid", members=["U01"])
        client = WebClient(base_url=emu.api_url, token=emu.bot_token)
        assert client.auth_test()["enterprise_id"] == "E0ORG"
        bodies = []
        driver = Driver("http://127.0.0.1:9/none", emu)
        driver.send = lambda raw, kind, **kw: bodies.append(raw) or Response(200, "")
        driver.command("U01", "C01", "help")
        driver.event({"type": "app_home_opened", "user": "U01"})
        command = dict(urllib.parse.parse_qsl(bodies[0].decode()))
        envelope = json.loads(bodies[1])
        assert command["enterprise_id"] == "E0ORG"
        assert envelope["enterprise_id"] == "E0ORG"
        assert envelope["authorizations"][0]["enterprise_id"] == "E0ORG"
    finally:
        emu.stop()


def test_an_org_wide_install_gives_a_token_for_the_organisation():
    emu = Emulator(team_id="T0GRID", enterprise_id="E0ORG").start()
    try:
        oauth = emu.enable_oauth()
        code = oauth.authorize(None, enterprise_id="E0ORG", org_wide=True)
        client = WebClient(base_url=emu.api_url)
        answer = client.oauth_v2_access(
            client_id=oauth.client_id, client_secret=oauth.client_secret, code=code
        )
        assert answer["is_enterprise_install"] is True
        assert answer["team"] is None and answer["enterprise"]["id"] == "E0ORG"
        assert set(answer["scope"].split(",")) == emu.scopes
        who = WebClient(base_url=emu.api_url, token=answer["access_token"]).auth_test()
        assert who["is_enterprise_install"] is True and who["enterprise_id"] == "E0ORG"
    finally:
        emu.stop()
