"""Buttons in the bot's messages: they do what the matching commands do."""

from __future__ import annotations

from ...services.sessions import NEXT
from .. import payloads
from ..ids import ActionId
from .responding import bound


def next_phase(services, ack, body):
    session_id, phase = payloads.values(body, int, int)
    services.sessions.move(*payloads.where(body).ids, NEXT, leaving=phase, session_id=session_id)
    ack()


def status(services, ack, body):
    services.sessions.status_to(*payloads.where(body).ids, payloads.answer(body))
    ack()


def end_confirm(services, ack, body):
    (session_id,) = payloads.values(body, int)
    services.sessions.end(*payloads.where(body).ids, session_id=session_id)
    ack()


def end_cancel(ack):
    ack()


def register(app, services) -> None:
    app.action(ActionId.NEXT_PHASE)(bound(next_phase, services))
    app.action(ActionId.STATUS)(bound(status, services))
    app.action(ActionId.END_CONFIRM)(bound(end_confirm, services))
    app.action(ActionId.END_CANCEL)(end_cancel)
