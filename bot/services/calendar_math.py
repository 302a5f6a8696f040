"""Session dates of a cycle in the group's time zone, DST-correct.

Recurrences are computed on the local wall clock with `dateutil.rrule` (a
session at 18:00 stays at 18:00 across a DST change), then each local time is
given its zone with `zoneinfo`; a local time that does not exist that day (the
spring-forward gap) is reported rather than silently shifted.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday

# Cadence value → (rrule frequency, interval); "monthly" keeps the weekday.
CADENCES = {
    "w1": (WEEKLY, 1),
    "w2": (WEEKLY, 2),
    "w3": (WEEKLY, 3),
    "w4": (WEEKLY, 4),
    "monthly": (MONTHLY, 1),
}


def local_times(first: datetime, cadence: str, count: int) -> list[datetime]:
    """`count` naive local datetimes from `first` at the cadence."""
    freq, interval = CADENCES[cadence]
    if freq == MONTHLY:
        nth = (first.day - 1) // 7 + 1
        rule = rrule(
            MONTHLY,
            dtstart=first,
            count=count,
            byweekday=weekday(first.weekday(), -1 if nth >= 5 else nth),
        )
    else:
        rule = rrule(freq, interval=interval, dtstart=first, count=count)
    return list(rule)


def exists_locally(local: datetime, tz: str) -> bool:
    """False for a wall-clock time skipped by a DST change in `tz`."""
    aware = local.replace(tzinfo=ZoneInfo(tz))
    back = aware.astimezone(UTC).astimezone(ZoneInfo(tz)).replace(tzinfo=None)
    return back == local


def to_utc(local: datetime, tz: str) -> datetime:
    return local.replace(tzinfo=ZoneInfo(tz)).astimezone(UTC)


def local_of(moment: datetime, tz: str) -> datetime:
    return moment.astimezone(ZoneInfo(tz))


def local_day(moment: datetime, tz: str) -> date:
    return local_of(moment, tz).date()


def combine(day: date, at: time) -> datetime:
    return datetime.combine(day, at)


def overlaps(starts: list[tuple[datetime, int]]) -> bool:
    """True when two (start, minutes) slots overlap."""
    ordered = sorted(starts)
    return any(
        a + timedelta(minutes=minutes) > b
        for (a, minutes), (b, _) in zip(ordered, ordered[1:], strict=False)
    )


def parse_day(text: str) -> date | None:
    """A date typed by a person: 2027-03-26 or 26/03/2027."""
    text = (text or "").strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def parse_time(text: str) -> time | None:
    text = (text or "").strip().lower().replace("h", ":")
    if text.endswith(":"):
        text += "00"
    try:
        return datetime.strptime(text, "%H:%M").time()
    except ValueError:
        return None
