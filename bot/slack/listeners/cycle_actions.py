"""Buttons of the cycle: accepting the charter."""

from __future__ import annotations

from ..ids import ActionId
from ..render import group as group_msgs


def register(app, services) -> None:
    @app.action(ActionId.ACCEPT_CHARTER)
    def accept_charter(ack, body):
        team, user = body["team"]["id"], body["user"]["id"]
        channel = (body.get("channel") or {}).get("id") or body["container"].get("channel_id")
        view = services.charter.accept(team, channel, user)
        key = f"action:{user}:{ActionId.ACCEPT_CHARTER}:{body['actions'][0].get('action_ts')}"
        services.notices.private(
            channel, user, group_msgs.notice(view.lang, "charter.accepted"), key
        )
        ack()
