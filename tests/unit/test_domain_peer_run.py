"""Peer-run groups: the facilitators' rotation, and who moves a session's phases."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain import DomainError, NotAllowed
from bot.domain.peer_run import (
    FacilitatorTurns,
    check_facilitator,
    facilitator_order,
    suggest_facilitator,
)
from bot.domain.rules import SESSION_FACILITATOR_ONLY, may_steer, require_steer

JAN, FEB, MAR = (datetime(2027, m, 1, tzinfo=UTC) for m in (1, 2, 3))


def _turns(user_id, turns=0, last=None, joined=JAN):
    return FacilitatorTurns(user_id, turns, last, joined)


def test_the_peer_who_facilitated_least_is_suggested_first():
    turns = [_turns("A", 2, FEB), _turns("B", 1, FEB), _turns("C", 1, JAN)]
    assert facilitator_order(turns, client_id="Z") == ["C", "B", "A"]


def test_the_client_is_never_suggested_to_facilitate_their_own_case():
    turns = [_turns("A"), _turns("B", 3, MAR)]
    assert suggest_facilitator(turns, client_id="A") == "B"
    assert suggest_facilitator([_turns("A")], client_id="A") is None


def test_an_absent_peer_is_not_suggested():
    turns = [_turns("A"), _turns("B", 1, FEB)]
    assert suggest_facilitator(turns, client_id="Z", absent={"A"}) == "B"


def test_ties_go_to_the_longest_wait_then_the_id():
    turns = [_turns("B", joined=FEB), _turns("C", joined=JAN), _turns("A", joined=JAN)]
    assert facilitator_order(turns, client_id="Z") == ["A", "C", "B"]


def test_a_named_facilitator_is_a_member_and_not_the_client():
    check_facilitator("A", "B", {"A", "B"})
    with pytest.raises(DomainError) as own:
        check_facilitator("B", "B", {"A", "B"})
    assert own.value.key == "peer_run.own_case"
    with pytest.raises(DomainError) as outsider:
        check_facilitator("X", "B", {"A", "B"})
    assert outsider.value.key == "peer_run.not_member"


@pytest.mark.parametrize(
    ("user", "allowed"),
    [("A", True), ("F", True), ("B", False), ("C", False), ("X", False)],
)
def test_the_session_facilitator_and_the_group_facilitator_steer_a_session(user, allowed):
    # A facilitates B's case in a group kept by F; C consults; X is an outsider.
    assert may_steer(user, session_facilitator="A", group_facilitator="F") is allowed
    if allowed:
        require_steer(user, "A", "F")
    else:
        with pytest.raises(NotAllowed) as refused:
            require_steer(user, "A", "F")
        assert refused.value.key == SESSION_FACILITATOR_ONLY
