"""Real databases for tests: SQLite always, PostgreSQL when CODEV_TEST_POSTGRES_URL is set.

Each test gets an empty, migrated database: SQLite copies a file migrated once;
PostgreSQL migrates one database per run and empties its tables between tests.
"""

from __future__ import annotations

import os
import shutil
import uuid

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.persistence.migrate import upgrade
from bot.persistence.models import Base

POSTGRES_ENV = "CODEV_TEST_POSTGRES_URL"


def backends() -> list[str]:
    return ["sqlite", "postgres"] if os.environ.get(POSTGRES_ENV) else ["sqlite"]


class SqliteTemplate:
    def __init__(self, directory):
        self.template = directory / "template.db"
        upgrade(f"sqlite:///{self.template}")

    def fresh(self, directory) -> str:
        path = directory / f"codev-{uuid.uuid4().hex[:8]}.db"
        shutil.copy(self.template, path)
        return f"sqlite:///{path}"


class PostgresDatabase:
    """One throwaway database per test run, migrated once."""

    def __init__(self):
        admin_url = make_url(os.environ[POSTGRES_ENV])
        self.name = f"codev_test_{uuid.uuid4().hex[:10]}"
        self.admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{self.name}"'))
        self.url = admin_url.set(database=self.name).render_as_string(hide_password=False)
        upgrade(self.url)
        self.engine = create_engine(self.url)

    def fresh(self) -> str:
        tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        with self.engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        return self.url

    def drop(self) -> None:
        self.engine.dispose()
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin.dispose()
