"""Buttons in the bot's messages: they do what the matching commands do."""

from __future__ import annotations

from .. import payloads
from ..ids import ActionId
from .responding import bound


def next_phase(services, ack, body):
    """Stored, acked, then applied (the inbox): the move names the phase it leaves."""
    session_id, phase = payloads.values(body, int, int)
    team, channel, user = payloads.where(body).ids
    services.inbox.accept(
        "next", team, channel, user,
        team_id=team, channel_id=channel, user_id=user, leaving=phase, session_id=session_id,
    )
    ack()


def status(services, ack, body):
    """Stored, acked, then answered privately (the inbox), once per click."""
    team, channel, user = payloads.where(body).ids
    answer = payloads.answer(body)
    services.inbox.accept(
        "status", team, channel, user,
        team_id=team, channel_id=answer.channel, user_id=user, key=answer.key,
    )
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
