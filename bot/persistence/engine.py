"""Engine construction: SQLite tuned for one process, PostgreSQL with psycopg 3.

SQLite: WAL lets readers run beside the writer; `busy_timeout` makes a writer wait
instead of failing; every transaction starts with `BEGIN IMMEDIATE`, so two writers
queue at the start rather than collide at commit (no user ever sees "database is
locked"). pysqlite's own transaction handling is switched off for that.

Both engines hide parameters (`hide_parameters=True`): a failed write's exception
and SQLAlchemy's own log lines then never quote the values, which are what people
typed.
"""

from __future__ import annotations

import threading
from collections import deque

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

SQLITE_BUSY_TIMEOUT_MS = 15_000
READ_ONLY = "codev_read_only"  # execution option of read-only units of work
WRITER = "codev_writer"  # this pooled connection holds the process's SQLite writer lock


class BadDatabaseUrl(ValueError):
    """DATABASE_URL cannot be used; the message says why."""


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise BadDatabaseUrl(f"DATABASE_URL is not a database URL: {exc}") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url)
    if backend == "postgresql":
        return create_engine(
            url, pool_pre_ping=True, pool_size=10, max_overflow=20, hide_parameters=True
        )
    raise BadDatabaseUrl(
        f"DATABASE_URL uses '{backend}'; codev supports sqlite:/// and postgresql+psycopg://"
    )


class FifoLock:
    """A lock handed to its waiters in the order they came.

    SQLite's writers queue on it. `threading.Lock` wakes any waiter (or lets a newcomer
    in first), so under a hundred concurrent writers some waited three times as long as
    the median and their acks went past Slack's 3 s; in arrival order the slowest waits
    about as long as the queue is deep."""

    def __init__(self):
        self._mutex = threading.Lock()
        self._waiters: deque[threading.Lock] = deque()
        self._held = False

    def acquire(self, timeout: float = -1) -> bool:
        with self._mutex:
            if not self._held:
                self._held = True
                return True
            turn = threading.Lock()
            turn.acquire()
            self._waiters.append(turn)
        if turn.acquire(timeout=timeout):
            return True  # `release` handed the lock over: it stayed held
        with self._mutex:
            if turn in self._waiters:
                self._waiters.remove(turn)
                return False
        return True  # handed over between the timeout and the mutex

    def release(self) -> None:
        with self._mutex:
            if self._waiters:
                self._waiters.popleft().release()
            else:
                self._held = False


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(
        url, connect_args={"check_same_thread": False, "timeout": 15}, hide_parameters=True
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    writer = FifoLock()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        # A read-only unit of work takes no write lock, so it never waits for a writer.
        if connection.get_execution_options().get(READ_ONLY, False):
            connection.exec_driver_sql("BEGIN")
            return
        info = connection.info
        if not info.get(WRITER) and writer.acquire(timeout=SQLITE_BUSY_TIMEOUT_MS / 1000):
            info[WRITER] = True
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            _release(info)
            raise

    def _release(info):
        if info.pop(WRITER, False):
            writer.release()

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection, record):
        _release(record.info)

    @event.listens_for(engine, "invalidate")
    def _on_invalidate(_dbapi_connection, record, _exception):
        _release(record.info)

    return engine


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


# What the Slack layer needs to know of the database, without importing SQLAlchemy.
DatabaseUnavailable = OperationalError  # the server is down, restarting or unreachable


def answers(engine: Engine) -> None:
    """Raises unless the database answers a trivial query (the health check)."""
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
