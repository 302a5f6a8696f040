"""Starting, moving and ending a session, on the in-memory unit of work."""

from __future__ import annotations

import pytest

from bot.domain import DomainError, Phase, SmallGroup, StaleMove
from bot.services.effects import EffectKind, root_ref
from bot.services.sessions import SessionService

from .conftest import CHANNEL, FACILITATOR, START, TEAM


def test_start_opens_the_first_phase_and_queues_root_and_prompt(world):
    session = world.start("UA")

    assert (session.status, session.phase, session.version) == ("running", Phase.EXPOSE, 1)
    assert session.client_id == "UA"
    assert session.consultants == ["UB", "UC", "UD", "UE"]
    assert session.started_at == START
    assert [p.phase for p in session.passages] == [Phase.EXPOSE]
    root, prompt = world.store.effects(EffectKind.POST)[:2]
    assert (root.ref, root.channel, root.dedupe_key) == (
        root_ref(session.id),
        CHANNEL,
        f"session:{session.id}:root:post",
    )
    assert prompt.thread_ref == root_ref(session.id)
    assert prompt.dedupe_key == f"session:{session.id}:prompt:v1"
    assert world.member("UA").client_turns == 1
    assert world.member("UA").last_client_at == START
    assert world.factory.last.committed


def test_only_the_facilitator_starts_and_a_refusal_leaves_nothing(world):
    with pytest.raises(DomainError) as refused:
        SessionService(world.ctx).start(TEAM, CHANNEL, "UB", "UA")

    assert refused.value.key == "rules.facilitator_only"
    assert world.store.t.sessions == {} and world.store.effects() == []
    assert world.factory.last.committed is False


def test_a_second_start_is_refused_while_one_runs(world):
    world.start("UA")
    with pytest.raises(DomainError) as refused:
        SessionService(world.ctx).start(TEAM, CHANNEL, FACILITATOR, "UB")

    assert refused.value.key == "session.already_running"
    assert len(world.store.t.sessions) == 1


def test_the_client_must_be_a_peer_and_the_refusal_rolls_back(world):
    with pytest.raises(DomainError) as refused:
        SessionService(world.ctx).start(TEAM, CHANNEL, FACILITATOR, "UZ")

    assert refused.value.key == "session.client_not_peer"
    assert world.factory.last.rolled_back is False  # refused before anything was written
    assert world.store.t.sessions == {}


def test_a_small_group_needs_the_facilitators_go_ahead(world):
    world.member("UE").left_at = START  # four peers: three consultants for UA
    service = SessionService(world.ctx)
    with pytest.raises(SmallGroup) as warned:
        service.start(TEAM, CHANNEL, FACILITATOR, "UA")
    assert warned.value.params == {"consultants": 3, "client": "UA"}
    assert world.store.t.sessions == {}

    view = service.start(TEAM, CHANNEL, FACILITATOR, "UA", small_group_ok=True)
    assert view.consultants == ("UB", "UC", "UD")


def test_a_peer_declared_absent_today_is_not_a_consultant(world):
    world.store.t.absences.add((world.group.id, "UC", START.date()))
    session = world.start("UA", small_group_ok=True)

    assert session.consultants == ["UB", "UD", "UE"]


def test_without_a_client_named_the_rotation_picks_the_fewest_turns(world):
    for user_id in ("UA", "UB", "UD", "UE"):
        world.member(user_id).client_turns = 1
    view = SessionService(world.ctx).start(TEAM, CHANNEL, FACILITATOR, None)

    assert view.client_id == "UC"


def test_the_follow_up_phase_opens_only_after_a_finished_session(world):
    world.group.with_follow_up = True
    first = world.start("UA")
    assert first.phase == Phase.EXPOSE  # nothing to follow up yet
    SessionService(world.ctx).end(TEAM, CHANNEL, FACILITATOR)

    world.clock.advance(days=7)
    second = world.start("UB")
    assert second.phase == Phase.FOLLOW_UP
    assert second.number == 2


def test_next_moves_one_phase_and_queues_update_prompt_and_timers(world):
    session = world.start("UA")
    world.clock.advance(minutes=10)
    view = SessionService(world.ctx).move(TEAM, CHANNEL, FACILITATOR, "next", Phase.EXPOSE)

    moved = world.store.session(session.id)
    assert (moved.phase, moved.version, view.phase) == (Phase.CLARIFICATION, 2, 2)
    assert [(p.phase, p.ended_at) for p in moved.passages] == [
        (Phase.EXPOSE, world.clock()),
        (Phase.CLARIFICATION, None),
    ]
    keys = world.store.dedupe_keys()
    assert f"{root_ref(session.id)}:v2" in keys  # the root shows the new phase
    assert f"session:{session.id}:prompt:v2" in keys
    timers = [k for k in keys if k.startswith(f"session:{session.id}:timer:p2:v2:")]
    assert sorted(timers) == [
        f"session:{session.id}:timer:p2:v2:over",
        f"session:{session.id}:timer:p2:v2:soon",
    ]
    over = next(e for e in world.store.effects() if e.dedupe_key.endswith("p2:v2:over"))
    assert over.due_at == moved.phase_deadline


def test_leaving_a_phase_cancels_its_timers_not_yet_sent(world):
    session = world.start("UA")
    exposé_timers = [k for k in world.store.dedupe_keys() if ":timer:p1:" in k]
    assert exposé_timers

    SessionService(world.ctx).move(TEAM, CHANNEL, FACILITATOR, "next", Phase.EXPOSE)

    assert not [k for k in world.store.dedupe_keys() if ":timer:p1:" in k]
    cancelled = world.store.dedupe_keys("cancelled")
    assert sorted(exposé_timers) == sorted(k for k in cancelled if ":timer:p1:" in k)
    assert all(f"session:{session.id}:" in k for k in cancelled)


def test_a_stale_move_changes_nothing(world):
    session = world.start("UA")
    service = SessionService(world.ctx)
    service.move(TEAM, CHANNEL, FACILITATOR, "next", Phase.EXPOSE)
    effects = len(world.store.t.outbox)

    with pytest.raises(StaleMove) as stale:  # a double click on the exposé's button
        service.move(TEAM, CHANNEL, FACILITATOR, "next", Phase.EXPOSE)

    assert stale.value.params == {"expected": "expose", "current": "clarification"}
    assert world.store.session(session.id).phase == Phase.CLARIFICATION
    assert world.store.session(session.id).version == 2
    assert len(world.store.t.outbox) == effects
    assert world.factory.last.committed is False


def test_back_returns_a_phase_but_not_before_the_first(world):
    session = world.start("UA")
    service = SessionService(world.ctx)
    with pytest.raises(DomainError) as refused:
        service.move(TEAM, CHANNEL, FACILITATOR, "back", Phase.EXPOSE)
    assert refused.value.key == "session.no_previous_phase"

    service.move(TEAM, CHANNEL, FACILITATOR, "next", Phase.EXPOSE)
    service.move(TEAM, CHANNEL, FACILITATOR, "back", Phase.CLARIFICATION)
    assert world.store.session(session.id).phase == Phase.EXPOSE
    assert world.store.session(session.id).version == 3


def test_only_the_facilitator_moves_phases(world):
    session = world.start("UA")
    for user_id in ("UA", "UB", "UZ"):
        with pytest.raises(DomainError) as refused:
            SessionService(world.ctx).move(TEAM, CHANNEL, user_id, "next", Phase.EXPOSE)
        assert refused.value.key == "rules.facilitator_only"
    assert world.store.session(session.id).phase == Phase.EXPOSE


def test_leaving_the_last_phase_finishes_and_sends_the_summary(world):
    session = world.start("UA")
    world.move_to(session, Phase.LEARNING)
    world.clock.advance(hours=2)
    SessionService(world.ctx).move(TEAM, CHANNEL, FACILITATOR, "next", Phase.LEARNING)

    done = world.store.session(session.id)
    assert (done.status, done.phase, done.ended_at) == ("done", Phase.LEARNING, world.clock())
    assert done.phase_deadline is None
    summary = [e for e in world.store.effects() if e.dedupe_key.endswith(":summary")]
    assert [e.thread_ref for e in summary] == [root_ref(session.id)]
    record = [e for e in world.store.effects(EffectKind.DM) if "client-recap" in e.dedupe_key]
    assert record and {e.user_id for e in record} == {"UA"}


def test_end_finishes_early_and_a_second_end_finds_nothing_running(world):
    session = world.start("UA")
    service = SessionService(world.ctx)
    service.end(TEAM, CHANNEL, FACILITATOR)

    ended = world.store.session(session.id)
    assert (ended.status, ended.ended_at) == ("done", START)
    assert world.renderer.of("session_summary")
    with pytest.raises(DomainError) as refused:
        service.end(TEAM, CHANNEL, FACILITATOR)
    assert refused.value.key == "session.not_running"


def test_end_by_a_peer_is_refused(world):
    session = world.start("UA")
    with pytest.raises(DomainError) as refused:
        SessionService(world.ctx).end(TEAM, CHANNEL, "UB")

    assert refused.value.key == "rules.facilitator_only"
    assert world.store.session(session.id).status == "running"


def test_confirm_end_tells_an_outsider_first_that_they_are_not_a_member(world):
    world.start("UA")
    service = SessionService(world.ctx)
    for user_id, key in (("UZ", "rules.not_member"), ("UB", "rules.facilitator_only")):
        with pytest.raises(DomainError) as refused:
            service.confirm_end(TEAM, CHANNEL, user_id)
        assert refused.value.key == key
    view, lang = service.confirm_end(TEAM, CHANNEL, FACILITATOR)
    assert view.status == "running" and lang in ("fr", "en")


def test_status_is_for_members_and_counts_open_questions(world):
    session = world.start("UA")
    world.move_to(session, Phase.CLARIFICATION)
    world.reply(session, "UB", "What did you try already?")
    service = SessionService(world.ctx)

    view, lang = service.status_for_reader(TEAM, CHANNEL, "UB")
    assert view.pending["unanswered"] == [1] and lang == "en"
    assert world.factory.last.read_only and not world.factory.last.committed
    with pytest.raises(DomainError) as refused:
        service.status(TEAM, CHANNEL, "UZ")
    assert refused.value.key == "rules.not_member"
