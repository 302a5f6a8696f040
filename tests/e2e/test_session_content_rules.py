"""The phases' content at its edges: follow-up, open exploration, edits, deletions,
retried events, timers that a move cancels, refusals in private."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.emulator import Message
from tests.support.content_flows import (
    buttons,
    click_in_thread,
    everything_said,
    latest_with,
    reply,
    submit,
    thread,
)
from tests.support.flows import (
    add_peers,
    change_settings,
    ephemeral_texts,
    root_message,
    said,
    setup_group,
    start_session,
)
from tests.support.stack import CHANNEL, FACILITATOR, OUTSIDER, PEERS

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _start(stack, client=PEERS[0], peers=4, mode="live"):
    stack.clock.now = T0
    setup_group(stack, mode=mode)
    add_peers(stack, peers)
    start_session(stack, f"start <@{client}|x>")
    return root_message(stack)


def _next(stack, times=1):
    for _ in range(times):
        assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200


def _stored_contributions(stack):
    with stack.services.ctx.uow_factory() as uow:
        return [(c.kind, c.text) for c in uow.content.contributions(1)]


def test_the_previous_client_reports_on_their_action_items_at_follow_up(stack):
    root = _start(stack)
    _next(stack, 4)  # synthesis
    click_in_thread(stack, PEERS[0], root, "codev_write_action_plan")
    assert (
        submit(stack, PEERS[0], {"actions_text": "Call Anne — 2026-12-15\nPlan — 2026-12-20"}) == {}
    )
    _next(stack, 2)  # learning, then done
    assert change_settings(stack, {"follow_up": ["on"]}) == {}
    start_session(stack, f"start <@{PEERS[1]}|x>")
    root = root_message(stack)
    board = latest_with(thread(stack, root), "codev_action_item_status")
    assert "Call Anne" in str(board.blocks)
    done = next(v for v in buttons(board, "codev_action_item_status") if v.endswith(":done"))
    stack.driver.click(PEERS[2], CHANNEL, board.ts, "codev_action_item_status_done", done)
    stack.driver.click(PEERS[0], CHANNEL, board.ts, "codev_action_item_status_done", done)
    reply(stack, PEERS[0], root, "Anne agreed to take the planning.")
    stack.deliver()
    assert "Only the person who wrote this action plan" in " ".join(
        ephemeral_texts(stack, PEERS[2])
    )
    board = stack.emulator.message(CHANNEL, board.ts)
    assert board.edited and "✅ Call Anne" in str(board.blocks)
    assert stack.emulator.rejected() == []


def test_open_exploration_records_the_clients_clarifying_replies(stack):
    root = _start(stack)
    assert change_settings(stack, {"exploration": "open"}) == {}
    _next(stack, 3)
    ts = reply(stack, PEERS[0], root, "To be precise: the team is six people.")
    stack.deliver()
    assert stack.emulator.message(CHANNEL, ts).reactions
    assert ephemeral_texts(stack, PEERS[0]) == []


def test_edits_deletions_and_retried_events_keep_contributions_right(stack):
    root = _start(stack)
    _next(stack, 3)
    first = reply(stack, PEERS[1], root, "talk to her")
    second = reply(stack, PEERS[2], root, "a book on delegation")
    stack.driver.edit(PEERS[1], CHANNEL, first, "resource: a talk on ownership")
    stack.driver.delete(PEERS[2], CHANNEL, second)
    ts = stack.emulator.clock.next_ts()
    stack.emulator.store(
        Message(ts=ts, channel=CHANNEL, user=PEERS[3], text="idea: pair", thread_ts=root.ts)
    )
    event = {
        "type": "message",
        "user": PEERS[3],
        "text": "idea: pair",
        "ts": ts,
        "thread_ts": root.ts,
        "channel": CHANNEL,
        "event_ts": ts,
        "channel_type": "group",
    }
    for retry in (None, 1):
        assert stack.driver.event(event, event_id="EvRETRIED01", retry_num=retry).status == 200
    assert _stored_contributions(stack) == [("resource", "a talk on ownership"), ("idea", "pair")]
    stack.deliver()
    board = latest_with(stack.emulator.dms(PEERS[0]), "codev_harvest")
    assert "a talk on ownership" in str(board.blocks) and "delegation" not in str(board.blocks)
    assert stack.emulator.rejected() == []


def test_moving_on_cancels_the_phase_timers_and_the_next_phase_has_its_own(stack):
    root = _start(stack)
    _next(stack)  # leave the exposé at once
    stack.clock.now = T0 + timedelta(minutes=11)
    assert "⌛" not in everything_said(thread(stack, root))
    stack.clock.now = T0 + timedelta(minutes=13, seconds=30)
    assert "⏳" in everything_said(thread(stack, root))
    stack.clock.now = T0 + timedelta(minutes=16)
    said_now = everything_said(thread(stack, root))
    assert "⌛" in said_now and "Exposé" not in said_now.split("⌛")[1].split("\n")[0]


def test_refusals_on_content_buttons_are_private_and_say_why(stack):
    root = _start(stack)
    _next(stack)
    reply(stack, PEERS[1], root, "How big is the team?")
    click_in_thread(stack, PEERS[2], root, "codev_answer_question", ends_with=":1")
    _next(stack)
    click_in_thread(stack, PEERS[1], root, "codev_write_contract")
    stack.deliver()
    assert "Only the client answers" in " ".join(ephemeral_texts(stack, PEERS[2]))
    assert "and confirm or ask for a reformulation" in " ".join(ephemeral_texts(stack, PEERS[1]))
    nothing = stack.driver.command(PEERS[1], CHANNEL, "report")
    assert "no finished session yet" in said(nothing)
    assert "Only the members" in said(stack.driver.command(OUTSIDER, CHANNEL, "report"))
    contract = stack.driver.command(PEERS[1], CHANNEL, "contract Help me")
    assert "and confirm or ask for a reformulation" in said(contract)
