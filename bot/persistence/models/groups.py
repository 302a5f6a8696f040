"""Groups (one per Slack channel) and their members."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint, false, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base


class GroupRow(Base):
    __tablename__ = "groups"
    __table_args__ = (UniqueConstraint("team_id", "channel_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    enterprise_id: Mapped[str | None] = mapped_column(String(32))  # Enterprise Grid only
    channel_id: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(120))
    lang: Mapped[str] = mapped_column(String(5))
    tz: Mapped[str] = mapped_column(String(64))
    mode: Mapped[str] = mapped_column(String(8))
    facilitator_id: Mapped[str] = mapped_column(String(32))
    with_follow_up: Mapped[bool] = mapped_column(default=True)  # phase 0, as the method has it
    strict_exploration: Mapped[bool] = mapped_column(default=False)
    # Evaluations are exported anonymously unless the facilitator chose named ones
    # (participants are then told so before they rate).
    named_evaluations: Mapped[bool] = mapped_column(default=False, server_default=false())
    live_minutes: Mapped[dict | None] = mapped_column(JSON)
    async_hours: Mapped[dict | None] = mapped_column(JSON)
    charter: Mapped[str | None] = mapped_column(Text)
    # {emoji name: gesture}; None means the defaults, {} means no gesture at all.
    gestures: Mapped[dict | None] = mapped_column(JSON)
    # Method hints in the thread and their counts for the facilitator (services/coaching.py).
    coaching: Mapped[bool] = mapped_column(default=True, server_default=true())
    # "archived" or "deleted" when Slack said so of the channel: no session starts.
    paused_reason: Mapped[str | None] = mapped_column(String(16))
    # Where the group meets on video (checked as an http(s) URL), shown wherever a
    # session is announced: root message, status, reminders, the .ics.
    video_url: Mapped[str | None] = mapped_column(String(500))
    # Async deadlines on working days: weekends skipped, and the public holidays of
    # a country (ISO code, from the `holidays` package) when one is given.
    skip_weekends: Mapped[bool] = mapped_column(default=False, server_default=false())
    holiday_country: Mapped[str | None] = mapped_column(String(8))
    # At an async phase's deadline the session moves on by itself, said in the thread.
    auto_advance: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Live sessions: the client's harvest board is sent only when synthesis opens, so
    # the client listens during exploration instead of sorting.
    hold_harvest: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Peer-run: the facilitator role rotates among the peers, each session names its own.
    peer_run: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    members: Mapped[list[MemberRow]] = relationship(
        back_populates="group", order_by="MemberRow.id", cascade="all, delete-orphan"
    )

    @property
    def active_members(self) -> list[MemberRow]:
        return [m for m in self.members if m.left_at is None]


class MemberRow(Base):
    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("group_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[str] = mapped_column(String(32))
    joined_at: Mapped[datetime]
    left_at: Mapped[datetime | None]
    charter_accepted_at: Mapped[datetime | None]
    client_turns: Mapped[int] = mapped_column(default=0)
    last_client_at: Mapped[datetime | None]
    # Turns as a session's facilitator, for the rotation of a peer-run group.
    facilitator_turns: Mapped[int] = mapped_column(default=0, server_default="0")
    last_facilitated_at: Mapped[datetime | None]
    # The member agreed that their learnings may be quoted in the cycle report that
    # leaves the group (the sponsor's); without it only aggregates are shown.
    share_learnings: Mapped[bool] = mapped_column(default=False, server_default=false())

    group: Mapped[GroupRow] = relationship(back_populates="members")
