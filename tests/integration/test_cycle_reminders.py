"""A whole cycle of 8 weekly sessions across the spring DST change, walked with
freezegun: every DM's time, recipient and language; moves, cancels and leaves."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from tests.support.cycle import CHANNEL, FACILITATOR, PEERS, TEAM, CycleWorld

PARIS = ZoneInfo("Europe/Paris")
START = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
# 18:00 in Paris every Friday: 17:00 UTC before 28 March 2027, 16:00 UTC after.
DAYS = [(3, 12), (3, 19), (3, 26), (4, 2), (4, 9), (4, 16), (4, 23), (4, 30)]
SESSIONS = [datetime(2027, m, d, 18, 0, tzinfo=PARIS).astimezone(UTC) for m, d in DAYS]
MARKERS = {
    ("reminder", "fr"): "Rappel :",
    ("reminder", "en"): "Reminder:",
    ("prep", "fr"): "Vous avez le rôle de client",
    ("prep", "en"): "You are the client",
    ("suggest", "fr"): "la rotation propose",
    ("suggest", "en"): "the rotation suggests",
}


def _kind_and_lang(text: str):
    return next(((k, lang) for (k, lang), m in MARKERS.items() if m in text), None)


@pytest.fixture
def world(database_url):
    world = CycleWorld(database_url)
    yield world
    world.close()


def _walk(world, frozen, moments, on_session=None):
    """Move the clock to each moment, run the jobs and the dispatcher there."""
    for moment in sorted(set(moments)):
        frozen.move_to(moment)
        if on_session and moment in on_session:
            on_session[moment]()
        world.run_jobs()


def test_a_cycle_of_eight_sessions_across_dst_sends_every_dm_on_time_in_each_language(world):
    with freeze_time(START) as frozen:
        world.setup(lang="fr")
        world.set_lang(PEERS[0], "en")
        world.services.topics.absent(TEAM, CHANNEL, PEERS[0], "2027-03-19")
        world.services.topics.pitch(TEAM, CHANNEL, PEERS[2], "Déléguer sans tout reprendre")
        world.plan()
        assert [
            s.starts_at for s in world.services.schedule.list(TEAM, CHANNEL, FACILITATOR).slots
        ] == SESSIONS

        def run_session(at):
            def run():
                world.services.sessions.start(TEAM, CHANNEL, FACILITATOR, None, True)
                world.services.sessions.end(TEAM, CHANNEL, FACILITATOR)

            return run

        moments, sessions = [], {}
        for at in SESSIONS:
            moments += [at - timedelta(days=3), at - timedelta(days=2)]
            moments += [at - timedelta(hours=24), at - timedelta(hours=1), at]
            sessions[at] = run_session(at)
        _walk(world, frozen, moments, sessions)

    got = []
    for sent in world.sender.dms():
        found = _kind_and_lang(sent.text)
        if found:
            got.append((sent.at, sent.to, *found))

    langs = {FACILITATOR: "fr", PEERS[0]: "en", PEERS[1]: "fr", PEERS[2]: "fr"}
    # Fewest turns, then longest wait; PEERS[0] is absent on 19 March.
    clients = [PEERS[0], PEERS[1], PEERS[2], PEERS[0], PEERS[1], PEERS[2], PEERS[0], PEERS[1]]
    expected = []
    for at, client in zip(SESSIONS, clients, strict=True):
        expected.append((at - timedelta(days=3), FACILITATOR, "suggest", "fr"))
        expected.append((at - timedelta(days=2), client, "prep", langs[client]))
        for before in (timedelta(hours=24), timedelta(hours=1)):
            for person in [*PEERS, FACILITATOR]:
                expected.append((at - before, person, "reminder", langs[person]))
    assert sorted(got) == sorted(expected)
    # 17:00 UTC before the change, 16:00 UTC after: the 1 h reminders follow 18:00 Paris.
    one_hour = sorted(
        {
            g[0]
            for g in got
            if g[2] == "reminder" and g[0].minute == 0 and (g[0] + timedelta(hours=1)) in SESSIONS
        }
    )
    assert [t.hour for t in one_hour] == [16, 16, 16, 15, 15, 15, 15, 15]
    suggested = [s.text for s in world.sender.dms() if "rotation propose" in s.text]
    assert "Déléguer" not in suggested[0]  # topics are in the blocks, the text is short


def test_moving_a_session_moves_its_reminders_and_cancelling_drops_them(world):
    with freeze_time(START) as frozen:
        world.setup(lang="en")
        world.plan(count="3", reminders="60")
        world.services.schedule.move(TEAM, CHANNEL, FACILITATOR, 2, "2027-03-21 10:00")
        world.services.schedule.cancel(TEAM, CHANNEL, FACILITATOR, 3)
        moved = datetime(2027, 3, 21, 10, 0, tzinfo=PARIS).astimezone(UTC)
        moments = [SESSIONS[0] - timedelta(hours=1), moved - timedelta(hours=1)]
        moments += [SESSIONS[1] - timedelta(hours=1), SESSIONS[2] - timedelta(hours=1)]
        moments += [SESSIONS[2] + timedelta(days=1)]
        _walk(world, frozen, moments)

    reminders = [(s.at, s.to) for s in world.sender.dms() if s.text.startswith("Reminder")]
    people = [*PEERS, FACILITATOR]
    assert sorted(reminders) == sorted(
        [(SESSIONS[0] - timedelta(hours=1), p) for p in people]
        + [(moved - timedelta(hours=1), p) for p in people]
    )


def test_a_member_who_leaves_gets_no_more_reminders(world):
    with freeze_time(START) as frozen:
        world.setup(lang="en")
        world.plan(count="2", reminders="60")
        _walk(world, frozen, [SESSIONS[0] - timedelta(hours=1)])
        frozen.move_to(SESSIONS[0] + timedelta(hours=3))
        world.services.groups.leave(TEAM, CHANNEL, PEERS[2])
        _walk(world, frozen, [SESSIONS[1] - timedelta(hours=1)])

    to_leaver = [s.at for s in world.sender.dms() if s.to == PEERS[2] and "Reminder" in s.text]
    assert to_leaver == [SESSIONS[0] - timedelta(hours=1)]
    to_others = [s for s in world.sender.dms() if s.to == PEERS[0] and "Reminder" in s.text]
    assert len(to_others) == 2


def test_a_member_who_joins_after_the_planning_gets_the_coming_reminders(world):
    with freeze_time(START) as frozen:
        world.setup(lang="en", peers=PEERS[:2])
        world.plan(count="2", reminders="60")
        _walk(world, frozen, [SESSIONS[0] - timedelta(hours=1)])
        world.services.groups.join(TEAM, CHANNEL, PEERS[2])
        _walk(world, frozen, [SESSIONS[0] + timedelta(hours=3), SESSIONS[1] - timedelta(hours=1)])
        _walk(world, frozen, [SESSIONS[1] + timedelta(hours=3)])

    to_newcomer = [s.at for s in world.sender.dms() if s.to == PEERS[2] and "Reminder" in s.text]
    assert to_newcomer == [SESSIONS[1] - timedelta(hours=1)]
    reminders = [s for s in world.sender.dms() if "Reminder" in s.text]
    assert len(reminders) == 3 + 4  # no reminder is sent twice
