"""The unit of work: one database session per request or job, rolled back unless committed.

A commit that queued effects due now wakes the outbox dispatcher, so what a request
queued is delivered at once rather than at the next tick: in this process through
`OutboxWake` (set after the commit, so the dispatcher finds the rows), and on
PostgreSQL through a notification on `codev_outbox`, sent in the same transaction as
the rows (PostgreSQL delivers it at commit, never for a rollback), which the
dispatchers of other processes listen to. A process whose own dispatcher waits on
its wake does not notify: that dispatcher delivers the rows, and the commits of
concurrent requests do not queue on PostgreSQL's notification lock. On SQLite the
wake also reaches the one process that delivers (`scheduling/dispatcher.py`).
"""

from __future__ import annotations

import os
import threading

from sqlalchemy import Engine, text
from sqlalchemy.orm import sessionmaker

from .attendance import AttendanceRepository
from .case_votes import CaseVoteRepository
from .content import ContentRepository
from .cycle import CycleRepository
from .engine import READ_ONLY
from .erasure import ErasureRepository
from .locales import LocaleRepository
from .meetings import MeetingRepository
from .outbox import OutboxRepository
from .outcomes import OutcomeRepository
from .people import PeopleRepository
from .repositories import GroupRepository, PrefRepository, RequestKeys, SessionRepository

NOTIFY_CHANNEL = "codev_outbox"
# the payload names the process, whose own dispatcher needs no notification
NOTIFY = text(f"SELECT pg_notify('{NOTIFY_CHANNEL}', :pid)")


class OutboxWake(threading.Event):
    """Set when a commit queued effects that are due: the dispatcher waits on it."""

    waited_on = False  # a dispatcher of this process waits on it
    # Also tells the process that delivers, when it is another one (SQLite: the
    # holder of the dispatcher lock); set by this process's dispatcher.
    forward = None

    def ring(self) -> None:
        self.set()
        if self.forward is not None:
            self.forward()


class SqlUnitOfWork:
    """`with uow: ...; uow.commit()` — leaving the block without commit rolls back."""

    def __init__(self, session_factory: sessionmaker, wake: OutboxWake | None = None, notify=False):
        self._factory = session_factory
        self._wake = wake
        self._notify = notify
        self.db = None

    def __enter__(self) -> SqlUnitOfWork:
        self.db = self._factory()
        self.groups = GroupRepository(self.db)
        self.sessions = SessionRepository(self.db)
        self.content = ContentRepository(self.db)
        self.outbox = OutboxRepository(self.db)
        self.request_keys = RequestKeys(self.db)
        self.prefs = PrefRepository(self.db)
        self.locales = LocaleRepository(self.db)
        self.people = PeopleRepository(self.db)
        self.privacy = ErasureRepository(self.db)
        self.cycle = CycleRepository(self.db)
        self.case_votes = CaseVoteRepository(self.db)
        self.meetings = MeetingRepository(self.db)
        self.attendance = AttendanceRepository(self.db)
        self.outcomes = OutcomeRepository(self.db)
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            self.db.rollback()
        finally:
            self.db.close()
            self.db = None

    def commit(self) -> None:
        queued = self.outbox.queued_due
        if queued and self._notify and not (self._wake is not None and self._wake.waited_on):
            self.db.execute(NOTIFY, {"pid": str(os.getpid())})  # sent at this commit
        self.db.commit()
        if queued:
            self.outbox.queued_due = False
            if self._wake is not None:
                self._wake.ring()

    def flush(self) -> None:
        self.db.flush()


class UnitOfWorkFactory:
    """A callable returning a fresh unit of work, one per request or job.

    `read_only=True` is for use cases that only read (status, languages): on SQLite they
    begin a plain transaction instead of taking the write lock, so reads never queue
    behind writes. `wake` is what the units of work set when they queued due effects
    (the dispatcher of this process waits on it)."""

    def __init__(self, engine: Engine):
        self.wake = OutboxWake()
        self.notify = engine.dialect.name == "postgresql"
        self._writer = sessionmaker(bind=engine, expire_on_commit=False)
        self._reader = sessionmaker(
            bind=engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )

    def __call__(self, read_only: bool = False) -> SqlUnitOfWork:
        if read_only:
            return SqlUnitOfWork(self._reader)
        return SqlUnitOfWork(self._writer, self.wake, self.notify)


def unit_of_work_factory(engine: Engine) -> UnitOfWorkFactory:
    return UnitOfWorkFactory(engine)
