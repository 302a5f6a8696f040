"""Session dates of a cycle: local wall-clock recurrences, DST gaps, overlaps."""

from __future__ import annotations

from datetime import datetime

from bot.services import calendar_math as cm


def test_every_two_weeks_keeps_the_local_time_across_the_dst_change():
    dates = cm.local_times(datetime(2027, 3, 19, 18, 0), "w2", 3)
    assert dates == [datetime(2027, 3, 19, 18), datetime(2027, 4, 2, 18), datetime(2027, 4, 16, 18)]
    utc = [cm.to_utc(d, "Europe/Paris").hour for d in dates]
    assert utc == [17, 16, 16]


def test_monthly_keeps_the_same_weekday_of_the_month():
    # The second Tuesday of each month.
    dates = cm.local_times(datetime(2027, 1, 12, 9, 30), "monthly", 4)
    assert [d.date().isoformat() for d in dates] == [
        "2027-01-12",
        "2027-02-09",
        "2027-03-09",
        "2027-04-13",
    ]
    assert all(d.weekday() == 1 for d in dates)


def test_a_fifth_weekday_becomes_the_last_one_of_each_month():
    dates = cm.local_times(datetime(2027, 1, 29, 18, 0), "monthly", 3)  # 5th Friday
    assert [d.date().isoformat() for d in dates] == ["2027-01-29", "2027-02-26", "2027-03-26"]


def test_a_time_skipped_by_the_spring_change_does_not_exist():
    assert not cm.exists_locally(datetime(2027, 3, 28, 2, 30), "Europe/Paris")
    assert cm.exists_locally(datetime(2027, 3, 28, 3, 30), "Europe/Paris")
    assert not cm.exists_locally(datetime(2027, 3, 14, 2, 15), "America/Montreal")


def test_slots_that_overlap_are_found():
    a = cm.to_utc(datetime(2027, 3, 1, 18), "UTC")
    b = cm.to_utc(datetime(2027, 3, 1, 19), "UTC")
    assert cm.overlaps([(a, 90), (b, 60)])
    assert not cm.overlaps([(a, 60), (b, 60)])


def test_dates_and_times_typed_by_people_are_read():
    assert cm.parse_day("26/03/2027").isoformat() == "2027-03-26"
    assert cm.parse_day("2027-03-26").isoformat() == "2027-03-26"
    assert cm.parse_day("tomorrow") is None
    assert cm.parse_time("18h30").isoformat() == "18:30:00"
    assert cm.parse_time("18h").isoformat() == "18:00:00"
    assert cm.parse_time("25:00") is None
