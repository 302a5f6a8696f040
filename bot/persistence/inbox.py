"""The inbox's statements: requests stored at the ack, taken back to be applied.

Plain Core statements on a connection of their own, not the unit of work's ORM
session: storing a request is all an ack does, and one INSERT with its COMMIT is
the least an app that keeps what a request brings can do before answering.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, delete, insert, select, update

from ..services.inbox import Received
from .engine import READ_ONLY
from .models import InboxRow

INBOX = InboxRow.__table__


class SqlInbox:
    """The `InboxStore` port on the app's database."""

    def __init__(self, engine: Engine):
        self._engine = engine
        self.owner = ""  # who this process is (`Inbox` says), set before the first put
        self._reader = engine.execution_options(**{READ_ONLY: True})

    def put(self, kind: str, team: str | None, channel: str | None, user: str | None,
            args: dict, now: datetime) -> int:
        row = {
            "kind": kind,
            "team_id": team,
            "channel_id": channel,
            "user_id": user,
            "args": args,
            "attempts": 0,
            "received_at": now,
            "claimed_by": self.owner,  # the process that stored it applies it
            "claimed_at": now,
        }
        with self._engine.begin() as connection:
            return connection.execute(insert(INBOX).returning(INBOX.c.id), row).scalar_one()

    def load(self, item_id: int) -> Received | None:
        with self._reader.connect() as connection:
            row = connection.execute(select(INBOX).where(INBOX.c.id == item_id)).first()
        if row is None:
            return None
        return Received(
            id=row.id,
            kind=row.kind,
            team=row.team_id,
            channel=row.channel_id,
            user=row.user_id,
            args=dict(row.args),
            attempts=row.attempts,
        )

    def done(self, item_id: int) -> None:
        with self._engine.begin() as connection:
            connection.execute(delete(INBOX).where(INBOX.c.id == item_id))

    def retry_later(self, item_id: int, now: datetime) -> None:
        """One more failed attempt; the lease starts again, so a sweep retries it later."""
        with self._engine.begin() as connection:
            connection.execute(
                update(INBOX)
                .where(INBOX.c.id == item_id)
                .values(attempts=INBOX.c.attempts + 1, claimed_at=now)
            )

    def owners(self) -> list[str]:
        with self._reader.connect() as connection:
            return list(connection.scalars(select(INBOX.c.claimed_by).distinct()))

    def reclaim(
        self, lease_ended: datetime, gone: list[str], now: datetime, limit: int
    ) -> list[int]:
        """Rows claimed by a process in `gone`, or whose lease ended before
        `lease_ended`, claimed again for this process, oldest first.

        The outer condition repeats the inner one: on PostgreSQL a sweep of another
        process that updated a row first makes this one skip it (the row is checked
        again after the wait), so two sweeps never take the same row."""
        orphan = INBOX.c.claimed_by.in_(gone) | (INBOX.c.claimed_at < lease_ended)
        stale = select(INBOX.c.id).where(orphan).order_by(INBOX.c.id).limit(limit)
        with self._engine.begin() as connection:
            taken = connection.execute(
                update(INBOX)
                .where(INBOX.c.id.in_(stale.scalar_subquery()), orphan)
                .values(claimed_by=self.owner, claimed_at=now)
                .returning(INBOX.c.id)
            )
            return sorted(taken.scalars())
