"""Two people (or one impatient one) click "next phase" at the same instant: the session
moves exactly once, whatever the database."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from tests.support.flows import add_peers, root_message, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR

from .support import size

pytestmark = pytest.mark.faults

LAST_PHASE = 6


def _latest(stack):
    with stack.runtime.engine.connect() as connection:
        session = connection.execute(
            text("SELECT id, phase, status FROM sessions ORDER BY id DESC LIMIT 1")
        ).one()
        passages = connection.scalar(
            text("SELECT count(*) FROM session_phases WHERE session_id = :id"), {"id": session.id}
        )
    return session, passages


def _together(*calls):
    """Run the calls in threads released at the same moment; return their results."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(i, call):
        barrier.wait()
        results[i] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def test_two_simultaneous_next_phase_clicks_move_the_session_once(stack):
    setup_group(stack)
    add_peers(stack, 3)
    rounds = size(20, 100)
    for _ in range(rounds):
        session, passages = _latest(stack) if _has_session(stack) else (None, 0)
        if session is None or session.status != "running":
            assert start_session(stack, "start").status == 200
            session, passages = _latest(stack)
        root = root_message(stack)  # delivers, so the button carries the current phase
        value = f"{session.id}:{session.phase}"

        def click(root=root, value=value):
            return stack.driver.click(FACILITATOR, CHANNEL, root.ts, "codev_next_phase", value)

        first, second = _together(click, click)
        assert first.status == second.status == 200
        after, passages_after = _latest(stack)
        assert after.id == session.id
        if session.phase == LAST_PHASE:
            assert after.status != "running", "the last phase's next ends the session"
        else:
            assert (after.phase, after.status) == (session.phase + 1, "running")
            assert passages_after == passages + 1
    stack.deliver()
    assert stack.emulator.rejected() == []


def _has_session(stack) -> bool:
    with stack.runtime.engine.connect() as connection:
        return bool(connection.scalar(text("SELECT count(*) FROM sessions")))
