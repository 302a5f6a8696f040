"""The in-memory database of the service tests: every table as a dict of records.

`FakeStore.t` is replaced whole when a unit of work rolls back (`fakes.py`), so the
repositories always read the tables through it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from bot.services.effects import Effect, EffectKind

from .records import (
    FakeActionItem,
    FakeAnswer,
    FakeAttendance,
    FakeBallot,
    FakeConfirmation,
    FakeContract,
    FakeContribution,
    FakeCycle,
    FakeEvaluation,
    FakeGroup,
    FakeJournal,
    FakeLearning,
    FakeNote,
    FakeObjective,
    FakeOutboxRow,
    FakeOutcomeAnswer,
    FakePlan,
    FakePosted,
    FakePrivacy,
    FakeQuestion,
    FakeRegulationVote,
    FakeSession,
    FakeTopic,
    FakeUserLocale,
)

PENDING, CANCELLED, RUNNING, PLANNED, DONE = "pending", "cancelled", "running", "planned", "done"
NOT_MODELLED = "not modelled by the in-memory store"


@dataclass
class Tables:
    """Every table the fakes keep; copied whole at the start of a unit of work."""

    last_id: int = 0
    groups: dict[int, FakeGroup] = field(default_factory=dict)
    sessions: dict[int, FakeSession] = field(default_factory=dict)
    notes: dict[int, FakeNote] = field(default_factory=dict)
    questions: dict[int, FakeQuestion] = field(default_factory=dict)
    answers: dict[int, FakeAnswer] = field(default_factory=dict)
    contracts: dict[int, FakeContract] = field(default_factory=dict)
    confirmations: dict[int, FakeConfirmation] = field(default_factory=dict)
    contributions: dict[int, FakeContribution] = field(default_factory=dict)
    action_items: dict[int, FakeActionItem] = field(default_factory=dict)
    learnings: dict[int, FakeLearning] = field(default_factory=dict)
    evaluations: dict[int, FakeEvaluation] = field(default_factory=dict)
    outbox: dict[int, FakeOutboxRow] = field(default_factory=dict)
    posted: dict[str, FakePosted] = field(default_factory=dict)
    request_keys: dict[str, datetime] = field(default_factory=dict)
    prefs: dict[str, str | None] = field(default_factory=dict)
    locales: dict[str, FakeUserLocale] = field(default_factory=dict)
    cycles: dict[int, FakeCycle] = field(default_factory=dict)
    plans: dict[int, FakePlan] = field(default_factory=dict)
    topics: dict[int, FakeTopic] = field(default_factory=dict)
    absences: set[tuple[int, str, date]] = field(default_factory=set)
    ballots: dict[int, FakeBallot] = field(default_factory=dict)
    case_votes: dict[tuple[int, str], int] = field(default_factory=dict)
    attendance: dict[tuple[int, str], FakeAttendance] = field(default_factory=dict)
    names: dict[tuple[str, str], str] = field(default_factory=dict)
    regulation: dict[tuple[int, str], FakeRegulationVote] = field(default_factory=dict)
    journals: dict[int, FakeJournal] = field(default_factory=dict)
    objectives: dict[int, FakeObjective] = field(default_factory=dict)
    outcome_answers: dict[int, FakeOutcomeAnswer] = field(default_factory=dict)
    privacy: dict[int, FakePrivacy] = field(default_factory=dict)

    def new_id(self) -> int:
        self.last_id += 1
        return self.last_id


class FakeStore:
    """The in-memory database: tables, and what tests read back (queued effects)."""

    def __init__(self) -> None:
        self.t = Tables()

    # --- what tests look at
    def effects(self, kind: EffectKind | None = None, status: str = PENDING) -> list[Effect]:
        """Queued effects in order, of one kind if given (pending ones by default)."""
        return [
            row.effect
            for row in self.t.outbox.values()
            if row.status == status and (kind is None or row.effect.kind == kind)
        ]

    def dedupe_keys(self, status: str = PENDING) -> list[str]:
        return [row.dedupe_key for row in self.t.outbox.values() if row.status == status]

    def session(self, session_id: int) -> FakeSession:
        return self.t.sessions[session_id]

    def posted_as(self, ref: str, channel: str, ts: str, now: datetime) -> None:
        """Slack took the message `ref` (what the dispatcher records after a post)."""
        self.t.posted[ref] = FakePosted(ref, channel, ts, now)
