"""Consultants asking questions at the same moment in one session: every question is
kept with its own number and every request is acknowledged."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.support.flows import add_peers, root_message, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS

from .test_double_clicks import _together

pytestmark = pytest.mark.faults


def test_simultaneous_questions_are_all_kept(stack):
    setup_group(stack)
    add_peers(stack, 8)
    start_session(stack, f"start <@{PEERS[0]}|peer1>")
    root = root_message(stack).ts
    stack.driver.command(FACILITATOR, CHANNEL, "next")

    def ask(peer):
        return lambda: stack.driver.message(peer, CHANNEL, f"{peer}: since when?", root)[0]

    responses = _together(*(ask(p) for p in PEERS[1:8]))
    assert [r.status for r in responses] == [200] * 7
    with stack.runtime.engine.connect() as connection:
        numbers = connection.execute(text("SELECT number FROM questions ORDER BY number"))
        assert [n for (n,) in numbers] == list(range(1, 8))
