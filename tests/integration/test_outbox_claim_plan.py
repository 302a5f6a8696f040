"""The claim every dispatcher tick runs stays cheap beside many planned reminders, right
after they were inserted (no ANALYZE): each due row's check for an earlier row of its
channel goes through the channel index, never through every pending row."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import event, insert

from bot.persistence.engine import make_engine
from bot.persistence.models import OutboxRow
from bot.persistence.uow import unit_of_work_factory

PLANNED = 5_000
DUE = 20


def _row(key: str, channel: str, due: datetime, now: datetime) -> dict:
    return {
        "dedupe_key": key,
        "kind": "post",
        "channel": channel,
        "payload": {"text": key},
        "status": "pending",
        "attempts": 0,
        "lookup_calls": 0,
        "due_at": due,
        "next_attempt_at": due,
        "created_at": now,
    }


def _claim(engine, now) -> tuple[list, str, dict]:
    captured = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if "FROM outbox" in statement and "outbox_1" in statement:
            captured.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        with unit_of_work_factory(engine)() as uow:
            rows = [row.dedupe_key for row in uow.outbox.claim_due(now, 50)]
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    return rows, *captured[-1]


def test_the_claim_checks_earlier_rows_through_the_channel_index_without_analyze(database_url):
    engine = make_engine(database_url)
    try:
        now = datetime.now(UTC)
        planned = [
            _row(f"plan:{i}", f"C{i % 500:04d}", now + timedelta(hours=1 + i % 700), now)
            for i in range(PLANNED)
        ]
        due = [_row(f"due:{i}", f"C{i:04d}", now - timedelta(seconds=1), now) for i in range(DUE)]
        with engine.begin() as connection:
            connection.execute(insert(OutboxRow), planned)
            connection.execute(insert(OutboxRow), due)
        # one channel with two due rows: only the first is claimed (order per channel)
        with engine.begin() as connection:
            connection.execute(insert(OutboxRow), [_row("due:again", "C0000", now, now)])

        claimed, statement, parameters = _claim(engine, now + timedelta(seconds=1))
        assert claimed == [f"due:{i}" for i in range(DUE)]

        with engine.connect() as connection:
            raw = connection.connection.driver_connection
            cursor = raw.cursor()
            if engine.dialect.name == "postgresql":
                cursor.execute("EXPLAIN " + statement, parameters)
                plan = "\n".join(r[0] for r in cursor.fetchall())
                raw.rollback()
                assert "Anti Join" not in plan, plan
                assert "SubPlan" in plan, plan
            else:
                cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
                plan = "\n".join(str(r[-1]) for r in cursor.fetchall())
            assert "ix_outbox_channel_status_id" in plan, plan
            assert "ix_outbox_status_next_attempt_at" in plan, plan
    finally:
        engine.dispose()
