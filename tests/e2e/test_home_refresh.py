"""A person's App Home is republished when something about them changes elsewhere —
a session starts or ends in their group, they write their action plan, an item's
status changes — but only if they have opened their home before, and once per change."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.support.content_flows import buttons, click_in_thread, latest_with, submit, thread
from tests.support.flows import add_peers, change_settings, root_message, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
CLIENT = PEERS[0]


def _publishes(stack, user) -> int:
    return sum(
        1
        for c in stack.emulator.calls
        if c.method == "views.publish" and c.args.get("user_id") == user
    )


def _home_text(stack, user) -> str:
    return str((stack.emulator.home(user) or {}).get("blocks"))


def _open_home(stack, user):
    assert stack.driver.app_home_opened(user).status == 200
    stack.deliver()


def test_start_plan_and_end_republish_the_homes_of_those_who_opened_them(stack):
    stack.clock.now = T0
    setup_group(stack)
    add_peers(stack, 3)
    for person in (CLIENT, FACILITATOR):
        _open_home(stack, person)
    assert "running" not in _home_text(stack, CLIENT).lower()
    before = {p: _publishes(stack, p) for p in (CLIENT, FACILITATOR, PEERS[1])}

    start_session(stack, f"start <@{CLIENT}|x>")
    root = root_message(stack)
    assert _publishes(stack, CLIENT) == before[CLIENT] + 1
    assert _publishes(stack, FACILITATOR) == before[FACILITATOR] + 1
    assert _publishes(stack, PEERS[1]) == 0 and stack.emulator.home(PEERS[1]) is None
    assert "#1" in _home_text(stack, CLIENT)

    for _ in range(4):  # to synthesis: phase moves alone do not republish anyone's home
        stack.driver.command(FACILITATOR, CHANNEL, "next")
    stack.deliver()
    assert _publishes(stack, CLIENT) == before[CLIENT] + 1
    click_in_thread(stack, CLIENT, root, "codev_write_action_plan")
    assert submit(stack, CLIENT, {"actions_text": "Call Anne — 2026-12-15"}) == {}
    stack.deliver()
    assert _publishes(stack, CLIENT) == before[CLIENT] + 2
    assert "Call Anne" in _home_text(stack, CLIENT)
    assert _publishes(stack, FACILITATOR) == before[FACILITATOR] + 1

    stack.driver.command(FACILITATOR, CHANNEL, "next")
    stack.driver.command(FACILITATOR, CHANNEL, "next")  # the session ends
    stack.deliver()
    assert _publishes(stack, CLIENT) == before[CLIENT] + 3
    assert _publishes(stack, FACILITATOR) == before[FACILITATOR] + 2
    assert stack.emulator.home(PEERS[1]) is None
    assert stack.emulator.rejected() == []


def test_a_follow_up_status_republishes_the_owners_home_once(stack):
    stack.clock.now = T0
    setup_group(stack)
    add_peers(stack, 3)
    start_session(stack, f"start <@{CLIENT}|x>")
    root = root_message(stack)
    for _ in range(4):
        stack.driver.command(FACILITATOR, CHANNEL, "next")
    click_in_thread(stack, CLIENT, root, "codev_write_action_plan")
    assert submit(stack, CLIENT, {"actions_text": "Call Anne — 2026-12-15"}) == {}
    stack.driver.command(FACILITATOR, CHANNEL, "next")
    stack.driver.command(FACILITATOR, CHANNEL, "next")  # the session ends
    assert change_settings(stack, {"follow_up": ["on"]}) == {}
    _open_home(stack, CLIENT)
    assert "Call Anne" in _home_text(stack, CLIENT)

    start_session(stack, f"start <@{PEERS[1]}|x>")
    root = root_message(stack)
    count = _publishes(stack, CLIENT)
    board = latest_with(thread(stack, root), "codev_action_item_status")
    done = next(v for v in buttons(board, "codev_action_item_status") if v.endswith(":done"))
    stack.driver.click(CLIENT, CHANNEL, board.ts, "codev_action_item_status_done", done)
    stack.deliver()
    assert _publishes(stack, CLIENT) == count + 1
    assert "Call Anne" not in _home_text(stack, CLIENT)  # done: no longer an open item
    assert stack.emulator.rejected() == []
