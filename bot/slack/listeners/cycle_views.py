"""The schedule and charter modals' submissions: problems come back on their field."""

from __future__ import annotations

from dataclasses import replace

from ...services.schedule import ScheduleForm
from .. import payloads
from ..ids import BlockId, CallbackId
from ..render.modals import submitted
from .responding import bound, modal_place, save_modal


def schedule_submitted(services, ack, body, view):
    team, channel, user, lang = modal_place(services, body, view)
    values = submitted(view)
    form = payloads.text_form(
        values, ScheduleForm, hours_engaged=BlockId.HOURS, cases=BlockId.CASES
    )
    form = replace(form, cases=form.cases or "1")  # a meeting holds one case unless said
    save_modal(
        ack,
        lambda: services.schedule.plan(team, channel, user, form),
        lang,
        BlockId.FIRST_DATE,
    )


def charter_submitted(services, ack, body, view):
    """A refusal of the rules is the error handler's: it shows it on the modal's field."""
    team, channel, user, lang = modal_place(services, body, view)
    text = submitted(view).get(BlockId.CHARTER_TEXT) or ""
    save_modal(ack, lambda: services.charter.edit(team, channel, user, text), lang, None)


def register(app, services) -> None:
    app.view(CallbackId.SCHEDULE)(bound(schedule_submitted, services))
    app.view(CallbackId.CHARTER)(bound(charter_submitted, services))
