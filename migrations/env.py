"""Alembic environment: the URL comes from the same Settings as the app.

`render_as_batch=True` lets SQLite alter tables (it recreates them by name,
which the naming convention keeps stable). Recreating a table drops the old one,
and with foreign keys on, SQLite deletes every row that refers to it with ON DELETE
CASCADE: dropping a column of `groups` would delete every session. So foreign keys
are off while SQLite migrates (as SQLite's own ALTER TABLE procedure says), and
checked once it has.
"""

from __future__ import annotations

from alembic import context

from bot.config import get_settings
from bot.persistence.engine import make_engine
from bot.persistence.models import Base

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    return config.attributes.get("database_url") or get_settings().database_url


def run_migrations_offline() -> None:
    context.configure(
        url=_url(), target_metadata=target_metadata, render_as_batch=True, literal_binds=True
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(_url())
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


def _run(connection) -> None:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        _foreign_keys(connection, "OFF")  # outside any transaction, or SQLite ignores it
    try:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left rows without their parent: {broken[:5]}")
    finally:
        if sqlite:
            _foreign_keys(connection, "ON")


def _foreign_keys(connection, state: str) -> None:
    if connection.in_transaction():
        connection.commit()
    connection.connection.driver_connection.execute(f"PRAGMA foreign_keys={state}")


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
