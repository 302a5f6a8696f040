"""In-memory repositories of a session's life: groups, sessions, content, outbox,
request keys and languages (the protocols of `bot/services/ports.py`)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.domain import Phase, Session
from bot.persistence.mapping import session_state, write_state
from bot.services import ports
from bot.services.effects import Effect
from bot.services.records import GroupRecord, SessionRecord

from .records import (
    FakeActionItem,
    FakeAnswer,
    FakeConfirmation,
    FakeContract,
    FakeContribution,
    FakeEvaluation,
    FakeGroup,
    FakeLearning,
    FakeMember,
    FakeNote,
    FakeOutboxRow,
    FakePassage,
    FakePosted,
    FakeQuestion,
    FakeSession,
)
from .store import CANCELLED, DONE, NOT_MODELLED, PENDING, RUNNING, FakeStore


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
        self,
        session_id: int,
        author_id: str,
        text: str,
        ts: str | None,
        now: datetime,
        recorded_by: str | None = None,
    ) -> FakeQuestion:
        number = max((q.number for q in self.questions(session_id)), default=0) + 1
        question = FakeQuestion(
            self.store.t.new_id(), session_id, number, author_id, text, ts, now, recorded_by
        )
        self.store.t.questions[question.id] = question
        return question

    def slip_texts(self, session_id: int, client_id: str) -> list[tuple[str, str]]:
        return (
            [("question", q.text) for q in self.questions(session_id)]
            + [
                ("client", n.text)
                for n in self.notes(session_id, "clarifying")
                if n.phase == Phase.EXPLORATION
            ]
            + [
                ("consultant", c.text)
                for c in self.contributions(session_id)
                if c.author_id != client_id
            ]
        )

    def question(self, session_id: int, number: int) -> FakeQuestion | None:
        return next((q for q in self.questions(session_id) if q.number == number), None)

    def answers(self, session_id: int) -> list[FakeAnswer]:
        asked = {q.id for q in self.questions(session_id)}
        return [a for a in self.store.t.answers.values() if a.question_id in asked]

    def add_answer(
        self,
        question_id: int,
        author_id: str,
        text: str,
        ts: str | None,
        now: datetime,
        recorded_by: str | None = None,
    ) -> FakeAnswer:
        answer = FakeAnswer(
            self.store.t.new_id(), question_id, author_id, text, ts, now, recorded_by
        )
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
        recorded_by: str | None = None,
    ) -> FakeContribution:
        number = max((c.number for c in self.contributions(session_id)), default=0) + 1
        row = FakeContribution(
            self.store.t.new_id(), session_id, number, author_id, kind, text, ts, now
        )
        row.recorded_by = recorded_by
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
        recorded_by: str | None = None,
    ) -> FakeLearning:
        row = FakeLearning(
            self.store.t.new_id(), session_id, phase, author_id, text, ts, now, recorded_by
        )
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
        def same(r) -> bool:
            if row.kind == "publish":
                return r.user_id == row.user_id
            return r.target_ref == row.target_ref

        return any(
            r.kind == row.kind and same(r) and r.status == PENDING
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
