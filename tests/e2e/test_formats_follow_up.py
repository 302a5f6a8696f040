"""Phase 0, « retour sur la séance précédente », as the method has it: on by default
for a new group (from its second session), and it reviews every earlier client's
actions still open, not only the last client's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.support.content_flows import click_in_thread, latest_with, submit, thread
from tests.support.flows import add_peers, root_message, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, TEAM

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
ANNA, BRUNO, CARLA = PEERS[0], PEERS[1], PEERS[2]


def _phase(stack) -> int | None:
    with stack.services.ctx.uow_factory() as uow:
        return uow.sessions.running(uow.groups.by_channel(TEAM, CHANNEL).id).phase


def _session_with_a_plan(stack, client, plan: str) -> None:
    """A session of `client` who writes `plan`, walked to its end."""
    stack.driver.command(FACILITATOR, CHANNEL, f"start <@{client}|x>")
    root = root_message(stack)
    while _phase(stack) != 5:
        stack.driver.command(FACILITATOR, CHANNEL, "next")
    click_in_thread(stack, client, root, "codev_write_action_plan")
    assert submit(stack, client, {"actions_text": plan}) == {}
    stack.services.sessions.end(TEAM, CHANNEL, FACILITATOR)


def _board(stack):
    root = root_message(stack)
    return latest_with(thread(stack, root), "codev_action_item_status")


def _click(stack, user, board, item_text: str, status: str) -> None:
    """`user` presses `status` under the item that reads `item_text`."""
    blocks = board.blocks
    index = next(i for i, b in enumerate(blocks) if item_text in str(b.get("text", "")))
    value = next(
        e["value"] for e in blocks[index + 1]["elements"] if e["value"].endswith(f":{status}")
    )
    answer = stack.driver.click(
        user, CHANNEL, board.ts, f"codev_action_item_status_{status}", value
    )
    assert answer.status == 200
    stack.deliver()


def test_phase_0_is_on_by_default_and_reviews_every_earlier_clients_open_actions(stack):
    stack.clock.now = T0
    setup_group(stack)
    add_peers(stack, 6)
    _session_with_a_plan(stack, ANNA, "Call the board — 2026-12-20\nHire a coach")
    stack.clock.now = T0 + timedelta(days=14)
    stack.driver.command(FACILITATOR, CHANNEL, f"start <@{BRUNO}|x>")
    assert _phase(stack) == 0  # nobody turned it on: the method's default
    board = _board(stack)
    assert f"<@{ANNA}>" in str(board.blocks) and "Call the board" in str(board.blocks)
    _click(stack, ANNA, board, "Call the board", "done")
    assert "Done" in str(_board(stack).blocks)  # reported now: still on the board, marked
    while _phase(stack) != 5:
        stack.driver.command(FACILITATOR, CHANNEL, "next")
    click_in_thread(stack, BRUNO, root_message(stack), "codev_write_action_plan")
    assert submit(stack, BRUNO, {"actions_text": "Draft the budget"}) == {}
    stack.services.sessions.end(TEAM, CHANNEL, FACILITATOR)

    stack.clock.now = T0 + timedelta(days=28)
    stack.driver.command(FACILITATOR, CHANNEL, f"start <@{CARLA}|x>")
    board = _board(stack)
    shown = str(board.blocks)
    assert f"<@{BRUNO}>" in shown and "Draft the budget" in shown  # the last client's plan
    assert f"<@{ANNA}>" in shown and "Hire a coach" in shown  # still open from session 1
    assert "Call the board" not in shown  # done last time: nothing more to say
    assert shown.index(BRUNO) < shown.index(ANNA)  # the last client first
    _click(stack, BRUNO, board, "Hire a coach", "done")  # not his: refused, in words
    assert "Only the person who wrote" in stack.emulator.ephemerals(BRUNO, CHANNEL)[-1].text
    _click(stack, ANNA, board, "Hire a coach", "in_progress")
    assert "In progress" in str(_board(stack).blocks)
    assert stack.emulator.rejected() == []


def test_the_first_session_starts_with_the_expose(stack):
    stack.clock.now = T0
    setup_group(stack)
    add_peers(stack, 6)
    stack.driver.command(FACILITATOR, CHANNEL, f"start <@{ANNA}|x>")
    assert _phase(stack) == 1
