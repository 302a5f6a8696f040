"""(c) The dispatcher at scale: 1,000 / 10,000 / 100,000 planned reminders in the outbox.

For each size: bulk-insert the future reminders of that many planned sessions plus
200 reminders falling due within the next seconds (200 channels), then measure
the claim query (what every dispatcher tick runs) while nothing is due, its plan
and the rows it reads, and how late the 200 reminders go out when the outbox is
ticked every second as the dispatcher does (Slack replaced by a sender that only
records the time).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import event, func, insert, select

from bot.persistence.engine import make_engine
from bot.persistence.models import OutboxRow
from bot.persistence.uow import unit_of_work_factory
from bot.services.context import Context
from bot.services.delivery import DeliveryService
from bot.slack.render import SlackRenderer

from .databases import throwaway_database
from .stats import percentile

SOON = 200
CHUNK = 5_000


class Recorder:
    """A sender that answers at once and notes when each message went out."""

    def __init__(self):
        self.sent: dict[str, float] = {}

    def post(self, channel, payload, thread_ts):
        self.sent[payload["text"]] = time.time()
        return channel, f"{time.time():.6f}"

    def update(self, *args):
        pass

    ephemeral = dm = react = publish = update


def _rows(count: int, now: datetime):
    for i in range(count):
        due = now + timedelta(hours=1 + i % (24 * 30))
        yield _row(f"plan:{i}", f"C{i % 5000:05d}", i, due, now)


def _row(key, channel, session_id, due, now):
    return {
        "dedupe_key": key,
        "kind": "post",
        "channel": channel,
        "payload": {"text": key},
        "session_id": session_id,
        "status": "pending",
        "attempts": 0,
        "due_at": due,
        "next_attempt_at": due,
        "created_at": now,
    }


def _insert(engine, rows) -> None:
    batch = []
    with engine.begin() as connection:
        for row in rows:
            batch.append(row)
            if len(batch) == CHUNK:
                connection.execute(insert(OutboxRow), batch)
                batch = []
        if batch:
            connection.execute(insert(OutboxRow), batch)


def _claim_sql(service, now):
    """The claim statement as the database receives it, captured during a real claim."""
    captured = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if "FROM outbox" in statement and "outbox_1" in statement:
            captured.append((statement, parameters))

    engine = service.engine
    event.listen(engine, "before_cursor_execute", capture)
    try:
        with service.ctx.uow_factory() as uow:
            started = time.perf_counter()
            uow.outbox.claim_due(now, service.batch)
            elapsed = time.perf_counter() - started
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    return captured[-1], elapsed


def _plan(engine, statement, parameters) -> tuple[str, bool]:
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        cursor = raw.cursor()
        if engine.dialect.name == "postgresql":
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
            lines = [r[0] for r in cursor.fetchall()]
            raw.rollback()
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
            lines = [" ".join(str(c) for c in r[1:]) for r in cursor.fetchall()]
    plan = "\n".join(lines)
    return plan, "ix_outbox_status_next_attempt_at" in plan


def measure(url: str, size: int) -> dict:
    engine = make_engine(url)
    now = datetime.now(UTC)
    started = time.perf_counter()
    _insert(engine, _rows(size, now))
    inserted = time.perf_counter() - started
    ctx = Context(unit_of_work_factory(engine), lambda: datetime.now(UTC), SlackRenderer(), "en")
    sender = Recorder()
    service = DeliveryService(ctx, sender, pace_seconds=0)
    service.engine = engine
    (statement, parameters), _ = _claim_sql(service, now)
    timings = []
    for _ in range(20):
        started = time.perf_counter()
        service.tick()
        timings.append(time.perf_counter() - started)
    _, claim = _claim_sql(service, datetime.now(UTC))
    plan, indexed = _plan(engine, statement, parameters)
    with engine.connect() as connection:
        read = connection.scalar(
            select(func.count()).where(
                OutboxRow.status == "pending", OutboxRow.next_attempt_at <= datetime.now(UTC)
            )
        )
    soon_at = datetime.now(UTC) + timedelta(seconds=2)
    due = {f"soon:{i}": soon_at + timedelta(seconds=i % 5) for i in range(SOON)}
    _insert(engine, (_row(k, f"D{i:04d}", None, d, now) for i, (k, d) in enumerate(due.items())))
    deadline = time.time() + 30
    while len(sender.sent) < SOON and time.time() < deadline:
        service.tick()
        time.sleep(1.0)  # the dispatcher's interval
    lateness = sorted(sender.sent[k] - d.timestamp() for k, d in due.items() if k in sender.sent)
    engine.dispose()
    return {
        "outbox rows": size + SOON,
        "due": 0,
        "insert s": inserted,
        "idle tick ms": sorted(timings)[len(timings) // 2] * 1000,
        "claim query ms": claim * 1000,
        "rows read": read,
        "index used": "yes" if indexed else "NO",
        "reminders": f"{len(lateness)}/{SOON}",
        "lateness p50 s": percentile(lateness, 50),
        "lateness max s": lateness[-1] if lateness else float("nan"),
        "plan": plan,
    }


def run(sizes=(1_000, 10_000, 100_000)) -> list[dict]:
    results = []
    for size in sizes:
        with throwaway_database() as url:
            results.append(measure(url, size))
    return results
