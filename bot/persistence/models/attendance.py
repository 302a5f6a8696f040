"""Attendance and régulation: each person's presence at a session as recorded (a
check-in or the facilitator's correction), people's real names as Slack gave them
(for the exports and attestations an auditor reads), phase 6's régulation votes
and the facilitator's private journal of each session."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class AttendanceRow(Base):
    """A recorded presence; what is not recorded is derived (see domain/attendance.py)."""

    __tablename__ = "attendance"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    status: Mapped[str] = mapped_column(String(12))  # present, absent, late, early
    source: Mapped[str] = mapped_column(String(16))  # checkin or facilitator
    arrived_at: Mapped[datetime | None]
    left_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class PersonNameRow(Base):
    """A person's real name (users.info), kept with their id for the exports."""

    __tablename__ = "person_names"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    real_name: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime]


class RegulationVoteRow(Base):
    """One person's régulation votes for a session (1–5: time, listening, method)."""

    __tablename__ = "regulation_votes"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    time: Mapped[int]
    listening: Mapped[int]
    method: Mapped[int]
    created_at: Mapped[datetime]


class JournalRow(Base):
    """The facilitator's private journal of a session: incidents and adaptations."""

    __tablename__ = "facilitator_journal"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    author_id: Mapped[str] = mapped_column(String(32))
    incidents: Mapped[str | None] = mapped_column(Text)
    adaptations: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime]
