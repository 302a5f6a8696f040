"""The bilan des effets: each participant's objectives for the cycle (where they
stood at its start) and their answers at its end and some weeks after."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class ObjectiveRow(Base):
    __tablename__ = "objectives"
    __table_args__ = (UniqueConstraint("group_id", "user_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[str] = mapped_column(String(32))
    position: Mapped[int]  # 1 to 3
    text: Mapped[str] = mapped_column(Text)
    baseline: Mapped[int]  # where the person stood at the start, 1–5
    updated_at: Mapped[datetime]


class OutcomeAnswerRow(Base):
    """One questionnaire answered: `wave` is `end` or `follow_up`."""

    __tablename__ = "outcome_answers"
    __table_args__ = (UniqueConstraint("group_id", "user_id", "wave"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[str] = mapped_column(String(32))
    wave: Mapped[str] = mapped_column(String(12))
    progress: Mapped[dict] = mapped_column(JSON)  # {"1": 4, "2": 3}: where they stand now
    change: Mapped[str | None] = mapped_column(Text)  # what changed in their practice
    example: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
