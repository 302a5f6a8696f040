"""What people bring to a session: notes, questions and answers, the contract,
contributions, action items, learnings and evaluations.

Rows that come from a thread reply keep the reply's `message_ts`, so an edit or a
deletion of that reply in Slack can find and change the stored item.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


def _session_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)


class ThreadNoteRow(Base):
    """Exposé, follow-up reports, clarifying replies, synthesis, facilitator notes."""

    __tablename__ = "thread_notes"
    __table_args__ = (Index("ix_thread_notes_message_ts", "message_ts"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = _session_fk()
    phase: Mapped[int]
    kind: Mapped[str] = mapped_column(String(24))
    author_id: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    message_ts: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]


class QuestionRow(Base):
    __tablename__ = "questions"
    __table_args__ = (
        UniqueConstraint("session_id", "number"),
        Index("ix_questions_message_ts", "message_ts"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = _session_fk()
    number: Mapped[int]
    author_id: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    message_ts: Mapped[str | None] = mapped_column(String(32))
    # Who recorded it for its author (the scribe or the facilitator, from what was said
    # aloud); None when the author wrote it.
    recorded_by: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]


class AnswerRow(Base):
    __tablename__ = "answers"
    __table_args__ = (Index("ix_answers_message_ts", "message_ts"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    message_ts: Mapped[str | None] = mapped_column(String(32))
    # Who recorded it for its author (the scribe or the facilitator, from what was said
    # aloud); None when the author wrote it.
    recorded_by: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]


class ContractRow(Base):
    __tablename__ = "contracts"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), unique=True
    )
    request: Mapped[str] = mapped_column(Text)
    help_kinds: Mapped[list] = mapped_column(JSON)
    revision: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime]


class ContractConfirmationRow(Base):
    __tablename__ = "contract_confirmations"
    __table_args__ = (UniqueConstraint("contract_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(12))
    revision: Mapped[int]
    created_at: Mapped[datetime]


class ContributionRow(Base):
    __tablename__ = "contributions"
    __table_args__ = (Index("ix_contributions_message_ts", "message_ts"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = _session_fk()
    number: Mapped[int]
    author_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    harvest: Mapped[str | None] = mapped_column(String(8))
    message_ts: Mapped[str | None] = mapped_column(String(32))
    # Who recorded it for its author (the scribe or the facilitator, from what was said
    # aloud); None when the author wrote it.
    recorded_by: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]


class ActionItemRow(Base):
    __tablename__ = "action_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = _session_fk()
    owner_id: Mapped[str] = mapped_column(String(32), index=True)
    text: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(12))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class LearningRow(Base):
    __tablename__ = "learnings"
    __table_args__ = (Index("ix_learnings_message_ts", "message_ts"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = _session_fk()
    phase: Mapped[int]
    author_id: Mapped[str] = mapped_column(String(32), index=True)
    text: Mapped[str] = mapped_column(Text)
    message_ts: Mapped[str | None] = mapped_column(String(32))
    # Who recorded it for its author (the scribe or the facilitator, from what was said
    # aloud); None when the author wrote it.
    recorded_by: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]


class EvaluationRow(Base):
    __tablename__ = "evaluations"
    __table_args__ = (UniqueConstraint("session_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(32))
    rating: Mapped[int]
    appreciation: Mapped[str | None] = mapped_column(Text)
    expectations: Mapped[str | None] = mapped_column(Text)
    learnings: Mapped[str | None] = mapped_column(Text)
    applications: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
