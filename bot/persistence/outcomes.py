"""Queries of the bilan des effets: objectives and questionnaire answers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .models import ObjectiveRow, OutcomeAnswerRow


class OutcomeRepository:
    def __init__(self, db: Session):
        self.db = db

    def objectives(self, group_id: int, user_id: str | None = None) -> list[ObjectiveRow]:
        stmt = select(ObjectiveRow).where(ObjectiveRow.group_id == group_id)
        if user_id is not None:
            stmt = stmt.where(ObjectiveRow.user_id == user_id)
        return list(self.db.scalars(stmt.order_by(ObjectiveRow.user_id, ObjectiveRow.position)))

    def set_objectives(self, group_id, user_id, found: dict[int, tuple[str, int]], now) -> None:
        """Replace the person's objectives with `found` ({position: (text, level)})."""
        self.db.execute(
            delete(ObjectiveRow).where(
                ObjectiveRow.group_id == group_id, ObjectiveRow.user_id == user_id
            )
        )
        self.db.flush()
        for position, (text, level) in sorted(found.items()):
            self.db.add(
                ObjectiveRow(
                    group_id=group_id,
                    user_id=user_id,
                    position=position,
                    text=text,
                    baseline=level,
                    updated_at=now,
                )
            )
        self.db.flush()

    def answers(self, group_id: int, wave: str | None = None) -> list[OutcomeAnswerRow]:
        stmt = select(OutcomeAnswerRow).where(OutcomeAnswerRow.group_id == group_id)
        if wave is not None:
            stmt = stmt.where(OutcomeAnswerRow.wave == wave)
        return list(self.db.scalars(stmt.order_by(OutcomeAnswerRow.id)))

    def answer(self, group_id: int, user_id: str, wave: str) -> OutcomeAnswerRow | None:
        stmt = select(OutcomeAnswerRow).where(
            OutcomeAnswerRow.group_id == group_id,
            OutcomeAnswerRow.user_id == user_id,
            OutcomeAnswerRow.wave == wave,
        )
        return self.db.scalars(stmt).first()

    def save_answer(self, group_id, user_id, wave, progress, change, example, now: datetime):
        row = self.answer(group_id, user_id, wave)
        if row is None:
            row = OutcomeAnswerRow(group_id=group_id, user_id=user_id, wave=wave)
            self.db.add(row)
        row.progress = {str(k): v for k, v in progress.items()}
        row.change, row.example, row.created_at = change, example, now
        self.db.flush()
