"""Reactions: an emoji on a contribution or on the contract card can be a gesture
(see `services/gestures.py`). Anything else is an ordinary reaction: acked, ignored.

The event id is the request's idempotency key: a retried event changes nothing.
"""

from __future__ import annotations

from .. import payloads


def register(app, services) -> None:
    def on_reaction(ack, body, event, added: bool) -> None:
        item = event.get("item") or {}
        if item.get("type") == "message" and event.get("user") and item.get("ts"):
            services.gestures.on_reaction(
                body.get("team_id"),
                item.get("channel"),
                event["user"],
                item["ts"],
                event.get("reaction", ""),
                added,
                payloads.event_key(body),
            )
        ack()

    @app.event("reaction_added")
    def on_reaction_added(ack, body, event):
        on_reaction(ack, body, event, added=True)

    @app.event("reaction_removed")
    def on_reaction_removed(ack, body, event):
        on_reaction(ack, body, event, added=False)
