"""APScheduler drives the outbox: one tick every second delivers what is due.

No APScheduler job store is shared: the outbox rows are the schedule, so a
restart loses nothing. On PostgreSQL several processes deliver side by side (rows
are claimed with `FOR UPDATE SKIP LOCKED`). SQLite has no row locks, so exactly one
process delivers, whatever the number of gunicorn workers: the one holding an
exclusive `flock` on a file next to the database (`<database>.dispatch-lock`). Every
worker's tick tries to take it; the holder keeps it until it exits, and the kernel
releases it then, so another worker takes over within a tick.
"""

from __future__ import annotations

import errno
import logging
import os

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.engine import make_url

log = logging.getLogger("codev.scheduling")


class UnsafeDeployment(ValueError):
    """The settings would let two processes deliver the same SQLite outbox; says why."""


class DispatchLock:
    """The SQLite dispatcher's election: an exclusive, non-blocking `flock` on `path`."""

    def __init__(self, path: str):
        self.path = path
        self._fd: int | None = None
        self._held = False

    def held(self) -> bool:
        """True when this process is the one that delivers (takes the lock if free)."""
        if self._held:
            return True
        import fcntl

        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        self._held = True
        log.info("this process delivers the outbox (it holds %s)", self.path)
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
        self._fd, self._held = None, False


def dispatch_lock_path(database_url: str) -> str | None:
    """The lock file of a SQLite database file; None for PostgreSQL."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file::memory:"):
        raise UnsafeDeployment(
            "DATABASE_URL is an in-memory SQLite database: each process would have its own; "
            "use a file (sqlite:///codev.db) or PostgreSQL"
        )
    return os.path.abspath(database) + ".dispatch-lock"


def check_deployment(database_url: str, workers: int) -> DispatchLock | None:
    """The lock this deployment needs (None on PostgreSQL), or `UnsafeDeployment`.

    Several processes on an in-memory SQLite database, or on a file whose filesystem
    cannot lock (some network filesystems), cannot deliver safely: refused."""
    try:
        path = dispatch_lock_path(database_url)
    except UnsafeDeployment as problem:
        if workers > 1:
            raise UnsafeDeployment(
                f"CODEV_HTTP_WORKERS={workers} with an in-memory SQLite DATABASE_URL: every "
                "worker would have its own database; set CODEV_HTTP_WORKERS=1, or use a "
                "SQLite file or PostgreSQL"
            ) from None
        log.debug("%s", problem)
        return None
    if path is None:
        return None
    lock = DispatchLock(path)
    try:
        lock.held()
    except OSError as exc:
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
            reason = "its filesystem cannot lock files"
        else:
            reason = exc.strerror or type(exc).__name__
        raise UnsafeDeployment(
            f"cannot use the dispatcher lock {path} next to the SQLite DATABASE_URL "
            f"({reason}): only one process may deliver; put the database on a local "
            "writable disk, or use PostgreSQL"
        ) from None
    finally:
        lock.release()
    return lock


def start_dispatcher(
    delivery, interval_seconds: float = 1.0, lock: DispatchLock | None = None
) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone="UTC")
    scheduler.add_job(
        _safe_tick,
        "interval",
        args=[delivery, lock],
        seconds=interval_seconds,
        id="outbox",
        max_instances=1,
        coalesce=True,
    )
    scheduler.start()
    return scheduler


def _safe_tick(delivery, lock: DispatchLock | None = None) -> None:
    try:
        if lock is not None and not lock.held():
            return  # another process delivers this SQLite outbox
        delivery.tick()
    except Exception:  # a tick must never kill the scheduler; the next one retries
        log.exception("outbox tick failed")
