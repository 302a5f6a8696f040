"""The schedule and charter modals' submissions: problems come back on their field."""

from __future__ import annotations

import json

from ...domain import DomainError
from ...services.forms import InvalidFields
from ...services.schedule import ScheduleForm
from ..ids import BlockId, CallbackId
from ..render.modals import field_errors, submitted


def register(app, services) -> None:
    @app.view(CallbackId.SCHEDULE)
    def schedule_submitted(ack, body, view):
        team, user = body["team"]["id"], body["user"]["id"]
        channel = json.loads(view.get("private_metadata") or "{}").get("channel_id")
        values = submitted(view)
        form = ScheduleForm(
            first_date=values.get(BlockId.FIRST_DATE) or "",
            first_time=values.get(BlockId.FIRST_TIME) or "",
            cadence=values.get(BlockId.CADENCE) or "",
            duration=values.get(BlockId.DURATION) or "",
            count=values.get(BlockId.COUNT) or "",
            hours_engaged=values.get(BlockId.HOURS) or "",
            reminders=values.get(BlockId.REMINDERS) or "",
            checkin=values.get(BlockId.CHECKIN) or "",
        )
        lang = services.notices.lang_of(team, channel, user)
        try:
            services.schedule.plan(team, channel, user, form)
        except InvalidFields as problems:
            ack(response_action="errors", errors=field_errors(lang, problems.errors))
            return
        except DomainError as refusal:
            errors = {BlockId.FIRST_DATE: (refusal.key, refusal.params)}
            ack(response_action="errors", errors=field_errors(lang, errors))
            return
        ack()

    @app.view(CallbackId.CHARTER)
    def charter_submitted(ack, body, view):
        team, user = body["team"]["id"], body["user"]["id"]
        channel = json.loads(view.get("private_metadata") or "{}").get("channel_id")
        text = submitted(view).get(BlockId.CHARTER_TEXT) or ""
        try:
            services.charter.edit(team, channel, user, text)
        except InvalidFields as problems:
            lang = services.notices.lang_of(team, channel, user)
            ack(response_action="errors", errors=field_errors(lang, problems.errors))
            return
        ack()
