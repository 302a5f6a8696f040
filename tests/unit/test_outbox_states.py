"""The outbox's state machine, move by move: every (from, to) pair is either in the
table of allowed moves or refused."""

from itertools import product

import pytest

from bot.services.outbox_states import (
    DELIVERABLE,
    FINISHED,
    TRANSITIONS,
    IllegalOutboxMove,
    OutboxStatus,
    may_move,
    move,
    sources_of,
)

S = OutboxStatus
ALLOWED = {
    (S.PENDING, S.SENDING),
    (S.PENDING, S.SENT),
    (S.PENDING, S.DEAD),
    (S.PENDING, S.CANCELLED),
    (S.PENDING, S.EXPIRED),
    (S.PENDING, S.SUPERSEDED),
    (S.SENDING, S.SENDING),
    (S.SENDING, S.PENDING),
    (S.SENDING, S.SENT),
    (S.SENDING, S.DEAD),
    (S.SENDING, S.CANCELLED),
}


@pytest.mark.parametrize(("current", "target"), list(product(S, S)))
def test_every_move_is_allowed_or_refused_as_the_table_says(current, target):
    assert may_move(current, target) is ((current, target) in ALLOWED)
    if (current, target) in ALLOWED:
        assert move(current, target) is target
        assert move(str(current), target) is target  # a row's column holds the plain text
    else:
        with pytest.raises(IllegalOutboxMove):
            move(current, target)


def test_the_spelling_stored_in_the_outbox_table():
    assert [s.value for s in S] == [
        "pending",
        "sending",
        "sent",
        "dead",
        "cancelled",
        "expired",
        "superseded",
    ]


def test_every_status_is_deliverable_or_finished_and_finished_rows_never_move():
    assert set(DELIVERABLE) | set(FINISHED) == set(S)
    assert not set(DELIVERABLE) & set(FINISHED)
    assert set(TRANSITIONS) == set(S)
    for status in FINISHED:
        assert TRANSITIONS[status] == frozenset()
        assert status in (s for d in DELIVERABLE for s in TRANSITIONS[d])


def test_what_a_bulk_cancel_may_match_is_what_may_be_cancelled():
    assert sources_of(S.CANCELLED) == DELIVERABLE
    assert sources_of(S.EXPIRED) == (S.PENDING,)
    assert sources_of(S.PENDING) == (S.SENDING,)


def test_an_unknown_stored_status_is_refused():
    with pytest.raises(ValueError):
        move("lost", S.SENT)
