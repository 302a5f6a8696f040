"""Attendance and régulation buttons and modals: a live session's check-in, the
facilitator's attendance sheet and journal (from the session's root message), and
phase 6's régulation poll (from its prompt)."""

from __future__ import annotations

import json

from ...domain import DomainError
from ...services.forms import InvalidFields
from ..ids import ActionId, CallbackId
from ..render.attendance import attendance_modal, journal_modal, regulation_modal
from ..render.modals import field_errors, submitted


def _where(body) -> tuple[str, str, str, int]:
    channel = (body.get("channel") or {}).get("id") or body["container"].get("channel_id")
    value = body["actions"][0].get("value") or ""
    return body["team"]["id"], channel, body["user"]["id"], int(value) if value.isdigit() else 0


def register(app, services) -> None:
    @app.action(ActionId.CHECK_IN)
    def check_in(ack, body):
        team, channel, user, session_id = _where(body)
        action = body["actions"][0]
        key = f"action:{user}:{action['action_id']}:{action.get('action_ts')}"
        services.attendance.check_in(team, channel, user, session_id, key)
        ack()

    @app.action(ActionId.ATTENDANCE)
    def open_sheet(ack, body, client):
        form = services.attendance.form(*_where(body))
        client.views_open(trigger_id=body["trigger_id"], view=attendance_modal(form))
        ack()

    @app.action(ActionId.REGULATION)
    def open_poll(ack, body, client):
        form = services.regulation.form(body["user"]["id"], _where(body)[3])
        client.views_open(trigger_id=body["trigger_id"], view=regulation_modal(form))
        ack()

    @app.action(ActionId.JOURNAL)
    def open_journal(ack, body, client):
        form = services.regulation.journal_form(*_where(body))
        client.views_open(trigger_id=body["trigger_id"], view=journal_modal(form))
        ack()

    def save(ack, body, view, call) -> None:
        """Run `call(user, session_id, values)`; problems go back on their fields."""
        user = body["user"]["id"]
        session_id = json.loads(view.get("private_metadata") or "{}").get("session_id", 0)
        try:
            call(user, session_id, submitted(view))
        except InvalidFields as problems:
            lang = services.notices.lang_of(body["team"]["id"], None, user)
            ack(response_action="errors", errors=field_errors(lang, problems.errors))
            return
        except DomainError as refusal:
            lang = services.notices.lang_of(body["team"]["id"], None, user)
            first = next(iter(view.get("state", {}).get("values", {})), "")
            errors = field_errors(lang, {first: (refusal.key, refusal.params)})
            ack(response_action="errors", errors=errors)
            return
        ack()

    @app.view(CallbackId.ATTENDANCE)
    def save_sheet(ack, body, view):
        save(ack, body, view, services.attendance.correct)

    @app.view(CallbackId.REGULATION)
    def save_poll(ack, body, view):
        save(ack, body, view, services.regulation.vote)

    @app.view(CallbackId.JOURNAL)
    def save_journal(ack, body, view):
        save(ack, body, view, services.regulation.save_journal)
