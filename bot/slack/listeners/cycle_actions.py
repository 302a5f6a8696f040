"""Buttons of the cycle: accepting the charter, choosing a session's client from the
suggestion DM, closing the cycle anyway."""

from __future__ import annotations

from ...domain import DomainError
from ..ids import ActionId
from ..render import group as group_msgs


def _click_key(body) -> str:
    action = body["actions"][0]
    return f"action:{body['user']['id']}:{action['action_id']}:{action.get('action_ts')}"


def _slot(block_id: str) -> tuple[str, int]:
    """`client:<channel>:<number>` → the group's channel and the session number."""
    _, channel, number = block_id.split(":")
    return channel, int(number)


def register(app, services) -> None:
    @app.action(ActionId.ACCEPT_CHARTER)
    def accept_charter(ack, body):
        team, user = body["team"]["id"], body["user"]["id"]
        value = body["actions"][0].get("value") or ""
        channel = (body.get("channel") or {}).get("id") or body["container"].get("channel_id")
        channel = value if value not in ("", "accept") else channel  # from a DM: the group's
        view = services.charter.accept(team, channel, user)
        key = f"action:{user}:{ActionId.ACCEPT_CHARTER}:{body['actions'][0].get('action_ts')}"
        services.notices.private(
            channel, user, group_msgs.notice(view.lang, "charter.accepted"), key
        )
        ack()

    @app.action(ActionId.CLOSE_CYCLE)
    def close_anyway(ack, body):
        team, user = body["team"]["id"], body["user"]["id"]
        channel = body["actions"][0]["value"]
        done = services.schedule.close(team, channel, user, confirmed=True)
        services.notices.private(
            channel, user, group_msgs.notice(done.lang, "close.closed"), _click_key(body)
        )
        ack()

    @app.action(ActionId.CONFIRM_CLIENT)
    def confirm_client(ack, body):
        channel, number = _slot(body["actions"][0]["block_id"])
        client = body["actions"][0]["value"].rsplit(":", 1)[1]
        services.schedule.choose_client(
            body["team"]["id"], channel, body["user"]["id"], number, client, _click_key(body)
        )
        ack()

    @app.action(ActionId.CHOOSE_CLIENT)
    def choose_client(ack, body):
        channel, number = _slot(body["actions"][0]["block_id"])
        client = body["actions"][0].get("selected_user")
        if not client:
            raise DomainError("schedule.usage")
        services.schedule.choose_client(
            body["team"]["id"], channel, body["user"]["id"], number, client, _click_key(body)
        )
        ack()
