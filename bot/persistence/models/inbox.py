"""Requests acknowledged and not yet applied."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class InboxRow(Base):
    """One request Slack sent, stored before the ack and applied just after it.

    `args` are the use case's arguments, typed text included: the row lives until the
    request is applied (milliseconds), and erasure deletes a person's rows. `claimed_by`
    names the process applying it (host, pid, a token of its start) and `claimed_at`
    starts its lease: a row whose process is known gone, or whose lease ran out, is
    applied by whoever sweeps next."""

    __tablename__ = "inbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    team_id: Mapped[str | None] = mapped_column(String(32))
    channel_id: Mapped[str | None] = mapped_column(String(32))
    user_id: Mapped[str | None] = mapped_column(String(32), index=True)
    args: Mapped[dict] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    received_at: Mapped[datetime]
    claimed_by: Mapped[str] = mapped_column(String(120))
    claimed_at: Mapped[datetime] = mapped_column(index=True)
