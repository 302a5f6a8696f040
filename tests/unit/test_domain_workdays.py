"""Working-day deadlines, computed in local wall time."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from bot.domain import InvalidValue
from bot.domain.workdays import is_weekend, working_deadline


def test_a_48_hour_phase_opened_on_friday_afternoon_ends_on_tuesday_afternoon():
    friday = datetime(2027, 3, 5, 15, 0)
    assert working_deadline(friday, timedelta(hours=48), is_weekend) == datetime(2027, 3, 9, 15)


def test_a_phase_opened_on_saturday_counts_from_monday_midnight():
    saturday = datetime(2027, 3, 6, 10, 0)
    ends = working_deadline(saturday, timedelta(hours=24), is_weekend)
    assert ends == datetime(2027, 3, 9, 0, 0)


def test_a_public_holiday_is_skipped_like_a_weekend():
    holiday = date(2027, 3, 8)  # a Monday

    def off(day):
        return is_weekend(day) or day == holiday

    friday = datetime(2027, 3, 5, 15, 0)
    assert working_deadline(friday, timedelta(hours=24), off) == datetime(2027, 3, 9, 15)


def test_without_days_off_it_is_plain_addition():
    start = datetime(2027, 3, 6, 10, 0)
    assert working_deadline(start, timedelta(hours=30), lambda d: False) == start + timedelta(
        hours=30
    )


def test_a_calendar_without_working_days_is_refused():
    with pytest.raises(InvalidValue):
        working_deadline(datetime(2027, 3, 1), timedelta(hours=1), lambda d: True)
