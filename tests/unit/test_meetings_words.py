"""Meetings of several cases and peer-run starts, as people type and read them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.rules import SESSION_FACILITATOR_ONLY
from bot.emulator import view_problems
from bot.i18n import CATALOGS
from bot.services.forms import InvalidFields
from bot.services.schedule_form import ScheduleForm, parse_cases, validate_plan
from bot.slack.listeners.meetings import split_facilitator
from bot.slack.render.cycle_modal import schedule_modal
from bot.slack.render.meetings import (
    case_suffix,
    meeting_cases,
    read_start_value,
    start_value,
    who_facilitates,
)


@pytest.mark.parametrize(
    ("text", "cases"), [("", 1), ("1", 1), ("2", 2), ("3 cas", 3), ("2 cases", 2)]
)
def test_cases_per_meeting_are_read_as_people_type_them(text, cases):
    assert parse_cases(text) == cases


@pytest.mark.parametrize("text", ["0", "4", "two", "-1"])
def test_more_than_three_cases_or_words_are_refused(text):
    assert parse_cases(text) is None


def test_a_bad_count_of_cases_is_refused_on_its_field():
    form = ScheduleForm("2027-03-12", "18:00", "w2", "180", "2", "35", cases="5")
    with pytest.raises(InvalidFields) as problems:
        validate_plan(form, "Europe/Paris", datetime(2027, 3, 1, tzinfo=UTC), [], 0)
    assert problems.value.errors["cases"][0] == "schedule.error.cases"


@pytest.mark.parametrize(
    ("rest", "client", "by"),
    [
        ("<@U1|a>", "<@U1|a>", ""),
        ("<@U1|a> facilitated by <@U2|b>", "<@U1|a>", "<@U2|b>"),
        ("<@U1|a> Facilitator: @bob", "<@U1|a>", "@bob"),
        ("<@U1|a> animé par <@U2|b>", "<@U1|a>", "<@U2|b>"),
        ("<@U1|a> animée par @zoé", "<@U1|a>", "@zoé"),
        ("facilitated by <@U2|b>", "", "<@U2|b>"),
        ("", "", ""),
    ],
)
def test_start_names_its_facilitator_in_english_or_french(rest, client, by):
    assert split_facilitator(rest) == (client, by)


def test_start_values_carry_the_client_the_topic_and_the_facilitator():
    assert read_start_value(start_value("U1", 12, "U2")) == ("U1", 12, "U2")
    assert read_start_value(start_value("U1", None)) == ("U1", None, None)
    assert read_start_value("U1:") == ("U1", None, None)  # a warning of older versions


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_one_case_says_nothing_more_and_several_say_which(lang):
    assert case_suffix(lang, 1, 1) == "" and meeting_cases(lang, 1) == ""
    assert "2" in case_suffix(lang, 2, 3) and "3" in case_suffix(lang, 2, 3)
    assert "2" in meeting_cases(lang, 2)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_schedule_modal_asks_the_cases_per_meeting(lang):
    view = schedule_modal(lang, "C1", "Europe/Paris")
    assert view_problems(view) == []
    cases = next(b for b in view["blocks"] if b["block_id"] == "cases")
    assert [o["value"] for o in cases["element"]["options"]] == ["1", "2", "3"]
    assert cases["element"]["initial_option"]["value"] == "1"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_facilitator_question_offers_the_suggestion_and_a_picker(lang):
    asked = who_facilitates(lang, "U1", "U2", 7)
    blocks = [b.to_dict() if hasattr(b, "to_dict") else b for b in asked.blocks]
    elements = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert [e["type"] for e in elements] == ["button", "users_select"]
    assert elements[0]["value"] == "U1:7:U2" and "<@U2>" in asked.text
    nobody = who_facilitates(lang, "U1", None, None)
    assert "users_select" in str(nobody.blocks) and "button" not in str(nobody.blocks)


def test_the_refusal_for_a_non_facilitator_exists_in_both_languages():
    for lang in ("fr", "en"):
        assert CATALOGS[lang][SESSION_FACILITATOR_ONLY]
