"""The App Home: where each person sees where they stand.

Only groups the person belongs to (or facilitates) appear; an outsider's home
shows no group content at all. The view is published through the outbox, so a
home refresh is committed with the change that caused it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, datetime

from ..domain import ActionStatus, DomainError
from ..domain.session import Status
from .boards import deferred_home
from .context import Context
from .effects import Effect, EffectKind
from .facilitation import facilitator_of
from .reader import user_lang

MAX_SESSIONS, MAX_ITEMS, MAX_LEARNINGS = 6, 12, 10
SETTABLE = (ActionStatus.DONE, ActionStatus.IN_PROGRESS)


@dataclass(frozen=True)
class HomeGroup:
    id: int
    name: str
    channel_id: str
    facilitates: bool
    running_number: int | None = None
    running_phase: int | None = None


@dataclass(frozen=True)
class HomeSession:
    group_name: str
    channel_id: str
    number: int
    status: str
    when: datetime | None
    phase: int | None
    is_client: bool
    tz: str = "UTC"  # the group's zone, for the words under the time token


@dataclass(frozen=True)
class HomeItem:
    id: int
    text: str
    due_on: date | None
    status: str
    group_name: str
    session_number: int


@dataclass(frozen=True)
class HomeLearning:
    text: str
    at: datetime
    group_name: str
    session_number: int


@dataclass(frozen=True)
class HomeView:
    user_id: str
    lang: str
    groups: list[HomeGroup] = field(default_factory=list)
    sessions: list[HomeSession] = field(default_factory=list)
    items: list[HomeItem] = field(default_factory=list)
    learnings: list[HomeLearning] = field(default_factory=list)

    @property
    def led(self) -> list[HomeGroup]:
        return [g for g in self.groups if g.facilitates]


def _facilitates(group, running, user_id: str) -> bool:
    """The group is theirs to run, or (in a peer-run group) its running session is."""
    if group.facilitator_id == user_id:
        return True
    return running is not None and facilitator_of(group, running) == user_id


def build_home(uow, team_id: str, user_id: str, now: datetime, default_lang: str) -> HomeView:
    groups = sorted(uow.groups.of_user(team_id, user_id), key=lambda g: g.name.lower())
    by_id = {g.id: g for g in groups}
    sessions = uow.people.sessions_of(list(by_id))
    running = {s.group_id: s for s in sessions if s.status == Status.RUNNING}
    home_groups = [
        HomeGroup(
            g.id,
            g.name,
            g.channel_id,
            _facilitates(g, running.get(g.id), user_id),
            running[g.id].number if g.id in running else None,
            running[g.id].phase if g.id in running else None,
        )
        for g in groups
    ]
    coming = [
        s
        for s in sessions
        if s.status == Status.RUNNING
        or (s.status == Status.PLANNED and (s.scheduled_at is None or s.scheduled_at >= now))
    ]
    coming.sort(key=lambda s: (s.status != Status.RUNNING, s.scheduled_at or now, s.id))
    numbers = {s.id: (by_id[s.group_id].name, s.number) for s in sessions}
    items = [
        HomeItem(i.id, i.text, i.due_on, i.status, *numbers[i.session_id])
        for i in uow.people.action_items_of(user_id, list(by_id))
        if i.status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
    ]
    learnings = [
        HomeLearning(item.text, item.created_at, *numbers[item.session_id])
        for item in uow.people.learnings_of(user_id, list(by_id))
    ]
    lang = user_lang(uow, user_id, groups[0] if len(groups) == 1 else None, default_lang)
    return HomeView(
        user_id=user_id,
        lang=lang,
        groups=home_groups,
        sessions=[
            HomeSession(
                by_id[s.group_id].name,
                by_id[s.group_id].channel_id,
                s.number,
                s.status,
                s.scheduled_at or s.started_at,
                s.phase,
                s.client_id == user_id,
                by_id[s.group_id].tz or "UTC",
            )
            for s in coming[:MAX_SESSIONS]
        ],
        items=items[:MAX_ITEMS],
        learnings=learnings[:MAX_LEARNINGS],
    )


def _queued(uow) -> set[str]:
    """Who already has a fresh home queued in this unit of work (one per transaction)."""
    queued = getattr(uow, "homes_queued", None)
    if queued is None:
        queued = uow.homes_queued = set()
    return queued


def queue_home(uow, renderer, team_id: str, user_id: str, now, default_lang: str) -> HomeView:
    """Queue a fresh home tab for one person in the caller's transaction (once:
    a second call in the same transaction only builds the view)."""
    view = build_home(uow, team_id, user_id, now, default_lang)
    if user_id in _queued(uow):
        return view
    _queued(uow).add(user_id)
    uow.outbox.add(
        Effect(
            EffectKind.PUBLISH,
            renderer.home_view(view),
            f"home:{user_id}:{now.isoformat()}:{secrets.token_hex(4)}",
            user_id=user_id,
            team_id=team_id,  # the workspace whose token publishes it
        ),
        now,
    )
    return view


def refresh_homes(uow, renderer, team_id: str, user_ids, now, default_lang: str) -> None:
    """Something about these people changed (a session started or ended in their
    group, their plan, an item's status): republish the homes of those who have
    opened theirs before, never to someone who has not. Call it last in the
    transaction, so the home shows the change."""
    wanted = [u for u in dict.fromkeys(user_ids) if u and u not in _queued(uow)]
    readers = uow.people.home_readers(wanted)
    for user_id in wanted:
        if user_id in readers:  # built when it is published (`deferred.py`), not now
            _queued(uow).add(user_id)
            uow.outbox.add(
                Effect(
                    EffectKind.PUBLISH,
                    deferred_home(team_id, user_id),
                    f"home:{user_id}:{now.isoformat()}:{secrets.token_hex(4)}",
                    user_id=user_id,
                    team_id=team_id,
                ),
                now,
            )


def refresh_group_homes(uow, renderer, group, now, default_lang: str) -> None:
    """`refresh_homes` for a group's facilitator and active members."""
    people = [group.facilitator_id, *(m.user_id for m in group.active_members)]
    refresh_homes(uow, renderer, group.team_id, people, now, default_lang)


class HomeService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def publish(self, team_id: str, user_id: str) -> HomeView:
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            view = queue_home(uow, self.ctx.renderer, team_id, user_id, now, self.ctx.default_lang)
            uow.commit()
            return view

    def set_item_status(self, team_id: str, user_id: str, item_id: int, status: str) -> HomeView:
        """The owner marks one of their action items done or in progress, then sees
        the home tab again with the change."""
        if status not in SETTABLE:
            raise DomainError("home.item_unknown")
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            item = uow.people.action_item(item_id)
            if item is None or item.owner_id != user_id:
                raise DomainError("home.item_unknown")
            session = uow.sessions.get(item.session_id)
            mine = {g.id for g in uow.groups.of_user(team_id, user_id)}
            if session is None or session.group_id not in mine:
                raise DomainError("home.item_unknown")
            if item.status != status:
                item.status, item.updated_at = status, now
            view = queue_home(uow, self.ctx.renderer, team_id, user_id, now, self.ctx.default_lang)
            uow.commit()
            return view
