"""The cycle around the sessions: its settings, each planned session's slot,
pitched topics and announced absences.

Planned sessions are rows of `sessions` (status `planned`, `scheduled_at`), so
the outbox's `session_id` names them and `/codev start` turns the due one into
the running session; `session_plans` adds what only a planned slot has (its
length and the calendar sequence an .ics update needs).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class CycleRow(Base):
    """A group's cycle settings: hours engaged and when reminders go out."""

    __tablename__ = "group_cycles"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True
    )
    hours_engaged: Mapped[int] = mapped_column(default=35)
    # Minutes before a session when members get a reminder, e.g. [1440, 60].
    reminder_minutes: Mapped[list] = mapped_column(JSON)
    # Minutes before a session when its client gets the preparation DM.
    prep_minutes: Mapped[int] = mapped_column(default=2880)
    # Minutes after a live session's start during which its check-in stays open.
    checkin_minutes: Mapped[int] = mapped_column(default=15, server_default="15")
    # Weeks after the cycle's close when the follow-up questionnaire goes out.
    follow_up_weeks: Mapped[int] = mapped_column(default=12, server_default="12")
    updated_at: Mapped[datetime]


class SessionPlanRow(Base):
    """What a calendar slot adds to a session row: its length and .ics sequence."""

    __tablename__ = "session_plans"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    duration_minutes: Mapped[int]
    # How many cases (consecutive sessions) the meeting holds, 1 to 3; its hours count once.
    cases: Mapped[int] = mapped_column(default=1, server_default="1")
    sequence: Mapped[int] = mapped_column(default=0)
    # Bumped on each move, so reminder dedupe keys of a moved session are new.
    generation: Mapped[int] = mapped_column(default=0)
    suggested_client_id: Mapped[str | None] = mapped_column(String(32))
    suggested_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]


class TopicRow(Base):
    """A topic a member pitched for a coming session."""

    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    used_in_session_id: Mapped[int | None]


class AbsenceRow(Base):
    """A member's announced absence on a day (in the group's time zone)."""

    __tablename__ = "absences"
    __table_args__ = (UniqueConstraint("group_id", "user_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[str] = mapped_column(String(32))
    day: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime]
