"""What Slack says of each person's language (their locale), looked up off the ack path."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class UserLocaleRow(Base):
    """A person's Slack locale and the app language it gives (`user_prefs` keeps what
    they chose themselves, which wins).

    `lang` is null when the locale is one the app does not speak (de-DE) or Slack had
    none: the group's language applies, and that answer is kept like any other.
    `due_at` set means "to look up (again) from then on": a join, an App Home visit by
    someone unknown, or a `user_change` event; a background job asks Slack and clears it.
    """

    __tablename__ = "user_locales"

    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    team_id: Mapped[str | None] = mapped_column(String(32))  # whose token asks Slack
    locale: Mapped[str | None] = mapped_column(String(16))
    lang: Mapped[str | None] = mapped_column(String(5))
    due_at: Mapped[datetime | None] = mapped_column(index=True)
    checked_at: Mapped[datetime | None]
