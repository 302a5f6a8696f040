"""Attendance and régulation buttons and modals: a live session's check-in, the
facilitator's attendance sheet and journal (from the session's root message), and
phase 6's régulation poll (from its prompt)."""

from __future__ import annotations

from .. import payloads
from ..ids import ActionId, CallbackId
from ..render.attendance import attendance_modal, journal_modal, regulation_modal
from .responding import bound, save_submitted


def _where(body) -> tuple[str, str, str, int]:
    """Team, channel, user and the session id the button carries (0 when it has none)."""
    here = payloads.where(body)
    return here.team, here.channel, here.user, payloads.number(payloads.value(body))


def check_in(services, ack, body):
    services.attendance.check_in(*_where(body), payloads.click_key(body))
    ack()


def open_sheet(services, ack, body, client):
    form = services.attendance.form(*_where(body))
    client.views_open(trigger_id=body["trigger_id"], view=attendance_modal(form))
    ack()


def open_poll(services, ack, body, client):
    form = services.regulation.form(body["user"]["id"], _where(body)[3])
    client.views_open(trigger_id=body["trigger_id"], view=regulation_modal(form))
    ack()


def open_journal(services, ack, body, client):
    form = services.regulation.journal_form(*_where(body))
    client.views_open(trigger_id=body["trigger_id"], view=journal_modal(form))
    ack()


def _saved_by(call):
    """The session's modals carry its id: `call(user, session_id, values)`."""
    return lambda user, meta, values: call(user, meta.get("session_id", 0), values)


def save_sheet(services, ack, body, view):
    save_submitted(services, ack, body, view, _saved_by(services.attendance.correct))


def save_poll(services, ack, body, view):
    save_submitted(services, ack, body, view, _saved_by(services.regulation.vote))


def save_journal(services, ack, body, view):
    save_submitted(services, ack, body, view, _saved_by(services.regulation.save_journal))


def register(app, services) -> None:
    app.action(ActionId.CHECK_IN)(bound(check_in, services))
    app.action(ActionId.ATTENDANCE)(bound(open_sheet, services))
    app.action(ActionId.REGULATION)(bound(open_poll, services))
    app.action(ActionId.JOURNAL)(bound(open_journal, services))
    app.view(CallbackId.ATTENDANCE)(bound(save_sheet, services))
    app.view(CallbackId.REGULATION)(bound(save_poll, services))
    app.view(CallbackId.JOURNAL)(bound(save_journal, services))
