"""The outbox, the messages it produced, processed request keys, user preferences."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ...services.outbox_states import OutboxStatus
from .base import Base


class OutboxRow(Base):
    """One Slack effect to deliver (a message, an update, an ephemeral, a DM, a view).

    `ref` names the message this row produces, so later rows can reply in its
    thread (`thread_ref`) or update it (`target_ref`) before its ts is known.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_status_next_attempt_at", "status", "next_attempt_at"),
        # the claim's "earlier pending row of this channel" check, per candidate row
        Index("ix_outbox_channel_status_id", "channel", "status", "id"),
        # who has a published home (refreshed when a session starts or ends): not a scan
        # of the whole outbox, sent rows included
        Index("ix_outbox_user_id_kind", "user_id", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str | None] = mapped_column(String(32))
    user_id: Mapped[str | None] = mapped_column(String(32))
    payload: Mapped[dict] = mapped_column(JSON)
    ref: Mapped[str | None] = mapped_column(String(120))
    thread_ref: Mapped[str | None] = mapped_column(String(120))
    target_ref: Mapped[str | None] = mapped_column(String(120))
    session_id: Mapped[int | None] = mapped_column(index=True)
    team_id: Mapped[str | None] = mapped_column(String(32))
    enterprise_id: Mapped[str | None] = mapped_column(String(32))  # Enterprise Grid only
    status: Mapped[str] = mapped_column(String(12), default=OutboxStatus.PENDING.value)
    attempts: Mapped[int] = mapped_column(default=0)
    due_at: Mapped[datetime]
    next_attempt_at: Mapped[datetime]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    # A crash look-up (a message row found `sending`) resumes where it stopped: the
    # history cursor of its next page, and the Slack calls it has made so far.
    lookup_cursor: Mapped[str | None] = mapped_column(String(255))
    lookup_calls: Mapped[int] = mapped_column(default=0, server_default="0")


class PostedMessageRow(Base):
    """Where a named message landed in Slack (channel and ts)."""

    __tablename__ = "posted_messages"
    __table_args__ = (UniqueConstraint("channel", "ts"),)

    ref: Mapped[str] = mapped_column(String(120), primary_key=True)
    channel: Mapped[str] = mapped_column(String(32))
    ts: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime]


class ProcessedRequestRow(Base):
    """Keys of requests already applied: a retried event is recognised, not redone."""

    __tablename__ = "processed_requests"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    created_at: Mapped[datetime]


class UserPrefRow(Base):
    __tablename__ = "user_prefs"

    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    lang: Mapped[str | None] = mapped_column(String(5))
    updated_at: Mapped[datetime]
