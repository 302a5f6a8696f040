"""The client's record: nothing cut, split over several valid messages when long, escaped,
dates in words and decimal commas in the reader's language."""

from __future__ import annotations

import json
from datetime import date

import pytest

from bot.emulator import problems
from bot.services.summary import PlanLine, SessionSummary
from bot.slack.render import SlackRenderer
from bot.slack.render.kit import day_in_words, decimal
from bot.slack.text import escape

KINDS = ["impression", "question", "idea", "suggestion", "experience", "resource"]
HARVESTS = ["keep", "park", "drop", None]


def _summary(lang, answer_length=40, contributions=8):
    qa = [
        (n, f"Question {n} <!channel>?", [f"answer {n} " + "word & more " * answer_length])
        for n in range(1, 8)
    ]
    qa.append((8, "Unanswered question?", []))
    items = [
        (n, KINDS[n % len(KINDS)], f"contribution {n} <@U123> " + "x" * 50, HARVESTS[n % 4])
        for n in range(1, contributions + 1)
    ]
    return SessionSummary(
        session_id=1,
        number=3,
        group_name="Cercle",
        lang=lang,
        client_id="U1",
        status="done",
        contract_request="help me to delegate",
        help_kinds=["ideas"],
        contributions_by_kind={},
        kept=[],
        actions=[("Call Julie", "2026-12-10")],
        learnings=[("U2", "listen first <!here>")],
        average_rating=4.4,
        ratings=5,
        questions=8,
        answered=7,
        qa=qa,
        items=items,
        plan=[
            PlanLine("Call Julie", "2026-12-10", "Julie", "she runs the planning"),
            PlanLine("Review with my manager", "2027-01-01"),
            PlanLine("Try a week without me"),
        ],
        held_on="2026-12-01",
    )


def _all_text(parts) -> str:
    return "\n".join(json.dumps(p.blocks, ensure_ascii=False) for p in parts)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_short_record_is_one_valid_message_with_everything(lang):
    parts = SlackRenderer.client_record(_summary(lang, answer_length=2), lang)
    assert len(parts) == 1
    assert problems(parts[0].blocks, "message") == []
    shown = _all_text(parts)
    for n in range(1, 8):
        assert f"*Q{n}* Question {n} &lt;!channel&gt;?" in shown
        assert f"> answer {n} " in shown
    assert "Unanswered question?" in shown
    for n in range(1, 9):
        assert f"#{n} contribution {n} &lt;@U123&gt;" in shown
    assert "<!here>" not in shown and "<!channel>" not in shown and "<@U123>" not in shown
    words = {"fr": "jeudi 10 décembre", "en": "Thursday, December 10"}[lang]
    assert words in shown and ("2027" in shown)  # another year says its year
    assert "Julie" in shown and "she runs the planning" in shown
    assert "listen first" in shown


def test_kept_and_parked_are_marked_and_grouped_by_kind():
    parts = SlackRenderer.client_record(_summary("en", answer_length=2), "en")
    shown = _all_text(parts)
    assert "✅ *kept* · #4" in shown and "🅿️ *parked* · #1" in shown
    assert "✖️ *dropped* · #2" in shown and "▫️ *not sorted* · #3" in shown
    texts = [b["text"]["text"] for b in parts[0].blocks if b["type"] == "section"]
    ideas = next(text for text in texts if text.startswith("*Ideas* (2)"))
    assert "#2 contribution 2" in ideas and "#8 contribution 8" in ideas


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_long_record_goes_on_in_several_valid_messages_and_loses_nothing(lang):
    summary = _summary(lang, answer_length=250, contributions=60)  # ~3,000 chars an answer
    parts = SlackRenderer.client_record(summary, lang)
    assert len(parts) > 1
    for n, part in enumerate(parts, 1):
        assert problems(part.blocks, "message") == []
        assert len(part.blocks) <= 50
        assert f"({n}/{len(parts)})" in part.text
    texts = " ".join(
        b["text"]["text"].replace("\n> ", " ").replace("\n", " ")
        for p in parts
        for b in p.blocks
        if b["type"] == "section"
    )
    squeezed = " ".join(texts.split())
    for _, _, answers in summary.qa:
        for answer in answers:
            assert " ".join(escape(answer).split()) in squeezed
    for number, *_ in summary.items:
        assert f"#{number} contribution {number} " in texts
    assert parts[-1].blocks[-1]["type"] == "context"  # « for you only » closes the last


def test_days_in_words_and_decimal_commas():
    assert day_in_words(date(2026, 12, 10), "fr", "2026-12-01") == "jeudi 10 décembre"
    assert day_in_words(date(2027, 1, 1), "fr", "2026-12-01") == "vendredi 1er janvier 2027"
    assert day_in_words("2026-12-10", "en", "2026-01-01") == "Thursday, December 10"
    assert day_in_words("2027-01-01", "en") == "Friday, January 1, 2027"
    assert decimal(4.4, "fr") == "4,4" and decimal(4.4, "en") == "4.4"


def test_the_french_summary_writes_its_average_with_a_comma():
    payload = SlackRenderer.session_summary(_summary("fr"))
    assert "4,4/5" in json.dumps(payload.blocks, ensure_ascii=False)
    payload = SlackRenderer.session_summary(_summary("en"))
    assert "4.4/5" in json.dumps(payload.blocks, ensure_ascii=False)


def test_a_contribution_of_a_kind_no_longer_named_is_still_in_the_record():
    summary = _summary("en", answer_length=1, contributions=2)
    summary = SessionSummary(**{**summary.__dict__, "items": [(1, "legacy", "old <one>", None)]})
    shown = _all_text(SlackRenderer.client_record(summary, "en"))
    assert "*Legacy* (1)" in shown and "#1 old &lt;one&gt;" in shown
