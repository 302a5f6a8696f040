"""The crash look-up under Slack's history limits, and pacing by method.

Slack gives apps outside its Marketplace at most 15 messages a page of
`conversations.history` / `conversations.replies`, and one call a minute (429 with
`Retry-After` beyond). `HistoryLimits` answers so, in front of the emulator.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.emulator import Emulator
from bot.persistence.engine import make_engine
from bot.persistence.models import OutboxRow
from bot.persistence.outbox import SENDING_GRACE
from bot.persistence.uow import unit_of_work_factory
from bot.services.context import Context
from bot.services.delivery import LOOKUP_CALLS, DeliveryService
from bot.services.effects import Effect, EffectKind, Payload
from bot.slack.render import SlackRenderer
from bot.slack.sender import WebApiSender, web_client

CHANNEL, OTHER, THIRD, USER = "C0LOOK", "C0OTHER", "C0THIRD", "U0ONE"
LOOKUPS = ("conversations.history", "conversations.replies")


class Clock:
    """Real time (Slack's ts are real) that a test can move forward."""

    def __init__(self):
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


class HistoryLimits:
    """Slack's history limits for apps outside the Marketplace, in front of the emulator."""

    PAGE, PERIOD = 15, timedelta(minutes=1)

    def __init__(self, emulator: Emulator, clock: Clock):
        lift = getattr(emulator, "set_history_limits", None)
        if lift is not None:  # the emulator's own limits run on the machine's clock
            lift(page=None, per_minute=None)
        self.clock, self.inner = clock, emulator.handle
        self.last: dict[str, datetime] = {}
        self.asked: list[dict] = []  # the arguments of each history call, refused or not
        emulator.handle = self.handle

    def handle(self, method, args, token):
        if method not in LOOKUPS:
            return self.inner(method, args, token)
        self.asked.append(dict(args))
        now = self.clock()
        if method in self.last and now - self.last[method] < self.PERIOD:
            wait = (self.PERIOD - (now - self.last[method])).total_seconds()
            return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(int(wait) + 1)}
        self.last[method] = now
        limit = min(int(args.get("limit") or 100), self.PAGE)
        return self.inner(method, {**args, "limit": limit}, token)


class Died(Exception):
    pass


class DyingSender:
    """Posts through the real sender, then dies before the row is marked sent."""

    def __init__(self, inner):
        self.inner = inner

    def post(self, channel, payload, thread_ts):
        self.inner.post(channel, payload, thread_ts)
        raise Died


@pytest.fixture
def world(database_url):
    emulator = Emulator(team_id="T0LOOK").start()
    emulator.add_user(USER, "one")
    emulator.add_channel(CHANNEL, "look", members=[USER])
    emulator.add_channel(OTHER, "other", members=[USER])
    emulator.add_channel(THIRD, "third", members=[USER])
    engine = make_engine(database_url)
    clock = Clock()
    ctx = Context(unit_of_work_factory(engine), clock, SlackRenderer(), "en")
    sender = WebApiSender(web_client(emulator.bot_token, emulator.api_url))
    yield ctx, sender, emulator, clock
    engine.dispose()
    emulator.stop()


def _queue(ctx, *effects):
    with ctx.uow_factory() as uow:
        for effect in effects:
            uow.outbox.add(effect, ctx.clock())
        uow.commit()


def _post(key, text, channel=CHANNEL, **kwargs):
    return Effect(EffectKind.POST, Payload(text=text), key, channel=channel, **kwargs)


def _rows(ctx) -> dict[str, OutboxRow]:
    with ctx.uow_factory() as uow:
        rows = list(uow.db.scalars(select(OutboxRow)))
        for row in rows:
            uow.db.expunge(row)
        return {row.dedupe_key: row for row in rows}


def _cut_short(ctx, sender, key, text):
    """The process dies after Slack accepted the message, before the row was marked."""
    _queue(ctx, _post(key, text))
    with pytest.raises(Died):
        DeliveryService(ctx, DyingSender(sender), pace_seconds=0).drain()
    assert _rows(ctx)[key].status == "sending"
    ctx.clock.offset += SENDING_GRACE  # until then the row is left to its sender


def _texts(emulator, channel=CHANNEL) -> list[str]:
    return [m.text for m in emulator.channel_messages(channel)]


def test_a_rate_limited_look_up_resumes_at_its_cursor_and_does_not_stall_the_channel(world):
    ctx, sender, emulator, clock = world
    _cut_short(ctx, sender, "orphan", "the orphan")
    for i in range(40):  # newer messages push it to the third page of 15
        sender.post(CHANNEL, {"text": f"chatter {i}"}, None)
    limits = HistoryLimits(emulator, clock)
    _queue(ctx, _post("next", "queued behind it"))
    delivery = DeliveryService(ctx, sender, pace_seconds=0)

    assert delivery.drain() == 1  # the row behind the orphan went on
    assert _texts(emulator)[-1] == "queued behind it"
    orphan = _rows(ctx)["orphan"]
    assert orphan.status == "sending" and orphan.lookup_cursor  # waits, cursor kept
    assert [a.get("limit") for a in limits.asked] == ["15", "15"]  # a page, then a 429

    for _ in range(3):
        clock.offset += timedelta(seconds=61)
        delivery.drain()
    assert _rows(ctx)["orphan"].status == "sent"
    assert _texts(emulator).count("the orphan") == 1  # found, not posted again
    cursors = [a.get("cursor") for a in limits.asked]
    assert cursors[0] is None and None not in cursors[1:]  # never back to page 1
    assert len(limits.asked) <= LOOKUP_CALLS


def test_a_look_up_that_never_gets_through_ends_in_posting_it_at_least_once(world):
    ctx, sender, emulator, clock = world
    _queue(ctx, _post("orphan", "lost?"))
    with ctx.uow_factory() as uow:  # cut short before the call left: Slack has nothing
        row = uow.db.scalars(select(OutboxRow)).one()
        row.status = "sending"
        uow.commit()
    emulator.fail_next("conversations.history", status=429, retry_after=30, times=100)
    delivery = DeliveryService(ctx, sender, pace_seconds=0)
    for _ in range(LOOKUP_CALLS + 2):
        delivery.drain()
        clock.offset += timedelta(seconds=31)
    assert _texts(emulator) == ["lost?"]
    assert _rows(ctx)["orphan"].status == "sent"
    tries = [c for c in emulator.calls if c.method == "conversations.history"]
    assert len(tries) == LOOKUP_CALLS  # bounded, then decided


def test_only_messages_are_paced_per_channel(world):
    ctx, sender, emulator, clock = world
    _queue(ctx, _post("root", "the board", ref="board"))
    DeliveryService(ctx, sender, pace_seconds=0).drain()
    _queue(
        ctx,
        *[
            Effect(EffectKind.UPDATE, Payload(text=f"v{i}"), f"u{i}", target_ref="board")
            for i in range(1)
        ],
        Effect(EffectKind.EPHEMERAL, Payload(text="psst"), "e1", channel=CHANNEL, user_id=USER),
        Effect(EffectKind.EPHEMERAL, Payload(text="psst"), "e2", channel=CHANNEL, user_id=USER),
        _post("m1", "one"),
        _post("m2", "two"),
    )
    delivery = DeliveryService(ctx, sender, pace_seconds=3600)
    # one tick: the update and both ephemerals, and one message (the next waits its second)
    assert delivery.tick() == 4
    statuses = {key: row.status for key, row in _rows(ctx).items()}
    assert statuses == {
        "root": "sent",
        "u0": "sent",
        "e1": "sent",
        "e2": "sent",
        "m1": "sent",
        "m2": "pending",
    }


def test_a_retry_after_pauses_that_method_for_the_workspace_not_just_the_row(world):
    ctx, sender, emulator, clock = world
    emulator.fail_next("chat.postMessage", status=429, retry_after=30)
    _queue(
        ctx,
        _post("a", "first", channel=CHANNEL),
        _post("b", "elsewhere", channel=OTHER),
        Effect(EffectKind.EPHEMERAL, Payload(text="psst"), "e", channel=THIRD, user_id=USER),
    )
    delivery = DeliveryService(ctx, sender, pace_seconds=0)
    assert delivery.drain() == 1  # the ephemeral: another method
    posts = [c for c in emulator.calls if c.method == "chat.postMessage"]
    assert len(posts) == 1  # the other channel's message waited, it was not tried
    rows = _rows(ctx)
    assert rows["b"].status == "pending" and rows["b"].next_attempt_at > clock()
    clock.offset += timedelta(seconds=31)
    assert delivery.drain() == 2
    assert _texts(emulator) == ["first"] and _texts(emulator, OTHER) == ["elsewhere"]
