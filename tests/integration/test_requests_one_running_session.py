"""The migration to one running session per group builds its index on a database that
the old race left with several running sessions of one group, and goes down again."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.orm import Session

from bot.persistence import migrate
from bot.persistence.models import GroupRow, SessionRow

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
COPY_AS_RUNNING = text(
    "INSERT INTO sessions (group_id, number, status, client_id, facilitator_id, consultants,"
    " mode, with_follow_up, lang, channel_id, version, created_at)"
    " SELECT group_id, number + :n, 'running', client_id, facilitator_id, consultants, mode,"
    " with_follow_up, lang, channel_id, 0, created_at FROM sessions WHERE number = 1"
)


def _statuses(engine) -> list[tuple[int, str]]:
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text("SELECT number, status FROM sessions"))]


def test_upgrade_keeps_the_first_running_session_and_cancels_the_others(database_url):
    engine = create_engine(database_url)
    try:
        with Session(engine) as db:
            group = GroupRow(
                team_id="T1",
                channel_id="C1",
                name="g",
                lang="en",
                tz="UTC",
                mode="live",
                facilitator_id="U0",
                created_at=NOW,
                updated_at=NOW,
            )
            db.add(group)
            db.flush()
            db.add(
                SessionRow(
                    group_id=group.id,
                    number=1,
                    status="running",
                    client_id="U1",
                    facilitator_id="U0",
                    consultants=["U2"],
                    mode="live",
                    lang="en",
                    channel_id="C1",
                    created_at=NOW,
                )
            )
            db.commit()
        below = ScriptDirectory.from_config(migrate.alembic_config(database_url))
        migrate.downgrade(database_url, below.get_revision("0150").down_revision)  # to before it
        index_names = {i["name"] for i in inspect(engine).get_indexes("sessions")}
        assert "uq_sessions_group_id_running" not in index_names
        with engine.begin() as connection:
            connection.execute(COPY_AS_RUNNING, {"n": 1})
            connection.execute(COPY_AS_RUNNING, {"n": 2})
        assert sorted(_statuses(engine)) == [(1, "running"), (2, "running"), (3, "running")]
        migrate.upgrade(database_url)
        assert sorted(_statuses(engine)) == [(1, "running"), (2, "cancelled"), (3, "cancelled")]
        engine.dispose()
        index_names = {i["name"] for i in inspect(engine).get_indexes("sessions")}
        assert "uq_sessions_group_id_running" in index_names
    finally:
        engine.dispose()
