"""Numbers and durations read as people type them, in the field's own unit."""

from __future__ import annotations

from fractions import Fraction

import pytest

from bot.domain.amounts import HOURS, MINUTES, parse_amount, whole_amount, whole_count
from bot.services.schedule_form import parse_reminders


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("35", HOURS, 35),
        ("35 h", HOURS, 35),
        ("35h", HOURS, 35),
        ("35 heures", HOURS, 35),
        ("10,5", HOURS, Fraction(21, 2)),
        ("10.5", HOURS, Fraction(21, 2)),
        ("90 min", HOURS, Fraction(3, 2)),
        ("1h30", MINUTES, 90),
        ("1 h 30", MINUTES, 90),
        ("1h30min", MINUTES, 90),
        ("1:30", MINUTES, 90),
        ("1 h et demie", MINUTES, 90),
        ("1 h 1/2", MINUTES, 90),
        ("une heure", MINUTES, 60),
        ("2 h 15 min", MINUTES, 135),
        ("120mn", MINUTES, 120),
        ("90", MINUTES, 90),
        ("2 jours", HOURS, 48),
        ("3 days", HOURS, 72),
        ("1 semaine", HOURS, 168),
        ("\u00a012\u202f", MINUTES, 12),
    ],
)
def test_amounts_are_read_with_or_without_their_unit(text, unit, value):
    assert parse_amount(text, unit) == value


@pytest.mark.parametrize(
    "text", ["", "abc", "30 min 2 h", "12x", "-5", "1e5", "²", "١٢", "9" * 5000, "½", "3 parsecs"]
)
def test_what_is_not_an_amount_is_none(text):
    assert parse_amount(text, MINUTES) is None


def test_whole_amounts_round_half_up_and_stay_in_bounds():
    assert whole_amount("10,5", HOURS, 1, 500) == 11
    assert whole_amount("10,4", HOURS, 1, 500) == 10
    assert whole_amount("0,2", HOURS, 1, 500) is None
    assert whole_amount("9 h", MINUTES, 15, 480) is None


def test_a_count_may_carry_its_noun():
    assert whole_count("8 séances", 1, 60) == 8
    assert whole_count(" 8 ", 1, 60) == 8
    assert whole_count("8 sessions", 1, 60) == 8
    assert whole_count("huit", 1, 60) is None
    assert whole_count("80", 1, 60) is None


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("1440, 60", [1440, 60]),
        ("1440,60", [1440, 60]),
        ("1 jour, 1 h", [1440, 60]),
        ("24h; 30 min", [1440, 30]),
        ("1,5 h, 30 min", [90, 30]),
        ("1 day and 1 hour", [1440, 60]),
    ],
)
def test_reminders_are_read_as_people_list_them(text, minutes):
    assert parse_reminders(text) == minutes
