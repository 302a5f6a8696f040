"""What a request queues is delivered when its unit of work commits, not at the
dispatcher's next tick: the tick interval is an hour here, so only the wake can
deliver within the test. In the process itself (SQLite and PostgreSQL), from another
process through PostgreSQL's LISTEN/NOTIFY, and on SQLite from a worker that does not
hold the dispatcher lock to the one that does."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest
from slack_sdk import WebClient
from sqlalchemy import text

from bot.persistence.engine import make_engine
from bot.persistence.uow import NOTIFY_CHANNEL, unit_of_work_factory
from bot.scheduling.dispatcher import Dispatcher, check_deployment
from bot.services.context import Context
from bot.services.delivery import DeliveryService
from bot.services.effects import Effect, EffectKind, Payload
from bot.slack.render import SlackRenderer
from bot.slack.sender import WebApiSender
from tests.support.flows import setup_group
from tests.support.stack import CHANNEL, Stack, seeded_emulator

HOUR = 3600
# Generous: the wake delivers in milliseconds; the interval alone would take an hour.
WITHIN_SECONDS = 20


def _wait_for(found, seconds: float = WITHIN_SECONDS):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := found():
            return result
        time.sleep(0.02)
    return None


def test_a_request_s_message_is_delivered_at_its_commit_not_at_the_next_tick(
    database_url, monkeypatch
):
    monkeypatch.setenv("CODEV_DISPATCH_INTERVAL_SECONDS", str(HOUR))
    stack = Stack(database_url, lang="en")
    try:
        stack.runtime.start_scheduler()
        started = time.monotonic()
        setup_group(stack)  # the group's announcement is queued in the outbox
        announced = _wait_for(
            lambda: [m for m in stack.emulator.channel_messages(CHANNEL) if m.bot]
        )
        assert announced, "the announcement was not delivered without the hourly tick"
        assert time.monotonic() - started < WITHIN_SECONDS
    finally:
        stack.close()


def test_another_process_s_commit_wakes_the_dispatcher_through_notify(database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("notifications between processes need PostgreSQL")
    emulator = seeded_emulator()
    engine = make_engine(database_url)
    command = [sys.executable, "-m", "tests.support.listening_dispatcher"]
    child = subprocess.Popen([*command, database_url, emulator.api_url, emulator.bot_token])
    try:
        listening = text(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND query = :q"
        )

        def listens():
            with engine.connect() as connection:
                return connection.scalar(listening, {"q": f"LISTEN {NOTIFY_CHANNEL}"})

        assert _wait_for(listens, 60), "the other process never listened"
        now = datetime.now(UTC)
        ctx = Context(unit_of_work_factory(engine), lambda: now, SlackRenderer(), "en")
        with ctx.uow_factory() as uow:
            effect = Effect(EffectKind.DM, Payload(text="queued here"), "wake:1", user_id="U0PEER1")
            uow.outbox.add(effect, now)
            uow.commit()
        sent_at = time.monotonic()
        dms = _wait_for(lambda: [m.text for m in emulator.dms("U0PEER1")])
        assert dms == ["queued here"]
        assert time.monotonic() - sent_at < WITHIN_SECONDS
    finally:
        child.terminate()
        child.wait(timeout=30)
        engine.dispose()
        emulator.stop()


def test_a_worker_without_the_sqlite_lock_rings_the_one_that_delivers(database_url):
    if not database_url.startswith("sqlite"):
        pytest.skip("the dispatcher lock is SQLite's")
    emulator = seeded_emulator()
    engine = make_engine(database_url)
    now = datetime.now(UTC)
    workers = []
    try:
        for _ in range(2):  # two workers, as gunicorn runs them, in one process here
            ctx = Context(unit_of_work_factory(engine), lambda: now, SlackRenderer(), "en")
            sender = WebApiSender(WebClient(token=emulator.bot_token, base_url=emulator.api_url))
            delivery = DeliveryService(ctx, sender, pace_seconds=0)
            lock = check_deployment(database_url, workers=2)
            workers.append(Dispatcher(delivery, HOUR, lock, ctx.uow_factory.wake))
        holder, other = workers
        holder.start()
        assert _wait_for(lambda: holder.lock.held() and holder._doorbell.serving)
        other.start()
        assert not other.lock.held()

        with other.delivery.ctx.uow_factory() as uow:  # a request the other worker serves
            effect = Effect(EffectKind.DM, Payload(text="rung"), "bell:1", user_id="U0PEER2")
            uow.outbox.add(effect, now)
            uow.commit()
        sent_at = time.monotonic()
        assert _wait_for(lambda: [m.text for m in emulator.dms("U0PEER2")]) == ["rung"]
        assert time.monotonic() - sent_at < WITHIN_SECONDS
    finally:
        for worker in workers:
            worker.stop()
            worker.lock.release()
        engine.dispose()
        emulator.stop()
