"""The facilitator confirms the suggested client, or picks another, with the buttons
of the suggestion DM; the preparation DM follows the choice."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.e2e.test_cycle_schedule import _plan, _ready
from tests.support.stack import CHANNEL, FACILITATOR, PEERS

SUGGESTED_AT = datetime(2027, 3, 9, 17, 0, tzinfo=UTC)  # 3 days before session 1
PREP_AT = datetime(2027, 3, 10, 17, 0, tzinfo=UTC)  # 2 days before


def _suggestion(stack):
    _ready(stack)
    _plan(stack, count="2")
    stack.clock.now = SUGGESTED_AT
    assert stack.services.cycle_jobs.suggest_clients() == 1
    stack.deliver()
    dm = stack.emulator.dm_channel(FACILITATOR)
    message = [m for m in stack.emulator.dms(FACILITATOR) if "rotation" in m.text][-1]
    return dm, message


def _prepared(stack) -> list[str]:
    stack.clock.now = PREP_AT
    stack.deliver()
    return [p for p in PEERS[:3] if any("client" in m.text for m in stack.emulator.dms(p))]


def test_the_facilitator_confirms_the_suggested_client_with_a_button(stack):
    dm, message = _suggestion(stack)
    assert PEERS[0] in message.text
    clicked = stack.driver.click(FACILITATOR, dm, message.ts, "codev_confirm_client")
    assert clicked.status == 200
    stack.deliver()
    answer = stack.emulator.dms(FACILITATOR)[-1]
    assert "will be the client of session 1" in answer.text and PEERS[0] in answer.text
    assert _prepared(stack) == [PEERS[0]]
    assert stack.emulator.rejected() == []


def test_the_facilitator_chooses_another_client_in_the_suggestion(stack):
    dm, message = _suggestion(stack)
    picked = stack.driver.click(FACILITATOR, dm, message.ts, "codev_choose_client", PEERS[2])
    assert picked.status == 200
    stack.deliver()
    assert PEERS[2] in stack.emulator.dms(FACILITATOR)[-1].text
    assert _prepared(stack) == [PEERS[2]]
    listed = stack.driver.command(PEERS[1], CHANNEL, "schedule list")
    assert f"client: <@{PEERS[2]}>" in listed.body
    assert stack.emulator.rejected() == []


def test_choosing_someone_outside_the_group_is_refused_and_the_suggestion_stands(stack):
    dm, message = _suggestion(stack)
    outsider = "U0NOTPEER"
    stack.driver.click(FACILITATOR, dm, message.ts, "codev_choose_client", outsider)
    stack.deliver()
    assert _prepared(stack) == [PEERS[0]]
    assert stack.emulator.rejected() == []


def test_going_back_to_the_suggested_client_after_choosing_another_prepares_them_again(stack):
    dm, message = _suggestion(stack)
    stack.driver.click(FACILITATOR, dm, message.ts, "codev_choose_client", PEERS[2])
    stack.driver.click(FACILITATOR, dm, message.ts, "codev_confirm_client")
    stack.deliver()
    assert _prepared(stack) == [PEERS[0]]
    assert stack.emulator.rejected() == []
