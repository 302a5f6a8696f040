"""The look-up job on a real database, with a directory standing in for Slack: who is
looked up and when, what is kept, rate limits, and what is rendered again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from freezegun import freeze_time

from bot.services.languages import LocaleLookups
from bot.services.ports import LookupLater
from tests.support.cycle import CHANNEL, FACILITATOR, PEERS, TEAM, CycleWorld, FakeDirectory

START = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def world(database_url):
    world = CycleWorld(database_url)
    yield world
    world.close()


def _own(world, user_id):
    with world.ctx.uow_factory() as uow:
        return uow.prefs.lang(user_id)


def test_everyone_in_a_group_is_looked_up_once_in_their_workspace_and_the_answer_kept(world):
    slack = FakeDirectory({FACILITATOR: "en-US", PEERS[0]: "fr-FR", PEERS[1]: "de-DE"})
    lookups = LocaleLookups(world.ctx, slack)
    with freeze_time(START):
        world.setup(lang="fr")
        assert lookups.run() == 4
        assert sorted(slack.asked) == sorted((TEAM, u) for u in [FACILITATOR, *PEERS])
        assert lookups.run() == 0 and len(slack.asked) == 4  # de-DE and "none" are answers
    assert [_own(world, u) for u in [FACILITATOR, *PEERS]] == ["en", "fr", None, None]


def test_a_rate_limit_stops_the_run_until_slack_says(world):
    slack = FakeDirectory({u: "en-US" for u in [FACILITATOR, *PEERS]})
    lookups = LocaleLookups(world.ctx, slack, batch=10)
    with freeze_time(START) as frozen:
        world.setup(lang="fr")
        slack.faults[PEERS[1]] = LookupLater("ratelimited", retry_after=30)
        kept = lookups.run()
        assert kept == len(slack.asked) - 1  # those before the refusal are kept
        frozen.tick(timedelta(seconds=20))
        assert lookups.run() == 0 and len(slack.asked) == kept + 1  # Slack not asked
        frozen.tick(timedelta(seconds=11))
        assert kept + lookups.run() == 4
    assert all(_own(world, u) == "en" for u in [FACILITATOR, *PEERS])


def test_a_person_slack_cannot_answer_for_now_is_asked_again_later(world):
    slack = FakeDirectory({u: "en-US" for u in [FACILITATOR, *PEERS]})
    lookups = LocaleLookups(world.ctx, slack, batch=10)
    with freeze_time(START) as frozen:
        world.setup(lang="fr")
        slack.faults[FACILITATOR] = LookupLater("http_503")
        lookups.run()
        assert lookups.run() == 0 and _own(world, FACILITATOR) is None
        frozen.tick(timedelta(minutes=6))
        assert lookups.run() == 1 and _own(world, FACILITATOR) == "en"


def test_a_facilitator_reading_english_gets_the_undeliverable_notices_in_english(world):
    slack = FakeDirectory({FACILITATOR: "en-US", **{p: "fr-FR" for p in PEERS}})
    with freeze_time(START):
        world.setup(lang="fr")
        world.plan(count="1")
        assert LocaleLookups(world.ctx, slack).run() == 4
        with world.ctx.uow_factory() as uow:
            peer = [r.payload for r in uow.locales.queued_dms(PEERS[0])]
            facilitator = [r.payload for r in uow.locales.queued_dms(FACILITATOR)]
        assert peer and all(p["text"].startswith("Rappel") for p in peer)
        notices = [p["failure_notice"]["text"] for p in peer]
        assert all("cannot receive direct messages" in n for n in notices)
        assert facilitator and all(p["text"].startswith("Reminder") for p in facilitator)


def test_forget_me_erases_the_kept_locale(world):
    slack = FakeDirectory({p: "en-US" for p in PEERS})
    with freeze_time(START):
        world.setup(lang="fr")
        LocaleLookups(world.ctx, slack).run()
        world.services.privacy.forget(TEAM, CHANNEL, PEERS[0], "forget:test")
        with world.ctx.uow_factory() as uow:
            assert uow.locales.get(PEERS[0]) is None
            assert uow.locales.get(PEERS[1]).locale == "en-US"
