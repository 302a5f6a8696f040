"""Queries of attendance: recorded presences, who took part in a session, the
real names kept for the exports, régulation votes and the facilitator's journal."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import (
    AnswerRow,
    ContractConfirmationRow,
    ContractRow,
    ContributionRow,
    EvaluationRow,
    JournalRow,
    LearningRow,
    PersonNameRow,
    QuestionRow,
    RegulationVoteRow,
    ThreadNoteRow,
)
from .models.attendance import AttendanceRow


class AttendanceRepository:
    def __init__(self, db: Session):
        self.db = db

    def of(self, session_id: int) -> list[AttendanceRow]:
        stmt = select(AttendanceRow).where(AttendanceRow.session_id == session_id)
        return list(self.db.scalars(stmt))

    def get(self, session_id: int, user_id: str) -> AttendanceRow | None:
        return self.db.get(AttendanceRow, (session_id, user_id))

    def record(self, session_id, user_id, status, source, arrived_at, left_at, now) -> None:
        row = self.get(session_id, user_id)
        if row is None:
            row = AttendanceRow(session_id=session_id, user_id=user_id)
            self.db.add(row)
        row.status, row.source = status, source
        row.arrived_at, row.left_at, row.updated_at = arrived_at, left_at, now
        self.db.flush()

    def took_part(self, session_id: int) -> set[str]:
        """Everyone who wrote, answered, confirmed or rated in the session, and the scribe
        who recorded what others said."""
        found: set[str] = set()
        for model, column in (
            (QuestionRow, QuestionRow.author_id),
            (ContributionRow, ContributionRow.author_id),
            (LearningRow, LearningRow.author_id),
            (EvaluationRow, EvaluationRow.user_id),
            (ThreadNoteRow, ThreadNoteRow.author_id),
        ):
            found |= set(self.db.scalars(select(column).where(model.session_id == session_id)))
        answers = select(AnswerRow).join(QuestionRow, QuestionRow.id == AnswerRow.question_id)
        for answer in self.db.scalars(answers.where(QuestionRow.session_id == session_id)):
            found |= {answer.author_id, answer.recorded_by}
        for model in (QuestionRow, ContributionRow, LearningRow):  # the scribe who recorded
            found |= set(
                self.db.scalars(select(model.recorded_by).where(model.session_id == session_id))
            )
        found |= set(
            self.db.scalars(
                select(ContractConfirmationRow.user_id)
                .join(ContractRow, ContractRow.id == ContractConfirmationRow.contract_id)
                .where(ContractRow.session_id == session_id)
            )
        )
        found.discard(None)
        return found

    # --- names
    def names(self, team_id: str, user_ids) -> dict[str, str]:
        ids = list(user_ids)
        if not ids:
            return {}
        stmt = select(PersonNameRow).where(
            PersonNameRow.team_id == team_id, PersonNameRow.user_id.in_(ids)
        )
        return {row.user_id: row.real_name for row in self.db.scalars(stmt)}

    def remember_names(self, team_id: str, names: dict[str, str], now: datetime) -> None:
        for user_id, name in names.items():
            row = self.db.get(PersonNameRow, (team_id, user_id))
            if row is None:
                row = PersonNameRow(team_id=team_id, user_id=user_id)
                self.db.add(row)
            row.real_name, row.updated_at = name[:200], now
        self.db.flush()

    # --- régulation and journal
    def votes(self, session_id: int) -> list[RegulationVoteRow]:
        stmt = select(RegulationVoteRow).where(RegulationVoteRow.session_id == session_id)
        return list(self.db.scalars(stmt))

    def vote_of(self, session_id: int, user_id: str) -> RegulationVoteRow | None:
        return self.db.get(RegulationVoteRow, (session_id, user_id))

    def save_vote(self, session_id: int, user_id: str, votes: dict, now: datetime) -> bool:
        """Record or replace the person's votes; True when they are new."""
        row = self.vote_of(session_id, user_id)
        new = row is None
        if new:
            row = RegulationVoteRow(session_id=session_id, user_id=user_id)
            self.db.add(row)
        row.time, row.listening, row.method = votes["time"], votes["listening"], votes["method"]
        row.created_at = now
        self.db.flush()
        return new

    def journal(self, session_id: int) -> JournalRow | None:
        return self.db.get(JournalRow, session_id)

    def save_journal(self, session_id, author_id, incidents, adaptations, now) -> None:
        row = self.journal(session_id)
        if row is None:
            row = JournalRow(session_id=session_id)
            self.db.add(row)
        row.author_id, row.incidents, row.adaptations = author_id, incidents, adaptations
        row.updated_at = now
        self.db.flush()
