"""The schedule modal's form and its checks, every field at once so the modal
shows every problem together (block id → i18n key and parameters)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..domain.amounts import HOURS, MINUTES, whole_amount, whole_count
from ..domain.attendance import CHECKIN_MINUTES
from . import calendar_math as cm
from .forms import InvalidFields

MIN_MINUTES, MAX_MINUTES, MAX_SESSIONS = 15, 8 * 60, 60
MAX_REMINDER_MINUTES = 14 * 24 * 60
MAX_CHECKIN_MINUTES = 120
MAX_CASES = 3  # cases one meeting holds: a half-day holds two, rarely three


def parse_cases(text: str) -> int | None:
    """How many cases each meeting holds: "2", « 2 cas »; empty is one."""
    if not (text or "").strip():
        return 1
    return whole_count(text, 1, MAX_CASES)


def parse_checkin(text: str) -> int | None:
    """How long a live session's check-in stays open: "15", "20 min", "1 h"; empty is
    the default."""
    if not (text or "").strip():
        return CHECKIN_MINUTES
    return whole_amount(text, MINUTES, 0, MAX_CHECKIN_MINUTES)


@dataclass(frozen=True)
class ScheduleForm:
    first_date: str
    first_time: str
    cadence: str
    duration: str
    count: str
    hours_engaged: str
    reminders: str = "1440, 60"
    checkin: str = ""  # minutes a live session's check-in stays open; empty: the default
    cases: str = "1"  # cases (consecutive sessions) each meeting holds, 1 to 3


def parse_reminders(text: str) -> list[int] | None:
    """Minutes before each session: "1440, 60", or as people say it: "1 j, 1 h", "24h; 30 min"."""
    parts: list[str] = []
    for part in re.split(r";|,\s+|\s+(?:et|and)\s+", text or ""):
        # "1440,60" is two reminders; "1,5 h" one (with a unit, the comma is a decimal one)
        with_unit = re.search(r"[^\W\d_]", part) is not None
        parts += [part] if with_unit else part.split(",")
    parts = [p for p in parts if p.strip()]
    values = [whole_amount(p, MINUTES, 1, MAX_REMINDER_MINUTES) for p in parts]
    found = [v for v in values if v is not None]
    if len(values) > 5 or len(found) < len(values):
        return None
    return sorted(set(found), reverse=True)


def validate_plan(form: ScheduleForm, tz: str, now: datetime, busy, minutes_used: int):
    """Every field checked at once; returns (UTC starts, minutes, engaged, reminders)."""
    errors: dict[str, tuple[str, dict[str, Any]]] = {}
    day, at = cm.parse_day(form.first_date), cm.parse_time(form.first_time)
    minutes = whole_amount(form.duration, MINUTES, MIN_MINUTES, MAX_MINUTES)  # "2 h", "1h30"
    count = whole_count(form.count, 1, MAX_SESSIONS)  # "8", « 8 séances »
    engaged = whole_amount(form.hours_engaged, HOURS, 1, 500)  # "35 h", "10,5"
    reminders = parse_reminders(form.reminders)
    if day is None:
        errors["first_date"] = ("schedule.error.date", {"example": "2027-03-05"})
    if at is None:
        errors["first_time"] = ("schedule.error.time", {"example": "18:30"})
    if form.cadence not in cm.CADENCES:
        errors["cadence"] = ("schedule.error.cadence", {})
    if minutes is None:
        errors["duration"] = ("schedule.error.duration", {"low": MIN_MINUTES, "high": MAX_MINUTES})
    if count is None:
        errors["count"] = ("schedule.error.count", {"high": MAX_SESSIONS})
    if engaged is None:
        errors["hours"] = ("schedule.error.hours", {})
    if reminders is None:
        errors["reminders"] = ("schedule.error.reminders", {"example": "1440, 60"})
    if parse_cases(form.cases) is None:
        errors["cases"] = ("schedule.error.cases", {"high": MAX_CASES})
    if parse_checkin(form.checkin) is None:
        errors["checkin"] = ("schedule.error.checkin", {"high": MAX_CHECKIN_MINUTES})
    if errors:
        raise InvalidFields(errors)
    # every field read (a field that did not read is in `errors`)
    assert day is not None and at is not None and minutes is not None
    assert count is not None and engaged is not None
    locals_ = cm.local_times(cm.combine(day, at), form.cadence, count)
    missing = [d for d in locals_ if not cm.exists_locally(d, tz)]
    if missing:
        when = missing[0].strftime("%Y-%m-%d %H:%M")
        raise InvalidFields({"first_time": ("schedule.error.dst_gap", {"when": when, "tz": tz})})
    starts = [cm.to_utc(d, tz) for d in locals_]
    if starts[0] <= now:
        raise InvalidFields({"first_date": ("schedule.error.past", {})})
    if cm.overlaps([(s, minutes) for s in starts] + list(busy)):
        raise InvalidFields({"cadence": ("schedule.error.overlap", {})})
    total = minutes_used + minutes * count
    if total > engaged * 60:
        room = max(engaged * 60 - minutes_used, 0) // minutes
        params = {"hours": round(total / 60, 1), "engaged": engaged, "room": room}
        raise InvalidFields({"count": ("schedule.error.too_many_hours", params)})
    return starts, minutes, engaged, reminders
