"""The app manifest asks for what the app uses and no more, and fills in the host."""

from __future__ import annotations

import pytest

from bot import cli, manifest

NEEDED_EVENTS = {
    "message.channels",
    "message.groups",
    "app_home_opened",
    "member_joined_channel",
    "channel_archive",
    "channel_unarchive",
    "channel_deleted",
    "group_archive",
    "group_unarchive",
    "group_deleted",
    "app_uninstalled",
    "tokens_revoked",
    "reaction_added",
    "reaction_removed",
    "user_change",
}


def test_every_bot_scope_is_explained_and_none_is_unexplained():
    scopes = manifest.load()["oauth_config"]["scopes"]["bot"]
    assert sorted(scopes) == sorted(manifest.SCOPES)
    assert len(scopes) == len(set(scopes))
    assert "user" not in manifest.load()["oauth_config"]["scopes"]


def test_no_broad_scope_is_asked_for():
    scopes = set(manifest.load()["oauth_config"]["scopes"]["bot"])
    assert not scopes & {
        "chat:write.public",
        "chat:write.customize",
        "channels:manage",
        "users:read.email",
        "admin",
        "im:history",
        "mpim:history",
    }


def test_the_events_are_the_ones_the_app_listens_to():
    events = manifest.load()["settings"]["event_subscriptions"]["bot_events"]
    assert set(events) == NEEDED_EVENTS == set(manifest.EVENTS)


def test_the_slash_command_escapes_mentions_and_interactivity_is_on():
    data = manifest.load()
    (command,) = data["features"]["slash_commands"]
    assert command["command"] == "/codev"
    assert command["should_escape"] is True
    assert data["settings"]["interactivity"]["is_enabled"] is True


def test_a_public_url_replaces_every_placeholder():
    data = manifest.build(url="https://codev.acme.org/")
    text = manifest.render(url="https://codev.acme.org")
    assert manifest.PLACEHOLDER not in text
    assert data["settings"]["event_subscriptions"]["request_url"] == (
        "https://codev.acme.org/slack/events"
    )
    assert data["settings"]["interactivity"]["request_url"] == "https://codev.acme.org/slack/events"
    assert data["features"]["slash_commands"][0]["url"] == "https://codev.acme.org/slack/events"
    assert data["oauth_config"]["redirect_urls"] == ["https://codev.acme.org/slack/oauth_redirect"]
    assert data["settings"]["socket_mode_enabled"] is False


def test_socket_mode_needs_no_request_url():
    data = manifest.build(socket=True)
    assert data["settings"]["socket_mode_enabled"] is True
    assert "request_url" not in data["settings"]["event_subscriptions"]
    assert "request_url" not in data["settings"]["interactivity"]
    assert "url" not in data["features"]["slash_commands"][0]
    assert manifest.PLACEHOLDER not in manifest.render(socket=True)


def test_codev_manifest_prints_it_and_refuses_a_plain_http_url(capsys):
    cli.main(["manifest", "--url", "https://codev.acme.org"])
    assert "https://codev.acme.org/slack/events" in capsys.readouterr().out
    with pytest.raises(SystemExit) as stopped:
        cli.main(["manifest", "--url", "http://codev.acme.org"])
    assert "https://" in str(stopped.value.code)
