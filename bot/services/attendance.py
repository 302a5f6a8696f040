"""Attendance of the sessions: check-in, declared absences, the facilitator's
corrections, and each session's sheet with the minutes attended.

The rules live in `domain/attendance.py`; here they meet the stored rows: a
peer who declared an absence for a session's day is no consultant of it (no
prompt, no nudge, not waited for), a live session's check-in is open from its
start for the group's check-in window, and the sheet every export reads is
built in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

from ..domain import Action, DomainError
from ..domain import attendance as rules
from . import calendar_math as cm
from .access import facilitated_here, facilitated_row, started_row
from .context import Context
from .facilitation import facilitator_of
from .forms import InvalidFields
from .membership import require_group, require_right
from .notices import ephemeral
from .ports import UnitOfWork
from .reader import user_lang
from .records import GroupRecord


def declared_absent(uow: UnitOfWork, group: GroupRecord, when: datetime) -> set[str]:
    """Members who declared an absence for that moment's day (the group's time zone)."""
    return uow.cycle.absent_on(group.id, cm.local_day(when, group.tz))


def checkin_minutes(uow: UnitOfWork, group_id: int, now: datetime) -> int:
    """How long a live session's check-in stays open after its start, in minutes."""
    return uow.cycle.settings(group_id, now).checkin_minutes


def expected(group, row) -> list[str]:
    """Members of the group when the session started, its facilitator aside (in a
    peer-run group, the peer who facilitated it)."""
    facilitator = facilitator_of(group, row)
    return [
        m.user_id
        for m in group.members
        if m.joined_at <= row.started_at
        and (m.left_at is None or m.left_at > row.started_at)
        and m.user_id != facilitator
    ]


def session_minutes(row, planned: int | None) -> int:
    """The session's length: its planned slot, else (live) the time it ran."""
    if planned:
        return planned
    if row.mode != "live" or row.started_at is None:
        return 0
    return int(((row.ended_at or row.started_at) - row.started_at).total_seconds() // 60)


def session_sheet(uow, group, row, planned: int | None) -> list[rules.Line]:
    recorded = {
        r.user_id: rules.Mark(
            rules.Presence(r.status), rules.Source(r.source), r.arrived_at, r.left_at
        )
        for r in uow.attendance.of(row.id)
    }
    people = [*expected(group, row), row.client_id, *(row.consultants or [])]
    return rules.sheet(
        people=people,
        facilitator_id=facilitator_of(group, row),
        client_id=row.client_id,
        started_at=row.started_at,
        ended_at=row.ended_at,
        session_minutes=session_minutes(row, planned),
        recorded=recorded,
        took_part=uow.attendance.took_part(row.id),
        declared_absent=declared_absent(uow, group, row.started_at),
    )


@dataclass(frozen=True)
class FormLine:
    user_id: str
    status: str
    arrived: str | None  # HH:MM in the group's time zone
    left: str | None


@dataclass(frozen=True)
class AttendanceForm:
    lang: str
    session_id: int
    number: int
    day: str
    tz: str
    lines: list[FormLine]


def block_ids(user_id: str) -> tuple[str, str, str]:
    """The modal's three fields of one person: status, arrival, departure."""
    return f"att:{user_id}:status", f"att:{user_id}:arrived", f"att:{user_id}:left"


class AttendanceService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def check_in(self, team_id, channel_id, user_id, session_id: int, key: str) -> bool:
        """Record the person as present; False when they had already checked in."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.TAKE_PART)
            row = started_row(uow, session_id, group)
            lang = user_lang(uow, user_id, group, self.ctx.default_lang)
            window = checkin_minutes(uow, group.id, now)
            if row.mode != "live":
                raise DomainError("attendance.checkin_live_only")
            if not rules.checkin_open(row.started_at, now, window):
                until = cm.local_of(rules.checkin_deadline(row.started_at, window), group.tz)
                raise DomainError("attendance.checkin_closed", until=until.strftime("%H:%M"))
            found = uow.attendance.get(row.id, user_id)
            new = found is None
            if new:
                status = rules.Presence.PRESENT
                uow.attendance.record(
                    row.id, user_id, status, rules.Source.CHECKIN, None, None, now
                )
            notice = "attendance.checked_in" if new else "attendance.already_checked_in"
            uow.outbox.add(
                ephemeral(
                    channel_id,
                    user_id,
                    self.ctx.renderer.notice(lang, notice),
                    f"notice:{key}",
                    row.id,
                    in_thread=False,
                ),
                now,
            )
            uow.commit()
            return new

    def form(self, team_id, channel_id, user_id, session_id: int) -> AttendanceForm:
        """The facilitator's correction form, filled with the sheet as it stands."""
        with self.ctx.uow_factory() as uow:
            row, group = facilitated_here(uow, team_id, channel_id, user_id, session_id)
            lines = session_sheet(uow, group, row, uow.people.planned_minutes([row.id]).get(row.id))

            def hhmm(moment):
                return None if moment is None else cm.local_of(moment, group.tz).strftime("%H:%M")

            return AttendanceForm(
                lang=user_lang(uow, user_id, group, self.ctx.default_lang),
                session_id=row.id,
                number=row.number,
                day=cm.local_day(row.started_at, group.tz).isoformat(),
                tz=group.tz,
                lines=[
                    FormLine(x.user_id, str(x.status), hhmm(x.arrived_at), hhmm(x.left_at))
                    for x in lines
                    if x.role != "facilitator"
                ],
            )

    def correct(self, user_id: str, session_id: int, values: dict[str, Any]) -> None:
        """Save the facilitator's corrections; problems come back field by field."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            row, group = facilitated_row(uow, session_id, user_id)
            marks, errors = {}, {}
            day = cm.local_day(row.started_at, group.tz)
            for block in values:
                if not (block.startswith("att:") and block.endswith(":status")):
                    continue
                person = block.split(":")[1]
                status_id, arrived_id, left_id = block_ids(person)
                arrived = _at(day, values.get(arrived_id), group.tz)
                left = _at(day, values.get(left_id), group.tz)
                try:
                    marks[person] = rules.correction(
                        values.get(status_id) or "", arrived, left, row.started_at, row.ended_at
                    )
                except DomainError as problem:
                    errors[_field_of(problem.key, block_ids(person))] = (
                        problem.key,
                        problem.params,
                    )
            if errors:
                raise InvalidFields(errors)
            planned = uow.people.planned_minutes([row.id]).get(row.id)
            now_shown = {x.user_id: x for x in session_sheet(uow, group, row, planned)}
            for person, mark in marks.items():
                if _same(mark, now_shown.get(person)):
                    continue  # as the sheet already says: it keeps where it came from
                uow.attendance.record(
                    row.id, person, mark.status, mark.source, mark.arrived_at, mark.left_at, now
                )
            uow.commit()


def _same(mark: rules.Mark, line: rules.Line | None) -> bool:
    def minute(moment):
        return None if moment is None else moment.replace(second=0, microsecond=0)

    return (
        line is not None
        and mark.status == line.status
        and minute(mark.arrived_at) == minute(line.arrived_at)
        and minute(mark.left_at) == minute(line.left_at)
    )


def _field_of(key: str, blocks: tuple[str, str, str]) -> str:
    """The field a correction's problem belongs on."""
    status_id, arrived_id, left_id = blocks
    if key.endswith(("arrival_needed", "before_start")):
        return arrived_id
    if key.endswith(("departure_needed", "after_end", "order")):
        return left_id
    return status_id


def _at(day, hhmm: str | None, tz: str) -> datetime | None:
    """A time picked in the modal (the group's time zone, on the session's day) in UTC."""
    if not hhmm:
        return None
    try:
        hours, minutes = (int(p) for p in hhmm.split(":")[:2])
        local = datetime.combine(day, time(hours, minutes))
    except ValueError:
        return None
    return cm.to_utc(local, tz).astimezone(UTC)
