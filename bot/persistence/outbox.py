"""The outbox table's queries: add effects, claim due rows, record deliveries.

Order per channel: a row is not claimed while an earlier row of the same channel
that is already due is still pending or sending (waiting for a retry after a 429,
or held by another process), unless that row's crash look-up is waiting for Slack's
history limit: a channel is never stalled behind it. On PostgreSQL, claimed rows are locked with
`FOR UPDATE SKIP LOCKED`, so several processes never deliver the same row; a
message row marked `sending` is committed, then locked again (`reclaim`) before
Slack is called.

Retention: once a row is finished (sent, superseded, cancelled, dead, expired) it
no longer needs its payload, its person or its DM channel: `prune` blanks them,
keeping the dedupe key (a retried request queues nothing twice) and the ref, then
deletes the row once it is older than the keep time. Rows still `sending` keep
everything: the crash look-up needs their key, channel, person and payload.
Where a named message landed (`posted_messages`) is kept, without any text, so
the bot can still update it (an erasure re-renders it).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import String, and_, case, cast, delete, func, literal, or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.util import identity_key

from ..services.effects import Effect, EffectKind, request_workspace
from ..services.outbox_states import DELIVERABLE, FINISHED, OutboxStatus
from ..services.records import OutboxRecord
from .models import (
    GroupRow,
    MemberRow,
    OutboxRow,
    PostedMessageRow,
    ProcessedRequestRow,
    SessionRow,
)

PENDING, SENDING = OutboxStatus.PENDING, OutboxStatus.SENDING
# How long a row marked `sending` is left to the process sending it before another one
# takes it over as an orphan (its process died, or its call to Slack never answered).
SENDING_GRACE = timedelta(seconds=5)
CANCELLED = OutboxStatus.CANCELLED
SPENT: dict = {}  # the payload of a finished row
INSERT_IGNORING_DUPLICATES = {
    name: insert(OutboxRow.__table__)
    .on_conflict_do_nothing(index_elements=["dedupe_key"])
    .returning(OutboxRow.__table__.c.id)
    for name, insert in (("postgresql", postgresql_insert), ("sqlite", sqlite_insert))
}


class OutboxRepository:
    def __init__(self, db: Session):
        self.db = db
        # PostgreSQL keeps a claimed row locked while it is sent; SQLite has one
        # writer for the whole file, so it must not be held during a Slack call.
        self.locks_rows = db.get_bind().dialect.name == "postgresql"
        self._session_teams: dict[int, tuple[str | None, str | None] | None] = {}
        self._insert = INSERT_IGNORING_DUPLICATES[db.get_bind().dialect.name]
        # a row due now was queued since the last commit: the commit wakes the dispatcher
        self.queued_due = False

    def add(self, effect: Effect, now: datetime) -> bool:
        """Queue an effect; False when its dedupe key is already queued.

        One `INSERT … ON CONFLICT DO NOTHING` (SQLite and PostgreSQL): a duplicate key
        is skipped without a savepoint around each row, which cost two more statements
        and an ORM flush per effect on the ack path."""
        due = effect.due_at or now
        self.db.flush()  # rows added earlier in this unit of work keep their order
        team, enterprise = self._workspace_of(effect)
        values = {
            "dedupe_key": effect.dedupe_key,
            "kind": str(effect.kind),
            "channel": effect.channel or effect.user_id,
            "user_id": effect.user_id,
            "payload": effect.payload.as_dict(),
            "ref": effect.ref,
            "thread_ref": effect.thread_ref,
            "target_ref": effect.target_ref,
            "session_id": effect.session_id,
            "team_id": team,
            "enterprise_id": enterprise,
            "status": PENDING,
            "attempts": 0,
            "lookup_calls": 0,
            "due_at": due,
            "next_attempt_at": due,
            "created_at": now,
        }
        inserted = self.db.execute(self._insert, values).first() is not None
        if inserted and due <= now:
            self.queued_due = True
        return inserted  # no row back: the key was queued already

    def _workspace_of(self, effect: Effect) -> tuple[str | None, str | None]:
        """(team, enterprise) an effect is sent with: the one it names, else its
        session's or channel's group, else the workspace of the request being answered
        (someone outside every group: their data file, a forget-me confirmation), else
        a group of the person. A group from before enterprise ids were stored gets the
        request's when they are of the same team."""
        request = request_workspace()
        team, enterprise = effect.team_id, effect.enterprise_id
        if not team:
            team, enterprise = self._group_workspace(effect) or (None, None)
        if not team and request and request.team_id:
            return request.team_id, request.enterprise_id
        if not team:
            team, enterprise = self._person_workspace(effect) or (None, None)
        if team and not enterprise:
            if request and request.team_id == team:
                enterprise = request.enterprise_id
            elif effect.team_id:
                enterprise = self._enterprise_of(team)
        return team, enterprise

    def _group_workspace(self, effect: Effect) -> tuple[str | None, str | None] | None:
        if effect.session_id is not None:
            if effect.session_id not in self._session_teams:
                self._session_teams[effect.session_id] = self._session_team(effect.session_id)
            if found := self._session_teams[effect.session_id]:
                return found
        if effect.channel:
            stmt = select(GroupRow.team_id, GroupRow.enterprise_id).where(
                GroupRow.channel_id == effect.channel
            )
            if found := self.db.execute(stmt).first():
                return found.team_id, found.enterprise_id
        return None

    def _person_workspace(self, effect: Effect) -> tuple[str | None, str | None] | None:
        person = effect.user_id or effect.channel
        if not person:
            return None
        stmt = (
            select(GroupRow.team_id, GroupRow.enterprise_id)
            .outerjoin(MemberRow, MemberRow.group_id == GroupRow.id)
            .where(or_(MemberRow.user_id == person, GroupRow.facilitator_id == person))
        )
        found = self.db.execute(stmt).first()
        return (found.team_id, found.enterprise_id) if found else None

    def _enterprise_of(self, team_id: str) -> str | None:
        """The organisation of a workspace named by an effect, from its groups."""
        stmt = select(GroupRow.enterprise_id).where(
            GroupRow.team_id == team_id, GroupRow.enterprise_id.is_not(None)
        )
        return self.db.scalars(stmt.limit(1)).first()

    def _session_team(self, session_id: int) -> tuple[str | None, str | None] | None:
        """From the session and group this unit of work already loaded when it has
        them (the request that queues the effect read both): no query then."""
        loaded = self.db.identity_map
        session = loaded.get(identity_key(SessionRow, session_id))
        group = loaded.get(identity_key(GroupRow, session.group_id)) if session else None
        if group is not None:
            return group.team_id, group.enterprise_id
        stmt = (
            select(GroupRow.team_id, GroupRow.enterprise_id)
            .join(SessionRow, SessionRow.group_id == GroupRow.id)
            .where(SessionRow.id == session_id)
        )
        found = self.db.execute(stmt).first()
        return (found.team_id, found.enterprise_id) if found else None

    def claim_due(self, now: datetime, limit: int) -> list[OutboxRow]:
        """Due rows in queue order, none behind an earlier due row of its channel.

        The check for an earlier row is a scalar subquery with `LIMIT 1`, which
        PostgreSQL runs for each due row through `ix_outbox_channel_status_id`
        whatever its statistics say. As `NOT EXISTS` it became an anti-join, which
        PostgreSQL may plan by reading every pending row (all the planned reminders)
        on each claim: 100,000 planned rows made due reminders up to 14 s late."""
        earlier = aliased(OutboxRow)
        blocked = (
            select(literal(1))
            .select_from(earlier)
            .where(
                earlier.channel == OutboxRow.channel,
                earlier.status.in_(DELIVERABLE),
                earlier.id < OutboxRow.id,
                earlier.due_at <= now,
                # a message whose crash look-up waits for Slack's history limit does not
                # hold its channel
                ~and_(earlier.lookup_calls > 0, earlier.next_attempt_at > now),
            )
            .limit(1)
            .correlate(OutboxRow)
            .scalar_subquery()
        )
        due = OutboxRow.next_attempt_at <= now
        if self.locks_rows:
            # A row another process marked `sending` a moment ago is being sent: it is
            # unlocked between that commit and `reclaim`, and taking it over then as an
            # orphan would start a crash look-up, which Slack allows once a minute.
            being_sent = and_(
                OutboxRow.status == SENDING,
                OutboxRow.lookup_calls == 0,
                OutboxRow.next_attempt_at > now - SENDING_GRACE,
            )
            due = and_(due, ~being_sent)
        stmt = (
            select(OutboxRow)
            .where(OutboxRow.status.in_(DELIVERABLE), due, blocked.is_(None))
            .order_by(OutboxRow.id)
            .limit(limit)
        )
        if self.locks_rows:
            stmt = stmt.with_for_update(skip_locked=True, of=OutboxRow)
        return list(self.db.scalars(stmt))

    def reclaim(self, row: OutboxRecord, status: str, stamp: datetime) -> bool:
        """After the commit that marked `row` as being sent: on PostgreSQL, lock it again
        and check it is still this claim (`status` and the `stamp` written in
        `next_attempt_at`); another process that took it over in between has changed
        both. SQLite has one deliverer: nothing to check."""
        if not self.locks_rows:
            return True
        stmt = (
            select(OutboxRow.status, OutboxRow.next_attempt_at)
            .where(OutboxRow.id == row.id)
            .with_for_update()
        )
        now = self.db.execute(stmt).first()
        return now is not None and now.status == status and now.next_attempt_at == stamp

    def newer_update_pending(self, row: OutboxRecord) -> bool:
        """A later update of the same message (or home tab of the same person) is
        queued: this one need not be sent (boards change with every reply; Slack only
        needs to see the last state)."""
        same = (
            OutboxRow.user_id == row.user_id
            if row.kind == EffectKind.PUBLISH
            else OutboxRow.target_ref == row.target_ref
        )
        stmt = select(OutboxRow.id).where(
            OutboxRow.kind == row.kind,
            same,
            OutboxRow.status == PENDING,
            OutboxRow.id > row.id,
        )
        return self.db.scalars(stmt.limit(1)).first() is not None

    def location(self, ref: str) -> PostedMessageRow | None:
        return self.db.get(PostedMessageRow, ref)

    def record_posted(self, ref: str, channel: str, ts: str, now: datetime) -> None:
        if self.db.get(PostedMessageRow, ref) is None:
            self.db.add(PostedMessageRow(ref=ref, channel=channel, ts=ts, created_at=now))

    def ref_is_coming(self, ref: str) -> bool:
        """A row that will post the message named `ref` is still queued (pending or
        being sent). When none is (it was cancelled, given up, expired, or pruned
        long ago), nothing will ever post it: rows waiting for it must not wait."""
        stmt = select(OutboxRow.id).where(OutboxRow.ref == ref, OutboxRow.status.in_(DELIVERABLE))
        return self.db.scalars(stmt.limit(1)).first() is not None

    def known(self, ref: str) -> bool:
        """The message `ref` is posted or still queued: an update of it can be queued."""
        return self.location(ref) is not None or self.ref_is_coming(ref)

    def rewrite_queued(self, ref: str, payload: dict) -> list[OutboxRow]:
        """Give the queued first post of `ref` a new payload (a re-render after an
        erasure), so what it carried is never posted; returns the rows changed. A row
        already `sending` may have reached Slack: the caller updates it after."""
        stmt = select(OutboxRow).where(OutboxRow.ref == ref, OutboxRow.status.in_(DELIVERABLE))
        rows = list(self.db.scalars(stmt))
        for row in rows:
            row.payload = payload
        return rows

    # --- retention
    def prune(self, now: datetime, keep: timedelta) -> tuple[int, int]:
        """Finished rows lose their payload and person now, and are deleted once older
        than `keep`, with the request keys of that age; returns (blanked, deleted)."""
        blanked = self.spend_finished()
        limit = now - keep
        deleted = self.db.execute(
            delete(OutboxRow)
            .where(
                OutboxRow.status.in_(FINISHED),
                func.coalesce(OutboxRow.sent_at, OutboxRow.next_attempt_at) < limit,
            )
            .execution_options(synchronize_session=False)
        ).rowcount
        self.db.execute(
            delete(ProcessedRequestRow)
            .where(ProcessedRequestRow.created_at < limit)
            .execution_options(synchronize_session=False)
        )
        return blanked, deleted or 0

    def spend_finished(self) -> int:
        """Finished rows keep their key and ref, not their payload, person or DM channel."""
        finished = OutboxRow.status.in_(FINISHED)
        blanked = self.db.execute(
            update(OutboxRow)
            .where(
                finished,
                or_(OutboxRow.user_id.is_not(None), cast(OutboxRow.payload, String) != "{}"),
            )
            .values(
                payload=SPENT,
                user_id=None,
                # a DM's or a home's channel is the person; a group's channel is not personal
                channel=case(
                    (OutboxRow.channel == OutboxRow.user_id, None), else_=OutboxRow.channel
                ),
            )
            .execution_options(synchronize_session=False)
        ).rowcount
        return blanked or 0

    def cancel_by_prefix(self, *prefixes: str, session_id: int | None = None) -> int:
        """Drop the pending rows whose dedupe key starts with one of `prefixes` (a phase's
        timers and nudges), in one statement.

        `session_id`, when the rows are a session's, lets the database find them by that
        index: a `LIKE` alone reads every pending row — all the planned reminders of
        every group — on each phase change."""
        matches = [
            OutboxRow.dedupe_key.like(_escape_like(prefix) + "%", escape="\\")
            for prefix in prefixes
        ]
        stmt = update(OutboxRow).where(OutboxRow.status == PENDING, or_(*matches))
        if session_id is not None:
            stmt = stmt.where(OutboxRow.session_id == session_id)
        result = self.db.execute(stmt.values(status=CANCELLED))
        return result.rowcount or 0

    def cancel_for_session(self, session_id: int, after: datetime) -> int:
        """Drop a session's future rows (reminders) when it is cancelled or moved."""
        result = self.db.execute(
            update(OutboxRow)
            .where(
                OutboxRow.session_id == session_id,
                OutboxRow.status == PENDING,
                OutboxRow.due_at > after,
            )
            .values(status=CANCELLED)
        )
        return result.rowcount or 0

    def depth(self) -> int:
        return int(self.db.scalar(select(func.count()).where(OutboxRow.status == PENDING)) or 0)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
