"""Acked first, applied just after: a thread reply or a next-phase click is stored
before Slack hears back, and nothing is lost or applied twice on the way."""

from __future__ import annotations

import json
import time
from datetime import timedelta

from sqlalchemy import func, select

from bot.persistence.models import InboxRow, QuestionRow
from bot.scheduling.inbox_worker import InboxWorker
from tests.support.flows import in_clarification, root_message, said
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, TEAM

CLIENT, ASKER = PEERS[0], PEERS[1]


def _count(stack, model) -> int:
    with stack.services.ctx.uow_factory() as uow:
        return uow.db.scalar(select(func.count()).select_from(model))


def _crash(stack):
    """The process that acked stops before applying: its worker is gone, nobody settles."""
    stack.runtime.inbox_worker.stop()
    stack.driver.settle = None


def _lose_memory(stack):
    """What the dead process held in memory (the ids it was about to apply) is gone."""
    inbox = stack.services.inbox
    while not inbox.ready.empty():
        inbox.ready.get()
        inbox.finished()


def test_a_reply_acked_by_a_process_that_died_is_applied_by_the_next_sweep(stack):
    root = in_clarification(stack)
    _crash(stack)
    response, _ = stack.driver.message(ASKER, CHANNEL, "What did you try already?", root.ts)
    assert response.status == 200  # acked: the reply is stored
    _lose_memory(stack)
    assert _count(stack, InboxRow) == 1 and _count(stack, QuestionRow) == 0

    worker = InboxWorker(stack.services.inbox, sweep_seconds=0.05).start()
    try:
        assert _count(stack, QuestionRow) == 0  # its lease still runs: its process may live
        stack.clock.now = stack.clock.now + timedelta(seconds=11)
        deadline = time.monotonic() + 10
        while _count(stack, InboxRow) and time.monotonic() < deadline:
            time.sleep(0.02)  # the worker sweeps every 50 ms
        stack.services.inbox.settle(5)
        assert _count(stack, InboxRow) == 0 and _count(stack, QuestionRow) == 1
    finally:
        worker.stop()
    stack.deliver()
    thread = stack.emulator.thread(CHANNEL, root.ts)
    board = [m for m in thread if "What did you try" in json.dumps(m.blocks) + m.text]
    assert board  # the question board shows it


def test_a_refused_click_is_told_privately_and_leaves_nothing_behind(stack):
    root = in_clarification(stack)
    response = stack.driver.click(ASKER, CHANNEL, root.ts, "codev_next_phase")
    assert response.status == 200 and response.body == ""
    stack.deliver()
    told = [m.text for m in stack.emulator.ephemerals(ASKER, CHANNEL)]
    assert any("facilitator" in text.lower() for text in told), told
    assert _count(stack, InboxRow) == 0
    assert root_message(stack).ts == root.ts


def test_forget_me_erases_what_waits_in_the_inbox(stack):
    root = in_clarification(stack)
    _crash(stack)
    stack.driver.message(ASKER, CHANNEL, "A question nobody may keep", root.ts)
    assert _count(stack, InboxRow) == 1
    stack.services.privacy.forget(TEAM, CHANNEL, ASKER, "forget-click-1")
    assert _count(stack, InboxRow) == 0


def test_status_is_acked_at_once_and_answered_privately_on_its_response_url(stack):
    in_clarification(stack)
    response = stack.driver.command(PEERS[2], CHANNEL, "status")
    assert response.status == 200 and response.body == ""  # the ack carries nothing
    assert "Clarification" in said(response)
    answered = [c for c in stack.emulator.calls if c.method == "response_url"]
    assert answered[-1].args["response_type"] == "ephemeral"


def test_status_where_there_is_no_group_is_refused_in_words_on_its_response_url(stack):
    response = stack.driver.command(FACILITATOR, CHANNEL, "statut")
    assert response.status == 200 and response.body == ""
    refusal = said(response)
    assert refusal.strip() and "Traceback" not in refusal
    assert "setup" in refusal  # how to do it right
