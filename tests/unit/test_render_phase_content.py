"""Every message and modal of the phases' content renders as Slack accepts it, in both languages."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.emulator.blockkit import problems, view_problems
from bot.i18n import t
from bot.services.action_plan import PlanRow
from bot.services.read_models import SessionView
from bot.slack.render import content, content_modals, harvest, session

LONG = "é<&>" * 900  # escaped and cut, never over a block's limit


def _view(phase: int) -> SessionView:
    return SessionView(
        id=3,
        number=2,
        group_name="Cercle",
        channel_id="C1",
        lang="fr",
        mode="async",
        status="running",
        phase=phase,
        phases=tuple(range(1, 7)),
        client_id="U1",
        facilitator_id="UF",
        consultants=("U2", "U3"),
        deadline=datetime(2026, 12, 1, 9, tzinfo=UTC),
        version=4,
    )


@pytest.fixture(params=["fr", "en"])
def lang(request):
    return request.param


def test_the_contract_card_shows_who_confirmed_and_who_asks_to_reword(lang):
    card = content.contract_card(
        lang,
        3,
        LONG,
        ["ideas", "resources"],
        2,
        confirmed=["U2"],
        reword=["U3"],
        consultants=["U2", "U3", "U4"],
    )
    assert problems(card.blocks, "message") == []
    text = str(card.blocks)
    assert "<@U2>" in text and "<@U3>" in text and "<@U4>" in text
    assert t(lang, "help.resources") in text and "3:2" in text


def test_the_harvest_board_offers_keep_park_drop_and_a_kind_for_each_contribution(lang):
    items = [
        (
            i,
            i,
            f"U{i}",
            "idea" if i % 2 else "resource",
            LONG,
            (None, "keep", "park", "drop")[i % 4],
        )
        for i in range(1, 30)
    ]
    board = harvest.harvest_board(lang, 3, 2, items)
    assert problems(board.blocks, "message") == []
    assert len(board.blocks) <= 50
    assert t(lang, "harvest.more", count=29 - harvest.MAX_ON_BOARD) in str(board.blocks)


def test_an_empty_harvest_board_still_renders(lang):
    assert problems(harvest.harvest_board(lang, 3, 2, []).blocks, "message") == []


def test_the_action_plan_and_the_follow_up_board_render(lang):
    plan = harvest.action_plan(lang, [(LONG, "2026-12-15"), ("Call Anne", "2026-12-20")])
    assert problems(plan.blocks, "message") == []
    items = [(1, LONG, "2026-12-15", "open"), (2, "Call Anne", None, "done")]
    board = harvest.follow_up_board(lang, 3, [("U1", 2, items), ("U2", 1, items[:1])])
    assert problems(board.blocks, "message") == []
    assert "<@U1>" in str(board.blocks) and "<@U2>" in str(board.blocks)
    assert problems(harvest.follow_up_board(lang, 3, []).blocks, "message") == []


def test_a_long_follow_up_board_stays_within_a_message_and_says_what_it_left_out(lang):
    sections = [
        (f"U{n}", n, [(n * 100 + i, "Act", None, "open") for i in range(8)])
        for n in range(6, 0, -1)
    ]
    board = harvest.follow_up_board(lang, 3, sections)
    assert problems(board.blocks, "message") == [] and len(board.blocks) <= 50
    shown = sum(1 for b in board.blocks if b["type"] == "actions")
    assert t(lang, "follow_up.more", count=48 - shown) in str(board.blocks)
    assert "<@U6>" in str(board.blocks) and "<@U1>" not in str(board.blocks)  # latest first


@pytest.mark.parametrize("when", ["soon", "over"])
def test_time_notices_name_the_phase(lang, when):
    notice = harvest.time_notice(lang, 2, when, 2)
    assert problems(notice.blocks, "message") == []
    assert t(lang, "phase.clarification.name") in notice.text


@pytest.mark.parametrize(
    ("phase", "action_id"),
    [(3, "codev_write_contract"), (5, "codev_write_action_plan"), (6, "codev_evaluate")],
)
def test_phase_prompts_carry_their_modal_button(phase, action_id):
    prompt = session.phase_prompt(_view(phase))
    assert problems(prompt.blocks, "message") == []
    assert action_id in str(prompt.blocks)


def test_modals_render_empty_and_prefilled(lang):
    views = [
        content_modals.answer_modal(lang, 3, 7, LONG),
        content_modals.contract_modal(lang, 3, "", []),
        content_modals.contract_modal(lang, 3, LONG[:3000], ["ideas", "impressions"]),
        content_modals.action_plan_modal(lang, 3, []),
        content_modals.action_plan_modal(
            lang, 3, [PlanRow(LONG[:500], date(2026, 12, 15), "Anne", "she agrees")] * 12, 4
        ),
        content_modals.evaluation_modal(lang, 3, None, {}),
        content_modals.evaluation_modal(lang, 3, 4, {"learnings": "to listen"}),
    ]
    for view in views:
        assert view_problems(view) == [], view["callback_id"]
