"""Migrations go up and down on SQLite and PostgreSQL, and never drift from the models."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import create_engine, inspect, text

from bot.persistence import migrate
from bot.persistence.models import Base


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_migrations_go_down_to_nothing_and_up_to_every_table(database_url):
    assert set(Base.metadata.tables) <= _tables(database_url)
    migrate.downgrade(database_url, "base")
    assert _tables(database_url) == set()
    migrate.upgrade(database_url)
    assert set(Base.metadata.tables) <= _tables(database_url)


def test_models_and_migrations_do_not_drift(database_url):
    migrate.check(database_url)  # raises when autogenerate would write a migration


def _count(url: str, table: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
    finally:
        engine.dispose()


def test_going_down_and_up_again_keeps_the_groups_sessions_and_members(database_url):
    """SQLite recreates a table to drop a column; with foreign keys on, dropping the old
    `groups` would cascade to every session and member."""
    engine = create_engine(database_url)
    at = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO groups (id, team_id, channel_id, name, lang, tz, mode, "
                "facilitator_id, with_follow_up, strict_exploration, created_at, updated_at) "
                "VALUES (1, 'T1', 'C1', 'circle', 'fr', 'UTC', 'live', 'U1', false, true, :at, :at)"
            ),
            {"at": at},
        )
        connection.execute(
            text(
                "INSERT INTO members (group_id, user_id, joined_at, client_turns) "
                "VALUES (1, 'U2', :at, 0)"
            ),
            {"at": at},
        )
        connection.execute(
            text(
                "INSERT INTO sessions (group_id, number, status, client_id, facilitator_id, "
                "consultants, mode, with_follow_up, lang, channel_id, version, created_at) "
                "VALUES (1, 1, 'done', 'U2', 'U1', '[]', 'live', false, 'fr', 'C1', 0, :at)"
            ),
            {"at": at},
        )
    engine.dispose()
    migrate.downgrade(database_url, "0100")
    migrate.upgrade(database_url)
    assert [_count(database_url, t) for t in ("groups", "members", "sessions")] == [1, 1, 1]
