"""The préambule's quick vote: members vote for one pitched topic before the
facilitator chooses the case. One open ballot per group; closing it (the case is
chosen) deletes it with its votes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class CaseBallotRow(Base):
    __tablename__ = "case_ballots"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), unique=True)
    lang: Mapped[str] = mapped_column(String(5))
    opened_at: Mapped[datetime]


class CaseVoteRow(Base):
    __tablename__ = "case_votes"
    __table_args__ = (UniqueConstraint("ballot_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ballot_id: Mapped[int] = mapped_column(ForeignKey("case_ballots.id", ondelete="CASCADE"))
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime]
