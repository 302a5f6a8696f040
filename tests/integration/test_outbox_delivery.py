"""The outbox on a real database against the emulator: once, in order, patient with Slack."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from slack_sdk import WebClient

from bot.emulator import Emulator
from bot.persistence.engine import make_engine
from bot.persistence.uow import unit_of_work_factory
from bot.services.context import Context
from bot.services.delivery import DeliveryService
from bot.services.effects import Effect, EffectKind, Payload
from bot.slack.render import SlackRenderer
from bot.slack.sender import WebApiSender

CHANNEL = "C0OUT"


class Clock:
    def __init__(self):
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self):
        return self.now


@pytest.fixture
def outbox(database_url):
    emulator = Emulator(team_id="T0OUT")
    emulator.start()
    emulator.add_user("U0ONE", "one")
    emulator.add_channel(CHANNEL, "outbox", members=["U0ONE"])
    engine = make_engine(database_url)
    clock = Clock()
    emulator.limits_clock = lambda: clock.now.timestamp()  # Slack's minute is the test's
    ctx = Context(unit_of_work_factory(engine), clock, SlackRenderer(), "en")
    sender = WebApiSender(WebClient(token=emulator.bot_token, base_url=emulator.api_url))
    delivery = DeliveryService(ctx, sender, pace_seconds=0, max_attempts=3)
    yield ctx, delivery, emulator, clock
    engine.dispose()
    emulator.stop()


def _queue(ctx, *effects):
    with ctx.uow_factory() as uow:
        results = [uow.outbox.add(effect, ctx.clock()) for effect in effects]
        uow.commit()
    return results


def _post(key, text, **kwargs):
    return Effect(EffectKind.POST, Payload(text=text), key, channel=CHANNEL, **kwargs)


def test_an_effect_queued_twice_under_one_key_is_delivered_once(outbox):
    ctx, delivery, emulator, _ = outbox
    assert _queue(ctx, _post("k1", "hello"), _post("k1", "hello")) == [True, False]
    assert delivery.drain() == 1
    assert delivery.drain() == 0
    assert [m.text for m in emulator.channel_messages(CHANNEL)] == ["hello"]


def test_a_thread_reply_waits_for_its_root_and_lands_in_its_thread(outbox):
    ctx, delivery, emulator, _ = outbox
    _queue(ctx, _post("root", "root", ref="r:1"), _post("reply", "reply", thread_ref="r:1"))
    delivery.drain()
    root = emulator.channel_messages(CHANNEL)[0]
    assert [m.text for m in emulator.thread(CHANNEL, root.ts)] == ["reply"]


def test_a_rate_limit_is_waited_out_then_the_message_is_sent_in_order(outbox):
    ctx, delivery, emulator, clock = outbox
    emulator.fail_next("chat.postMessage", status=429, retry_after=30)
    _queue(ctx, _post("a", "first"), _post("b", "second"))
    assert delivery.drain() == 0  # first is rate limited; second must not overtake it
    assert emulator.channel_messages(CHANNEL) == []
    clock.now += timedelta(seconds=29)
    assert delivery.drain() == 0
    clock.now += timedelta(seconds=2)
    assert delivery.drain() == 2
    assert [m.text for m in emulator.channel_messages(CHANNEL)] == ["first", "second"]


def test_server_errors_are_retried_with_backoff_then_given_up(outbox):
    ctx, delivery, emulator, clock = outbox
    emulator.fail_next("chat.postMessage", status=500, times=5)
    _queue(ctx, _post("x", "never"))
    for _ in range(5):
        delivery.drain()
        clock.now += timedelta(minutes=10)
    with ctx.uow_factory() as uow:
        row = uow.outbox.claim_due(clock.now, 10)
    assert row == []  # given up after max_attempts, not retried forever
    assert emulator.channel_messages(CHANNEL) == []


def test_an_error_no_retry_can_fix_is_given_up_at_once(outbox):
    ctx, delivery, emulator, _ = outbox
    _queue(
        ctx,
        Effect(EffectKind.POST, Payload(text="lost"), "gone", channel="C0NOWHERE"),
        _post("ok", "still delivered"),
    )
    delivery.drain()
    assert [m.text for m in emulator.channel_messages(CHANNEL)] == ["still delivered"]
    assert emulator.rejected()[0].error == "channel_not_found"


def test_a_reminder_is_not_sent_before_its_time(outbox):
    ctx, delivery, emulator, clock = outbox
    due = clock.now + timedelta(hours=1)
    _queue(ctx, Effect(EffectKind.DM, Payload(text="soon"), "dm", user_id="U0ONE", due_at=due))
    assert delivery.drain() == 0
    clock.now = due
    assert delivery.drain() == 1
    assert [m.text for m in emulator.dms("U0ONE")] == ["soon"]


def test_only_the_latest_of_several_queued_updates_of_a_message_is_sent(outbox):
    ctx, delivery, emulator, _ = outbox
    _queue(ctx, _post("board", "0 questions", ref="board:1"))
    delivery.drain()
    updates = [
        Effect(
            EffectKind.UPDATE,
            Payload(text=f"{n} questions"),
            f"u{n}",
            channel=CHANNEL,
            target_ref="board:1",
        )
        for n in (1, 2, 3)
    ]
    _queue(ctx, *updates)
    delivery.drain()
    assert [m.text for m in emulator.channel_messages(CHANNEL)] == ["3 questions"]
    assert len([c for c in emulator.calls if c.method == "chat.update"]) == 1
