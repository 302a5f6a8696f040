"""Async deadlines on the group's working days (weekends and, when a country is given,
its public holidays skipped), and moving on by itself at a deadline, said in the thread."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services.nudges import NudgeJobs
from tests.support.content_flows import thread
from tests.support.flows import add_peers, change_settings, root_message, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, TEAM

FRIDAY = datetime(2027, 3, 26, 14, 0, tzinfo=UTC)  # 15:00 in Paris, before Easter
TUESDAY_DEADLINE = datetime(2027, 3, 30, 13, 0, tzinfo=UTC)  # 15:00 in Paris (summer time)


def _row(stack):
    with stack.services.ctx.uow_factory() as uow:
        row = uow.sessions.running(uow.groups.by_channel(TEAM, CHANNEL).id)
        return row.phase, row.phase_deadline


def _group(stack, settings: dict):
    stack.clock.now = FRIDAY
    setup_group(stack, mode="async")
    add_peers(stack, 5)
    assert change_settings(stack, {"async_1": "24", **settings}) == {}
    stack.driver.command(FACILITATOR, CHANNEL, f"start <@{PEERS[0]}|x>")


def test_a_deadline_skips_the_weekend_and_easter_monday_then_the_session_moves_on(stack):
    _group(stack, {"workdays": ["weekends", "auto"], "holiday_country": "fr"})
    assert _row(stack) == (1, TUESDAY_DEADLINE)  # Fri 9 h + Tue 15 h: 24 working hours
    root = root_message(stack)
    assert str(int(TUESDAY_DEADLINE.timestamp())) in str(root.blocks)

    stack.clock.now = datetime(2027, 3, 30, 12, 0, tzinfo=UTC)  # an hour before
    NudgeJobs(stack.services.ctx).run()
    assert _row(stack)[0] == 1
    stack.clock.now = TUESDAY_DEADLINE.replace(minute=1)
    NudgeJobs(stack.services.ctx).run()
    NudgeJobs(stack.services.ctx).run()  # once only
    assert _row(stack)[0] == 2
    stack.deliver()
    said = [m.text for m in thread(stack, root) if "by itself" in m.text]
    assert len(said) == 1 and "*Exposé*" in said[0] and "*Clarification*" in said[0]
    assert stack.emulator.rejected() == []


def test_without_the_settings_deadlines_count_every_day_and_nothing_moves_alone(stack):
    _group(stack, {})
    phase, deadline = _row(stack)
    assert deadline == datetime(2027, 3, 27, 14, 0, tzinfo=UTC)  # Saturday, 24 h later
    stack.clock.now = datetime(2027, 3, 28, 9, 0, tzinfo=UTC)
    NudgeJobs(stack.services.ctx).run()
    assert _row(stack)[0] == 1  # the facilitator moves on


def test_an_unknown_country_is_refused_on_its_field_in_french(stack_fr):
    stack = stack_fr
    setup_group(stack, lang="fr")
    errors = change_settings(stack, {"holiday_country": "Francia"})
    assert "deux lettres" in errors["holiday_country"]
    assert change_settings(stack, {"holiday_country": "be", "workdays": ["weekends"]}) == {}
    stack.deliver()
    saved = stack.emulator.ephemerals(FACILITATOR, CHANNEL)[-1].text
    assert "jours ouvrés" in saved and "fériés de BE" in saved
