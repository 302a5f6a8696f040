"""Service tests on the in-memory unit of work: no HTTP, no emulator, no database.

A `World` is one Slack workspace with one group: its facilitator `UF` and the peers
`UA`…`UE` (charter accepted), the clock standing at a fixed moment that tests move
by hand. The renderer is the app's own (`SlackRenderer`), wrapped so a test can see
what the service asked it to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.services import ports
from bot.services.context import Context
from bot.services.deferred import rendered
from bot.services.effects import root_ref
from bot.services.replies import ReplyService
from bot.services.sessions import SessionService
from bot.slack.render import SlackRenderer

from .fakes import FakeStore, FakeUnitOfWorkFactory
from .records import FakeGroup, FakeMember, FakeSession

TEAM, CHANNEL, FACILITATOR = "T1", "C1", "UF"
PEERS = ("UA", "UB", "UC", "UD", "UE")
START = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)  # a Monday


class Clock:
    """The services' clock: it stays where a test puts it."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple
    kwargs: dict


RENDER_METHODS = tuple(
    name for name, value in vars(ports.Renderer).items() if callable(value) and name[0] != "_"
)


class SpyRenderer(SlackRenderer):
    """The app's renderer; every call is also remembered, in order."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        for name in RENDER_METHODS:
            setattr(self, name, self._spy(name, getattr(SlackRenderer, name)))

    def _spy(self, name: str, render: Any):
        def spy(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(Call(name, args, kwargs))
            return render(*args, **kwargs)

        return spy

    def of(self, name: str) -> list[Call]:
        return [call for call in self.calls if call.name == name]


class World:
    """One group in one workspace, with services built on the fakes."""

    def __init__(self) -> None:
        self.store = FakeStore()
        self.factory = FakeUnitOfWorkFactory(self.store)
        self.clock = Clock(START)
        self.renderer = SpyRenderer()
        self.ctx = Context(self.factory, self.clock, self.renderer, default_lang="en")
        self.group = self.add_group(CHANNEL, FACILITATOR, PEERS)
        self._ts = 0

    def add_group(self, channel: str, facilitator: str, peers, **fields: Any) -> FakeGroup:
        t = self.store.t
        group = FakeGroup(t.new_id(), TEAM, channel, f"Group {channel}", facilitator, **fields)
        for user_id in peers:
            member = FakeMember(t.new_id(), group.id, user_id, joined_at=START - timedelta(30))
            member.charter_accepted_at = START - timedelta(days=29)
            group.member_list.append(member)
        t.groups[group.id] = group
        return group

    def member(self, user_id: str) -> FakeMember:
        group = self.store.t.groups[self.group.id]
        return next(m for m in group.member_list if m.user_id == user_id)

    def ts(self) -> str:
        """A fresh Slack message ts."""
        self._ts += 1
        return f"1700000000.{self._ts:06d}"

    def start(self, client: str = "UA", **kwargs: Any) -> FakeSession:
        """Start a session and let Slack take its root message (replies then find it)."""
        view = SessionService(self.ctx).start(TEAM, CHANNEL, FACILITATOR, client, **kwargs)
        self.store.posted_as(root_ref(view.id), CHANNEL, f"root.{view.id}", self.clock())
        return self.store.session(view.id)

    def move_to(self, session: FakeSession, phase: int) -> FakeSession:
        """Walk the session forward, as the facilitator does, up to `phase`."""
        service = SessionService(self.ctx)
        while self.store.session(session.id).phase < phase:
            service.move(TEAM, CHANNEL, FACILITATOR, "next", self.store.session(session.id).phase)
        return self.store.session(session.id)

    def root_ts(self, session: FakeSession) -> str:
        return f"root.{session.id}"

    def sent(self, effect) -> dict:
        """What the dispatcher sends for a queued effect: a board named by a deferred
        payload is rendered now, from the store as it stands."""
        with self.factory() as uow:
            return rendered(uow, self.ctx, effect.payload.as_dict())

    def reply(self, session: FakeSession, user_id: str, text: str, key: str = "") -> str:
        """`user_id` replies in the session's thread; returns the reply's ts."""
        ts = self.ts()
        ReplyService(self.ctx).on_reply(
            TEAM, CHANNEL, self.root_ts(session), user_id, text, ts, key or f"event:{ts}"
        )
        return ts


@pytest.fixture
def world() -> World:
    return World()
