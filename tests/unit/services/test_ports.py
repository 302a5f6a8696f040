"""The seam holds: persistence, the Slack renderer and the in-memory fakes all conform to
the protocols of `bot/services/ports.py`, method by method and parameter by parameter.

mypy checks the same structurally (`mypy bot/services/ports.py tests/unit/services/fakes.py`);
this test keeps it true in every run of the suite, with no database.
"""

from __future__ import annotations

import inspect

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.persistence import (
    attendance,
    case_votes,
    content,
    cycle,
    erasure,
    locales,
    meetings,
    outbox,
    outcomes,
    people,
    repositories,
)
from bot.persistence.uow import SqlUnitOfWork, UnitOfWorkFactory
from bot.services import ports
from bot.slack.render import SlackRenderer

from . import fakes

# uow attribute → (protocol, SQL repository, in-memory repository)
REPOSITORIES = {
    "groups": (ports.GroupRepository, repositories.GroupRepository, fakes.FakeGroups),
    "sessions": (ports.SessionRepository, repositories.SessionRepository, fakes.FakeSessions),
    "content": (ports.ContentRepository, content.ContentRepository, fakes.FakeContent),
    "outbox": (ports.OutboxRepository, outbox.OutboxRepository, fakes.FakeOutbox),
    "request_keys": (ports.RequestKeys, repositories.RequestKeys, fakes.FakeRequestKeys),
    "prefs": (ports.PrefRepository, repositories.PrefRepository, fakes.FakePrefs),
    "locales": (ports.LocaleRepository, locales.LocaleRepository, fakes.FakeLocales),
    "people": (ports.PeopleRepository, people.PeopleRepository, fakes.FakePeople),
    "privacy": (
        ports.ErasureRepository,
        erasure.ErasureRepository,
        fakes.FakePrivacyRepository,
    ),
    "cycle": (ports.CycleRepository, cycle.CycleRepository, fakes.FakeCycleRepository),
    "case_votes": (ports.CaseVoteRepository, case_votes.CaseVoteRepository, fakes.FakeCaseVotes),
    "attendance": (
        ports.AttendanceRepository,
        attendance.AttendanceRepository,
        fakes.FakeAttendanceRepository,
    ),
    "outcomes": (ports.OutcomeRepository, outcomes.OutcomeRepository, fakes.FakeOutcomes),
    "meetings": (ports.MeetingRepository, meetings.MeetingRepository, fakes.FakeMeetings),
}


def methods(protocol: type) -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(value)
        for name, value in vars(protocol).items()
        if callable(value) and not name.startswith("_")
    }


def shape(signature: inspect.Signature, drop_self: bool) -> list[tuple[str, object, bool]]:
    """Names, kinds and whether each parameter has a default: what a caller relies on."""
    params = list(signature.parameters.values())[1 if drop_self else 0 :]
    return [(p.name, p.kind, p.default is not p.empty) for p in params]


@pytest.mark.parametrize("attribute", REPOSITORIES)
@pytest.mark.parametrize("side", ["persistence", "fake"])
def test_repositories_have_every_method_of_their_protocol(attribute, side):
    protocol, sql, fake = REPOSITORIES[attribute]
    implementation = sql if side == "persistence" else fake
    for name, expected in methods(protocol).items():
        found = getattr(implementation, name, None)
        assert callable(found), f"{implementation.__name__}.{name} is missing"
        assert shape(inspect.signature(found), True) == shape(expected, True), (
            f"{implementation.__name__}.{name}{inspect.signature(found)} is not {expected}"
        )


def test_the_units_of_work_hold_every_repository():
    declared = {
        name for name, value in vars(ports.UnitOfWork).items() if isinstance(value, property)
    }
    assert declared == set(REPOSITORIES)
    sql_source = inspect.getsource(SqlUnitOfWork.__enter__)
    for name, (protocol, sql, fake) in REPOSITORIES.items():
        assert f"self.{name} = {sql.__name__}(self.db)" in sql_source
        held = getattr(fakes.FakeUnitOfWork(fakes.FakeStore()), name)
        assert isinstance(held, fake) and isinstance(held, protocol)
    assert isinstance(fakes.FakeUnitOfWork(fakes.FakeStore()), ports.UnitOfWork)


def test_the_slack_renderer_is_the_renderer_port():
    expected = methods(ports.Renderer)
    given = {n for n, v in vars(SlackRenderer).items() if isinstance(v, staticmethod)}
    assert given == set(expected)  # every builder is declared, and no more
    for name, signature in expected.items():
        builder = getattr(SlackRenderer, name)
        assert shape(inspect.signature(builder), False) == shape(signature, True), name
    assert isinstance(SlackRenderer(), ports.Renderer)


def _sql_conforms(db: Session, engine: Engine) -> None:
    """Read by mypy only (`mypy tests/unit/services/test_ports.py`): the SQL side has the
    ports' shape as the type checker sees it, parameter and return types included."""
    factory: ports.UnitOfWorkFactory = UnitOfWorkFactory(engine)
    renderer: ports.Renderer = SlackRenderer()
    groups: ports.GroupRepository = repositories.GroupRepository(db)
    sessions: ports.SessionRepository = repositories.SessionRepository(db)
    texts: ports.ContentRepository = content.ContentRepository(db)
    queue: ports.OutboxRepository = outbox.OutboxRepository(db)
    keys: ports.RequestKeys = repositories.RequestKeys(db)
    prefs: ports.PrefRepository = repositories.PrefRepository(db)
    langs: ports.LocaleRepository = locales.LocaleRepository(db)
    folks: ports.PeopleRepository = people.PeopleRepository(db)
    privacy: ports.ErasureRepository = erasure.ErasureRepository(db)
    plans: ports.CycleRepository = cycle.CycleRepository(db)
    votes: ports.CaseVoteRepository = case_votes.CaseVoteRepository(db)
    presence: ports.AttendanceRepository = attendance.AttendanceRepository(db)
    effects: ports.OutcomeRepository = outcomes.OutcomeRepository(db)
    del factory, renderer, groups, sessions, texts, queue, keys, prefs, langs, folks
    del privacy, plans, votes, presence, effects
