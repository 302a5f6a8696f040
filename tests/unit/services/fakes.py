"""A unit of work that keeps everything in memory, for service tests without a database.

`FakeStore` holds the tables as dicts of records (`records.py`); each repository
implements the protocol of `bot/services/ports.py` over them, answering as the
SQLAlchemy repository does for the rules the services rely on: the dedupe key of
the outbox, one running session per group, numbering of questions and
contributions, a rewrite of the contract bumping its revision, the partial order of
`slots`. A unit of work left without `commit` puts the tables back as they were
when it began, so a refusal is seen to change nothing.

What is not modelled (the crash look-up's claims, erasure, Slack locales) raises
`NotImplementedError`: a service test that reaches it says so instead of passing on
a made-up answer.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from bot.domain import Session
from bot.persistence.mapping import session_state, write_state
from bot.services import ports
from bot.services.effects import Effect, EffectKind
from bot.services.records import GroupRecord, SessionRecord

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
    FakeMember,
    FakeNote,
    FakeObjective,
    FakeOutboxRow,
    FakeOutcomeAnswer,
    FakePassage,
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


class FakeGroups:
    def __init__(self, store: FakeStore):
        self.store = store

    def by_channel(self, team_id: str, channel_id: str) -> FakeGroup | None:
        return next(
            (
                g
                for g in self.store.t.groups.values()
                if g.team_id == team_id and g.channel_id == channel_id
            ),
            None,
        )

    def get(self, group_id: int) -> FakeGroup | None:
        return self.store.t.groups.get(group_id)

    def create(self, **fields: Any) -> FakeGroup:
        group = FakeGroup(id=self.store.t.new_id(), **fields)
        self.store.t.groups[group.id] = group
        return group

    def create_once(self, **fields: Any) -> FakeGroup | None:
        if self.by_channel(fields["team_id"], fields["channel_id"]) is not None:
            return None
        return self.create(**fields)

    def add_member(self, group: GroupRecord, user_id: str, now: datetime) -> FakeMember:
        members = self.store.t.groups[group.id].member_list
        for member in members:
            if member.user_id == user_id:
                member.left_at = None
                return member
        member = FakeMember(self.store.t.new_id(), group.id, user_id, joined_at=now)
        members.append(member)
        return member

    def is_active_member(self, group_id: int, user_id: str) -> bool:
        group = self.store.t.groups.get(group_id)
        return group is not None and any(m.user_id == user_id for m in group.active_members)

    def of_user(self, team_id: str, user_id: str) -> list[FakeGroup]:
        return [
            g
            for g in self.store.t.groups.values()
            if g.team_id == team_id
            and (g.facilitator_id == user_id or any(m.user_id == user_id for m in g.active_members))
        ]


class FakeSessions:
    def __init__(self, store: FakeStore):
        self.store = store

    def get(self, session_id: int) -> FakeSession | None:
        return self.store.t.sessions.get(session_id)

    def running(self, group_id: int, lock: bool = False) -> FakeSession | None:
        return next(
            (
                s
                for s in self.store.t.sessions.values()
                if s.group_id == group_id and s.status == RUNNING
            ),
            None,
        )

    def hold_running(self, session: SessionRecord) -> bool:
        """The partial unique index: one running session per group."""
        return not any(
            s.group_id == session.group_id and s.status == RUNNING and s.id != session.id
            for s in self.store.t.sessions.values()
        )

    def locked(self, session_id: int) -> FakeSession | None:
        return self.get(session_id)

    def latest(self, group_id: int, status: str) -> FakeSession | None:
        found = [
            s
            for s in self.store.t.sessions.values()
            if s.group_id == group_id and s.status == status
        ]
        return max(found, key=lambda s: s.id, default=None)

    def any_done(self, group_id: int) -> bool:
        return self.latest(group_id, DONE) is not None

    def next_number(self, group_id: int) -> int:
        numbers = [s.number for s in self.store.t.sessions.values() if s.group_id == group_id]
        return max(numbers, default=0) + 1

    def create(self, **fields: Any) -> FakeSession:
        session = FakeSession(id=self.store.t.new_id(), **fields)
        self.store.t.sessions[session.id] = session
        return session

    def record_phase(self, session: SessionRecord, now: datetime) -> None:
        row = self.store.t.sessions[session.id]
        for passage in row.passages:
            if passage.ended_at is None:
                passage.ended_at = now
        if row.phase is not None and row.status == RUNNING:
            row.passages.append(FakePassage(row.phase, now, row.phase_deadline))

    def state(self, session: SessionRecord) -> Session:
        return session_state(session)

    def save_state(self, state: Session, session: SessionRecord) -> None:
        write_state(state, session)

    def by_root_message(self, channel: str, ts: str) -> FakeSession | None:
        for posted in self.store.t.posted.values():
            if posted.channel == channel and posted.ts == ts:
                ref = posted.ref
                if ref.startswith("session:") and ref.endswith(":root"):
                    return self.get(int(ref.split(":")[1]))
        return None


class FakeContent:
    def __init__(self, store: FakeStore):
        self.store = store

    def _of(self, table: dict, session_id: int) -> list:
        return [r for r in table.values() if r.session_id == session_id]

    def notes(self, session_id: int, kind: str | None = None) -> list[FakeNote]:
        rows = self._of(self.store.t.notes, session_id)
        return [r for r in rows if kind is None or r.kind == kind]

    def add_note(
        self,
        session_id: int,
        phase: int,
        kind: str,
        author_id: str,
        text: str,
        ts: str | None,
        now: datetime,
    ) -> FakeNote:
        note = FakeNote(self.store.t.new_id(), session_id, phase, kind, author_id, text, ts, now)
        self.store.t.notes[note.id] = note
        return note

    def questions(self, session_id: int) -> list[FakeQuestion]:
        return sorted(self._of(self.store.t.questions, session_id), key=lambda q: q.number)

    def add_question(
        self, session_id: int, author_id: str, text: str, ts: str | None, now: datetime
    ) -> FakeQuestion:
        number = max((q.number for q in self.questions(session_id)), default=0) + 1
        question = FakeQuestion(self.store.t.new_id(), session_id, number, author_id, text, ts, now)
        self.store.t.questions[question.id] = question
        return question

    def question(self, session_id: int, number: int) -> FakeQuestion | None:
        return next((q for q in self.questions(session_id) if q.number == number), None)

    def answers(self, session_id: int) -> list[FakeAnswer]:
        asked = {q.id for q in self.questions(session_id)}
        return [a for a in self.store.t.answers.values() if a.question_id in asked]

    def add_answer(
        self, question_id: int, author_id: str, text: str, ts: str | None, now: datetime
    ) -> FakeAnswer:
        answer = FakeAnswer(self.store.t.new_id(), question_id, author_id, text, ts, now)
        self.store.t.answers[answer.id] = answer
        return answer

    def set_contract(
        self, session_id: int, request: str, help_kinds: list[str] | None, now: datetime
    ) -> FakeContract:
        contract = self.contract(session_id)
        if contract is None:
            contract = FakeContract(
                self.store.t.new_id(), session_id, request, list(help_kinds or []), 1, now
            )
            self.store.t.contracts[contract.id] = contract
            return contract
        contract.request, contract.revision, contract.updated_at = (
            request,
            contract.revision + 1,
            now,
        )
        if help_kinds is not None:
            contract.help_kinds = list(help_kinds)
        return contract

    def contract(self, session_id: int) -> FakeContract | None:
        return next(iter(self._of(self.store.t.contracts, session_id)), None)

    def confirmations(self, contract_id: int) -> list[FakeConfirmation]:
        return [c for c in self.store.t.confirmations.values() if c.contract_id == contract_id]

    def set_confirmation(self, contract: Any, user_id: str, status: str, now: datetime) -> None:
        for row in self.confirmations(contract.id):
            if row.user_id == user_id:
                row.status, row.revision, row.created_at = status, contract.revision, now
                return
        row = FakeConfirmation(
            self.store.t.new_id(), contract.id, user_id, status, contract.revision, now
        )
        self.store.t.confirmations[row.id] = row

    def contributions(self, session_id: int) -> list[FakeContribution]:
        return sorted(self._of(self.store.t.contributions, session_id), key=lambda c: c.number)

    def add_contribution(
        self,
        session_id: int,
        author_id: str,
        kind: str,
        text: str,
        ts: str | None,
        now: datetime,
    ) -> FakeContribution:
        number = max((c.number for c in self.contributions(session_id)), default=0) + 1
        row = FakeContribution(
            self.store.t.new_id(), session_id, number, author_id, kind, text, ts, now
        )
        self.store.t.contributions[row.id] = row
        return row

    def contribution(self, session_id: int, contribution_id: int) -> FakeContribution | None:
        row = self.store.t.contributions.get(contribution_id)
        return row if row is not None and row.session_id == session_id else None

    def action_items(self, session_id: int) -> list[FakeActionItem]:
        return self._of(self.store.t.action_items, session_id)

    def earlier_action_items(
        self, group_id: int, before: datetime | None = None
    ) -> list[tuple[FakeActionItem, FakeSession]]:
        done = [
            s
            for s in self.store.t.sessions.values()
            if s.group_id == group_id
            and s.status == DONE
            and (before is None or (s.ended_at is not None and s.ended_at <= before))
        ]
        done.sort(key=lambda s: (s.ended_at or s.created_at, s.id))
        return [(item, s) for s in done for item in self.action_items(s.id)]

    def replace_action_items(
        self, session_id: int, owner_id: str, items: list[tuple], now: datetime
    ) -> None:
        for item in self.action_items(session_id):
            del self.store.t.action_items[item.id]
        for text, due_on, *note in items:
            row = FakeActionItem(
                self.store.t.new_id(),
                session_id,
                owner_id,
                text,
                due_on,
                "open",
                note[0] if note else None,
                now,
                now,
            )
            self.store.t.action_items[row.id] = row

    def add_learning(
        self,
        session_id: int,
        phase: int,
        author_id: str,
        text: str,
        ts: str | None,
        now: datetime,
    ) -> FakeLearning:
        row = FakeLearning(self.store.t.new_id(), session_id, phase, author_id, text, ts, now)
        self.store.t.learnings[row.id] = row
        return row

    def learnings(self, session_id: int) -> list[FakeLearning]:
        return self._of(self.store.t.learnings, session_id)

    def evaluations(self, session_id: int) -> list[FakeEvaluation]:
        return self._of(self.store.t.evaluations, session_id)

    def evaluation(self, session_id: int, user_id: str) -> FakeEvaluation | None:
        return next((e for e in self.evaluations(session_id) if e.user_id == user_id), None)

    def save_evaluation(
        self, session_id: int, user_id: str, rating: int, answers: dict, now: datetime
    ) -> FakeEvaluation:
        row = self.evaluation(session_id, user_id)
        if row is None:
            row = FakeEvaluation(self.store.t.new_id(), session_id, user_id, rating, now)
            self.store.t.evaluations[row.id] = row
        row.rating, row.created_at = rating, now
        for name, value in answers.items():
            setattr(row, name, value)
        return row

    def by_message_ts(self, session_id: int, ts: str) -> ports.ReplyRecord | None:
        t = self.store.t
        for table in (t.notes, t.questions, t.answers, t.contributions, t.learnings):
            for row in table.values():
                if row.message_ts != ts:
                    continue
                owner = (
                    t.questions[row.question_id].session_id
                    if isinstance(row, FakeAnswer)
                    else row.session_id
                )
                if owner == session_id:
                    return row
        return None

    def remove(self, row: ports.ReplyRecord) -> None:
        t = self.store.t
        for table in (t.notes, t.questions, t.answers, t.contributions, t.learnings):
            if table.get(row.id) is row:
                del table[row.id]
                return


class FakeOutbox:
    """The outbox: queued effects by dedupe key; nothing is delivered."""

    locks_rows = False

    def __init__(self, store: FakeStore):
        self.store = store

    def _rows(self) -> list[FakeOutboxRow]:
        return list(self.store.t.outbox.values())

    def add(self, effect: Effect, now: datetime) -> bool:
        if any(r.dedupe_key == effect.dedupe_key for r in self._rows()):
            return False
        due = effect.due_at or now
        row = FakeOutboxRow(
            id=self.store.t.new_id(),
            effect=effect,
            dedupe_key=effect.dedupe_key,
            kind=str(effect.kind),
            channel=effect.channel or effect.user_id,
            user_id=effect.user_id,
            payload=effect.payload.as_dict(),
            ref=effect.ref,
            thread_ref=effect.thread_ref,
            target_ref=effect.target_ref,
            session_id=effect.session_id,
            team_id=effect.team_id,
            enterprise_id=effect.enterprise_id,
            status=PENDING,
            due_at=due,
            next_attempt_at=due,
            created_at=now,
        )
        self.store.t.outbox[row.id] = row
        return True

    def claim_due(self, now: datetime, limit: int) -> list[FakeOutboxRow]:
        due = [r for r in self._rows() if r.status == PENDING and r.next_attempt_at <= now]
        return due[:limit]

    def reclaim(self, row: Any, status: str, stamp: datetime) -> bool:
        return True  # one deliverer, as on SQLite

    def newer_update_pending(self, row: Any) -> bool:
        return any(
            r.kind == "update" and r.target_ref == row.target_ref and r.status == PENDING
            for r in self._rows()
            if r.id > row.id
        )

    def location(self, ref: str) -> FakePosted | None:
        return self.store.t.posted.get(ref)

    def record_posted(self, ref: str, channel: str, ts: str, now: datetime) -> None:
        self.store.t.posted.setdefault(ref, FakePosted(ref, channel, ts, now))

    def ref_is_coming(self, ref: str) -> bool:
        return any(r.ref == ref and r.status in (PENDING, "sending") for r in self._rows())

    def known(self, ref: str) -> bool:
        return self.location(ref) is not None or self.ref_is_coming(ref)

    def rewrite_queued(self, ref: str, payload: dict) -> list[FakeOutboxRow]:
        rows = [r for r in self._rows() if r.ref == ref and r.status in (PENDING, "sending")]
        for row in rows:
            row.payload = payload
        return rows

    def prune(self, now: datetime, keep: timedelta) -> tuple[int, int]:
        raise NotImplementedError(NOT_MODELLED)

    def spend_finished(self) -> int:
        raise NotImplementedError(NOT_MODELLED)

    def cancel_by_prefix(self, *prefixes: str, session_id: int | None = None) -> int:
        rows = [
            r
            for r in self._rows()
            if r.status == PENDING
            and r.dedupe_key.startswith(prefixes)
            and (session_id is None or r.session_id == session_id)
        ]
        for row in rows:
            row.status = CANCELLED
        return len(rows)

    def cancel_for_session(self, session_id: int, after: datetime) -> int:
        rows = [
            r
            for r in self._rows()
            if r.session_id == session_id and r.status == PENDING and r.due_at > after
        ]
        for row in rows:
            row.status = CANCELLED
        return len(rows)

    def depth(self) -> int:
        return sum(1 for r in self._rows() if r.status == PENDING)


class FakeRequestKeys:
    def __init__(self, store: FakeStore):
        self.store = store

    def claim(self, key: str, now: datetime) -> bool:
        if key in self.store.t.request_keys:
            return False
        self.store.t.request_keys[key] = now
        return True


class FakePrefs:
    """Languages people chose (`None`: a row that only says they read their home)."""

    def __init__(self, store: FakeStore):
        self.store = store

    def lang(self, user_id: str) -> str | None:
        chosen = self.store.t.prefs.get(user_id)
        locale = self.store.t.locales.get(user_id)
        return chosen or (locale.lang if locale else None)

    def chosen(self, user_id: str) -> str | None:
        return self.store.t.prefs.get(user_id)

    def lang_for(self, user_id: str, team_id: str | None, channel_id: str | None) -> str | None:
        own = self.lang(user_id)
        if own or not channel_id or team_id is None:
            return own
        group = FakeGroups(self.store).by_channel(team_id, channel_id)
        return group.lang if group else None

    def mark_home_reader(self, user_id: str, now: datetime) -> None:
        self.store.t.prefs.setdefault(user_id, None)

    def set_lang(self, user_id: str, lang: str, now: datetime) -> None:
        self.store.t.prefs[user_id] = lang


class FakeCycleRepository:
    def __init__(self, store: FakeStore):
        self.store = store

    def settings(self, group_id: int, now: datetime) -> FakeCycle:
        return self.store.t.cycles.setdefault(group_id, FakeCycle(group_id, now))

    def add_plan(self, session: SessionRecord, duration_minutes: int) -> FakePlan:
        plan = FakePlan(session.id, session.group_id, duration_minutes)
        self.store.t.plans[session.id] = plan
        return plan

    def slots(self, group_id: int) -> list[tuple[FakeSession, FakePlan | None]]:
        sessions = [s for s in self.store.t.sessions.values() if s.group_id == group_id]
        return [(s, self.store.t.plans.get(s.id)) for s in sorted(sessions, key=lambda s: s.number)]

    def slot(self, group_id: int, number: int) -> tuple[FakeSession, FakePlan] | None:
        for session, plan in self.slots(group_id):
            if session.number == number and plan is not None:
                return session, plan
        return None

    def plan_of(self, session_id: int) -> FakePlan | None:
        return self.store.t.plans.get(session_id)

    def _planned(self) -> list[tuple[FakeSession, FakePlan]]:
        found = [
            (s, self.store.t.plans[s.id])
            for s in self.store.t.sessions.values()
            if s.status == PLANNED and s.scheduled_at is not None and s.id in self.store.t.plans
        ]
        return sorted(found, key=lambda pair: pair[0].scheduled_at or pair[0].created_at)

    def due_planned(
        self, group_id: int, earliest: datetime, latest: datetime
    ) -> FakeSession | None:
        due = [
            s
            for s in self.store.t.sessions.values()
            if s.group_id == group_id
            and s.status == PLANNED
            and s.scheduled_at is not None
            and earliest <= s.scheduled_at <= latest
        ]
        return min(due, key=lambda s: s.scheduled_at or earliest, default=None)

    def unsuggested(self, before: datetime) -> list[tuple[FakeSession, FakePlan]]:
        return [
            (s, p)
            for s, p in self._planned()
            if s.scheduled_at is not None and s.scheduled_at <= before and p.suggested_at is None
        ]

    def upcoming(self, start: datetime, end: datetime) -> list[tuple[FakeSession, FakePlan]]:
        return [
            (s, p)
            for s, p in self._planned()
            if s.scheduled_at is not None and start < s.scheduled_at <= end
        ]

    def keys_of_session(self, session_id: int) -> set[str]:
        return {r.dedupe_key for r in self.store.t.outbox.values() if r.session_id == session_id}

    def known_keys(self, keys: list[str]) -> set[str]:
        return {r.dedupe_key for r in self.store.t.outbox.values()} & set(keys)

    def running_async(self) -> list[FakeSession]:
        return [
            s
            for s in self.store.t.sessions.values()
            if s.status == RUNNING and s.mode == "async" and s.phase_deadline is not None
        ]

    def running_in_phase(self, phase: int) -> list[FakeSession]:
        return [
            s
            for s in self.store.t.sessions.values()
            if s.status == RUNNING and s.phase == phase and s.phase_deadline is not None
        ]

    def open_items_due(self, first: date, last: date) -> list[tuple[FakeActionItem, FakeSession]]:
        return [
            (i, self.store.t.sessions[i.session_id])
            for i in self.store.t.action_items.values()
            if i.status in ("open", "in_progress") and i.due_on and first <= i.due_on <= last
        ]

    def add_topic(self, group_id: int, user_id: str, text: str, now: datetime) -> FakeTopic:
        topic = FakeTopic(self.store.t.new_id(), group_id, user_id, text, now)
        self.store.t.topics[topic.id] = topic
        return topic

    def open_topics(self, group_id: int) -> list[FakeTopic]:
        return [
            t
            for t in self.store.t.topics.values()
            if t.group_id == group_id and t.used_in_session_id is None
        ]

    def add_absence(self, group_id: int, user_id: str, day: date, now: datetime) -> bool:
        if (group_id, user_id, day) in self.store.t.absences:
            return False
        self.store.t.absences.add((group_id, user_id, day))
        return True

    def absent_on(self, group_id: int, day: date) -> set[str]:
        return {u for g, u, d in self.store.t.absences if g == group_id and d == day}

    def drop_member_rows(self, group_id: int, user_id: str) -> int:
        sessions = {s.id for s in self.store.t.sessions.values() if s.group_id == group_id}
        rows = [
            r
            for r in self.store.t.outbox.values()
            if r.user_id == user_id and r.status == PENDING and r.session_id in sessions
        ]
        for row in rows:
            row.status = CANCELLED
        return len(rows)

    def cancel_pending(self, key_prefix: str) -> int:
        rows = [
            r
            for r in self.store.t.outbox.values()
            if r.status == PENDING and r.dedupe_key.startswith(key_prefix)
        ]
        for row in rows:
            row.status = CANCELLED
        return len(rows)


class FakePeople:
    def __init__(self, store: FakeStore):
        self.store = store

    def home_readers(self, user_ids: list[str]) -> set[str]:
        published = {
            r.user_id for r in self.store.t.outbox.values() if r.kind == EffectKind.PUBLISH
        }
        return {u for u in user_ids if u in self.store.t.prefs or u in published}

    def sessions_of(self, group_ids: list[int]) -> list[FakeSession]:
        found = [s for s in self.store.t.sessions.values() if s.group_id in group_ids]
        return sorted(found, key=lambda s: (s.group_id, s.number))

    def _in_groups(self, session_id: int, group_ids: list[int]) -> bool:
        return self.store.t.sessions[session_id].group_id in group_ids

    def action_items_of(self, owner_id: str, group_ids: list[int]) -> list[FakeActionItem]:
        return [
            i
            for i in self.store.t.action_items.values()
            if i.owner_id == owner_id and self._in_groups(i.session_id, group_ids)
        ]

    def learnings_of(self, author_id: str, group_ids: list[int]) -> list[FakeLearning]:
        return [
            item
            for item in self.store.t.learnings.values()
            if item.author_id == author_id and self._in_groups(item.session_id, group_ids)
        ]

    def action_item(self, item_id: int) -> FakeActionItem | None:
        return self.store.t.action_items.get(item_id)

    def all_groups_of(self, user_id: str) -> list[FakeGroup]:
        return [
            g
            for g in self.store.t.groups.values()
            if g.facilitator_id == user_id or any(m.user_id == user_id for m in g.member_list)
        ]

    def hours_engaged(self, group_id: int) -> int | None:
        cycle = self.store.t.cycles.get(group_id)
        return cycle.hours_engaged if cycle else None

    def planned_minutes(self, session_ids: list[int]) -> dict[int, int]:
        plans = self.store.t.plans
        return {i: plans[i].duration_minutes for i in session_ids if i in plans}

    def absences(self, group_id: int) -> list[tuple[str, object]]:
        return [(u, d) for g, u, d in self.store.t.absences if g == group_id]

    def personal_rows(self, user_id: str) -> dict[str, list]:
        raise NotImplementedError(NOT_MODELLED)

    def texts_of(self, user_id: str) -> list[str]:
        raise NotImplementedError(NOT_MODELLED)


class FakeLocales:
    """Slack locales: only what a person's locale says is kept here."""

    def __init__(self, store: FakeStore):
        self.store = store

    def get(self, user_id: str) -> FakeUserLocale | None:
        return self.store.t.locales.get(user_id)

    def wanted(self, now: datetime, limit: int) -> list[ports.WantedLocale]:
        raise NotImplementedError(NOT_MODELLED)

    def want(self, user_id: str, team_id: str | None, now: datetime) -> bool:
        raise NotImplementedError(NOT_MODELLED)

    def changed(self, user_id: str, team_id: str | None, locale: str | None, now: datetime) -> int:
        raise NotImplementedError(NOT_MODELLED)

    def answer(
        self, wanted: ports.WantedLocale, locale: str | None, lang: str | None, now: datetime
    ) -> tuple[bool, str | None]:
        raise NotImplementedError(NOT_MODELLED)

    def later(self, wanted: ports.WantedLocale, when: datetime) -> None:
        raise NotImplementedError(NOT_MODELLED)

    def queued_dms(self, user_id: str) -> list[FakeOutboxRow]:
        raise NotImplementedError(NOT_MODELLED)

    def queued_dms_facilitated_by(self, user_id: str) -> list[FakeOutboxRow]:
        raise NotImplementedError(NOT_MODELLED)


class FakePrivacyRepository:
    def __init__(self, store: FakeStore):
        self.store = store

    def settings(self, group_id: int) -> FakePrivacy | None:
        return self.store.t.privacy.get(group_id)

    def set(self, group_id: int, now: datetime, **fields: Any) -> FakePrivacy:
        row = self.store.t.privacy.setdefault(group_id, FakePrivacy(group_id, now))
        for name, value in fields.items():
            setattr(row, name, value)
        row.updated_at = now
        return row

    def with_retention(self) -> list[FakePrivacy]:
        return [p for p in self.store.t.privacy.values() if p.retention_months]

    def erase(self, user_id: str, now: datetime) -> ports.ErasureRecord:
        raise NotImplementedError(NOT_MODELLED)

    def scrub_outbox(self, user_id: str, stand_in: str, texts: list[str]) -> int:
        raise NotImplementedError(NOT_MODELLED)

    def scrub_texts(self, texts: list[str]) -> int:
        raise NotImplementedError(NOT_MODELLED)

    def purge_group_text(self, group_id: int) -> int:
        raise NotImplementedError(NOT_MODELLED)


class FakeCaseVotes:
    def __init__(self, store: FakeStore):
        self.store = store

    def ballot(self, group_id: int) -> FakeBallot | None:
        return next((b for b in self.store.t.ballots.values() if b.group_id == group_id), None)

    def open_ballot(self, group_id: int, lang: str, now: datetime) -> FakeBallot:
        ballot = FakeBallot(self.store.t.new_id(), group_id, lang, now)
        self.store.t.ballots[ballot.id] = ballot
        return ballot

    def counts(self, ballot_id: int) -> dict[int, int]:
        found: dict[int, int] = {}
        for (ballot, _), topic_id in self.store.t.case_votes.items():
            if ballot == ballot_id:
                found[topic_id] = found.get(topic_id, 0) + 1
        return found

    def vote(self, ballot_id: int, topic_id: int, user_id: str, now: datetime) -> None:
        self.store.t.case_votes[(ballot_id, user_id)] = topic_id

    def close(self, ballot: Any) -> None:
        self.store.t.ballots.pop(ballot.id, None)
        for key in [k for k in self.store.t.case_votes if k[0] == ballot.id]:
            del self.store.t.case_votes[key]

    def topic(self, topic_id: int) -> FakeTopic | None:
        return self.store.t.topics.get(topic_id)


class FakeAttendanceRepository:
    def __init__(self, store: FakeStore):
        self.store = store

    def of(self, session_id: int) -> list[FakeAttendance]:
        return [a for (s, _), a in self.store.t.attendance.items() if s == session_id]

    def get(self, session_id: int, user_id: str) -> FakeAttendance | None:
        return self.store.t.attendance.get((session_id, user_id))

    def record(
        self,
        session_id: int,
        user_id: str,
        status: str,
        source: str,
        arrived_at: datetime | None,
        left_at: datetime | None,
        now: datetime,
    ) -> None:
        self.store.t.attendance[(session_id, user_id)] = FakeAttendance(
            session_id, user_id, status, source, now, arrived_at, left_at
        )

    def took_part(self, session_id: int) -> set[str]:
        content = FakeContent(self.store)
        found = {q.author_id for q in content.questions(session_id)}
        found |= {a.author_id for a in content.answers(session_id)}
        found |= {c.author_id for c in content.contributions(session_id)}
        found |= {item.author_id for item in content.learnings(session_id)}
        found |= {e.user_id for e in content.evaluations(session_id)}
        found |= {n.author_id for n in content.notes(session_id)}
        contract = content.contract(session_id)
        if contract is not None:
            found |= {c.user_id for c in content.confirmations(contract.id)}
        return found

    def names(self, team_id: str, user_ids: Any) -> dict[str, str]:
        return {
            u: self.store.t.names[(team_id, u)]
            for u in user_ids
            if (team_id, u) in self.store.t.names
        }

    def remember_names(self, team_id: str, names: dict[str, str], now: datetime) -> None:
        self.store.t.names.update({(team_id, u): n for u, n in names.items()})

    def votes(self, session_id: int) -> list[FakeRegulationVote]:
        return [v for (s, _), v in self.store.t.regulation.items() if s == session_id]

    def vote_of(self, session_id: int, user_id: str) -> FakeRegulationVote | None:
        return self.store.t.regulation.get((session_id, user_id))

    def save_vote(self, session_id: int, user_id: str, votes: dict, now: datetime) -> bool:
        if (session_id, user_id) in self.store.t.regulation:
            return False
        self.store.t.regulation[(session_id, user_id)] = FakeRegulationVote(
            session_id, user_id, votes["time"], votes["listening"], votes["method"], now
        )
        return True

    def journal(self, session_id: int) -> FakeJournal | None:
        return self.store.t.journals.get(session_id)

    def save_journal(
        self,
        session_id: int,
        author_id: str,
        incidents: str | None,
        adaptations: str | None,
        now: datetime,
    ) -> None:
        self.store.t.journals[session_id] = FakeJournal(
            session_id, author_id, incidents, adaptations, now
        )


class FakeOutcomes:
    def __init__(self, store: FakeStore):
        self.store = store

    def objectives(self, group_id: int, user_id: str | None = None) -> list[FakeObjective]:
        return sorted(
            (
                o
                for o in self.store.t.objectives.values()
                if o.group_id == group_id and (user_id is None or o.user_id == user_id)
            ),
            key=lambda o: (o.user_id, o.position),
        )

    def set_objectives(
        self, group_id: int, user_id: str, found: dict[int, tuple[str, int]], now: datetime
    ) -> None:
        for old in self.objectives(group_id, user_id):
            del self.store.t.objectives[old.id]
        for position, (text, baseline) in sorted(found.items()):
            row = FakeObjective(
                self.store.t.new_id(), group_id, user_id, position, text, baseline, now
            )
            self.store.t.objectives[row.id] = row

    def answers(self, group_id: int, wave: str | None = None) -> list[FakeOutcomeAnswer]:
        return [
            a
            for a in self.store.t.outcome_answers.values()
            if a.group_id == group_id and (wave is None or a.wave == wave)
        ]

    def answer(self, group_id: int, user_id: str, wave: str) -> FakeOutcomeAnswer | None:
        return next((a for a in self.answers(group_id, wave) if a.user_id == user_id), None)

    def save_answer(
        self,
        group_id: int,
        user_id: str,
        wave: str,
        progress: dict,
        change: str | None,
        example: str | None,
        now: datetime,
    ) -> None:
        row = FakeOutcomeAnswer(
            self.store.t.new_id(), group_id, user_id, wave, progress, change, example, now
        )
        self.store.t.outcome_answers[row.id] = row


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
    uow: ports.UnitOfWork = FakeUnitOfWork(store)
    factory: ports.UnitOfWorkFactory = FakeUnitOfWorkFactory(store)
    del groups, sessions, content, outbox, keys, prefs, locales, people, privacy, cycle
    del votes, attendance, outcomes, uow, factory
