"""Async deadlines on the group's working days, and moving on by itself at a deadline.

A group may count its async time boxes on working days only: weekends, and the
public holidays of its country from the `holidays` package (a maintained calendar
of some 150 countries and their regions, with the moving feasts — Easter Monday,
Ascension, Whit Monday — worked out each year, which a hand-kept list gets wrong).
A group may also let a phase end at its deadline: the periodic job moves the
session on and says so in the thread, as the facilitator's *Next phase* would.
"""

from __future__ import annotations

import logging
from functools import cache

import holidays

from ..domain import DomainError, Mode, Phase
from ..domain.workdays import is_weekend, working_deadline
from . import calendar_math as cm
from .context import Context
from .effects import thread_post
from .facilitation import facilitator_of
from .membership import group_of

log = logging.getLogger("codev.workdays")


@cache
def supported_countries() -> frozenset[str]:
    return frozenset(holidays.list_supported_countries())


@cache
def _calendar(country: str):
    return holidays.country_holidays(country)  # grows by the years asked


def day_off_test(group):
    """The group's days off, or None when its deadlines count every day."""
    country = group.holiday_country
    if not group.skip_weekends and not country:
        return None
    public = _calendar(country) if country else None

    def off(day) -> bool:
        return (group.skip_weekends and is_weekend(day)) or (public is not None and day in public)

    return off


def fit_to_working_days(row, group) -> None:
    """Stretch the running async phase's deadline over the group's days off."""
    if row.mode != Mode.ASYNC or row.phase_deadline is None or row.phase_started_at is None:
        return
    off = day_off_test(group)
    if off is None:
        return
    tz = group.tz or "UTC"
    start = cm.local_of(row.phase_started_at, tz).replace(tzinfo=None)
    ends = working_deadline(start, row.phase_deadline - row.phase_started_at, off)
    row.phase_deadline = cm.to_utc(ends, tz)


def advance_overdue(ctx: Context, sessions, now) -> int:
    """Move on every running async session past its deadline whose group lets it; the
    last phase is left to the facilitator, who closes the session. Returns how many moved."""
    with ctx.uow_factory(read_only=True) as uow:
        due = []
        for row in uow.cycle.running_async():
            if row.phase_deadline is None or row.phase_deadline > now:
                continue
            if row.phase is None or row.phase == max(Phase):
                continue
            group = group_of(uow, row.group_id)
            if group.auto_advance:
                steer = facilitator_of(group, row)
                due.append((group.team_id, group.channel_id, steer, row.id, row.phase))
    moved = 0
    for team, channel, facilitator, session_id, phase in due:
        try:
            sessions.move(
                team, channel, facilitator, "next", leaving=phase, session_id=session_id, auto=True
            )
            moved += 1
        except DomainError as refused:  # moved meanwhile by the facilitator: nothing to do
            log.info("auto-advance of session %s skipped: %s", session_id, refused.key)
    return moved


def announce_auto_advance(uow, renderer, view, left: int, now) -> None:
    """Said in the thread: the deadline passed and the session moved on by itself."""
    notice = renderer.auto_advanced(view.lang, left, view.phase)
    uow.outbox.add(thread_post(view, notice, f"session:{view.id}:auto:v{view.version}"), now)
