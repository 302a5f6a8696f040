"""The coaching hint's button: keep a question's idea for exploration."""

from __future__ import annotations

from .. import payloads
from ..ids import ActionId
from .responding import bound


def keep_idea(services, ack, body):
    session_id, number = payloads.values(body, int, int)
    services.coaching.keep_idea(body["user"]["id"], session_id, number, payloads.answer(body))
    ack()


def register(app, services) -> None:
    app.action(ActionId.KEEP_IDEA)(bound(keep_idea, services))
