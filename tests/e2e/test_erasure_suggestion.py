"""forget-me reaches the DMs sent to others: the facilitator's suggestion of a planned
session's client, which lists the members' pitched topics, is rendered again
without the person, who is no longer the planned client."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.e2e.test_cycle_schedule import _plan, _ready
from tests.support.data import uow
from tests.support.stack import CHANNEL, FACILITATOR, PEERS

SUGGESTED_AT = datetime(2027, 3, 9, 17, 0, tzinfo=UTC)  # 3 days before session 1
GONE, STAYS = PEERS[0], PEERS[1]


def _suggestion(stack):
    return [m for m in stack.emulator.dms(FACILITATOR) if "rotation" in m.text][-1]


def test_the_client_suggestion_is_rendered_again_without_the_forgotten_person(stack):
    _ready(stack)
    stack.driver.command(GONE, CHANNEL, 'topic MKGONETOPIC "handing over" & <more>')
    stack.driver.command(STAYS, CHANNEL, "topic MKSTAYSTOPIC a hard talk")
    _plan(stack, count="2")
    stack.clock.now = SUGGESTED_AT
    assert stack.services.cycle_jobs.suggest_clients() == 1
    stack.deliver()
    before = _suggestion(stack)
    assert GONE in before.text and "MKGONETOPIC" in str(before.blocks)

    stack.driver.command(GONE, CHANNEL, "forget-me")
    confirm = stack.emulator.ephemerals(user=GONE)[-1]
    stack.driver.click(GONE, CHANNEL, confirm.ts, "codev_forget_confirm", GONE)
    stack.deliver()

    after = stack.emulator.message(stack.emulator.dm_channel(FACILITATOR), before.ts)
    shown = after.text + str(after.blocks)
    assert "MKGONETOPIC" not in shown and GONE not in shown
    assert "MKSTAYSTOPIC" in shown
    with uow(stack) as u:
        session, plan = u.cycle.slot(u.groups.by_channel("T0CODEV", CHANNEL).id, 1)
        assert session.client_id == "" and plan.suggested_client_id is None
    assert stack.emulator.rejected() == []
