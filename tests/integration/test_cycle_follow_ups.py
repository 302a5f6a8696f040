"""Follow-ups of an action plan, walked with freezegun on a real database: a DM to
the client on each open item's due date (09:00 in the group's zone), a recap of
the open items a day before the next planned session, nothing for items done or
dropped, and nothing once the planned session is cancelled."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from freezegun import freeze_time

from bot.services.groups import SetupForm
from bot.services.nudges import NudgeJobs
from tests.support.cycle import CHANNEL, FACILITATOR, PEERS, TEAM, CycleWorld

START = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
CLIENT = PEERS[0]
PLAN = "Call Anne — 2027-03-05\nWrite the plan — 2027-03-08\nTell the team — 2027-03-08"
NEXT_SESSION = datetime(2027, 3, 12, 17, 0, tzinfo=UTC)  # 18:00 in Paris


@pytest.fixture
def world(database_url):
    world = CycleWorld(database_url)
    yield world
    world.close()


def _session_with_a_plan(world) -> None:
    """A live session whose client (reading English) writes three items, one done."""
    form = SetupForm("Cercle", "fr", "Europe/Paris", "live", FACILITATOR)
    world.services.groups.setup(TEAM, CHANNEL, FACILITATOR, form)
    world.services.groups.add_members(TEAM, CHANNEL, FACILITATOR, list(PEERS))
    world.set_lang(CLIENT, "en")
    view = world.services.sessions.start(TEAM, CHANNEL, FACILITATOR, CLIENT, small_group_ok=True)
    for _ in range(4):
        world.services.sessions.move(TEAM, CHANNEL, FACILITATOR, "next")
    assert world.services.action_plan.save(CLIENT, view.id, PLAN) == 3
    with world.ctx.uow_factory() as uow:
        told = next(i.id for i in uow.content.action_items(view.id) if i.text == "Tell the team")
    world.services.home.set_item_status(TEAM, CLIENT, told, "done")
    world.services.sessions.end(TEAM, CHANNEL, FACILITATOR)
    world.plan(first_date="2027-03-12", count="1")
    world.delivery.drain()


def _follow_ups(world, moment) -> list:
    with freeze_time(moment):
        NudgeJobs(world.ctx).run()
        world.delivery.drain()
    return [
        s for s in world.sender.dms() if s.at == moment and ("action" in s.text and s.to == CLIENT)
    ]


def test_the_client_gets_each_open_item_on_its_due_date_and_a_recap_before_the_next_session(
    world,
):
    with freeze_time(START):
        _session_with_a_plan(world)
    assert _follow_ups(world, datetime(2027, 3, 5, 7, 59, tzinfo=UTC)) == []  # 08:59 in Paris
    first = _follow_ups(world, datetime(2027, 3, 5, 8, 0, tzinfo=UTC))
    assert [s.text for s in first] == [
        "Today is the date you set in session 1 of *Cercle* for this action: Call Anne"
    ]
    assert _follow_ups(world, datetime(2027, 3, 5, 15, 0, tzinfo=UTC)) == []  # once
    second = _follow_ups(world, datetime(2027, 3, 8, 10, 0, tzinfo=UTC))
    assert [s.text.rsplit(": ", 1)[1] for s in second] == ["Write the plan"]  # not the done one
    assert _follow_ups(world, NEXT_SESSION.replace(hour=16, minute=59, day=11)) == []
    recap = _follow_ups(world, NEXT_SESSION.replace(day=11))
    assert len(recap) == 1 and "Your actions still open" in recap[0].text
    assert "Call Anne" in recap[0].blocks and "Write the plan" in recap[0].blocks
    assert "Tell the team" not in recap[0].blocks
    assert _follow_ups(world, NEXT_SESSION.replace(day=11, hour=18)) == []


def test_items_marked_done_get_neither_their_due_date_dm_nor_a_recap(world):
    with freeze_time(START):
        _session_with_a_plan(world)
        with world.ctx.uow_factory() as uow:
            items = [i.id for i in uow.content.action_items(1) if i.status == "open"]
        for item_id in items:
            world.services.home.set_item_status(TEAM, CLIENT, item_id, "done")
    assert _follow_ups(world, datetime(2027, 3, 5, 8, 0, tzinfo=UTC)) == []
    assert _follow_ups(world, datetime(2027, 3, 11, 17, 0, tzinfo=UTC)) == []


def test_cancelling_the_next_session_drops_a_recap_not_sent_yet(world):
    with freeze_time(START):
        _session_with_a_plan(world)
    with freeze_time(datetime(2027, 3, 11, 18, 0, tzinfo=UTC)):
        assert NudgeJobs(world.ctx).run() == 1
        world.services.schedule.cancel(TEAM, CHANNEL, FACILITATOR, 2)
        world.delivery.drain()
    assert not any("still open" in s.text for s in world.sender.dms())


def test_each_earlier_client_with_open_actions_gets_a_recap_before_the_next_session(world):
    with freeze_time(START):
        form = SetupForm("Cercle", "en", "Europe/Paris", "live", FACILITATOR)
        world.services.groups.setup(TEAM, CHANNEL, FACILITATOR, form)
        world.services.groups.add_members(TEAM, CHANNEL, FACILITATOR, list(PEERS))
        for client, plan in ((CLIENT, "Call Anne — 2027-03-05"), (PEERS[1], "Read the book")):
            view = world.services.sessions.start(TEAM, CHANNEL, FACILITATOR, client, True)
            while view.phase != 5:
                view = world.services.sessions.move(TEAM, CHANNEL, FACILITATOR, "next")
            assert world.services.action_plan.save(client, view.id, plan) == 1
            world.services.sessions.end(TEAM, CHANNEL, FACILITATOR)
        world.plan(first_date="2027-03-12", count="1")
        world.delivery.drain()
    with freeze_time(NEXT_SESSION.replace(day=11)):
        NudgeJobs(world.ctx).run()
        world.delivery.drain()
    recaps = {s.to: s.blocks for s in world.sender.dms() if "still open" in s.text}
    assert set(recaps) == {CLIENT, PEERS[1]}  # not only the last client
    assert "Call Anne" in recaps[CLIENT] and "Read the book" in recaps[PEERS[1]]
