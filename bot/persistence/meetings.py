"""Queries of meetings: a planned slot that holds 1 to 3 cases, each its own session.

The meeting's first session holds the plan (`session_plans.cases`); each later case
is a session row whose `meeting_id` names that first session.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.session import Status
from .models import SessionPlanRow, SessionRow


class MeetingRepository:
    def __init__(self, db: Session):
        self.db = db

    def cases_held(self, meeting_id: int) -> int:
        """How many cases of the meeting have started (or are planned to)."""
        stmt = select(func.count(SessionRow.id)).where(SessionRow.meeting_id == meeting_id)
        return 1 + int(self.db.scalar(stmt) or 0)

    def with_case_left(self, group_id: int, earliest: datetime, latest: datetime):
        """The group's meeting scheduled between `earliest` and `latest` whose first case
        is over and that still has a case to hold: (first session, plan), else None."""
        stmt = (
            select(SessionRow, SessionPlanRow)
            .join(SessionPlanRow, SessionPlanRow.session_id == SessionRow.id)
            .where(
                SessionRow.group_id == group_id,
                SessionRow.status == Status.DONE,
                SessionRow.meeting_id.is_(None),
                SessionPlanRow.cases > 1,
                SessionRow.scheduled_at >= earliest,
                SessionRow.scheduled_at <= latest,
            )
            .order_by(SessionRow.scheduled_at.desc())
        )
        for first, plan in self.db.execute(stmt):
            if self.cases_held(first.id) < plan.cases:
                return first, plan
        return None

    def meeting_of(self, row: SessionRow) -> tuple[SessionRow, SessionPlanRow | None]:
        """The meeting a session belongs to (its first session and the plan)."""
        first = self.db.get(SessionRow, row.meeting_id) if row.meeting_id else row
        return first, self.db.get(SessionPlanRow, first.id)

    def case_shares(self, session_ids: list[int]) -> dict[int, int]:
        """Minutes each of these sessions stands for: a planned meeting's length shared
        among the cases it holds, so a meeting's hours count once whatever its cases."""
        if not session_ids:
            return {}
        rows = self.db.execute(
            select(SessionRow.id, SessionRow.meeting_id).where(SessionRow.id.in_(session_ids))
        ).all()
        first_of = {r.id: r.meeting_id or r.id for r in rows}
        plans = {
            p.session_id: p
            for p in self.db.scalars(
                select(SessionPlanRow).where(SessionPlanRow.session_id.in_(set(first_of.values())))
            )
        }
        return {
            sid: plans[first].duration_minutes // max(plans[first].cases, 1)
            for sid, first in first_of.items()
            if first in plans
        }
