"""In-memory repositories around the sessions: the cycle's plans, people, locales,
privacy, case votes, attendance and outcomes (the protocols of `bot/services/ports.py`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bot.services import ports
from bot.services.effects import EffectKind
from bot.services.records import SessionRecord

from .fake_sessions import FakeContent
from .records import (
    FakeActionItem,
    FakeAttendance,
    FakeBallot,
    FakeCycle,
    FakeGroup,
    FakeJournal,
    FakeLearning,
    FakeObjective,
    FakeOutboxRow,
    FakeOutcomeAnswer,
    FakePlan,
    FakePrivacy,
    FakeRegulationVote,
    FakeSession,
    FakeTopic,
    FakeUserLocale,
)
from .store import CANCELLED, DONE, NOT_MODELLED, PENDING, PLANNED, RUNNING, FakeStore


class FakeCycleRepository:
    def __init__(self, store: FakeStore):
        self.store = store

    def settings(self, group_id: int, now: datetime) -> FakeCycle:
        return self.store.t.cycles.setdefault(group_id, FakeCycle(group_id, now))

    def add_plan(self, session: SessionRecord, duration_minutes: int, cases: int = 1) -> FakePlan:
        plan = FakePlan(session.id, session.group_id, duration_minutes, cases)
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


class FakeMeetings:
    """The cases a planned meeting holds, read from the sessions in memory."""

    def __init__(self, store: FakeStore):
        self.store = store

    def cases_held(self, meeting_id: int) -> int:
        later = [s for s in self.store.t.sessions.values() if s.meeting_id == meeting_id]
        return 1 + len(later)

    def with_case_left(
        self, group_id: int, earliest: datetime, latest: datetime
    ) -> tuple[FakeSession, FakePlan] | None:
        firsts = [
            (s, self.store.t.plans[s.id])
            for s in self.store.t.sessions.values()
            if s.group_id == group_id
            and s.status == DONE
            and s.meeting_id is None
            and s.id in self.store.t.plans
            and self.store.t.plans[s.id].cases > 1
            and s.scheduled_at is not None
            and earliest <= s.scheduled_at <= latest
        ]
        for first, plan in sorted(firsts, key=lambda found: found[0].scheduled_at, reverse=True):
            if self.cases_held(first.id) < plan.cases:
                return first, plan
        return None
