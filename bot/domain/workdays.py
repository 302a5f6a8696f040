"""Async deadlines counted on working days: a phase's time box only runs on days
the group works, so a 48-hour clarification opened on Friday afternoon ends on
Tuesday afternoon, not on Sunday. Local wall time in, local wall time out: the
caller converts from and to the group's zone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from .errors import InvalidValue

MAX_DAYS_OFF_IN_A_ROW = 60  # guards against a calendar where every day is off


def is_weekend(day: date) -> bool:
    return day.weekday() >= 5


def working_deadline(
    start: datetime, duration: timedelta, day_off: Callable[[date], bool]
) -> datetime:
    """When `duration` of working time has passed since `start` (naive, local),
    skipping every day for which `day_off` is true. A start on a day off counts
    from the next working day's midnight."""
    moment, left, idle = start, duration, 0
    while True:
        midnight = datetime.combine(moment.date() + timedelta(days=1), time())
        if day_off(moment.date()):
            idle += 1
            if idle > MAX_DAYS_OFF_IN_A_ROW:
                raise InvalidValue("workdays.no_working_day")
            moment = midnight
            continue
        idle = 0
        room = midnight - moment
        if left <= room:
            return moment + left
        left -= room
        moment = midnight
