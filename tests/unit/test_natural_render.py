"""The private "which question?" message and a plan with an undated action render as
Slack accepts them, in both languages, with user text escaped."""

from __future__ import annotations

import pytest

from bot.emulator.blockkit import problems
from bot.i18n import t
from bot.slack.render import content, harvest
from bot.slack.render.kit import day_in_words

LONG = "é<&>" * 900


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_which_question_message_offers_a_button_per_question_and_none(lang):
    choices = [(n, f"<!channel> question {n} " + LONG) for n in range(1, 25)]
    message = content.answer_choice(lang, 3, 17, "<!here> " + LONG, choices, missing=None)
    assert problems(message.blocks) == []
    values = [e["value"] for b in message.blocks if b["type"] == "actions" for e in b["elements"]]
    assert values == [f"3:17:{n}" for n in range(1, 25)] + ["3:17:none"]
    shown = str(message.blocks)
    assert "<!here>" not in shown and t(lang, "answer.not_an_answer") in shown
    missing = content.answer_choice(lang, 3, 17, "Q9 oui", [(2, "Why?")], missing=9)
    assert t(lang, "answer.which_missing", number=9) in missing.text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_action_without_a_date_says_so_in_the_plan(lang):
    plan = harvest.action_plan(lang, [("Call Anne", "2026-12-15"), ("Think it over", None)])
    assert problems(plan.blocks) == []
    shown = str(plan.blocks)
    assert t(lang, "summary.due", date=day_in_words("2026-12-15", lang)) in shown
    assert t(lang, "plan.no_date") in shown and "None" not in shown
