"""The session state machine: starting, moving, finishing, and refusing stale moves."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import (
    InvalidValue,
    Mode,
    Phase,
    Role,
    Session,
    SessionAlreadyRunning,
    SessionNotRunning,
    StaleMove,
    Status,
    Transition,
)

T0 = datetime(2025, 3, 4, 9, 0, tzinfo=UTC)


def a_session(mode: Mode = Mode.LIVE, **changes) -> Session:
    return Session(
        client_id="U_CLIENT",
        facilitator_id="U_FAC",
        consultants=("U_A", "U_B"),
        mode=mode,
        **changes,
    )


def running(**changes) -> Session:
    session = a_session(**changes)
    session.start(T0)
    return session


def test_a_new_session_is_planned_with_no_phase():
    session = a_session()
    assert session.status is Status.PLANNED
    assert session.phase is None
    assert session.version == 0
    assert session.time_left(T0) is None


def test_starting_opens_the_expose_when_there_is_no_follow_up():
    session = a_session()
    transition = session.start(T0)
    deadline = T0 + timedelta(minutes=10)
    assert transition == Transition(None, Phase.EXPOSE, Status.RUNNING, deadline)
    assert session.status is Status.RUNNING
    assert session.phase is Phase.EXPOSE
    assert session.started_at == T0
    assert session.phase_started_at == T0
    assert session.phase_deadline == deadline
    assert session.version == 1


def test_starting_opens_the_follow_up_when_the_group_wants_it():
    session = a_session(with_follow_up=True)
    assert session.start(T0).to_phase is Phase.FOLLOW_UP


@pytest.mark.parametrize("status", [Status.RUNNING, Status.DONE, Status.CANCELLED])
def test_only_a_planned_session_can_start(status):
    session = a_session(status=status)
    with pytest.raises(SessionAlreadyRunning) as refused:
        session.start(T0)
    assert refused.value.key == "session.already_running"
    assert session.version == 0


@pytest.mark.parametrize(
    ("with_follow_up", "expected"),
    [
        (False, [Phase(p) for p in range(1, 7)]),
        (True, [Phase(p) for p in range(0, 7)]),
    ],
)
def test_next_walks_every_phase_in_order_then_finishes(with_follow_up, expected):
    session = a_session(with_follow_up=with_follow_up)
    session.start(T0)
    visited = [session.phase]
    now = T0
    while session.status is Status.RUNNING:
        now += timedelta(minutes=1)
        leaving = session.phase
        transition = session.next(leaving, now)
        assert transition.from_phase is leaving
        if transition.to_phase is not None:
            visited.append(transition.to_phase)
            assert session.phase_started_at == now
    assert visited == expected
    assert transition == Transition(Phase.LEARNING, None, Status.DONE, None)
    assert session.status is Status.DONE
    assert session.ended_at == now
    assert session.phase_deadline is None
    assert session.version == len(expected) + 1


def test_back_returns_to_the_previous_phase_with_a_fresh_deadline():
    session = running()
    session.next(Phase.EXPOSE, T0)
    session.next(Phase.CLARIFICATION, T0)
    later = T0 + timedelta(minutes=30)
    transition = session.back(Phase.CONTRACT, later)
    assert transition == Transition(
        Phase.CONTRACT, Phase.CLARIFICATION, Status.RUNNING, later + timedelta(minutes=15)
    )
    assert session.phase is Phase.CLARIFICATION
    assert session.phase_started_at == later


def test_back_from_the_first_phase_is_refused():
    session = running()
    with pytest.raises(InvalidValue) as refused:
        session.back(Phase.EXPOSE, T0)
    assert refused.value.key == "session.no_previous_phase"
    assert session.phase is Phase.EXPOSE
    assert session.version == 1


def test_back_from_the_expose_reaches_the_follow_up_when_there_is_one():
    session = running(with_follow_up=True)
    session.next(Phase.FOLLOW_UP, T0)
    assert session.back(Phase.EXPOSE, T0).to_phase is Phase.FOLLOW_UP


@pytest.mark.parametrize("move", ["next", "back"])
def test_a_stale_move_is_refused_and_changes_nothing(move):
    session = running()
    session.next(Phase.EXPOSE, T0)
    before = replace(session)
    with pytest.raises(StaleMove) as refused:
        getattr(session, move)(Phase.EXPOSE, T0 + timedelta(minutes=1))
    assert refused.value.key == "session.stale_move"
    assert refused.value.params == {"expected": "expose", "current": "clarification"}
    assert session == before


def test_a_double_click_on_next_moves_only_one_phase():
    session = running()
    session.next(Phase.EXPOSE, T0)
    with pytest.raises(StaleMove):
        session.next(Phase.EXPOSE, T0)
    assert session.phase is Phase.CLARIFICATION


@pytest.mark.parametrize("move", ["next", "back"])
@pytest.mark.parametrize("status", [Status.PLANNED, Status.DONE, Status.CANCELLED])
def test_moves_need_a_running_session(move, status):
    session = a_session(status=status, phase=Phase.EXPOSE)
    with pytest.raises(SessionNotRunning) as refused:
        getattr(session, move)(Phase.EXPOSE, T0)
    assert refused.value.key == "session.not_running"


def test_end_finishes_a_running_session_early():
    session = running()
    later = T0 + timedelta(minutes=5)
    transition = session.end(later)
    assert transition == Transition(Phase.EXPOSE, None, Status.DONE, None)
    assert session.status is Status.DONE
    assert session.ended_at == later
    assert session.time_left(later) is None
    assert session.version == 2


@pytest.mark.parametrize("status", [Status.PLANNED, Status.DONE, Status.CANCELLED])
def test_only_a_running_session_can_end(status):
    with pytest.raises(SessionNotRunning):
        a_session(status=status).end(T0)


def test_a_planned_session_can_be_cancelled():
    session = a_session()
    transition = session.cancel(T0)
    assert transition == Transition(None, None, Status.CANCELLED, None)
    assert session.status is Status.CANCELLED
    assert session.version == 1


def test_a_running_session_can_be_cancelled():
    session = running()
    assert session.cancel(T0).status is Status.CANCELLED
    assert session.version == 2


@pytest.mark.parametrize("status", [Status.DONE, Status.CANCELLED])
def test_a_finished_session_cannot_be_cancelled(status):
    with pytest.raises(SessionNotRunning):
        a_session(status=status).cancel(T0)


def test_live_deadlines_follow_the_default_minutes():
    session = running()
    minutes = {Phase.EXPOSE: 10}
    assert session.phase_deadline == T0 + timedelta(minutes=minutes[Phase.EXPOSE])
    expected = [15, 5, 25, 15, 15]
    for leaving, phase_minutes in zip(list(Phase)[1:6], expected, strict=True):
        transition = session.next(leaving, T0)
        assert transition.deadline == T0 + timedelta(minutes=phase_minutes)


def test_async_deadlines_follow_the_default_hours():
    session = a_session(mode=Mode.ASYNC, with_follow_up=True)
    deadlines = [session.start(T0).deadline]
    for leaving in list(Phase)[:6]:
        deadlines.append(session.next(leaving, T0).deadline)
    assert deadlines == [T0 + timedelta(hours=h) for h in (24, 24, 48, 24, 48, 24, 24)]


def test_live_overrides_replace_only_the_phases_they_name():
    session = a_session(live_minutes={1: 3, 2: 7})
    assert session.start(T0).deadline == T0 + timedelta(minutes=3)
    assert session.next(Phase.EXPOSE, T0).deadline == T0 + timedelta(minutes=7)
    assert session.next(Phase.CLARIFICATION, T0).deadline == T0 + timedelta(minutes=5)


def test_async_overrides_replace_the_default_hours():
    session = a_session(mode=Mode.ASYNC, async_hours={1: 72}, live_minutes={1: 1})
    assert session.start(T0).deadline == T0 + timedelta(hours=72)


def test_time_left_counts_down_to_the_deadline_and_goes_negative_when_late():
    session = running()
    assert session.time_left(T0 + timedelta(minutes=4)) == timedelta(minutes=6)
    assert session.time_left(T0 + timedelta(minutes=12)) == timedelta(minutes=-2)


@pytest.mark.parametrize(
    ("user_id", "role"),
    [
        ("U_FAC", Role.FACILITATOR),
        ("U_CLIENT", Role.CLIENT),
        ("U_A", Role.CONSULTANT),
        ("U_B", Role.CONSULTANT),
        ("U_STRANGER", Role.OUTSIDER),
    ],
)
def test_each_user_has_one_role_in_a_session(user_id, role):
    assert a_session().role_of(user_id) is role
