"""Attendance in Slack: the check-in and attendance buttons of a session's root
message, and the facilitator's correction modal."""

from __future__ import annotations

import json

from slack_sdk.models.blocks import (
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
    TimePickerElement,
)
from slack_sdk.models.views import View

from ...domain.attendance import Presence
from ...i18n import t
from ...services.attendance import AttendanceForm, block_ids
from ...services.views import SessionView
from ..ids import INPUT, ActionId, CallbackId
from .kit import button, user


def root_buttons(view: SessionView) -> list:
    """A live session's check-in (for everyone) and the attendance sheet (the
    facilitator's: the service refuses it to anyone else)."""
    found = []
    if view.status == "running" and view.mode == "live":
        found.append(
            button(t(view.lang, "attendance.button.check_in"), ActionId.CHECK_IN, str(view.id))
        )
    if view.status in ("running", "done"):
        found.append(
            button(t(view.lang, "attendance.button.sheet"), ActionId.ATTENDANCE, str(view.id))
        )
    return found


def _plain(text: str) -> PlainTextObject:
    return PlainTextObject(text=text if len(text) <= 75 else text[:74] + "…")


def attendance_modal(form: AttendanceForm) -> dict:
    """One person at a time: their status, and the times of a late arrival or an
    early departure (the group's time zone, on the session's day)."""
    lang = form.lang
    options = [
        Option(value=p.value, text=_plain(t(lang, f"attendance.status.{p.value}")))
        for p in Presence
    ]
    blocks = [
        SectionBlock(
            text=MarkdownTextObject(
                text=t(lang, "attendance.modal.intro", number=form.number, day=form.day, tz=form.tz)
            )
        )
    ]
    for line in form.lines:
        status_id, arrived_id, left_id = block_ids(line.user_id)
        blocks += [
            SectionBlock(text=MarkdownTextObject(text=f"*{user(line.user_id)}*")),
            InputBlock(
                block_id=status_id,
                label=_plain(t(lang, "attendance.modal.status")),
                element=StaticSelectElement(
                    action_id=INPUT,
                    options=options,
                    initial_option=next((o for o in options if o.value == line.status), None),
                ),
            ),
            InputBlock(
                block_id=arrived_id,
                label=_plain(t(lang, "attendance.modal.arrived")),
                optional=True,
                element=TimePickerElement(action_id=INPUT, initial_time=line.arrived),
            ),
            InputBlock(
                block_id=left_id,
                label=_plain(t(lang, "attendance.modal.left")),
                optional=True,
                element=TimePickerElement(action_id=INPUT, initial_time=line.left),
            ),
        ]
    return View(
        type="modal",
        callback_id=CallbackId.ATTENDANCE,
        title=_plain(t(lang, "attendance.modal.title")),
        submit=_plain(t(lang, "button.save")),
        close=_plain(t(lang, "button.cancel")),
        private_metadata=json.dumps({"session_id": form.session_id}),
        blocks=blocks[:100],
    ).to_dict()
