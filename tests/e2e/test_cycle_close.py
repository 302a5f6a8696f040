"""The facilitator closes the cycle: refused while a member was never client unless
they close anyway; the planned sessions left are called off with their reminders."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.e2e.test_cycle_schedule import NOW, _plan, _ready
from tests.support.flows import said, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS


def _run_session(stack, client):
    assert client in said(start_session(stack, f"start <@{client}|x>"))
    stack.services.sessions.end(stack.emulator.team_id, CHANNEL, FACILITATOR)


def _close_button(stack):
    return [
        m
        for m in stack.emulator.ephemerals(FACILITATOR, CHANNEL)
        if "codev_close_cycle" in str(m.blocks)
    ][-1]


def test_closing_names_who_was_never_client_and_closing_anyway_calls_off_what_is_left(stack):
    _ready(stack)
    _plan(stack, count="3")
    stack.clock.now = datetime(2027, 3, 12, 17, 0, tzinfo=UTC)
    _run_session(stack, PEERS[0])
    refused = stack.driver.command(FACILITATOR, CHANNEL, "schedule close")
    text = said(refused)
    assert "Not closed" in text and PEERS[1] in text and PEERS[2] in text
    assert PEERS[0] not in text.split("Not closed")[1].split("Plan a session")[0]
    assert "facilitator" in said(stack.driver.command(PEERS[0], CHANNEL, "schedule close"))
    stack.deliver()
    assert not any("is closed" in m.text for m in stack.emulator.channel_messages(CHANNEL))
    refusal = _close_button(stack)
    clicked = stack.driver.click(FACILITATOR, CHANNEL, refusal.ts, "codev_close_cycle")
    assert clicked.status == 200
    stack.deliver()
    closing = [m for m in stack.emulator.channel_messages(CHANNEL) if "is closed" in m.text]
    assert len(closing) == 1 and "2 planned session(s) were called off" in closing[0].text
    listed = said(stack.driver.command(PEERS[1], CHANNEL, "schedule list"))
    assert listed.count("cancelled") == 2 and "done" in listed
    stack.clock.now = datetime(2027, 3, 19, 16, 0, tzinfo=UTC)  # a reminder time of session 2
    before = len(stack.emulator.dms(PEERS[1]))
    stack.deliver()
    assert len(stack.emulator.dms(PEERS[1])) == before
    assert stack.emulator.rejected() == []


def test_a_cycle_where_everyone_was_client_closes_at_once_in_french(stack_fr):
    stack = stack_fr
    stack.clock.now = NOW
    setup_group(stack, lang="fr")
    stack.driver.command(FACILITATOR, CHANNEL, f"membres add <@{PEERS[0]}|a> <@{PEERS[1]}|b>")
    _plan(stack, count="2")
    stack.clock.now = datetime(2027, 3, 12, 17, 0, tzinfo=UTC)
    _run_session(stack, PEERS[0])
    assert PEERS[1] in said(start_session(stack, "start"))  # fewest turns
    assert "Une séance est en cours" in said(
        stack.driver.command(FACILITATOR, CHANNEL, "planifier clore")
    )
    stack.services.sessions.end(stack.emulator.team_id, CHANNEL, FACILITATOR)
    closed = said(stack.driver.command(FACILITATOR, CHANNEL, "planifier clore"))
    assert "Le cycle est clos" in closed
    stack.deliver()
    closing = [m for m in stack.emulator.channel_messages(CHANNEL) if "est clos" in m.text]
    assert len(closing) == 1 and "1 séance(s) prévue(s) annulée(s)" in closing[0].text
    assert stack.emulator.rejected() == []
