"""Planning the cycle: the schedule's checks, reminders, cancelling, moving, the client."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import DomainError
from bot.services.effects import EffectKind
from bot.services.forms import InvalidFields
from bot.services.schedule import ScheduleForm, ScheduleService

from .conftest import CHANNEL, FACILITATOR, PEERS, TEAM

FIRST = datetime(2027, 3, 8, 18, 30, tzinfo=UTC)
FORM = ScheduleForm("2027-03-08", "18:30", "w2", "2 h", "4", "35", "1440, 60")


def plan(world, form: ScheduleForm = FORM, user_id: str = FACILITATOR):
    return ScheduleService(world.ctx).plan(TEAM, CHANNEL, user_id, form)


def reminders(world, status: str = "pending") -> list[str]:
    return [k for k in world.store.dedupe_keys(status) if k.startswith("remind:")]


def test_planning_adds_the_sessions_and_queues_every_reminder(world):
    view = plan(world)

    sessions = sorted(world.store.t.sessions.values(), key=lambda s: s.number)
    assert [(s.number, s.status, s.scheduled_at) for s in sessions] == [
        (n + 1, "planned", FIRST + timedelta(weeks=2 * n)) for n in range(4)
    ]
    assert {p.duration_minutes for p in world.store.t.plans.values()} == {120}
    cycle = world.store.t.cycles[world.group.id]
    assert (cycle.hours_engaged, cycle.reminder_minutes) == (35, [1440, 60])
    # two reminders for each of the five peers and the facilitator, for each session
    assert len(reminders(world)) == 4 * 2 * 6
    first = sessions[0]
    due = {
        e.due_at
        for e in world.store.effects(EffectKind.DM)
        if e.dedupe_key.startswith(f"remind:{first.id}:")
    }
    assert due == {FIRST - timedelta(days=1), FIRST - timedelta(hours=1)}
    invited = [e.user_id for e in world.store.effects() if ":objectives:" in e.dedupe_key]
    assert sorted(invited) == sorted(PEERS)
    (announce,) = [e for e in world.store.effects(EffectKind.POST) if ":planned:" in e.dedupe_key]
    assert announce.channel == CHANNEL
    assert (view.hours_planned, view.hours_done, len(view.slots)) == (8.0, 0.0, 4)


def test_only_the_facilitator_plans(world):
    with pytest.raises(DomainError) as refused:
        plan(world, user_id="UB")

    assert refused.value.key == "rules.facilitator_only"
    assert world.store.t.sessions == {} and world.store.effects() == []


@pytest.mark.parametrize(
    ("form", "field", "key"),
    [
        (
            ScheduleForm("2027-02-01", "18:30", "w2", "2 h", "4", "35"),
            "first_date",
            "schedule.error.past",
        ),
        (
            ScheduleForm("2027-03-08", "18:30", "w2", "2 h", "20", "35"),
            "count",
            "schedule.error.too_many_hours",
        ),
        (
            ScheduleForm("someday", "18:30", "w2", "2 h", "4", "35"),
            "first_date",
            "schedule.error.date",
        ),
    ],
)
def test_a_plan_that_does_not_fit_is_refused_field_by_field(world, form, field, key):
    with pytest.raises(InvalidFields) as invalid:
        plan(world, form)

    assert invalid.value.errors[field][0] == key
    assert world.store.t.sessions == {} and world.store.t.cycles == {}  # rolled back


def test_members_list_the_cycle_and_outsiders_do_not(world):
    plan(world)
    service = ScheduleService(world.ctx)

    view = service.list(TEAM, CHANNEL, "UC")
    assert [s.number for s in view.slots] == [1, 2, 3, 4]
    assert view.turns == [(user_id, 0) for user_id in PEERS]
    with pytest.raises(DomainError) as refused:
        service.list(TEAM, CHANNEL, "UZ")
    assert refused.value.key == "rules.not_member"


def test_cancelling_a_session_drops_its_reminders_only(world):
    plan(world)
    done = ScheduleService(world.ctx).cancel(TEAM, CHANNEL, FACILITATOR, 2)
    slot = done.slot
    assert done.lang in ("fr", "en")

    second = next(s for s in world.store.t.sessions.values() if s.number == 2)
    assert (slot.status, second.status) == ("cancelled", "cancelled")
    assert world.store.t.plans[second.id].sequence == 1
    dropped = reminders(world, "cancelled")
    assert len(dropped) == 2 * 6 and all(k.startswith(f"remind:{second.id}:") for k in dropped)
    assert len(reminders(world)) == 3 * 2 * 6
    with pytest.raises(DomainError) as again:
        ScheduleService(world.ctx).cancel(TEAM, CHANNEL, FACILITATOR, 2)
    assert again.value.key == "schedule.no_such_session"


def test_moving_a_session_queues_its_reminders_again_under_new_keys(world):
    plan(world)
    slot = ScheduleService(world.ctx).move(TEAM, CHANNEL, FACILITATOR, 1, "2027-03-10").slot

    first = next(s for s in world.store.t.sessions.values() if s.number == 1)
    moved_to = datetime(2027, 3, 10, 18, 30, tzinfo=UTC)
    assert slot.starts_at == first.scheduled_at == moved_to
    assert world.store.t.plans[first.id].generation == 1
    mine = [k for k in reminders(world) if k.startswith(f"remind:{first.id}:")]
    assert len(mine) == 2 * 6 and all(f":{first.id}:g1:" in k for k in mine)
    assert len([k for k in reminders(world, "cancelled") if f":{first.id}:g0:" in k]) == 12


@pytest.mark.parametrize(
    ("when", "key"),
    [
        ("2027-03-22 19:00", "schedule.error.overlap"),  # session 2 runs 18:30–20:30
        ("2027-02-27", "schedule.error.past"),
        ("next week", "schedule.move_usage"),
    ],
)
def test_a_move_that_does_not_fit_changes_nothing(world, when, key):
    plan(world)
    queued = world.store.dedupe_keys()
    with pytest.raises(DomainError) as refused:
        ScheduleService(world.ctx).move(TEAM, CHANNEL, FACILITATOR, 1, when)

    assert refused.value.key == key
    first = next(s for s in world.store.t.sessions.values() if s.number == 1)
    assert first.scheduled_at == FIRST and world.store.dedupe_keys() == queued


def test_choosing_the_client_sends_them_the_preparation_and_a_change_moves_it(world):
    plan(world)
    service = ScheduleService(world.ctx)
    first = next(s for s in world.store.t.sessions.values() if s.number == 1)

    slot = service.choose_client(TEAM, CHANNEL, FACILITATOR, 1, "UB").slot
    assert slot.client_id == first.client_id == "UB"
    (prep,) = [e for e in world.store.effects(EffectKind.DM) if e.dedupe_key.startswith("prep:")]
    assert (prep.user_id, prep.due_at) == ("UB", FIRST - timedelta(minutes=2880))

    service.choose_client(TEAM, CHANNEL, FACILITATOR, 1, "UC")
    preps = [e for e in world.store.effects(EffectKind.DM) if e.dedupe_key.startswith("prep:")]
    assert [e.user_id for e in preps] == ["UC"]
    assert world.store.t.plans[first.id].suggested_client_id == "UC"
    with pytest.raises(DomainError) as refused:
        service.choose_client(TEAM, CHANNEL, FACILITATOR, 1, "UZ")
    assert refused.value.key == "session.client_not_peer"


def test_start_runs_the_planned_session_due_around_now(world):
    plan(world)
    ScheduleService(world.ctx).choose_client(TEAM, CHANNEL, FACILITATOR, 1, "UD")
    world.clock.now = FIRST - timedelta(minutes=20)

    session = world.start(None)  # no client named: the planned one is taken
    assert (session.number, session.client_id, session.status) == (1, "UD", "running")
    assert len(world.store.t.sessions) == 4  # no fifth session was added


def test_a_peer_run_group_plans_a_facilitator_who_then_starts_unasked(world):
    plan(world)
    service = ScheduleService(world.ctx)
    with pytest.raises(DomainError) as off:
        service.choose_facilitator(TEAM, CHANNEL, FACILITATOR, 1, "UB")
    assert off.value.key == "peer_run.plan_off"
    world.group.peer_run = True
    first = next(s for s in world.store.t.sessions.values() if s.number == 1)

    slot = service.choose_facilitator(TEAM, CHANNEL, FACILITATOR, 1, "UB").slot
    assert slot.facilitator_id == world.store.t.plans[first.id].facilitator_id == "UB"
    assert first.facilitator_id == "UB"  # the client's suggestion goes to them
    with pytest.raises(DomainError) as own:
        service.choose_client(TEAM, CHANNEL, "UB", 1, "UB")
    assert own.value.key == "peer_run.planned_own_case"
    service.choose_client(TEAM, CHANNEL, "UB", 1, "UD")  # the planned facilitator answers
    with pytest.raises(DomainError) as client:
        service.choose_facilitator(TEAM, CHANNEL, FACILITATOR, 1, "UD")
    assert client.value.key == "peer_run.own_case"
    assert service.list(TEAM, CHANNEL, "UC").slots[0].facilitator_id == "UB"

    world.clock.now = FIRST - timedelta(minutes=20)
    session = world.start(None, small_group_ok=True)  # five peers: three consult
    assert (session.client_id, session.facilitator_id) == ("UD", "UB")
