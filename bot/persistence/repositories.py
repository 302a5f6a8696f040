"""Repositories: the only place that knows how rows are found.

They return mapped rows; services change attributes and the unit of work commits.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from ..domain import Session as SessionState
from ..domain.session import Status
from ..services.effects import request_workspace
from ..services.records import GroupRecord, SessionRecord
from .mapping import session_state, write_state
from .models import (
    GroupRow,
    MemberRow,
    PostedMessageRow,
    ProcessedRequestRow,
    SessionPhaseRow,
    SessionRow,
    UserLocaleRow,
    UserPrefRow,
)

ONE_RUNNING = "uq_sessions_group_id_running"
CLAIM_KEY = {
    name: insert(ProcessedRequestRow.__table__)
    .on_conflict_do_nothing(index_elements=["key"])
    .returning(ProcessedRequestRow.__table__.c.key)
    for name, insert in (("postgresql", postgresql_insert), ("sqlite", sqlite_insert))
}


class GroupRepository:
    def __init__(self, db: Session):
        self.db = db

    def by_channel(self, team_id: str, channel_id: str) -> GroupRow | None:
        stmt = (
            select(GroupRow)
            .where(GroupRow.team_id == team_id, GroupRow.channel_id == channel_id)
            .options(joinedload(GroupRow.members))  # one query, not two: on every request
        )
        return self.db.scalars(stmt).unique().one_or_none()

    def get(self, group_id: int) -> GroupRow | None:
        return self.db.get(GroupRow, group_id)

    def create(self, **fields) -> GroupRow:
        """A new group; it belongs to the Enterprise Grid organisation of the request
        that creates it, when there is one (its bot token is found with it)."""
        workspace = request_workspace()
        if workspace and workspace.team_id == fields.get("team_id"):
            fields.setdefault("enterprise_id", workspace.enterprise_id)
        group = GroupRow(**fields)
        self.db.add(group)
        self.db.flush()
        return group

    def create_once(self, **fields) -> GroupRow | None:
        """The new group, or None if another request created this channel's group
        first (its insert won the unique (team, channel) constraint)."""
        try:
            with self.db.begin_nested():
                return self.create(**fields)
        except IntegrityError:
            return None

    def add_member(self, group: GroupRecord, user_id: str, now: datetime) -> MemberRow:
        """Add or re-activate a membership (a member who left may come back)."""
        row = cast(GroupRow, group)  # a record this repository handed out
        for member in row.members:
            if member.user_id == user_id:
                member.left_at = None
                return member
        member = MemberRow(user_id=user_id, joined_at=now, client_turns=0)
        row.members.append(member)
        return member

    def is_active_member(self, group_id: int, user_id: str) -> bool:
        """True while the person is a peer of the group (not removed, not left)."""
        stmt = select(MemberRow.id).where(
            MemberRow.group_id == group_id,
            MemberRow.user_id == user_id,
            MemberRow.left_at.is_(None),
        )
        return self.db.scalar(stmt) is not None

    def of_user(self, team_id: str, user_id: str) -> list[GroupRow]:
        stmt = (
            select(GroupRow)
            .join(MemberRow)
            .where(GroupRow.team_id == team_id, MemberRow.user_id == user_id)
            .where(MemberRow.left_at.is_(None))
        )
        facilitated = select(GroupRow).where(
            GroupRow.team_id == team_id, GroupRow.facilitator_id == user_id
        )
        rows = {g.id: g for g in self.db.scalars(stmt)}
        rows.update({g.id: g for g in self.db.scalars(facilitated)})
        return list(rows.values())


class SessionRepository:
    def __init__(self, db: Session):
        self.db = db

    def get(self, session_id: int) -> SessionRow | None:
        return self.db.get(SessionRow, session_id)

    def running(self, group_id: int, lock: bool = False) -> SessionRow | None:
        """The group's running session; `lock` holds its row until commit (PostgreSQL),
        so two concurrent moves are applied one after the other, never both."""
        stmt = select(SessionRow).where(
            SessionRow.group_id == group_id, SessionRow.status == Status.RUNNING
        )
        if lock:
            stmt = stmt.with_for_update()
        return self.db.scalars(stmt).first()

    def hold_running(self, session: SessionRecord) -> bool:
        """Write the session as running now; False when its group already has one.

        The partial unique index `uq_sessions_group_id_running` decides: two starts that
        both found no running session (PostgreSQL locks no row that does not exist yet)
        cannot both write one. The loser's transaction is then to be rolled back."""
        try:
            self.db.flush()
        except IntegrityError as error:
            refused = str(error.orig)  # PostgreSQL names the index, SQLite its column
            if ONE_RUNNING not in refused and "sessions.group_id" not in refused:
                raise
            return False
        return True

    def locked(self, session_id: int) -> SessionRow | None:
        stmt = select(SessionRow).where(SessionRow.id == session_id).with_for_update()
        return self.db.scalars(stmt).first()

    def latest(self, group_id: int, status: str) -> SessionRow | None:
        stmt = (
            select(SessionRow)
            .where(SessionRow.group_id == group_id, SessionRow.status == status)
            .order_by(SessionRow.id.desc())
        )
        return self.db.scalars(stmt).first()

    def any_done(self, group_id: int) -> bool:
        """The group has finished a session: a new one has something to follow up."""
        stmt = select(SessionRow.id).where(
            SessionRow.group_id == group_id, SessionRow.status == Status.DONE
        )
        return self.db.scalars(stmt.limit(1)).first() is not None

    def next_number(self, group_id: int) -> int:
        stmt = select(func.coalesce(func.max(SessionRow.number), 0)).where(
            SessionRow.group_id == group_id
        )
        return int(self.db.scalar(stmt)) + 1

    def create(self, **fields) -> SessionRow:
        session = SessionRow(**fields)
        self.db.add(session)
        self.db.flush()
        return session

    def record_phase(self, session: SessionRecord, now: datetime) -> None:
        """Close the open phase record and open one for the session's current phase."""
        row = cast(SessionRow, session)  # a record this repository handed out
        for passage in row.phases:
            if passage.ended_at is None:
                passage.ended_at = now
        if row.phase is not None and row.status == Status.RUNNING:
            row.phases.append(
                SessionPhaseRow(phase=row.phase, started_at=now, deadline=row.phase_deadline)
            )

    def state(self, session: SessionRecord) -> SessionState:
        """The session's state machine, rebuilt from its row."""
        return session_state(session)

    def save_state(self, state: SessionState, session: SessionRecord) -> None:
        """Keep a moved state machine on its row (written at the next flush)."""
        write_state(state, session)

    def by_root_message(self, channel: str, ts: str) -> SessionRow | None:
        """The session whose root message is (channel, ts): thread replies find it so.

        The row is locked until commit (PostgreSQL): replies to one session are applied
        one after the other, so two questions sent at once never get the same number."""
        ref = self.db.scalars(
            select(PostedMessageRow.ref).where(
                PostedMessageRow.channel == channel, PostedMessageRow.ts == ts
            )
        ).first()
        if not ref or not ref.startswith("session:") or not ref.endswith(":root"):
            return None
        return self.locked(int(ref.split(":")[1]))


class RequestKeys:
    """Keys of requests already applied, written in the same transaction as the change."""

    def __init__(self, db: Session):
        self.db = db

    def claim(self, key: str, now: datetime) -> bool:
        """True the first time a key is seen; False for a retry of an applied request.

        One `INSERT … ON CONFLICT DO NOTHING` rather than a read, a savepoint and an
        insert (four statements) on every event's ack path."""
        dialect = self.db.get_bind().dialect.name
        claimed = self.db.execute(CLAIM_KEY[dialect], {"key": key, "created_at": now})
        return claimed.first() is not None  # no row back: the key was there already


def _own_lang(user_id: str):
    """What the person chose, else what their Slack locale gives: one statement."""
    chosen = select(UserPrefRow.lang).where(UserPrefRow.user_id == user_id).scalar_subquery()
    slack = select(UserLocaleRow.lang).where(UserLocaleRow.user_id == user_id).scalar_subquery()
    return select(func.coalesce(chosen, slack))


class PrefRepository:
    def __init__(self, db: Session):
        self.db = db

    def lang(self, user_id: str) -> str | None:
        """The person's own language: the one they chose, else their Slack locale's
        (None when neither is known or the locale is one the app does not speak)."""
        return self.db.scalar(_own_lang(user_id))

    def chosen(self, user_id: str) -> str | None:
        """The language the person chose with `/codev lang`, if any."""
        row = self.db.get(UserPrefRow, user_id)
        return row.lang if row else None

    def lang_for(self, user_id: str, team_id: str | None, channel_id: str | None) -> str | None:
        """The person's own language, else the language of the group in this channel.

        One round trip reading three columns: most answers ask only this, and loading
        the group with its members for it cost two queries and the ORM's mapping."""
        own = _own_lang(user_id).scalar_subquery()
        if not channel_id:
            return self.db.scalar(select(own))
        group = (
            select(GroupRow.lang)
            .where(GroupRow.team_id == team_id, GroupRow.channel_id == channel_id)
            .scalar_subquery()
        )
        mine, theirs = self.db.execute(select(own, group)).one()
        return mine or theirs

    def mark_home_reader(self, user_id: str, now: datetime) -> None:
        """A row, even without a language, says the person reads their home."""
        if self.db.get(UserPrefRow, user_id) is None:
            self.db.add(UserPrefRow(user_id=user_id, lang=None, updated_at=now))

    def set_lang(self, user_id: str, lang: str, now: datetime) -> None:
        row = self.db.get(UserPrefRow, user_id)
        if row is None:
            self.db.add(UserPrefRow(user_id=user_id, lang=lang, updated_at=now))
        else:
            row.lang, row.updated_at = lang, now
