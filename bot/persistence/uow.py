"""The unit of work: one database session per request or job, rolled back unless committed."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from .attendance import AttendanceRepository
from .case_votes import CaseVoteRepository
from .content import ContentRepository
from .cycle import CycleRepository
from .engine import READ_ONLY
from .erasure import ErasureRepository
from .locales import LocaleRepository
from .outbox import OutboxRepository
from .outcomes import OutcomeRepository
from .people import PeopleRepository
from .repositories import GroupRepository, PrefRepository, RequestKeys, SessionRepository


class SqlUnitOfWork:
    """`with uow: ...; uow.commit()` — leaving the block without commit rolls back."""

    def __init__(self, session_factory: sessionmaker):
        self._factory = session_factory
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
        self.db.commit()

    def flush(self) -> None:
        self.db.flush()


def unit_of_work_factory(engine: Engine):
    """A callable returning a fresh unit of work, one per request or job.

    `read_only=True` is for use cases that only read (status, languages): on SQLite they
    begin a plain transaction instead of taking the write lock, so reads never queue
    behind writes."""
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    reader = sessionmaker(
        bind=engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
    )
    return lambda read_only=False: SqlUnitOfWork(reader if read_only else factory)
