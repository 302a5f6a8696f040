"""forget-me in the middle of a session, while Slack answers 429 and 500: the
session's channel keeps flowing, and the boards are posted without the person."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from bot.persistence.models import OutboxRow
from tests.support.content_flows import everything_said, reply, thread
from tests.support.data import START, uow
from tests.support.flows import add_peers, root_message, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS

CLIENT, GONE, STAYS = PEERS[0], PEERS[1], PEERS[2]
T0 = START  # a day after the test world begins


def _due(stack) -> int:
    with uow(stack) as u:
        stmt = select(func.count()).where(
            OutboxRow.status.in_(("pending", "sending")), OutboxRow.due_at <= stack.clock.now
        )
        return u.db.scalar(stmt)


def _deliver_everything_due(stack, rounds=300):
    """Deliver, letting time pass for Slack's Retry-After and the backoffs."""
    for _ in range(rounds):
        stack.deliver()
        if _due(stack) == 0:
            return
        stack.clock.now += timedelta(seconds=3)
    raise AssertionError(f"{_due(stack)} rows still due: the channel is held")


def _forget(stack, person):
    stack.driver.command(person, CHANNEL, "forget-me")
    confirm = stack.emulator.ephemerals(user=person)[-1]
    assert (
        stack.driver.click(person, CHANNEL, confirm.ts, "codev_forget_confirm", person).status
        == 200
    )


def test_forget_me_mid_session_under_rate_limits_does_not_hold_the_channel(stack):
    stack.clock.now = T0
    setup_group(stack)
    add_peers(stack, 3)
    start_session(stack, f"start <@{CLIENT}|peer1>")
    root = root_message(stack)
    assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200
    stack.deliver()

    # The board's first post is cut short (a 500: it may or may not be in Slack) and
    # everything after it is rate limited, while the person who asked is forgotten.
    stack.emulator.fail_next("chat.postMessage", status=500)
    reply(stack, GONE, root, "GONEWORDS why do you plan alone?")
    stack.deliver()
    stack.emulator.set_fault_rates(rate_429=0.5, methods=["chat.postMessage", "chat.update"])
    reply(stack, GONE, root, "GONEWORDS who decides?")
    reply(stack, STAYS, root, "STAYSWORDS what did you try?")
    stack.deliver()
    _forget(stack, GONE)
    reply(stack, STAYS, root, "STAYSWORDS when did it start?")
    reply(stack, CLIENT, root, "Q1 CLIENTWORDS since the summer")
    assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200  # contract
    assert stack.driver.command(FACILITATOR, CHANNEL, "status").status == 200
    stack.deliver()
    _deliver_everything_due(stack)

    stack.emulator.set_fault_rates()
    shown = everything_said(thread(stack, root))
    assert "STAYSWORDS what did you try?" in shown and "STAYSWORDS when did it start?" in shown
    assert "CLIENTWORDS since the summer" in shown
    bot_said = everything_said([m for m in thread(stack, root) if m.bot])
    assert "GONEWORDS" not in bot_said
    assert "STAYSWORDS when did it start?" in bot_said  # the board, without the person
    assert "3." in bot_said or "Contract" in bot_said  # the contract phase was announced
    with uow(stack) as u:
        waiting = u.db.scalars(
            select(OutboxRow.status).where(OutboxRow.due_at <= stack.clock.now)
        ).all()
    assert "pending" not in waiting and "sending" not in waiting
    assert stack.emulator.rejected() == []


def test_forgetting_the_client_mid_exploration_drops_the_updates_of_their_board(stack):
    """The client's harvest board, still queued to them, is cancelled with them: its
    queued updates must not wait for it."""
    stack.clock.now = T0
    setup_group(stack)
    add_peers(stack, 3)
    start_session(stack, f"start <@{CLIENT}|peer1>")
    root = root_message(stack)
    for _ in range(3):  # on to exploration
        assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200
    stack.deliver()
    stack.emulator.fail_next("chat.postMessage", status=429, retry_after=30, times=3)
    reply(stack, GONE, root, "idea: GONEWORDS a rota")
    reply(stack, STAYS, root, "idea: STAYSWORDS a shared board")
    stack.deliver()
    _forget(stack, CLIENT)
    reply(stack, STAYS, root, "idea: STAYSWORDS ask them first")
    assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200  # synthesis
    _deliver_everything_due(stack)

    shown = everything_said(thread(stack, root))
    assert "STAYSWORDS ask them first" in shown
    with uow(stack) as u:
        rows = u.db.scalars(select(OutboxRow).where(OutboxRow.due_at <= stack.clock.now)).all()
        assert {r.status for r in rows} <= {"sent", "cancelled", "superseded"}
        assert any(r.target_ref and r.status == "cancelled" for r in rows)
    assert stack.emulator.rejected() == []
