"""A throwaway, migrated database for one benchmark: a SQLite file by default, or a
new PostgreSQL database (created and dropped here) when CODEV_BENCH_POSTGRES_URL is set."""

from __future__ import annotations

import contextlib
import os
import tempfile
import uuid

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.persistence.migrate import upgrade

POSTGRES_ENV = "CODEV_BENCH_POSTGRES_URL"


def backend() -> str:
    return "postgresql" if os.environ.get(POSTGRES_ENV) else "sqlite"


@contextlib.contextmanager
def throwaway_database():
    """Yield the URL of an empty migrated database that exists only for this block."""
    if not os.environ.get(POSTGRES_ENV):
        with tempfile.TemporaryDirectory(prefix="codev-bench-") as directory:
            url = f"sqlite:///{directory}/bench.db"
            upgrade(url)
            yield url
        return
    admin_url = make_url(os.environ[POSTGRES_ENV])
    name = f"codev_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin_url.set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# What a request has still to do: effects due and not yet delivered, and requests acked
# and not yet applied (they are still to queue their effects). Bind `now` (due time).
UNDELIVERED = text(
    "SELECT (SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')"
    " AND due_at <= :now) + (SELECT count(*) FROM inbox)"
)
