"""Erasing a person's data, purging a finished cycle's free text, and the group
settings that govern both (`group_privacy`).

In a group whose erase mode is "anonymise", a forgotten person's text stays for
the group's memory under a random stand-in; elsewhere it is deleted. Rows kept
for the group's figures (ratings, attendance, turns, closed memberships) name the
same stand-in, never the person.
"""

from __future__ import annotations

import json
import secrets
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from .models import (
    ActionItemRow,
    AnswerRow,
    Base,
    ContractConfirmationRow,
    ContractRow,
    ContributionRow,
    EvaluationRow,
    GroupPrivacyRow,
    LearningRow,
    MemberRow,
    OutboxRow,
    QuestionRow,
    SessionRow,
    ThreadNoteRow,
    UserPrefRow,
)
from .people import AUTHORED, FREE_TEXT, PeopleRepository

PURGED = "—"
DELETE, ANONYMISE = "delete", "anonymise"


def anonymous_id() -> str:
    return "X" + secrets.token_hex(8).upper()


class ErasureRepository:
    def __init__(self, db: Session):
        self.db = db

    # --- settings
    def settings(self, group_id: int) -> GroupPrivacyRow | None:
        return self.db.get(GroupPrivacyRow, group_id)

    def set(self, group_id: int, now: datetime, **fields) -> GroupPrivacyRow:
        row = self.settings(group_id)
        if row is None:
            row = GroupPrivacyRow(group_id=group_id, erase_mode=DELETE, updated_at=now)
            self.db.add(row)
        for name, value in fields.items():
            setattr(row, name, value)
        row.updated_at = now
        self.db.flush()
        return row

    def with_retention(self) -> list[GroupPrivacyRow]:
        stmt = select(GroupPrivacyRow).where(GroupPrivacyRow.retention_months.is_not(None))
        return list(self.db.scalars(stmt))

    # --- erasure of one person
    def _in_sessions(self, model, session_ids):
        if model is AnswerRow:
            owned = select(QuestionRow.id).where(QuestionRow.session_id.in_(session_ids))
            return AnswerRow.question_id.in_(owned)
        return model.session_id.in_(session_ids)

    def erase(self, user_id: str, now: datetime) -> dict[str, int]:
        texts = PeopleRepository(self.db).texts_of(user_id)
        kept_groups = list(
            self.db.scalars(
                select(GroupPrivacyRow.group_id).where(GroupPrivacyRow.erase_mode == ANONYMISE)
            )
        )
        kept = list(
            self.db.scalars(select(SessionRow.id).where(SessionRow.group_id.in_(kept_groups)))
        )
        stand_in = anonymous_id()
        counts: dict[str, int] = {}
        client_sessions = select(SessionRow.id).where(
            SessionRow.client_id == user_id, SessionRow.id.not_in(kept)
        )
        counts["contracts"] = self._count(
            delete(ContractRow).where(ContractRow.session_id.in_(client_sessions))
        )
        self._count(
            update(ContractConfirmationRow)
            .where(ContractConfirmationRow.user_id == user_id)
            .values(user_id=stand_in)
        )
        their_questions = select(QuestionRow.id).where(
            QuestionRow.author_id == user_id, QuestionRow.session_id.not_in(kept)
        )
        self._count(delete(AnswerRow).where(AnswerRow.question_id.in_(their_questions)))
        for model, column in AUTHORED:
            author = getattr(model, column)
            self._count(
                update(model)
                .where(author == user_id, self._in_sessions(model, kept))
                .values({column: stand_in})
            )
            counts[model.__tablename__] = self._count(delete(model).where(author == user_id))
        for row in self.db.scalars(select(EvaluationRow).where(EvaluationRow.user_id == user_id)):
            row.user_id = stand_in
            if row.session_id not in kept:
                for field in FREE_TEXT:
                    setattr(row, field, None)
        self._erase_group_tables(user_id, stand_in, kept_groups, counts)
        self._replace_in_sessions(user_id, stand_in)
        for member in self.db.scalars(select(MemberRow).where(MemberRow.user_id == user_id)):
            member.user_id, member.left_at = stand_in, member.left_at or now
        counts["outbox"] = self._scrub_outbox(user_id, texts)
        self._count(delete(UserPrefRow).where(UserPrefRow.user_id == user_id))
        self.db.flush()
        return counts

    def _erase_group_tables(self, user_id, stand_in, kept_groups, counts) -> None:
        topics = Base.metadata.tables.get("topics")
        if topics is not None:
            mine = topics.c.user_id == user_id
            self._count(
                update(topics)
                .where(mine, topics.c.group_id.in_(kept_groups))
                .values(user_id=stand_in)
            )
            counts["topics"] = self._count(delete(topics).where(mine))
        absences = Base.metadata.tables.get("absences")
        if absences is not None:
            counts["absences"] = self._count(delete(absences).where(absences.c.user_id == user_id))

    def _replace_in_sessions(self, user_id: str, stand_in: str) -> None:
        for session in self.db.scalars(select(SessionRow)):
            if user_id in (*(session.consultants or []), session.client_id, session.facilitator_id):
                session.consultants = [
                    stand_in if u == user_id else u for u in session.consultants or []
                ]
                if session.client_id == user_id:
                    session.client_id = stand_in
                if session.facilitator_id == user_id:
                    session.facilitator_id = stand_in

    def _scrub_outbox(self, user_id: str, texts: list[str]) -> int:
        """Pending rows to the person are cancelled; any row carrying their text
        loses its payload (pending ones are cancelled rather than posted empty)."""
        touched = self._count(
            update(OutboxRow)
            .where(OutboxRow.user_id == user_id, OutboxRow.status == "pending")
            .values(status="cancelled")
        )
        probes = {text[:40] for text in texts}
        if not probes:
            return touched
        for row in self.db.scalars(select(OutboxRow)):
            raw = json.dumps(row.payload, ensure_ascii=False)
            plain = raw.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
            if any(p in raw or p in plain or _json_str(p) in raw for p in probes):
                row.payload = {"text": "", "blocks": [], "erased": True}
                if row.status == "pending":
                    row.status = "cancelled"
                touched += 1
        return touched

    # --- retention
    def purge_group_text(self, group_id: int) -> int:
        """Delete the free text of a group's sessions; figures (ratings, statuses,
        attendance) stay."""
        ids = list(self.db.scalars(select(SessionRow.id).where(SessionRow.group_id == group_id)))
        if not ids:
            return 0
        purged = self._count(delete(AnswerRow).where(self._in_sessions(AnswerRow, ids)))
        for model in (ThreadNoteRow, QuestionRow, ContributionRow, LearningRow, ContractRow):
            purged += self._count(delete(model).where(model.session_id.in_(ids)))
        purged += self._count(
            update(ActionItemRow)
            .where(ActionItemRow.session_id.in_(ids), ActionItemRow.text != PURGED)
            .values(text=PURGED, note=None)
        )
        purged += self._count(
            update(EvaluationRow)
            .where(EvaluationRow.session_id.in_(ids))
            .where(
                EvaluationRow.appreciation.is_not(None)
                | EvaluationRow.expectations.is_not(None)
                | EvaluationRow.learnings.is_not(None)
                | EvaluationRow.applications.is_not(None)
            )
            .values({field: None for field in FREE_TEXT})
        )
        topics = Base.metadata.tables.get("topics")
        if topics is not None:
            purged += self._count(delete(topics).where(topics.c.group_id == group_id))
        self.db.flush()
        return purged

    def _count(self, stmt) -> int:
        return self.db.execute(stmt).rowcount or 0


def _json_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)[1:-1]
