"""Queries across groups about one person, and the cycle figures of one group.

The home tab, the exports, the cycle assessment and the erasure of a person's
data all read or change rows of several tables at once; keeping those queries
here leaves the services free of SQL.

Tables owned by other features (topics, absences, cycle settings) are reached
through the metadata by name, so this module keeps working whether or not they
are registered yet.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..services.effects import EffectKind
from .meetings import MeetingRepository
from .models import (
    ActionItemRow,
    AnswerRow,
    Base,
    ContractRow,
    ContributionRow,
    EvaluationRow,
    GroupRow,
    LearningRow,
    MemberRow,
    OutboxRow,
    QuestionRow,
    SessionRow,
    ThreadNoteRow,
    UserPrefRow,
)

AUTHORED = (
    (ThreadNoteRow, "author_id"),
    (AnswerRow, "author_id"),
    (QuestionRow, "author_id"),
    (ContributionRow, "author_id"),
    (LearningRow, "author_id"),
    (ActionItemRow, "owner_id"),
)
FREE_TEXT = ("appreciation", "expectations", "learnings", "applications")
# Columns of a person's row that hold someone else's decision about it.
OTHERS = {"harvest"}


class PeopleRepository:
    def __init__(self, db: Session):
        self.db = db

    def _table(self, name: str):
        return Base.metadata.tables.get(name)

    # --- what one person sees
    def home_readers(self, user_ids: list[str]) -> set[str]:
        """Those of `user_ids` who have opened the app's home: their first visit
        remembers their language (a preference row) and publishes a view."""
        ids = list(dict.fromkeys(u for u in user_ids if u))
        if not ids:
            return set()
        found = set(
            self.db.scalars(select(UserPrefRow.user_id).where(UserPrefRow.user_id.in_(ids)))
        )
        others = [u for u in ids if u not in found]
        if others:
            published = select(OutboxRow.user_id).where(
                OutboxRow.kind == EffectKind.PUBLISH, OutboxRow.user_id.in_(others)
            )
            found |= set(self.db.scalars(published.distinct()))
        return found

    def sessions_of(self, group_ids: list[int]) -> list[SessionRow]:
        if not group_ids:
            return []
        stmt = select(SessionRow).where(SessionRow.group_id.in_(group_ids))
        return list(self.db.scalars(stmt.order_by(SessionRow.group_id, SessionRow.number)))

    def action_items_of(self, owner_id: str, group_ids: list[int]) -> list[ActionItemRow]:
        if not group_ids:
            return []
        stmt = (
            select(ActionItemRow)
            .join(SessionRow, ActionItemRow.session_id == SessionRow.id)
            .where(ActionItemRow.owner_id == owner_id, SessionRow.group_id.in_(group_ids))
            .order_by(ActionItemRow.due_on, ActionItemRow.id)
        )
        return list(self.db.scalars(stmt))

    def learnings_of(self, author_id: str, group_ids: list[int]) -> list[LearningRow]:
        if not group_ids:
            return []
        stmt = (
            select(LearningRow)
            .join(SessionRow, LearningRow.session_id == SessionRow.id)
            .where(LearningRow.author_id == author_id, SessionRow.group_id.in_(group_ids))
            .order_by(LearningRow.created_at.desc(), LearningRow.id.desc())
        )
        return list(self.db.scalars(stmt))

    def action_item(self, item_id: int) -> ActionItemRow | None:
        return self.db.get(ActionItemRow, item_id)

    def all_groups_of(self, user_id: str) -> list[GroupRow]:
        """Every group a person belongs or belonged to, or facilitates (any team)."""
        joined = select(GroupRow).join(MemberRow).where(MemberRow.user_id == user_id)
        led = select(GroupRow).where(GroupRow.facilitator_id == user_id)
        rows = {g.id: g for g in self.db.scalars(joined)}
        rows.update({g.id: g for g in self.db.scalars(led)})
        return list(rows.values())

    def hours_engaged(self, group_id: int) -> int | None:
        table = self._table("group_cycles")
        if table is None:
            return None
        return self.db.scalar(select(table.c.hours_engaged).where(table.c.group_id == group_id))

    def planned_minutes(self, session_ids: list[int]) -> dict[int, int]:
        """Planned minutes per session; the cases of one meeting share its length."""
        return MeetingRepository(self.db).case_shares(session_ids)

    def absences(self, group_id: int) -> list[tuple[str, object]]:
        table = self._table("absences")
        if table is None:
            return []
        stmt = select(table.c.user_id, table.c.day).where(table.c.group_id == group_id)
        return [(row.user_id, row.day) for row in self.db.execute(stmt)]

    # --- everything a person wrote, for their own export
    def personal_rows(self, user_id: str) -> dict[str, list]:
        """The person's own rows and their own decisions, nothing decided by others:
        a consultant's contributions come without the client's keep/park/drop, and
        a client's decisions come without the contributions' text or authors."""
        found: dict[str, list] = {}
        for model, column in AUTHORED:
            stmt = select(model).where(getattr(model, column) == user_id)
            found[model.__tablename__] = list(self.db.scalars(stmt))
        found["contributions"] = [
            {c.key: getattr(row, c.key) for c in row.__table__.columns if c.key not in OTHERS}
            for row in found["contributions"]
        ]
        decided = (
            select(ContributionRow.session_id, ContributionRow.number, ContributionRow.harvest)
            .join(SessionRow, ContributionRow.session_id == SessionRow.id)
            .where(SessionRow.client_id == user_id, ContributionRow.harvest.is_not(None))
            .order_by(ContributionRow.session_id, ContributionRow.number)
        )
        found["harvest_decisions"] = [dict(row._mapping) for row in self.db.execute(decided)]
        found["evaluations"] = list(
            self.db.scalars(select(EvaluationRow).where(EvaluationRow.user_id == user_id))
        )
        found["contracts"] = list(
            self.db.scalars(
                select(ContractRow)
                .join(SessionRow, ContractRow.session_id == SessionRow.id)
                .where(SessionRow.client_id == user_id)
            )
        )
        topics = self._table("topics")
        if topics is not None:
            stmt = select(topics).where(topics.c.user_id == user_id)
            found["topics"] = [dict(row._mapping) for row in self.db.execute(stmt)]
        for name, column in (
            ("attendance", "user_id"),
            ("person_names", "user_id"),
            ("regulation_votes", "user_id"),
            ("facilitator_journal", "author_id"),
            ("objectives", "user_id"),
            ("outcome_answers", "user_id"),
        ):
            table = self._table(name)
            if table is not None:
                stmt = select(table).where(table.c[column] == user_id)
                found[name] = [dict(row._mapping) for row in self.db.execute(stmt)]
        return found

    def texts_of(self, user_id: str) -> list[str]:
        """Every piece of free text the person wrote (to find it in sent payloads)."""
        texts = []
        for name, rows in self.personal_rows(user_id).items():
            for row in rows:
                if isinstance(row, dict):
                    texts.append(row.get("text") or "")
                elif name == "evaluations":
                    texts.extend(getattr(row, f) or "" for f in FREE_TEXT)
                elif name == "contracts":
                    texts.append(row.request)
                else:
                    texts.extend([row.text, getattr(row, "note", None) or ""])
        return [t for t in texts if t and len(t) >= 3]

    def _count(self, stmt) -> int:
        return self.db.execute(stmt).rowcount or 0
