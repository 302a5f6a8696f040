"""Sessions and the phases they went through (with their deadlines)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base


class SessionRow(Base):
    __tablename__ = "sessions"
    __table_args__ = (
        Index("ix_sessions_group_id_status", "group_id", "status"),
        # At most one running session per group, whatever races the requests run:
        # the database refuses the second one (a partial unique index).
        Index(
            "uq_sessions_group_id_running",
            "group_id",
            unique=True,
            postgresql_where=text("status = 'running'"),
            sqlite_where=text("status = 'running'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    number: Mapped[int]
    status: Mapped[str] = mapped_column(String(12))
    phase: Mapped[int | None]
    client_id: Mapped[str] = mapped_column(String(32))
    facilitator_id: Mapped[str] = mapped_column(String(32))
    # Who records what is said aloud (the « Noter dans codev » shortcut) besides the
    # facilitator, who always may; None: the facilitator alone.
    scribe_id: Mapped[str | None] = mapped_column(String(32))
    consultants: Mapped[list] = mapped_column(JSON)
    mode: Mapped[str] = mapped_column(String(8))
    with_follow_up: Mapped[bool] = mapped_column(default=False)
    live_minutes: Mapped[dict | None] = mapped_column(JSON)
    async_hours: Mapped[dict | None] = mapped_column(JSON)
    lang: Mapped[str] = mapped_column(String(5))
    channel_id: Mapped[str] = mapped_column(String(32))
    scheduled_at: Mapped[datetime | None]
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    phase_started_at: Mapped[datetime | None]
    phase_deadline: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]
    # A later case of a planned meeting names the meeting's first session (which holds
    # the plan); the first case and unplanned sessions have none.
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    case_number: Mapped[int] = mapped_column(default=1, server_default="1")
    # How many cases its meeting holds (copied from the plan when the case starts).
    case_count: Mapped[int] = mapped_column(default=1, server_default="1")

    phases: Mapped[list[SessionPhaseRow]] = relationship(
        order_by="SessionPhaseRow.id", cascade="all, delete-orphan"
    )


class SessionPhaseRow(Base):
    """One passage through a phase: when it began, its deadline, when it ended."""

    __tablename__ = "session_phases"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    phase: Mapped[int]
    started_at: Mapped[datetime]
    deadline: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
