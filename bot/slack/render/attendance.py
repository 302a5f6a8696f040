"""Attendance and régulation in Slack: the check-in, attendance and journal buttons
of a session's root message, phase 6's régulation button, and their modals."""

from __future__ import annotations

from slack_sdk.models.blocks import (
    InputBlock,
    MarkdownTextObject,
    Option,
    SectionBlock,
    TimePickerElement,
)

from ...domain import Phase
from ...domain.attendance import Presence
from ...domain.regulation import CRITERIA, SCALE
from ...domain.session import Status
from ...i18n import t
from ...services.attendance import AttendanceForm, block_ids
from ...services.read_models import SessionView
from ...services.regulation import JournalForm, RegulationForm
from ..ids import INPUT, ActionId, CallbackId
from ..text import markdown
from .kit import button, user
from .modals import form_modal, select_field, short_text, text_field


def root_buttons(view: SessionView) -> list:
    """A live session's check-in (for everyone), the attendance sheet and the journal
    (the facilitator's: the services refuse them to anyone else)."""
    found = []
    if view.status == Status.RUNNING and view.mode == "live":
        found.append(
            button(t(view.lang, "attendance.button.check_in"), ActionId.CHECK_IN, str(view.id))
        )
    if view.status in (Status.RUNNING, Status.DONE):
        found.append(
            button(t(view.lang, "attendance.button.sheet"), ActionId.ATTENDANCE, str(view.id))
        )
        found.append(
            button(t(view.lang, "regulation.button.journal"), ActionId.JOURNAL, str(view.id))
        )
    return found


def prompt_buttons(view: SessionView) -> list:
    """Phase 6's prompt: the régulation poll, beside the rating."""
    if view.phase != Phase.LEARNING:
        return []
    return [button(t(view.lang, "regulation.button.poll"), ActionId.REGULATION, str(view.id))]


def _session_form(form, callback_id: str, title_key: str, blocks) -> dict:
    """A modal about one session: its submission acts on the session the form shows."""
    return form_modal(form.lang, callback_id, title_key, blocks, {"session_id": form.session_id})


def attendance_modal(form: AttendanceForm) -> dict:
    """One person at a time: their status, and the times of a late arrival or an
    early departure (the group's time zone, on the session's day)."""
    lang = form.lang
    options = [
        Option(value=p.value, text=short_text(t(lang, f"attendance.status.{p.value}")))
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
            select_field(status_id, t(lang, "attendance.modal.status"), options, line.status),
            InputBlock(
                block_id=arrived_id,
                label=short_text(t(lang, "attendance.modal.arrived")),
                optional=True,
                element=TimePickerElement(action_id=INPUT, initial_time=line.arrived),
            ),
            InputBlock(
                block_id=left_id,
                label=short_text(t(lang, "attendance.modal.left")),
                optional=True,
                element=TimePickerElement(action_id=INPUT, initial_time=line.left),
            ),
        ]
    return _session_form(form, CallbackId.ATTENDANCE, "attendance.modal.title", blocks[:100])


def regulation_modal(form: RegulationForm) -> dict:
    """Time, listening, method: 1 to 5 each (only averages are ever shown)."""
    lang = form.lang
    options = [
        Option(value=str(n), text=short_text(t(lang, f"regulation.scale.{n}"))) for n in SCALE
    ]
    blocks = [SectionBlock(text=MarkdownTextObject(text=t(lang, "regulation.modal.intro")))]
    for criterion in CRITERIA:
        current = form.votes.get(criterion)
        blocks.append(
            select_field(criterion, t(lang, f"regulation.criterion.{criterion}"), options, current)
        )
    return _session_form(form, CallbackId.REGULATION, "regulation.modal.title", blocks)


def journal_modal(form: JournalForm) -> dict:
    """The facilitator's private notes on a session: incidents and adaptations."""
    lang = form.lang
    blocks = [
        SectionBlock(
            text=MarkdownTextObject(text=t(lang, "regulation.journal.intro", number=form.number))
        )
    ]
    for field, initial in (("incidents", form.incidents), ("adaptations", form.adaptations)):
        label = t(lang, f"regulation.journal.{field}")
        blocks.append(text_field(field, label, initial, optional=True))
    return _session_form(form, CallbackId.JOURNAL, "regulation.journal.title", blocks)


def journal_markdown(lang: str, group_name: str, entries) -> str:
    """The facilitator's journal as Markdown: `entries` are (number, day, incidents,
    adaptations); what the facilitator wrote is escaped for Markdown."""
    lines = [f"# {t(lang, 'regulation.file.title', group=markdown(group_name))}"]
    for number, day, incidents, adaptations in entries:
        lines += ["", f"## {t(lang, 'regulation.file.session', number=number, day=day)}"]
        for key, text in (("incidents", incidents), ("adaptations", adaptations)):
            if text:
                lines += ["", f"**{t(lang, f'regulation.journal.{key}')}**", "", markdown(text)]
    return "\n".join(lines) + "\n"


def regulation_markdown(lang: str, rows: list[list]) -> str:
    """The régulation averages as a Markdown section of the cycle report: `rows` are
    (session or "cycle", date, answers, time, listening, method)."""
    if not rows:
        return ""
    names = [t(lang, f"regulation.criterion.short.{c}") for c in CRITERIA]
    lines = ["", f"## {t(lang, 'regulation.modal.title')}", ""]
    lines += [f"| # | {t(lang, 'regulation.file.answers')} | " + " | ".join(names) + " |"]
    lines += ["|---|---|" + "---|" * len(names)]
    for session, _, answers, *averages in rows:
        label = t(lang, "regulation.file.cycle") if session == "cycle" else str(session)
        shown = ["—" if a is None else f"{a:.1f}" for a in averages]
        lines.append(f"| {label} | {answers} | " + " | ".join(shown) + " |")
    return "\n".join(lines) + "\n"
