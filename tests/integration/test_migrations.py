"""Migrations go up and down on SQLite and PostgreSQL, and never drift from the models."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect

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
