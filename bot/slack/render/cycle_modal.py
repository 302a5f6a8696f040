"""The schedule modal (first date and time, cadence, length, count, hours, reminders)
and the charter modal."""

from __future__ import annotations

from slack_sdk.models.blocks import (
    DatePickerElement,
    InputBlock,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    StaticSelectElement,
    TimePickerElement,
)

from ...i18n import t
from ..ids import INPUT, BlockId, CallbackId
from .cycle import CADENCE_KEYS
from .modals import form_modal


def _plain(text: str) -> PlainTextObject:
    return PlainTextObject(text=text[:75])


def _text_input(block_id, label, initial, hint=None) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=_plain(label),
        hint=_plain(hint) if hint else None,
        element=PlainTextInputElement(action_id=INPUT, initial_value=initial),
    )


def schedule_modal(lang: str, channel_id: str, tz: str, hours_engaged: int = 35) -> dict:
    cadences = [
        Option(value=key, text=_plain(t(lang, f"schedule.cadence.{key}"))) for key in CADENCE_KEYS
    ]
    cases = [
        Option(value=str(n), text=_plain(t(lang, f"schedule.cases_option.{n}"))) for n in (1, 2, 3)
    ]
    blocks = [
        InputBlock(
            block_id=BlockId.FIRST_DATE,
            label=_plain(t(lang, "schedule.first_date")),
            element=DatePickerElement(action_id=INPUT),
        ),
        InputBlock(
            block_id=BlockId.FIRST_TIME,
            label=_plain(t(lang, "schedule.first_time")),
            hint=_plain(t(lang, "schedule.time_hint", tz=tz)),
            element=TimePickerElement(action_id=INPUT, initial_time="18:00"),
        ),
        InputBlock(
            block_id=BlockId.CADENCE,
            label=_plain(t(lang, "schedule.cadence")),
            element=StaticSelectElement(
                action_id=INPUT, options=cadences, initial_option=cadences[1]
            ),
        ),
        _text_input(BlockId.DURATION, t(lang, "schedule.duration"), "120"),
        _text_input(BlockId.COUNT, t(lang, "schedule.count"), "8"),
        InputBlock(
            block_id=BlockId.CASES,
            label=_plain(t(lang, "schedule.cases")),
            hint=_plain(t(lang, "schedule.cases_hint")),
            element=StaticSelectElement(action_id=INPUT, options=cases, initial_option=cases[0]),
        ),
        _text_input(BlockId.HOURS, t(lang, "schedule.hours"), str(hours_engaged)),
        _text_input(BlockId.REMINDERS, t(lang, "schedule.reminders"), "1440, 60"),
        _text_input(
            BlockId.CHECKIN, t(lang, "schedule.checkin"), "15", t(lang, "schedule.checkin_hint")
        ),
    ]
    return form_modal(
        lang, CallbackId.SCHEDULE, "schedule.title", blocks, {"channel_id": channel_id}
    )


def charter_modal(lang: str, channel_id: str, text: str) -> dict:
    """The facilitator writes the group's own charter (3,000 characters at most)."""
    field = InputBlock(
        block_id=BlockId.CHARTER_TEXT,
        label=_plain(t(lang, "charter.edit_label")),
        hint=_plain(t(lang, "charter.edit_hint")),
        element=PlainTextInputElement(
            action_id=INPUT, multiline=True, max_length=3000, initial_value=text[:3000]
        ),
    )
    metadata = {"channel_id": channel_id}
    return form_modal(lang, CallbackId.CHARTER, "charter.edit_title", [field], metadata)
