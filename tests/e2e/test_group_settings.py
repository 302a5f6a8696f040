"""The facilitator tunes how sessions run with `/codev settings` (`réglages`): phase 0,
strict or open exploration, live time boxes and async deadlines per phase."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.support.flows import (
    add_peers,
    change_settings,
    ephemeral_texts,
    open_view_id,
    root_message,
    said,
    setup_group,
    start_session,
)
from tests.support.stack import CHANNEL, FACILITATOR, OUTSIDER, PEERS, TEAM

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _group(stack):
    with stack.services.ctx.uow_factory() as uow:
        group = uow.groups.by_channel(TEAM, CHANNEL)
        return (
            group.with_follow_up,
            group.strict_exploration,
            group.live_minutes,
            group.async_hours,
        )


def _field(view, block_id):
    block = next(b for b in view["blocks"] if b.get("block_id") == block_id)
    return block["element"]


def test_the_settings_modal_shows_the_defaults_and_saves_what_the_facilitator_changes(stack):
    stack.clock.now = T0
    setup_group(stack)
    assert stack.driver.command(FACILITATOR, CHANNEL, "réglages").status == 200
    view = stack.emulator.view(open_view_id(stack))
    assert _field(view, "live_2")["initial_value"] == "15"
    assert _field(view, "async_4")["initial_value"] == "48"
    assert _field(view, "exploration")["initial_option"]["value"] == "open"  # by default
    assert _field(view, "follow_up")["initial_options"][0]["value"] == "on"  # the method's

    errors = change_settings(
        stack,
        {"follow_up": [], "exploration": "strict", "live_2": "20", "async_4": "72"},
    )
    assert errors == {}
    assert _group(stack) == (False, True, {"2": 20}, {"4": 72})
    stack.deliver()
    saved = ephemeral_texts(stack, FACILITATOR)[-1]
    assert "Session settings of *Managers circle* saved" in saved
    assert "10 / 20 / 5 / 25 / 15 / 15 minutes" in saved
    assert "24 / 48 / 24 / 72 / 24 / 24 hours" in saved

    # opened again, the modal shows what is in force; an empty field goes back to the default
    assert stack.driver.command(FACILITATOR, CHANNEL, "settings").status == 200
    view = stack.emulator.view(open_view_id(stack))
    assert _field(view, "live_2")["initial_value"] == "20"
    assert not _field(view, "follow_up").get("initial_options")
    assert change_settings(stack, {"live_2": "", "follow_up": ["on"]}) == {}
    assert _group(stack) == (True, True, None, {"4": 72})
    assert stack.emulator.rejected() == []


def test_a_live_session_runs_with_the_groups_own_time_boxes(stack):
    stack.clock.now = T0
    setup_group(stack)
    add_peers(stack, 3)
    assert change_settings(stack, {"live_1": "3", "live_2": "20"}) == {}
    start_session(stack, f"start <@{PEERS[0]}|x>")
    root = root_message(stack)
    assert "Time box: 3 min" in str(root.blocks)
    stack.clock.now = T0 + timedelta(minutes=3)
    stack.deliver()
    over = [m.text for m in stack.emulator.thread(CHANNEL, root.ts) if "⌛" in m.text]
    assert over, "the exposé's 3 minutes are over"
    assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200
    stack.deliver()
    root = stack.emulator.message(CHANNEL, root.ts)
    assert "Time box: 20 min" in str(root.blocks)
    assert stack.emulator.rejected() == []


def test_an_async_session_gets_the_groups_deadline_and_the_follow_up_phase(stack):
    stack.clock.now = T0
    setup_group(stack, mode="async")
    add_peers(stack, 3)
    assert change_settings(stack, {"async_0": "72"}) == {}
    start_session(stack, f"start <@{PEERS[0]}|x>")
    with stack.services.ctx.uow_factory() as uow:  # the first session has nothing to follow
        assert uow.sessions.running(uow.groups.by_channel(TEAM, CHANNEL).id).phase == 1
    stack.services.sessions.end(TEAM, CHANNEL, FACILITATOR)
    start_session(stack, f"start <@{PEERS[1]}|x>")
    with stack.services.ctx.uow_factory() as uow:
        session = uow.sessions.running(uow.groups.by_channel(TEAM, CHANNEL).id)
        assert session.phase == 0
        assert session.phase_deadline == T0 + timedelta(hours=72)
    root = root_message(stack)
    assert str(int((T0 + timedelta(hours=72)).timestamp())) in str(root.blocks)
    assert stack.emulator.rejected() == []


def test_time_boxes_out_of_bounds_come_back_on_their_fields_in_french(stack_fr):
    stack = stack_fr
    setup_group(stack, lang="fr")
    errors = change_settings(
        stack, {"live_0": "0", "live_4": "241", "async_2": "337", "async_5": "deux"}
    )
    assert set(errors) == {"live_0", "live_4", "async_2", "async_5"}
    assert errors["live_4"] == "Une phase en direct dure de 1 à 240 minutes."
    assert "336" in errors["async_2"] and "2 jours" in errors["async_5"]
    assert _group(stack) == (True, False, None, None)  # unchanged: phase 0 on, open exploration
    assert stack.emulator.rejected() == []


def test_only_the_facilitator_changes_the_settings(stack):
    answer = stack.driver.command(FACILITATOR, CHANNEL, "settings")
    assert "no codev group in this channel" in said(answer)
    setup_group(stack)
    add_peers(stack, 2)
    views = len(stack.emulator.views)
    for person in (PEERS[0], OUTSIDER):
        answer = stack.driver.command(person, CHANNEL, "settings")
        assert "Only the group's facilitator" in said(answer)
    assert len(stack.emulator.views) == views
    assert stack.emulator.rejected() == []
