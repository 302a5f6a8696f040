"""Nudges and follow-ups through the app: an async session's silent consultant and
its client get a DM before clarification closes, each in their language; a client
gets their action item on its due date. Slack accepts every message."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.services.nudges import NudgeJobs
from tests.support.content_flows import reply
from tests.support.flows import add_peers, root_message, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, TEAM

START = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
CLIENT, ASKER, SILENT = PEERS[:3]


def _run(stack, at):
    stack.clock.now = at
    queued = NudgeJobs(stack.services.ctx).run()
    stack.deliver()
    return queued


def test_an_async_clarification_nudges_who_has_not_acted_in_their_language(stack):
    stack.clock.now = START
    setup_group(stack, mode="async")
    add_peers(stack, 3)
    stack.driver.command(SILENT, CHANNEL, "lang fr")
    start_session(stack, f"start <@{CLIENT}|x>")
    root = root_message(stack)
    stack.driver.command(FACILITATOR, CHANNEL, "next")
    reply(stack, ASKER, root, "What did you try already?")
    assert _run(stack, START + timedelta(hours=30)) == 0
    assert _run(stack, START + timedelta(hours=36)) == 2
    silent = [m.text for m in stack.emulator.dms(SILENT) if "clarification" in m.text]
    client = [m.text for m in stack.emulator.dms(CLIENT) if "clarification" in m.text]
    assert len(silent) == 1 and "pas encore posé de question" in silent[0]
    assert len(client) == 1 and "1 question(s) still wait" in client[0]
    assert not any("clarification" in m.text for m in stack.emulator.dms(ASKER))
    assert _run(stack, START + timedelta(hours=40)) == 0
    assert stack.emulator.rejected() == []


def test_the_client_gets_an_open_action_item_on_its_due_date(stack):
    stack.clock.now = START
    setup_group(stack)
    add_peers(stack, 3)
    start_session(stack, f"start <@{CLIENT}|x>")
    for _ in range(4):
        stack.driver.command(FACILITATOR, CHANNEL, "next")
    with stack.services.ctx.uow_factory() as uow:
        session_id = uow.sessions.running(uow.groups.by_channel(TEAM, CHANNEL).id).id
    stack.services.action_plan.save(CLIENT, session_id, "Call Anne — 2027-03-05")
    stack.services.sessions.end(TEAM, CHANNEL, FACILITATOR)
    stack.deliver()
    assert _run(stack, datetime(2027, 3, 5, 7, 0, tzinfo=UTC)) == 0  # 08:00 in Paris
    assert _run(stack, datetime(2027, 3, 5, 8, 0, tzinfo=UTC)) == 1
    due = [m.text for m in stack.emulator.dms(CLIENT) if "Call Anne" in m.text]
    assert due == [
        "Today is the date you set in session 1 of *Managers circle* for this action: Call Anne"
    ]
    assert stack.emulator.rejected() == []
