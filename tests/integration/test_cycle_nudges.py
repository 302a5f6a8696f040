"""Nudges of async sessions before a phase's deadline, and the follow-ups of action
plans, walked with freezegun on a real database: who gets a DM, when, in which
language, and who gets none because they acted, moved on or closed the item."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from freezegun import freeze_time

from bot.services.effects import root_ref
from bot.services.groups import SetupForm
from bot.services.nudges import NudgeJobs
from tests.support.cycle import CHANNEL, FACILITATOR, PEERS, TEAM, CycleWorld

START = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
CLIENT, ASKER, SILENT = PEERS


@pytest.fixture
def world(database_url):
    world = CycleWorld(database_url)
    yield world
    world.close()


def _group(world, mode="async"):
    form = SetupForm("Cercle", "fr", "Europe/Paris", mode, FACILITATOR)
    world.services.groups.setup(TEAM, CHANNEL, FACILITATOR, form)
    world.services.groups.add_members(TEAM, CHANNEL, FACILITATOR, list(PEERS))
    for peer in PEERS:
        world.services.charter.accept(TEAM, CHANNEL, peer)
    world.set_lang(CLIENT, "en")


def _start(world) -> int:
    view = world.services.sessions.start(TEAM, CHANNEL, FACILITATOR, CLIENT, small_group_ok=True)
    world.delivery.drain()
    return view.id


def _next(world, times=1):
    for _ in range(times):
        world.services.sessions.move(TEAM, CHANNEL, FACILITATOR, "next")


def _reply(world, session_id, user, text, n):
    with world.ctx.uow_factory() as uow:
        root_ts = uow.outbox.location(root_ref(session_id)).ts
    world.services.replies.on_reply(TEAM, CHANNEL, root_ts, user, text, f"9{n}.0001", f"ev{n}")


def _run(world):
    queued = NudgeJobs(world.ctx).run()
    world.delivery.drain()
    return queued


def _nudges(world, since):
    """The nudges sent since `since` (they name the group's channel)."""
    return [
        (s.to, s.text) for s in world.sender.dms() if s.at >= since and f"<#{CHANNEL}>" in s.text
    ]


def test_clarification_nudges_the_silent_consultant_and_the_client_with_questions_waiting(world):
    with freeze_time(START) as frozen:
        _group(world)
        sid = _start(world)
        _next(world)  # clarification: 48 h, nudges 12 h before its end
        _reply(world, sid, ASKER, "What did you try already?", 1)
        frozen.tick(timedelta(hours=35, minutes=59))
        assert _run(world) == 0
        frozen.tick(timedelta(minutes=1))
        nudged_at = datetime.now(UTC)
        assert _run(world) == 2
        assert _run(world) == 0  # once per passage
        sent = _nudges(world, nudged_at)
    assert sorted(to for to, _ in sent) == sorted([CLIENT, SILENT])
    texts = dict(sent)
    assert "1 question(s) still wait for your answer" in texts[CLIENT]
    assert "vous n'avez pas encore posé de question" in texts[SILENT]
    assert all(s.at == nudged_at for s in world.sender.dms() if s.at >= nudged_at)


def test_contract_nudges_only_the_unconfirmed_and_moving_on_drops_the_pending_ones(world):
    with freeze_time(START) as frozen:
        _group(world)
        sid = _start(world)
        _next(world, 2)  # contract: 24 h, nudges 6 h before its end
        frozen.tick(timedelta(hours=18))
        assert _run(world) == 1  # no request yet: the client is nudged to write it
        assert "your request is not written yet" in _nudges(world, START)[-1][1]
        world.services.contract.write(CLIENT, sid, "Help me to delegate", ["ideas"])
        world.services.contract.respond(ASKER, sid, 1, "confirmed")
        frozen.tick(timedelta(hours=1))
        assert NudgeJobs(world.ctx).run() == 1  # the consultant who has not confirmed
        world.delivery.drain()
        assert _nudges(world, START)[-1][0] == SILENT
        # A new passage (back and forth) opens a new window; still only the unconfirmed.
        world.services.sessions.move(TEAM, CHANNEL, FACILITATOR, "back")
        world.services.sessions.move(TEAM, CHANNEL, FACILITATOR, "next")
        frozen.tick(timedelta(hours=18))
        since = datetime.now(UTC)
        assert NudgeJobs(world.ctx).run() == 1  # queued, not sent yet
        world.services.sessions.move(TEAM, CHANNEL, FACILITATOR, "next")  # exploration
        world.delivery.drain()
        assert _nudges(world, since) == []


def test_learning_nudges_who_has_not_rated_and_ending_the_session_drops_them(world):
    with freeze_time(START) as frozen:
        _group(world)
        sid = _start(world)
        _next(world, 5)  # learning & regulation: 24 h
        world.services.evaluation.save(CLIENT, sid, 4, {})
        world.services.evaluation.save(FACILITATOR, sid, 5, {})
        frozen.tick(timedelta(hours=18))
        since = datetime.now(UTC)
        assert _run(world) == 2
        assert sorted(to for to, _ in _nudges(world, since)) == sorted([ASKER, SILENT])
        assert all("pas encore évalué" in text for _, text in _nudges(world, since))


def test_ending_an_async_session_drops_nudges_not_sent_yet(world):
    with freeze_time(START) as frozen:
        _group(world)
        _start(world)
        _next(world)
        frozen.tick(timedelta(hours=40))
        since = datetime.now(UTC)
        assert NudgeJobs(world.ctx).run() == 2  # the two consultants who asked nothing
        world.services.sessions.end(TEAM, CHANNEL, FACILITATOR)
        world.delivery.drain()
        assert _nudges(world, since) == []
        assert NudgeJobs(world.ctx).run() == 0


def test_live_sessions_get_no_nudges(world):
    with freeze_time(START) as frozen:
        _group(world, mode="live")
        _start(world)
        _next(world)
        frozen.tick(timedelta(minutes=14))
        assert NudgeJobs(world.ctx).run() == 0


def test_the_periodic_cycle_job_queues_the_nudges(world):
    from bot.scheduling.cycle_jobs import _safe_suggest

    with freeze_time(START) as frozen:
        _group(world)
        _start(world)
        _next(world)
        frozen.tick(timedelta(hours=36))
        since = datetime.now(UTC)
        _safe_suggest(world.services)
        world.delivery.drain()
        assert sorted(to for to, _ in _nudges(world, since)) == sorted([ASKER, SILENT])
