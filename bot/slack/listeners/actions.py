"""Buttons in the bot's messages: they do what the matching commands do."""

from __future__ import annotations

from ...services.sessions import NEXT
from ..ids import ActionId
from ..render import session as session_msgs


def _ids(body) -> tuple[str, str, str]:
    channel = (body.get("channel") or {}).get("id") or body["container"].get("channel_id")
    return body["team"]["id"], channel, body["user"]["id"]


def _value(body) -> str:
    return body["actions"][0].get("value", "")


def _request_key(body) -> str:
    action = body["actions"][0]
    return f"action:{body['user']['id']}:{action['action_id']}:{action.get('action_ts')}"


def register(app, services) -> None:
    @app.action(ActionId.NEXT_PHASE)
    def next_phase(ack, body):
        session_id, phase = (int(part) for part in _value(body).split(":"))
        services.sessions.move(*_ids(body), NEXT, leaving=phase, session_id=session_id)
        ack()

    @app.action(ActionId.STATUS)
    def status(ack, body):
        team, channel, user = _ids(body)
        view, lang = services.sessions.status_for_reader(team, channel, user)
        services.notices.private(
            channel,
            user,
            session_msgs.session_status(view, lang),
            _request_key(body),
            session_id=view.id,
        )
        ack()

    @app.action(ActionId.END_CONFIRM)
    def end_confirm(ack, body):
        session_id = int(_value(body).split(":")[0])
        services.sessions.end(*_ids(body), session_id=session_id)
        ack()

    @app.action(ActionId.END_CANCEL)
    def end_cancel(ack):
        ack()
