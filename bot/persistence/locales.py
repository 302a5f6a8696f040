"""Queries of people's Slack locales: who is to be looked up, their answers, and the
queued DMs to render again once a person's language is known or changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, or_, select, union, update
from sqlalchemy.orm import Session

from ..services.effects import EffectKind
from ..services.outbox_states import OutboxStatus
from ..services.records import WantedLocale
from .models import GroupRow, MemberRow, OutboxRow, SessionRow, UserLocaleRow, UserPrefRow

PENDING = OutboxStatus.PENDING


@dataclass(frozen=True)
class Wanted:
    """A person whose locale is to be read: `due_at` is the mark seen (None: nobody
    marked them, they are in a group without an answer yet)."""

    user_id: str
    team_id: str | None
    due_at: datetime | None


class LocaleRepository:
    def __init__(self, db: Session):
        self.db = db

    def get(self, user_id: str) -> UserLocaleRow | None:
        return self.db.get(UserLocaleRow, user_id)

    def wanted(self, now: datetime, limit: int) -> list[Wanted]:
        """Who is to be looked up: those marked (a `user_change`, an App Home visit), and
        everyone in a group (peer or facilitator) with no answer and no language of
        their own. A join or an addition needs no mark: the membership itself says it."""
        marked = (
            select(UserLocaleRow.user_id, UserLocaleRow.team_id, UserLocaleRow.due_at)
            .where(UserLocaleRow.due_at <= now)
            .order_by(UserLocaleRow.due_at)
            .limit(limit)
        )
        found = [Wanted(*row) for row in self.db.execute(marked)]
        if len(found) >= limit:
            return found
        answered = exists().where(UserLocaleRow.user_id == _people.c.user_id)
        chose = exists().where(
            UserPrefRow.user_id == _people.c.user_id, UserPrefRow.lang.is_not(None)
        )
        unknown = (
            select(_people.c.user_id, _people.c.team_id)
            .where(~answered, ~chose)
            .limit(limit - len(found))
        )
        seen = {w.user_id for w in found}
        for user_id, team_id in self.db.execute(unknown):
            if user_id not in seen:
                seen.add(user_id)
                found.append(Wanted(user_id, team_id, None))
        return found

    def want(self, user_id: str, team_id: str | None, now: datetime) -> bool:
        """Mark someone with no answer yet to be looked up; False if they have one."""
        if self.db.get(UserLocaleRow, user_id) is not None:
            return False
        self.db.add(UserLocaleRow(user_id=user_id, team_id=team_id, due_at=now))
        return True

    def changed(self, user_id: str, team_id: str | None, locale: str | None, now) -> int:
        """Slack says this person's profile changed: look them up again, unless the
        event carries the very locale already kept (a status change, a new photo).
        Only people already known are touched: the event comes for everyone."""
        stmt = update(UserLocaleRow).where(UserLocaleRow.user_id == user_id)
        if locale:
            stmt = stmt.where(or_(UserLocaleRow.locale.is_(None), UserLocaleRow.locale != locale))
        values = {"due_at": now}
        if team_id:
            values["team_id"] = team_id
        return self.db.execute(stmt.values(**values)).rowcount or 0

    def answer(
        self,
        wanted: WantedLocale,
        locale: str | None,
        lang: str | None,
        now: datetime,
    ) -> tuple[bool, str | None]:
        """Keep Slack's answer for a person; (kept, the language it gave before).

        Not kept when the person was marked again since they were read (a newer
        `user_change`): the next run reads them again."""
        row = self.db.get(UserLocaleRow, wanted.user_id, with_for_update=True)
        if row is None:
            row = UserLocaleRow(user_id=wanted.user_id, team_id=wanted.team_id)
            self.db.add(row)
            before = None
        elif row.due_at is not None and row.due_at != wanted.due_at:
            return False, row.lang
        else:
            before = row.lang
        row.locale, row.lang, row.due_at, row.checked_at = locale, lang, None, now
        return True, before

    def later(self, wanted: WantedLocale, when: datetime) -> None:
        """Slack could not answer now: try this person again from `when`."""
        row = self.db.get(UserLocaleRow, wanted.user_id)
        if row is None:
            self.db.add(UserLocaleRow(user_id=wanted.user_id, team_id=wanted.team_id, due_at=when))
        elif row.due_at == wanted.due_at:
            row.due_at = when

    # --- DMs queued for a person, to render again in their language
    def queued_dms(self, user_id: str) -> list[OutboxRow]:
        """The person's DMs still waiting (not being sent) that belong to a session."""
        stmt = select(OutboxRow).where(
            OutboxRow.user_id == user_id,
            OutboxRow.kind == EffectKind.DM,
            OutboxRow.status == PENDING,
            OutboxRow.session_id.is_not(None),
        )
        return list(self.db.scalars(stmt.order_by(OutboxRow.id)))

    def queued_dms_facilitated_by(self, user_id: str) -> list[OutboxRow]:
        """Others' DMs still waiting in the groups this person facilitates: they carry
        the notice the facilitator gets if the DM cannot be delivered."""
        stmt = (
            select(OutboxRow)
            .join(SessionRow, SessionRow.id == OutboxRow.session_id)
            .join(GroupRow, GroupRow.id == SessionRow.group_id)
            .where(
                GroupRow.facilitator_id == user_id,
                OutboxRow.kind == EffectKind.DM,
                OutboxRow.status == PENDING,
                OutboxRow.user_id != user_id,
            )
        )
        return list(self.db.scalars(stmt.order_by(OutboxRow.id)))


# Everyone in a group: its active peers and its facilitator, with the group's workspace.
_people = union(
    select(MemberRow.user_id.label("user_id"), GroupRow.team_id.label("team_id"))
    .join(GroupRow, GroupRow.id == MemberRow.group_id)
    .where(MemberRow.left_at.is_(None)),
    select(GroupRow.facilitator_id.label("user_id"), GroupRow.team_id.label("team_id")),
).subquery("people")
