"""Nudges, follow-ups, the cycle's end, the client choice and the charter's prompt and
modal render as Slack accepts them, in both languages, with user text escaped."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.emulator.blockkit import problems, view_problems
from bot.services.charter import CharterView
from bot.services.schedule import CycleView
from bot.slack.render import cycle, cycle_modal, nudges

LONG = "é<&>" * 900
WHEN = datetime(2027, 3, 12, 17, tzinfo=UTC)


@pytest.fixture(params=["fr", "en"])
def lang(request):
    return request.param


@pytest.mark.parametrize("kind", ["ask", "answer", "contract", "confirm", "rate"])
def test_each_phase_nudge_names_the_session_the_channel_and_the_deadline(lang, kind):
    nudge = nudges.phase_nudge(lang, kind, "A<b>", 3, "C1", WHEN, 2)
    assert problems(nudge.blocks, "message") == []
    assert "<#C1>" in nudge.text and "<!date^" in nudge.text and "A&lt;b&gt;" in nudge.text


def test_follow_ups_quote_the_items_escaped_and_cut(lang):
    due = nudges.item_due(lang, "Cercle", 1, LONG)
    recap = nudges.items_recap(lang, "Cercle", 2, WHEN, [(LONG, "2027-03-05"), ("x", None)], "UTC")
    for payload in (due, recap):
        assert problems(payload.blocks, "message") == []
        assert "<&>" not in str(payload.blocks)


def test_the_cycle_end_messages_render(lang):
    view = CycleView(lang, "UTC", "Cercle", [], 35, 4.0, 2.0, [1440], [("U1", 1), ("U2", 0)])
    assert problems(nudges.cycle_closed(view, 2, ["U2"]).blocks, "message") == []
    refused = nudges.close_refused(lang, "C1", ["U2", "U3"])
    assert problems(refused.blocks, "message") == []
    assert "codev_close_cycle" in str(refused.blocks)


def test_the_suggestion_offers_a_confirm_button_and_a_user_picker(lang):
    suggestion = cycle.client_suggestion(
        lang, "Cercle", 4, WHEN, ["U1", "U2"], ["U3"], [("U2", LONG)], "UTC", "C1"
    )
    assert problems(suggestion.blocks, "message") == []
    assert "codev_confirm_client" in str(suggestion.blocks)
    assert "users_select" in str(suggestion.blocks) and "client:C1:4" in str(suggestion.blocks)
    nobody = cycle.client_suggestion(lang, "Cercle", 4, WHEN, [], [], [], "UTC", "C1")
    assert problems(nobody.blocks, "message") == []
    assert "codev_confirm_client" not in str(nobody.blocks)


def test_the_charter_prompt_the_changed_charter_and_the_edit_modal_render(lang):
    own = CharterView(lang, "Cercle", LONG, None, True, "C1")
    for held in (True, False):
        prompt = cycle.charter_prompt(own, held)
        assert problems(prompt.blocks, "message") == []
        assert '"value": "C1"' in str(prompt.blocks).replace("'", '"')
    assert problems(cycle.charter_changed(own).blocks, "message") == []
    assert view_problems(cycle_modal.charter_modal(lang, "C1", LONG)) == []
    assert view_problems(cycle_modal.charter_modal(lang, "C1", cycle.default_charter(lang))) == []
