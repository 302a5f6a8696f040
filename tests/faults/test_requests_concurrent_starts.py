"""Six facilitators' clicks on `/codev start` at the same instant: one session runs, the
database itself refuses a second one, and every other request is told why."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from tests.support.flows import add_peers, said, setup_group
from tests.support.stack import CHANNEL, FACILITATOR

pytestmark = pytest.mark.faults

STARTS = 6


def _together(call, count):
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(i):
        barrier.wait()
        results[i] = call()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def _running(stack) -> int:
    with stack.runtime.engine.connect() as connection:
        return connection.scalar(text("SELECT count(*) FROM sessions WHERE status = 'running'"))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_simultaneous_starts_run_one_session_and_tell_the_others(stack, lang):
    setup_group(stack, lang=lang)
    add_peers(stack, 5)  # four consultants: no small-group warning to confirm
    for _ in range(3):
        answers = _together(lambda: stack.driver.command(FACILITATOR, CHANNEL, "start"), STARTS)
        assert [a.status for a in answers] == [200] * STARTS
        assert _running(stack) == 1
        refused = [said(a) for a in answers if "already" in said(a) or "déjà" in said(a)]
        assert len(refused) == STARTS - 1, [said(a) for a in answers]
        expected = "already running" if lang == "en" else "déjà en cours"
        assert all(expected in text_ for text_ in refused)
        assert all("Traceback" not in said(a) for a in answers)
        with stack.runtime.engine.begin() as connection:  # as an ended session
            connection.execute(text("UPDATE sessions SET status = 'done' WHERE status = 'running'"))


def test_the_database_refuses_a_second_running_session_of_a_group(stack):
    setup_group(stack)
    add_peers(stack, 5)  # four consultants: no small-group warning to confirm
    assert stack.driver.command(FACILITATOR, CHANNEL, "start").status == 200
    with pytest.raises(IntegrityError), stack.runtime.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO sessions (group_id, number, status, client_id, facilitator_id,"
                " consultants, mode, with_follow_up, lang, channel_id, version, created_at)"
                " SELECT group_id, number + 1, 'running', client_id, facilitator_id,"
                " consultants, mode, with_follow_up, lang, channel_id, 0, created_at"
                " FROM sessions"
            )
        )
    with stack.runtime.engine.begin() as connection:  # done sessions are many, and allowed
        connection.execute(text("UPDATE sessions SET status = 'done'"))
        connection.execute(
            text(
                "INSERT INTO sessions (group_id, number, status, client_id, facilitator_id,"
                " consultants, mode, with_follow_up, lang, channel_id, version, created_at)"
                " SELECT group_id, number + 1, 'done', client_id, facilitator_id,"
                " consultants, mode, with_follow_up, lang, channel_id, 0, created_at"
                " FROM sessions"
            )
        )
    assert stack.driver.command(FACILITATOR, CHANNEL, "start").status == 200
    assert _running(stack) == 1
