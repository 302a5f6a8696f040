"""Queries of the cycle: planned slots, cycle settings, topics, absences, and the
reminder rows of the outbox that belong to a member or a session."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..domain.session import Status
from ..services.outbox_states import OutboxStatus
from ..services.records import SessionRecord
from .models import (
    AbsenceRow,
    ActionItemRow,
    CycleRow,
    OutboxRow,
    SessionPlanRow,
    SessionRow,
    TopicRow,
)

DEFAULT_REMINDERS = [1440, 60]


class CycleRepository:
    def __init__(self, db: Session):
        self.db = db

    def settings(self, group_id: int, now: datetime) -> CycleRow:
        """The group's cycle settings, created with the defaults on first use."""
        row = self.db.get(CycleRow, group_id)
        if row is None:
            row = CycleRow(
                group_id=group_id,
                hours_engaged=35,
                reminder_minutes=list(DEFAULT_REMINDERS),
                prep_minutes=2880,
                updated_at=now,
            )
            self.db.add(row)
            self.db.flush()
        return row

    def add_plan(
        self, session: SessionRecord, duration_minutes: int, cases: int = 1
    ) -> SessionPlanRow:
        plan = SessionPlanRow(
            session_id=session.id,
            group_id=session.group_id,
            duration_minutes=duration_minutes,
            cases=cases,
            sequence=0,
            generation=0,
        )
        self.db.add(plan)
        return plan

    def slots(self, group_id: int) -> list[tuple[SessionRow, SessionPlanRow | None]]:
        """Every session of the group with its plan, in calendar order."""
        stmt = (
            select(SessionRow, SessionPlanRow)
            .outerjoin(SessionPlanRow, SessionPlanRow.session_id == SessionRow.id)
            .where(SessionRow.group_id == group_id)
            .order_by(SessionRow.number)
        )
        return [(s, p) for s, p in self.db.execute(stmt)]

    def slot(self, group_id: int, number: int) -> tuple[SessionRow, SessionPlanRow] | None:
        stmt = (
            select(SessionRow, SessionPlanRow)
            .join(SessionPlanRow, SessionPlanRow.session_id == SessionRow.id)
            .where(SessionRow.group_id == group_id, SessionRow.number == number)
        )
        found = self.db.execute(stmt).first()
        return (found[0], found[1]) if found else None

    def plan_of(self, session_id: int) -> SessionPlanRow | None:
        return self.db.get(SessionPlanRow, session_id)

    def due_planned(self, group_id: int, earliest: datetime, latest: datetime):
        """The first planned session scheduled between `earliest` and `latest`."""
        stmt = (
            select(SessionRow)
            .where(
                SessionRow.group_id == group_id,
                SessionRow.status == Status.PLANNED,
                SessionRow.scheduled_at >= earliest,
                SessionRow.scheduled_at <= latest,
            )
            .order_by(SessionRow.scheduled_at)
            .with_for_update()
        )
        return self.db.scalars(stmt).first()

    def unsuggested(self, before: datetime) -> list[tuple[SessionRow, SessionPlanRow]]:
        """Planned sessions before `before` whose client was not suggested yet."""
        stmt = (
            select(SessionRow, SessionPlanRow)
            .join(SessionPlanRow, SessionPlanRow.session_id == SessionRow.id)
            .where(
                SessionRow.status == Status.PLANNED,
                SessionRow.scheduled_at <= before,
                SessionPlanRow.suggested_at.is_(None),
            )
            .order_by(SessionRow.scheduled_at)
        )
        return [(s, p) for s, p in self.db.execute(stmt)]

    def upcoming(self, start: datetime, end: datetime):
        """Planned sessions scheduled between `start` and `end`, with their plans."""
        stmt = (
            select(SessionRow, SessionPlanRow)
            .join(SessionPlanRow, SessionPlanRow.session_id == SessionRow.id)
            .where(
                SessionRow.status == Status.PLANNED,
                SessionRow.scheduled_at > start,
                SessionRow.scheduled_at <= end,
            )
            .order_by(SessionRow.scheduled_at)
        )
        return [(s, p) for s, p in self.db.execute(stmt)]

    def keys_of_session(self, session_id: int) -> set[str]:
        stmt = select(OutboxRow.dedupe_key).where(OutboxRow.session_id == session_id)
        return set(self.db.scalars(stmt))

    def known_keys(self, keys: list[str]) -> set[str]:
        """Which of these dedupe keys the outbox already holds (in any status)."""
        if not keys:
            return set()
        stmt = select(OutboxRow.dedupe_key).where(OutboxRow.dedupe_key.in_(keys))
        return set(self.db.scalars(stmt))

    def running_async(self) -> list[SessionRow]:
        """Running async sessions with a phase deadline (nudges look at them)."""
        stmt = (
            select(SessionRow)
            .where(
                SessionRow.status == Status.RUNNING,
                SessionRow.mode == "async",
                SessionRow.phase_deadline.is_not(None),
            )
            .order_by(SessionRow.id)
        )
        return list(self.db.scalars(stmt))

    def running_in_phase(self, phase: int) -> list[SessionRow]:
        """Running sessions now in `phase` with a deadline, both modes (coaching nudges)."""
        stmt = (
            select(SessionRow)
            .where(
                SessionRow.status == Status.RUNNING,
                SessionRow.phase == phase,
                SessionRow.phase_deadline.is_not(None),
            )
            .order_by(SessionRow.id)
        )
        return list(self.db.scalars(stmt))

    def open_items_due(self, first: date, last: date) -> list[tuple[ActionItemRow, SessionRow]]:
        """Action items still open or in progress, due between `first` and `last`."""
        stmt = (
            select(ActionItemRow, SessionRow)
            .join(SessionRow, SessionRow.id == ActionItemRow.session_id)
            .where(
                ActionItemRow.status.in_(("open", "in_progress")),
                ActionItemRow.due_on >= first,
                ActionItemRow.due_on <= last,
            )
            .order_by(ActionItemRow.id)
        )
        return [(i, s) for i, s in self.db.execute(stmt)]

    def add_topic(self, group_id: int, user_id: str, text: str, now: datetime) -> TopicRow:
        topic = TopicRow(group_id=group_id, user_id=user_id, text=text, created_at=now)
        self.db.add(topic)
        self.db.flush()
        return topic

    def open_topics(self, group_id: int) -> list[TopicRow]:
        stmt = (
            select(TopicRow)
            .where(TopicRow.group_id == group_id, TopicRow.used_in_session_id.is_(None))
            .order_by(TopicRow.id)
        )
        return list(self.db.scalars(stmt))

    def add_absence(self, group_id: int, user_id: str, day: date, now: datetime) -> bool:
        """False when this absence was already announced."""
        try:
            with self.db.begin_nested():
                self.db.add(AbsenceRow(group_id=group_id, user_id=user_id, day=day, created_at=now))
        except IntegrityError:
            return False
        return True

    def absent_on(self, group_id: int, day: date) -> set[str]:
        stmt = select(AbsenceRow.user_id).where(
            AbsenceRow.group_id == group_id, AbsenceRow.day == day
        )
        return set(self.db.scalars(stmt))

    def drop_member_rows(self, group_id: int, user_id: str) -> int:
        """A member who leaves gets nothing more: their pending reminders of the
        group's sessions are cancelled."""
        sessions = select(SessionRow.id).where(SessionRow.group_id == group_id)
        result = self.db.execute(
            update(OutboxRow)
            .where(
                OutboxRow.user_id == user_id,
                OutboxRow.status == OutboxStatus.PENDING,
                OutboxRow.session_id.in_(sessions),
            )
            .values(status=OutboxStatus.CANCELLED)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount or 0

    def cancel_pending(self, key_prefix: str) -> int:
        """Cancel pending rows whose dedupe key starts with `key_prefix`."""
        result = self.db.execute(
            update(OutboxRow)
            .where(
                OutboxRow.status == OutboxStatus.PENDING,
                OutboxRow.dedupe_key.startswith(key_prefix),
            )
            .values(status=OutboxStatus.CANCELLED)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount or 0
