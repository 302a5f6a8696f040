"""Who attended a session, and for how long: the rules an attendance sheet follows.

A person's presence at a session comes from, strongest first:

1. the facilitator's correction (present, absent, late arrival, early departure);
2. a check-in (live mode: the button on the session's root message, open from the
   start until a set time after);
3. taking part (a question, an answer, a confirmation, a contribution, a learning,
   a rating): whoever took part was there;
4. an absence declared for the session's day;
5. otherwise: absent. The client and the facilitator are present by default (the
   session is theirs).

Minutes attended are the session's minutes less what a late arrival or an early
departure missed. Pure Python: the clock is a parameter.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from .errors import DomainError

CHECKIN_MINUTES = 15  # how long after the start the check-in stays open, by default


class Presence(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    LATE = "late"  # arrived after the start
    EARLY = "early"  # left before the end


class Source(StrEnum):
    FACILITATOR = "facilitator"
    CHECKIN = "checkin"
    PARTICIPATION = "participation"
    DECLARED = "declared"
    ROLE = "role"  # the client or the facilitator, present by default
    NONE = "none"


@dataclass(frozen=True)
class Mark:
    """What was recorded for one person at one session."""

    status: Presence
    source: Source
    arrived_at: datetime | None = None
    left_at: datetime | None = None


@dataclass(frozen=True)
class Line:
    """One person's line of a session's attendance sheet."""

    user_id: str
    role: str  # facilitator, client or consultant
    status: Presence
    source: Source
    arrived_at: datetime | None
    left_at: datetime | None
    minutes: int

    @property
    def attended(self) -> bool:
        return self.status != Presence.ABSENT


def checkin_deadline(started_at: datetime, window_minutes: int | None) -> datetime:
    minutes = CHECKIN_MINUTES if window_minutes is None else window_minutes
    return started_at + timedelta(minutes=max(0, minutes))


def checkin_open(started_at: datetime | None, now: datetime, window_minutes: int | None) -> bool:
    return started_at is not None and started_at <= now <= checkin_deadline(
        started_at, window_minutes
    )


def minutes_attended(
    mark: Mark, started_at: datetime, ended_at: datetime | None, session_minutes: int
) -> int:
    """The session's minutes less what a late arrival or an early departure missed."""
    if mark.status == Presence.ABSENT:
        return 0
    end = ended_at or started_at + timedelta(minutes=session_minutes)
    missed = timedelta(0)
    if mark.arrived_at is not None and mark.arrived_at > started_at:
        missed += min(mark.arrived_at, end) - started_at
    if mark.left_at is not None and mark.left_at < end:
        missed += end - max(mark.left_at, started_at)
    return max(0, session_minutes - int(missed.total_seconds() // 60))


def sheet(
    *,
    people: Iterable[str],
    facilitator_id: str,
    client_id: str,
    started_at: datetime,
    ended_at: datetime | None,
    session_minutes: int,
    recorded: Mapping[str, Mark],
    took_part: Collection[str],
    declared_absent: Collection[str],
) -> list[Line]:
    """The attendance sheet of a session: the facilitator first, then everyone
    expected (and anyone else who was there), each with their minutes."""
    order = list(dict.fromkeys([facilitator_id, *people, *recorded, *took_part]))
    lines = []
    for user_id in order:
        role = (
            "facilitator"
            if user_id == facilitator_id
            else "client"
            if user_id == client_id
            else "consultant"
        )
        mark = _mark(user_id, role, recorded, took_part, declared_absent)
        minutes = minutes_attended(mark, started_at, ended_at, session_minutes)
        lines.append(
            Line(user_id, role, mark.status, mark.source, mark.arrived_at, mark.left_at, minutes)
        )
    return lines


def _mark(
    user_id: str,
    role: str,
    recorded: Mapping[str, Mark],
    took_part: Collection[str],
    declared_absent: Collection[str],
) -> Mark:
    found = recorded.get(user_id)  # the facilitator's correction, else a check-in
    if found is not None:
        return found
    if user_id in took_part:
        return Mark(Presence.PRESENT, Source.PARTICIPATION)
    if user_id in declared_absent:
        return Mark(Presence.ABSENT, Source.DECLARED)
    if role != "consultant":
        return Mark(Presence.PRESENT, Source.ROLE)
    return Mark(Presence.ABSENT, Source.NONE)


def correction(
    status: str,
    arrived_at: datetime | None,
    left_at: datetime | None,
    started_at: datetime,
    ended_at: datetime | None,
) -> Mark:
    """The facilitator's correction for one person, checked.

    A late arrival needs its time, after the start; an early departure needs its
    time, before the end; a time given with another status is kept only where it
    means something (an arrival for present/early, a departure for present/late)."""
    try:
        presence = Presence(status)
    except ValueError:
        raise DomainError("attendance.error.status") from None
    if presence == Presence.ABSENT:
        return Mark(presence, Source.FACILITATOR)
    if presence == Presence.LATE and arrived_at is None:
        raise DomainError("attendance.error.arrival_needed")
    if presence == Presence.EARLY and left_at is None:
        raise DomainError("attendance.error.departure_needed")
    if arrived_at is not None and arrived_at < started_at:
        raise DomainError("attendance.error.before_start")
    if left_at is not None and ended_at is not None and left_at > ended_at:
        raise DomainError("attendance.error.after_end")
    if arrived_at is not None and left_at is not None and left_at <= arrived_at:
        raise DomainError("attendance.error.order")
    if presence == Presence.PRESENT and (arrived_at or left_at):
        presence = Presence.LATE if arrived_at else Presence.EARLY
    return Mark(presence, Source.FACILITATOR, arrived_at, left_at)


@dataclass(frozen=True)
class Hours:
    """One participant's time over the cycle, against the hours engaged."""

    user_id: str
    sessions: int
    minutes: int
    hours_engaged: int | None

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 2)


def hours_per_person(sheets: Iterable[list[Line]], hours_engaged: int | None) -> list[Hours]:
    """Each participant's sessions attended and minutes over the cycle (the
    facilitator is not a participant)."""
    sessions: dict[str, int] = {}
    minutes: dict[str, int] = {}
    for lines in sheets:
        for line in lines:
            if line.role == "facilitator":
                continue
            sessions.setdefault(line.user_id, 0)
            minutes.setdefault(line.user_id, 0)
            if line.attended:
                sessions[line.user_id] += 1
                minutes[line.user_id] += line.minutes
    return [Hours(u, sessions[u], minutes[u], hours_engaged) for u in sessions]
