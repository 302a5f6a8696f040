"""The coaching hint's button: keep a question's idea for exploration."""

from __future__ import annotations

from ..ids import ActionId
from ..render.group import notice


def register(app, services) -> None:
    @app.action(ActionId.KEEP_IDEA)
    def keep_idea(ack, body):
        action = body["actions"][0]
        session_id, number = (int(part) for part in action.get("value", "").split(":"))
        channel = (body.get("channel") or {}).get("id") or body["container"].get("channel_id")
        user = body["user"]["id"]
        lang, key = services.coaching.keep_idea(user, session_id, number)
        request = f"action:{user}:{action['action_id']}:{action.get('action_ts')}"
        services.notices.private(channel, user, notice(lang, key), request, session_id=session_id)
        ack()
