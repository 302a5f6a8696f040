"""The queue forgets too: delivered rows lose their text and are deleted after the keep
time, an erasure finds a text however it was escaped, the person's id gives way to
a stand-in, and no row waits for a message that will never be posted."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bot.emulator import Emulator
from bot.persistence.engine import make_engine
from bot.persistence.models import Base, OutboxRow, PostedMessageRow, ProcessedRequestRow
from bot.persistence.uow import unit_of_work_factory
from bot.services.context import Context
from bot.services.delivery import DeliveryService
from bot.services.effects import Effect, EffectKind, Payload
from bot.slack.render import SlackRenderer
from bot.slack.sender import WebApiSender
from bot.slack.text import escape

CHANNEL, PERSON = "C0ERASE", "U0GONE"


class Clock:
    def __init__(self):
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self):
        return self.now


@pytest.fixture
def queue(database_url):
    emulator = Emulator(team_id="T0ERASE").start()
    emulator.add_user(PERSON, "gone")
    emulator.add_channel(CHANNEL, "erase", members=[PERSON])
    engine = make_engine(database_url)
    clock = Clock()
    ctx = Context(unit_of_work_factory(engine), clock, SlackRenderer(), "en")
    sender = WebApiSender(WebClient(token=emulator.bot_token, base_url=emulator.api_url))
    yield ctx, DeliveryService(ctx, sender, pace_seconds=0, max_attempts=3), emulator, clock
    engine.dispose()
    emulator.stop()


def _queue(ctx, *effects):
    with ctx.uow_factory() as uow:
        for effect in effects:
            uow.outbox.add(effect, ctx.clock())
        uow.commit()


def _post(key, text, **kwargs):
    return Effect(EffectKind.POST, Payload(text=text), key, channel=CHANNEL, **kwargs)


def _rows(ctx) -> dict[str, SimpleNamespace]:
    """The queue's rows as they are now, by dedupe key."""
    with ctx.uow_factory() as uow:
        columns = OutboxRow.__table__.columns
        return {
            r.dedupe_key: SimpleNamespace(**{c.key: getattr(r, c.key) for c in columns})
            for r in uow.db.scalars(select(OutboxRow))
        }


def _dump(ctx) -> str:
    with ctx.uow_factory() as uow:
        return "\n".join(
            str(tuple(row))
            for table in Base.metadata.sorted_tables
            for row in uow.db.execute(select(table))
        )


def test_an_update_of_a_cancelled_post_is_dropped_and_the_channel_flows(queue):
    ctx, delivery, emulator, _ = queue
    _queue(
        ctx,
        _post("board:post", "board", ref="board"),
        Effect(
            EffectKind.UPDATE, Payload("board v2"), "board:v2", channel=CHANNEL, target_ref="board"
        ),
        _post("reply", "reply in thread", thread_ref="board"),
        _post("later", "the next phase"),
    )
    with ctx.uow_factory() as uow:
        uow.outbox.cancel_by_prefix("board:post")
        uow.commit()
    delivery.drain()
    rows = _rows(ctx)
    assert rows["board:v2"].status == "cancelled" and rows["reply"].status == "cancelled"
    assert rows["later"].status == "sent"
    assert [m.text for m in emulator.channel_messages(CHANNEL)] == ["the next phase"]


def test_a_reply_still_waits_while_its_root_is_rate_limited(queue):
    ctx, delivery, emulator, clock = queue
    emulator.fail_next("chat.postMessage", status=429, retry_after=5)
    _queue(ctx, _post("root", "root", ref="root"), _post("reply", "reply", thread_ref="root"))
    delivery.drain()
    assert _rows(ctx)["reply"].status == "pending"
    clock.now += timedelta(seconds=6)
    delivery.drain()
    root = emulator.channel_messages(CHANNEL)[0]
    assert [m.text for m in emulator.thread(CHANNEL, root.ts)] == ["reply"]


def _csv_cell(text: str) -> str:
    out = io.StringIO()
    csv.writer(out).writerow([f"'{text}" if text[:1] in "=+-@" else text, "2026-12-20"])
    return out.getvalue()


def _markdown(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!<>&" else c for c in text)


TEXTS = [
    'She said "stop" & <left> the room, then we talked about it for an hour',
    "Tabs\tand\nnew lines «guillemets» & ampersands <b>",
    '=HYPERLINK("x") said "no" * [really]',
    "short",
]
RENDERS = {
    "text": lambda text: Payload(f"Q1: {escape(text)}"),
    "blocks": lambda text: Payload(
        "Questions",
        [{"type": "section", "text": {"type": "mrkdwn", "text": escape(" ".join(text.split()))}}],
    ),
    "json file": lambda text: _file("mine.json", json.dumps({"rows": [{"text": text}]})),
    "csv file": lambda text: _file("plan.csv", "\ufeffwhat,due\r\n" + _csv_cell(text)),
    "markdown file": lambda text: _file("report.md", "- " + _markdown(text)),
}


def _file(name: str, content: str) -> Payload:
    return Payload("Your file", [], {"files": [{"filename": name, "content": content}]})


@pytest.mark.parametrize("where", list(RENDERS))
def test_a_queued_text_is_found_however_it_was_escaped(queue, where):
    ctx, _, _, _ = queue
    for n, text in enumerate(TEXTS):
        _queue(ctx, Effect(EffectKind.POST, RENDERS[where](text), f"quotes:{n}", channel=CHANNEL))
    _queue(ctx, Effect(EffectKind.POST, Payload("unrelated"), "other", channel=CHANNEL))
    with ctx.uow_factory() as uow:
        assert uow.privacy.scrub_texts(TEXTS) == len(TEXTS)
        uow.commit()
    rows = _rows(ctx)
    assert {rows[f"quotes:{n}"].status for n in range(len(TEXTS))} == {"cancelled"}
    assert rows["other"].status == "pending"
    for text in TEXTS:
        assert text not in _dump(ctx) and escape(text) not in _dump(ctx)


def test_the_person_gives_way_to_a_stand_in_in_the_queue_refs_and_request_keys(queue):
    ctx, delivery, _, clock = queue
    _queue(
        ctx,
        _post(f"charter:1:{PERSON}", f"Welcome <@{PERSON}>", ref=f"card:{PERSON}"),
        Effect(EffectKind.DM, Payload("a reminder"), f"remind:1:{PERSON}", user_id=PERSON),
    )
    delivery.drain()
    _queue(
        ctx,
        Effect(
            EffectKind.DM,
            Payload("later"),
            f"remind:2:{PERSON}",
            user_id=PERSON,
            due_at=clock.now + timedelta(days=3),
        ),
        _post("board", f"Questions of <@{PERSON}>", due_at=clock.now + timedelta(days=3)),
    )
    with ctx.uow_factory() as uow:
        uow.request_keys.claim(f"forget-cancel:{PERSON}:1", clock.now)
        uow.privacy.scrub_outbox(PERSON, "XSTANDIN", [])
        uow.commit()
    assert PERSON not in _dump(ctx)
    rows = _rows(ctx)
    assert rows["remind:2:XSTANDIN"].status == "cancelled"
    assert rows["board"].status == "pending"
    assert rows["board"].payload["text"] == "Questions of <@XSTANDIN>"
    with ctx.uow_factory() as uow:
        assert uow.db.get(PostedMessageRow, "card:XSTANDIN") is not None


def test_delivered_rows_lose_their_payload_then_go_after_the_keep_time(queue):
    ctx, delivery, _, clock = queue
    _queue(
        ctx,
        _post("sent", "a board with words", ref="b"),
        Effect(EffectKind.DM, Payload("a private recap"), "dm", user_id=PERSON),
        _post("planned", "a reminder", due_at=clock.now + timedelta(days=2)),
    )
    delivery.drain()
    with ctx.uow_factory() as uow:
        uow.request_keys.claim("event:Ev1", clock.now)
        uow.commit()
    with ctx.uow_factory() as uow:
        assert uow.outbox.prune(clock.now, timedelta(hours=48)) == (2, 0)
        uow.commit()
    rows = _rows(ctx)
    assert rows["sent"].payload == {} and rows["sent"].ref == "b"
    assert rows["dm"].payload == {} and rows["dm"].user_id is None and rows["dm"].channel is None
    assert rows["planned"].payload == {"text": "a reminder", "blocks": []}
    assert "a board with words" not in _dump(ctx) and PERSON not in _dump(ctx)

    clock.now += timedelta(hours=49)
    with ctx.uow_factory() as uow:
        assert uow.outbox.prune(clock.now, timedelta(hours=48)) == (0, 2)
        uow.commit()
    assert set(_rows(ctx)) == {"planned"}
    with ctx.uow_factory() as uow:
        assert uow.db.scalars(select(ProcessedRequestRow)).all() == []
        assert uow.outbox.location("b") is not None  # the board can still be updated
