"""Every event the manifest subscribes to is acknowledged by a listener, none unhandled."""

from __future__ import annotations

import logging

from bot import manifest
from tests.support.stack import CHANNEL, FACILITATOR

SAMPLES = {
    "message.channels": {
        "type": "message",
        "channel_type": "channel",
        "user": FACILITATOR,
        "text": "hello",
        "ts": "1700000000.000100",
        "channel": CHANNEL,
    },
    "message.groups": {
        "type": "message",
        "channel_type": "group",
        "user": FACILITATOR,
        "text": "hello",
        "ts": "1700000000.000200",
        "channel": CHANNEL,
    },
    "app_home_opened": {"type": "app_home_opened", "user": FACILITATOR, "tab": "home"},
    "member_joined_channel": {
        "type": "member_joined_channel",
        "user": FACILITATOR,
        "channel": CHANNEL,
        "channel_type": "G",
    },
    **{
        kind: {"type": kind, "channel": CHANNEL, "user": FACILITATOR}
        for kind in ("channel_archive", "channel_unarchive", "group_archive", "group_unarchive")
    },
    "channel_deleted": {"type": "channel_deleted", "channel": CHANNEL},
    "group_deleted": {"type": "group_deleted", "channel": CHANNEL},
    "app_uninstalled": {"type": "app_uninstalled"},
    "tokens_revoked": {"type": "tokens_revoked", "tokens": {"bot": ["U0CODEVBOT"]}},
    "reaction_added": {
        "type": "reaction_added",
        "user": FACILITATOR,
        "reaction": "star",
        "item": {"type": "message", "channel": CHANNEL, "ts": "1700000000.000100"},
    },
    "reaction_removed": {
        "type": "reaction_removed",
        "user": FACILITATOR,
        "reaction": "star",
        "item": {"type": "message", "channel": CHANNEL, "ts": "1700000000.000100"},
    },
    "user_change": {"type": "user_change", "user": {"id": FACILITATOR, "locale": "fr-FR"}},
}


def test_every_subscribed_event_has_a_listener(stack, caplog):
    assert set(SAMPLES) == set(manifest.load()["settings"]["event_subscriptions"]["bot_events"])
    caplog.set_level(logging.WARNING, logger="slack_bolt")
    for name, event in SAMPLES.items():
        response = stack.driver.event({**event, "event_ts": "1700000000.000300"})
        assert response.status == 200, (name, response.body)
    assert not [r for r in caplog.records if "Unhandled request" in r.getMessage()]
