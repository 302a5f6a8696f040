"""A group's data-protection settings: how long free text is kept after a
finished cycle, and whether a person who asks to be forgotten has their text
deleted or kept without their name."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class GroupPrivacyRow(Base):
    __tablename__ = "group_privacy"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True
    )
    # Months after a cycle's last session before its free text is purged; None keeps it.
    retention_months: Mapped[int | None]
    # "delete" or "anonymise": what forget-me does with the person's text in this group.
    erase_mode: Mapped[str] = mapped_column(String(12), default="delete")
    updated_at: Mapped[datetime]
