"""A unit of work that keeps everything in memory, for service tests without a database.

`FakeStore` (`store.py`) holds the tables as dicts of records (`records.py`); each
repository (`fake_sessions.py`, `fake_cycle.py`) implements the protocol of
`bot/services/ports.py` over them, answering as the SQLAlchemy repository does for the
rules the services rely on: the dedupe key of the outbox, one running session per
group, numbering of questions and contributions, a rewrite of the contract bumping its
revision, slots in calendar order. A unit of work left without `commit` puts the tables
back as they were when it began, so a refusal is seen to change nothing.

What is not modelled (the crash look-up's claims, erasure, Slack locales) raises
`NotImplementedError`: a service test that reaches it says so instead of passing on
a made-up answer.
"""

from __future__ import annotations

import copy

from bot.services import ports

from .fake_cycle import (
    FakeAttendanceRepository,
    FakeCaseVotes,
    FakeCycleRepository,
    FakeLocales,
    FakeMeetings,
    FakeOutcomes,
    FakePeople,
    FakePrivacyRepository,
)
from .fake_sessions import (
    FakeContent,
    FakeGroups,
    FakeOutbox,
    FakePrefs,
    FakeRequestKeys,
    FakeSessions,
)
from .store import FakeStore, Tables

__all__ = [
    "FakeAttendanceRepository",
    "FakeCaseVotes",
    "FakeContent",
    "FakeCycleRepository",
    "FakeGroups",
    "FakeLocales",
    "FakeOutbox",
    "FakeMeetings",
    "FakeOutcomes",
    "FakePeople",
    "FakePrefs",
    "FakePrivacyRepository",
    "FakeRequestKeys",
    "FakeSessions",
    "FakeStore",
    "FakeUnitOfWork",
    "FakeUnitOfWorkFactory",
]


class FakeUnitOfWork:
    """`with uow: ...; uow.commit()`; leaving without commit puts the tables back."""

    def __init__(self, store: FakeStore, read_only: bool = False):
        self.store = store
        self.read_only = read_only
        self.committed = False
        self.rolled_back = False
        self.groups = FakeGroups(store)
        self.sessions = FakeSessions(store)
        self.content = FakeContent(store)
        self.outbox = FakeOutbox(store)
        self.request_keys = FakeRequestKeys(store)
        self.prefs = FakePrefs(store)
        self.locales = FakeLocales(store)
        self.people = FakePeople(store)
        self.privacy = FakePrivacyRepository(store)
        self.cycle = FakeCycleRepository(store)
        self.case_votes = FakeCaseVotes(store)
        self.attendance = FakeAttendanceRepository(store)
        self.outcomes = FakeOutcomes(store)
        self.meetings = FakeMeetings(store)
        self._before: Tables | None = None

    def __enter__(self) -> FakeUnitOfWork:
        self._before = copy.deepcopy(self.store.t)
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Roll back what was changed since the last commit (nothing, after a commit)."""
        if self._before is not None and self.store.t != self._before:
            self.store.t = self._before
            self.rolled_back = True
        self._before = None

    def commit(self) -> None:
        if self.read_only:
            raise AssertionError("a read-only unit of work was committed")
        self.committed = True
        self._before = copy.deepcopy(self.store.t)  # a later rollback returns here

    def flush(self) -> None:
        """Nothing is deferred in memory."""


class FakeUnitOfWorkFactory:
    """What services get as `uow_factory`; remembers every unit of work it made."""

    def __init__(self, store: FakeStore):
        self.store = store
        self.units: list[FakeUnitOfWork] = []

    def __call__(self, read_only: bool = False) -> FakeUnitOfWork:
        uow = FakeUnitOfWork(self.store, read_only)
        self.units.append(uow)
        return uow

    @property
    def last(self) -> FakeUnitOfWork:
        return self.units[-1]


def _conforms(store: FakeStore) -> None:
    """Read by mypy only: the fakes are the ports they stand in for."""
    groups: ports.GroupRepository = FakeGroups(store)
    sessions: ports.SessionRepository = FakeSessions(store)
    content: ports.ContentRepository = FakeContent(store)
    outbox: ports.OutboxRepository = FakeOutbox(store)
    keys: ports.RequestKeys = FakeRequestKeys(store)
    prefs: ports.PrefRepository = FakePrefs(store)
    locales: ports.LocaleRepository = FakeLocales(store)
    people: ports.PeopleRepository = FakePeople(store)
    privacy: ports.ErasureRepository = FakePrivacyRepository(store)
    cycle: ports.CycleRepository = FakeCycleRepository(store)
    votes: ports.CaseVoteRepository = FakeCaseVotes(store)
    attendance: ports.AttendanceRepository = FakeAttendanceRepository(store)
    outcomes: ports.OutcomeRepository = FakeOutcomes(store)
    meetings: ports.MeetingRepository = FakeMeetings(store)
    uow: ports.UnitOfWork = FakeUnitOfWork(store)
    factory: ports.UnitOfWorkFactory = FakeUnitOfWorkFactory(store)
    del groups, sessions, content, outbox, keys, prefs, locales, people, privacy, cycle
    del votes, attendance, outcomes, meetings, uow, factory
