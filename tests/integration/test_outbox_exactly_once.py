"""A message whose delivery was cut short (the process died after Slack accepted it,
before the row was marked sent) is found in Slack by its key, not posted twice."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from slack_sdk import WebClient

from bot.emulator import Emulator
from bot.persistence.engine import make_engine
from bot.persistence.models import OutboxRow
from bot.persistence.outbox import SENDING_GRACE, OutboxRepository
from bot.persistence.uow import unit_of_work_factory
from bot.services.context import Context
from bot.services.delivery import DeliveryService
from bot.services.effects import Effect, EffectKind, Payload
from bot.slack.render import SlackRenderer
from bot.slack.sender import WebApiSender

CHANNEL, USER = "C0ONCE", "U0ONE"
LOOKUPS = ("conversations.history", "conversations.replies")


class Died(Exception):
    """The process stopping at this point: nothing after it runs."""


class DyingSender:
    """Delivers through the real sender, then dies before the app hears the answer
    (`after=True`) or before the call leaves (`after=False`)."""

    def __init__(self, inner: WebApiSender, after: bool = True):
        self.inner, self.after = inner, after

    def _die(self, call, *args):
        if not self.after:
            raise Died
        call(*args)
        raise Died

    def post(self, channel, payload, thread_ts):
        self._die(self.inner.post, channel, payload, thread_ts)

    def dm(self, user_id, payload):
        self._die(self.inner.dm, user_id, payload)


class Clock:
    """Real time (Slack's ts is real time too) that a test can move forward."""

    def __init__(self):
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


@pytest.fixture
def world(database_url):
    emulator = Emulator(team_id="T0ONCE").start()
    emulator.add_user(USER, "one")
    emulator.add_channel(CHANNEL, "once", members=[USER])
    engine = make_engine(database_url)
    ctx = Context(unit_of_work_factory(engine), Clock(), SlackRenderer(), "en")
    sender = WebApiSender(WebClient(token=emulator.bot_token, base_url=emulator.api_url))
    yield ctx, sender, emulator
    engine.dispose()
    emulator.stop()


def _queue(ctx, *effects):
    with ctx.uow_factory() as uow:
        for effect in effects:
            uow.outbox.add(effect, ctx.clock())
        uow.commit()


def _delivery(ctx, sender):
    return DeliveryService(ctx, sender, pace_seconds=0)


def _statuses(ctx) -> dict[str, str]:
    with ctx.uow_factory() as uow:
        return {row.dedupe_key: row.status for row in uow.db.query(OutboxRow)}


def _lookups(emulator) -> int:
    return sum(1 for call in emulator.calls if call.method in LOOKUPS)


def _post(key, text, **kwargs):
    return Effect(EffectKind.POST, Payload(text=text), key, channel=CHANNEL, **kwargs)


def _die_once(ctx, sender, after=True):
    with pytest.raises(Died):
        _delivery(ctx, DyingSender(sender, after)).drain()
    ctx.clock.offset += SENDING_GRACE  # until then the row is left to its sender


def test_a_post_slack_accepted_before_the_process_died_is_not_posted_again(world):
    ctx, sender, emulator = world
    _queue(ctx, _post("board", "the board", ref="board:1"))
    _die_once(ctx, sender)
    assert _statuses(ctx) == {"board": "sending"}

    _queue(ctx, Effect(EffectKind.UPDATE, Payload(text="the board, v2"), "u", target_ref="board:1"))
    assert _delivery(ctx, sender).drain() == 2
    assert [m.text for m in emulator.channel_messages(CHANNEL)] == ["the board, v2"]
    assert _statuses(ctx) == {"board": "sent", "u": "sent"}  # its ts was recorded
    assert emulator.rejected() == []


def test_a_thread_reply_cut_short_is_looked_up_in_its_thread(world):
    ctx, sender, emulator = world
    _queue(ctx, _post("root", "root", ref="r:1"))
    _delivery(ctx, sender).drain()
    _queue(ctx, _post("reply", "reply", thread_ref="r:1"))
    _die_once(ctx, sender)
    _delivery(ctx, sender).drain()
    root = emulator.channel_messages(CHANNEL)[0]
    assert [m.text for m in emulator.thread(CHANNEL, root.ts)] == ["reply"]
    assert [c.method for c in emulator.calls if c.method in LOOKUPS] == ["conversations.replies"]


def test_a_dm_cut_short_is_sent_again_at_least_once_without_reading_the_dm(world):
    """Reading a DM back needs `im:history`, which the app does not ask for."""
    ctx, sender, emulator = world
    _queue(ctx, Effect(EffectKind.DM, Payload(text="psst"), "dm", user_id=USER))
    _die_once(ctx, sender)
    _delivery(ctx, sender).drain()
    assert [m.text for m in emulator.dms(USER)] == ["psst", "psst"]
    assert _statuses(ctx) == {"dm": "sent"}
    assert _lookups(emulator) == 0


def test_a_post_that_never_left_is_posted_once_after_the_lookup(world):
    ctx, sender, emulator = world
    _queue(ctx, _post("a", "first"), _post("b", "second"))
    _die_once(ctx, sender, after=False)
    assert _delivery(ctx, sender).drain() == 2
    assert [m.text for m in emulator.channel_messages(CHANNEL)] == ["first", "second"]
    assert _lookups(emulator) == 1  # only the row that was cut short


def test_the_normal_path_reads_no_history_and_tags_each_message_with_its_key(world):
    ctx, sender, emulator = world
    _queue(ctx, _post("a", "first", ref="a:1"), _post("b", "second", thread_ref="a:1"))
    assert _delivery(ctx, sender).drain() == 2
    assert _lookups(emulator) == 0
    keys = [
        c.args["metadata"]["event_payload"]["key"]
        for c in emulator.calls
        if c.method == "chat.postMessage"
    ]
    assert keys == ["a", "b"]


def test_a_server_error_leaves_the_post_to_be_looked_up_before_its_retry(world):
    ctx, sender, emulator = world
    emulator.fail_next("chat.postMessage", status=500)
    _queue(ctx, _post("x", "maybe"))
    delivery = _delivery(ctx, sender)
    assert delivery.drain() == 0
    assert _statuses(ctx) == {"x": "sending"}  # Slack may or may not have it
    with ctx.uow_factory() as uow:
        uow.db.query(OutboxRow).update({"next_attempt_at": datetime.now(UTC) - SENDING_GRACE})
        uow.commit()
    assert delivery.drain() == 1
    assert [m.text for m in emulator.channel_messages(CHANNEL)] == ["maybe"]
    assert _lookups(emulator) == 1


def test_a_rate_limited_post_is_retried_without_a_lookup(world):
    ctx, sender, emulator = world
    emulator.fail_next("chat.postMessage", status=429, retry_after=1)
    _queue(ctx, _post("x", "later"))
    delivery = _delivery(ctx, sender)
    assert delivery.drain() == 0
    assert _statuses(ctx) == {"x": "pending"}  # a 429 says nothing was posted
    time.sleep(1.1)  # the Retry-After pauses chat.postMessage in this workspace
    assert delivery.drain() == 1
    assert _lookups(emulator) == 0


def test_on_postgresql_a_row_taken_over_between_commit_and_relock_is_sent_once(
    world, database_url, monkeypatch
):
    """Another process claiming in the moment between the commit that marks the row
    `sending` and the lock taken again leaves it to its sender (taking it over would
    start a crash look-up, which Slack allows once a minute): it is posted once."""
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has one deliverer")
    ctx, sender, emulator = world
    _queue(ctx, _post("x", "once"))
    reclaim, raced = OutboxRepository.reclaim, []

    def racing(self, row, status, stamp):
        if not raced:
            raced.append("racing")
            raced.append(_delivery(ctx, sender).drain())  # the other process, in the gap
        return reclaim(self, row, status, stamp)

    monkeypatch.setattr(OutboxRepository, "reclaim", racing)
    assert _delivery(ctx, sender).drain() == 1
    assert raced == ["racing", 0]  # the other process left it alone
    assert [m.text for m in emulator.channel_messages(CHANNEL)] == ["once"]
    assert _statuses(ctx) == {"x": "sent"}
