"""The attendance rules: who counts as present, for how many minutes, and what a
facilitator's correction may say."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import DomainError
from bot.domain.attendance import (
    Mark,
    Presence,
    Source,
    checkin_open,
    correction,
    hours_per_person,
    minutes_attended,
    sheet,
)

START = datetime(2027, 3, 2, 9, 0, tzinfo=UTC)
END = START + timedelta(minutes=120)


def at(minutes: int) -> datetime:
    return START + timedelta(minutes=minutes)


def _sheet(**kwargs):
    base = dict(
        people=["client", "a", "b", "c", "d"],
        facilitator_id="fac",
        client_id="client",
        started_at=START,
        ended_at=END,
        session_minutes=120,
        recorded={},
        took_part=set(),
        declared_absent=set(),
    )
    return {line.user_id: line for line in sheet(**base | kwargs)}


def test_the_check_in_is_open_from_the_start_until_the_window_closes():
    assert not checkin_open(START, at(-1), 15)
    assert checkin_open(START, START, 15) and checkin_open(START, at(15), 15)
    assert not checkin_open(START, at(16), 15)
    assert checkin_open(START, at(14), None)  # 15 minutes by default
    assert not checkin_open(None, START, 15)


def test_presence_comes_from_correction_then_check_in_then_taking_part_then_declaration():
    lines = _sheet(
        recorded={
            "a": Mark(Presence.PRESENT, Source.CHECKIN),
            "b": Mark(Presence.ABSENT, Source.FACILITATOR),
        },
        took_part={"b", "c"},
        declared_absent={"a", "c", "d"},
    )
    assert lines["fac"].status == Presence.PRESENT and lines["fac"].role == "facilitator"
    assert (lines["client"].status, lines["client"].source) == (Presence.PRESENT, Source.ROLE)
    assert (lines["a"].status, lines["a"].source) == (Presence.PRESENT, Source.CHECKIN)
    assert (lines["b"].status, lines["b"].minutes) == (Presence.ABSENT, 0)
    assert (lines["c"].status, lines["c"].source) == (Presence.PRESENT, Source.PARTICIPATION)
    assert (lines["d"].status, lines["d"].source) == (Presence.ABSENT, Source.DECLARED)


def test_a_consultant_who_neither_checked_in_nor_took_part_is_absent():
    assert _sheet()["a"].status == Presence.ABSENT


def test_minutes_subtract_a_late_arrival_and_an_early_departure():
    late = Mark(Presence.LATE, Source.FACILITATOR, arrived_at=at(30))
    both = Mark(Presence.LATE, Source.FACILITATOR, arrived_at=at(10), left_at=at(100))
    assert minutes_attended(late, START, END, 120) == 90
    assert minutes_attended(both, START, END, 120) == 90  # 10 + 20 missed
    assert minutes_attended(Mark(Presence.PRESENT, Source.CHECKIN), START, END, 120) == 120
    assert minutes_attended(Mark(Presence.ABSENT, Source.DECLARED), START, END, 120) == 0


def test_a_correction_needs_the_time_its_status_implies():
    with pytest.raises(DomainError, match="arrival_needed"):
        correction("late", None, None, START, END)
    with pytest.raises(DomainError, match="departure_needed"):
        correction("early", None, None, START, END)
    with pytest.raises(DomainError, match="before_start"):
        correction("late", at(-5), None, START, END)
    with pytest.raises(DomainError, match="after_end"):
        correction("early", None, at(130), START, END)
    with pytest.raises(DomainError, match="order"):
        correction("present", at(50), at(40), START, END)
    with pytest.raises(DomainError, match="status"):
        correction("maybe", None, None, START, END)


def test_a_correction_keeps_the_times_and_names_what_they_mean():
    assert correction("absent", at(5), None, START, END) == Mark(
        Presence.ABSENT, Source.FACILITATOR
    )
    mark = correction("present", None, at(90), START, END)
    assert (mark.status, mark.left_at) == (Presence.EARLY, at(90))


def test_hours_per_person_add_up_over_the_cycle_without_the_facilitator():
    first = list(_sheet(took_part={"a"}).values())
    late = {"a": Mark(Presence.LATE, Source.FACILITATOR, arrived_at=at(60))}
    second = list(_sheet(recorded=late).values())
    hours = {h.user_id: h for h in hours_per_person([first, second], 35)}
    assert "fac" not in hours
    assert (hours["a"].sessions, hours["a"].minutes, hours["a"].hours) == (2, 180, 3.0)
    assert (hours["b"].sessions, hours["b"].minutes) == (0, 0)
    assert hours["client"].hours_engaged == 35


def test_a_peer_who_took_a_turn_facilitating_attended_that_session():
    lines = list(_sheet(took_part={"a"}).values())
    assert "fac" not in {h.user_id for h in hours_per_person([lines], 35)}
    hours = {h.user_id: h for h in hours_per_person([lines], 35, peers={"fac", "a"})}
    assert (hours["fac"].sessions, hours["fac"].minutes) == (1, 120)
