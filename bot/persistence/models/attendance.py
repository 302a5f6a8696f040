"""Attendance: each person's presence at a session as recorded (a check-in or the
facilitator's correction), and people's real names as Slack gave them (for the
exports and attestations an auditor reads)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
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
