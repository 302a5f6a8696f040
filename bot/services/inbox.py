"""Requests acknowledged first, applied just after: the inbox.

A thread reply or a next-phase click brings something to keep, and Slack waits for
the ack. The ack path stores the request (one INSERT and its COMMIT: what it brings is
durable before Slack hears back) and the process applies it a few milliseconds later,
on the inbox worker's thread, in the order it came. So an ack costs the same whatever
the request sets off, and a burst of clicks waits on nothing but that INSERT.

Nothing is lost between the two: a row stays until its use case ran. A process that
dies in between leaves its rows behind: a process of the same host sees at once that
it is gone (its pid runs no more, or runs this very process again) and applies them
first thing; elsewhere their lease runs out and the next sweep of any process does.
Applying twice is harmless: every deferred use case recognises a request it has
already applied (the event's key, or the phase a move leaves). A refusal is told to
the person privately, as the ack would have.
"""

from __future__ import annotations

import logging
import os
import queue
import socket
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from ..domain import DomainError
from .context import Context
from .notices import Answer, NoticeService

log = logging.getLogger("codev.inbox")

LEASE_SECONDS = 10.0  # a row claimed longer ago than this: its process is gone
MAX_ATTEMPTS = 5  # a request whose use case failed this often is given up, its author told
RETRY_SECONDS = 0.25  # the first pause before a failed request is tried again
MAX_RETRY_PAUSE = 5.0
QUICK_RETRIES = 40  # about three minutes of pauses; then the lease's sweep takes over
SWEEP_BATCH = 50


@dataclass(frozen=True)
class Received:
    """A stored request: its kind, where it came from, and its use case's arguments."""

    id: int
    kind: str
    team: str | None
    channel: str | None
    user: str | None
    args: dict[str, Any]
    attempts: int


@dataclass(frozen=True)
class Owner:
    """Who applies a stored request: a process, by host, pid and a token of its start."""

    host: str
    pid: int
    token: str

    def __str__(self) -> str:
        return f"{self.host}:{self.pid}:{self.token}"

    @classmethod
    def this_process(cls) -> Owner:
        return cls(socket.gethostname()[:80], os.getpid(), uuid.uuid4().hex[:12])

    @classmethod
    def parse(cls, text: str) -> Owner | None:
        parts = text.rsplit(":", 2)
        if len(parts) != 3 or not parts[1].isdigit():
            return None
        return cls(parts[0], int(parts[1]), parts[2])

    def sees_gone(self, other: Owner) -> bool:
        """Whether `other` has surely stopped, as this process can tell: an earlier life
        of this very pid, or a pid of this host that runs no more. A process elsewhere
        (or a pid now taken by another process) is waited for until its lease ends."""
        if other.host != self.host:
            return False
        if other.pid == self.pid:
            return other.token != self.token
        try:
            os.kill(other.pid, 0)
        except ProcessLookupError:
            return True
        except OSError:  # it runs, under another user
            return False
        return False


class InboxStore(Protocol):
    """Where requests wait between their ack and their use case."""

    def put(
        self,
        kind: str,
        team: str | None,
        channel: str | None,
        user: str | None,
        args: dict[str, Any],
        now: datetime,
    ) -> int: ...
    def load(self, item_id: int) -> Received | None: ...
    def done(self, item_id: int) -> None: ...
    def retry_later(self, item_id: int, now: datetime) -> None: ...
    def owners(self) -> list[str]: ...
    def reclaim(
        self, lease_ended: datetime, gone: list[str], now: datetime, limit: int
    ) -> list[int]: ...

    owner: str  # this process, as `claimed_by` names it


Handler = Callable[..., None]


class Inbox:
    """Stores requests at the ack (`accept`) and applies them (`apply`, called by the
    inbox worker); `settle` waits until what this process accepted is applied."""

    def __init__(
        self,
        ctx: Context,
        store: InboxStore,
        notices: NoticeService,
        handlers: Mapping[str, Handler],
        lease_seconds: float = LEASE_SECONDS,
        retry_seconds: float = RETRY_SECONDS,
    ):
        self.ctx, self.store, self.notices = ctx, store, notices
        self.owner = Owner.this_process()
        store.owner = str(self.owner)
        self.handlers = dict(handlers)
        self.lease = timedelta(seconds=lease_seconds)
        self.retry_seconds = retry_seconds
        self._tries: dict[int, int] = {}  # quick retries of this process, by item
        # ids of stored requests, reads to answer (callables), None: the worker stops
        self.ready: queue.Queue[int | Callable[[], None] | None] = queue.Queue()
        self._pending = 0
        self._quiet = threading.Condition()

    def accept(
        self, kind: str, team: str | None, channel: str | None, user: str | None, **args: Any
    ) -> None:
        """Store a request of `kind` (its use case's keyword arguments) and hand it to
        the worker. Raises when the database cannot store it: Slack then retries."""
        if kind not in self.handlers:
            raise KeyError(f"no use case for inbox requests of kind {kind!r}")
        item_id = self.store.put(kind, team, channel, user, args, self.ctx.clock())
        self.submit(item_id)

    def later(self, read: Callable[[], None]) -> None:
        """Answer a read on the worker, after what was acknowledged before it: it
        stores nothing (if the process dies first, the person asks again), and it sees
        every earlier request applied."""
        self.submit(read)

    def counted(self, work: Callable[[], None]) -> Callable[[], None]:
        """`work` that `settle` waits for, run by the caller on a thread of its own (a
        read's answer on its way to Slack)."""
        with self._quiet:
            self._pending += 1

        def run() -> None:
            try:
                work()
            finally:
                self.finished()

        return run

    def submit(self, item: int | Callable[[], None]) -> None:
        with self._quiet:
            self._pending += 1
        self.ready.put(item)

    def finished(self) -> None:
        """The worker is through with one item it took from `ready` (or counted work
        is done)."""
        with self._quiet:
            self._pending -= 1
            if self._pending <= 0:
                self._quiet.notify_all()

    def settle(self, timeout: float = 30.0) -> bool:
        """Wait until every request this process accepted has been applied (tests, a
        graceful stop). False if some are still waiting after `timeout` seconds."""
        with self._quiet:
            return self._quiet.wait_for(lambda: self._pending <= 0, timeout)

    def apply(self, item_id: int) -> None:
        """Run a stored request's use case, then drop the row. A refusal is told to
        the person; a failure is tried again soon, and by the sweep if this process
        stops first; a request that always fails is at last given up, and its author
        told."""
        try:
            item = self.store.load(item_id)
        except Exception:  # noqa: BLE001 - the database is away: soon again
            self._retry_soon(item_id)
            return
        if item is None:
            self._tries.pop(item_id, None)
            return  # applied already (a sweep of another process took it)
        told: tuple[str, dict[str, Any]] | None = None
        try:
            self.handlers[item.kind](**item.args)
        except DomainError as refusal:
            told = (refusal.key, refusal.params)
        except Exception as error:  # noqa: BLE001 - kept for a later attempt, and logged
            self._failed(item, error)
            return
        try:
            if told is not None:  # told once: the notice's key is the request's
                self._tell(item, *told)
            self.store.done(item.id)
        except Exception:  # noqa: BLE001 - applied; the next attempt finds it so, and drops it
            self._retry_soon(item.id)
            return
        self._tries.pop(item_id, None)

    def _retry_soon(self, item_id: int) -> None:
        """Hand the item to the worker again after a pause that doubles each time (the
        database restarting); after QUICK_RETRIES the sweep's lease takes over."""
        tries = self._tries[item_id] = self._tries.get(item_id, 0) + 1
        if tries > QUICK_RETRIES:
            self._tries.pop(item_id, None)
            return
        with self._quiet:
            self._pending += 1  # `settle` waits for it too
        pause = min(self.retry_seconds * 2 ** (tries - 1), MAX_RETRY_PAUSE)
        timer = threading.Timer(pause, self.ready.put, (item_id,))
        timer.daemon = True
        timer.start()

    def sweep(self) -> int:
        """Hand the worker the rows of a process that is gone, and those whose lease ran
        out (their process died elsewhere, or failed to apply them); how many."""
        now = self.ctx.clock()
        gone = [
            text
            for text in self.store.owners()
            if (owner := Owner.parse(text)) is not None and self.owner.sees_gone(owner)
        ]
        taken = self.store.reclaim(now - self.lease, gone, now, SWEEP_BATCH)
        for item_id in taken:
            self.submit(item_id)
        return len(taken)

    def _failed(self, item: Received, error: Exception) -> None:
        ref = uuid.uuid4().hex[:8]
        # the type only: a failed write's message can quote what the person typed
        log.error(
            "inbox request %s (%s) failed, attempt %d: %s",
            ref, item.kind, item.attempts + 1, type(error).__name__,
            extra={"error_id": ref},
        )
        try:
            if item.attempts + 1 < MAX_ATTEMPTS:
                self.store.retry_later(item.id, self.ctx.clock())  # counts the attempt
                self._retry_soon(item.id)
                return
            self._tell(item, "error.unexpected", {"ref": ref})
            self.store.done(item.id)
            self._tries.pop(item.id, None)
        except Exception:  # noqa: BLE001 - the database is away too
            self._retry_soon(item.id)

    def _tell(self, item: Received, key: str, params: Mapping[str, Any]) -> None:
        if not (item.channel and item.user):
            return
        answer = Answer(item.channel, item.user, f"inbox:{item.id}")
        self.notices.tell(item.team, answer, key, **params)
