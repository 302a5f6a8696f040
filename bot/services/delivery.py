"""Delivering the outbox: each due row once, in order per channel, at Slack's pace.

A failed row is retried with exponential backoff; a 429 waits the `Retry-After`
Slack gave; an error a retry cannot fix ends the row as `dead` with a log line.
On PostgreSQL the row stays locked while it is sent, so another process skips
it; on SQLite (one process) the row is read, sent, then marked, so the database
is never locked while Slack is being called.

Exactly once for messages (POST and DM rows): the row is marked `sending` and
committed before `chat.postMessage`, and the message carries the row's dedupe key
in its metadata. A row still `sending` when it is claimed again means the process
died (or the call failed in a way that does not say whether Slack posted it)
between Slack accepting the message and the row being marked sent: Slack's history
of that channel or thread is searched for the key first, and the message is posted
only if it is not there. The normal path makes no extra Slack call. Updates and
reactions are idempotent (sent twice, they change nothing more); ephemerals, views
and uploads cannot be looked up afterwards, so they stay at least once, and so do
DMs: reading them back would need `im:history`, which the app does not ask for.

The look-up follows Slack's history limits for apps outside the Marketplace (15
messages a page, one call a minute): it reads a page per call, keeps its cursor on
the row between calls, and after `LOOKUP_CALLS` calls posts the message (at least
once rather than never). While it waits for Slack, it does not hold its channel: the
rows queued behind it go on (it may then arrive after them).

Pacing: Slack's one message a second per channel concerns `chat.postMessage`; other
methods (updates, ephemerals, reactions, views, files) follow their own tier and are
not paced. A `Retry-After` pauses that method for that workspace: every row that
would call it waits, not only the one Slack refused. After a tick, `next_tick_in`
says when the earliest message held back by its channel's pace may go, so the
dispatcher ticks then rather than at its next interval.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from .context import Context
from .deferred import rendered
from .effects import Effect, EffectKind, Payload
from .exports import prepare_export
from .outbox_states import OutboxStatus, move
from .ports import DeliveryFailed, Sender

log = logging.getLogger("codev.delivery")

PENDING, SENDING, SENT = OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.SENT
DEAD, CANCELLED, EXPIRED = OutboxStatus.DEAD, OutboxStatus.CANCELLED, OutboxStatus.EXPIRED
# What sending a row found, when it is not the (channel, ts) or None of a call made:
SUPERSEDED = "superseded"  # a later update of the same message is queued
ORPHANED = "orphaned"  # the message it replies to or updates will never be posted
LATER = "later"  # a crash look-up waiting for Slack's history limit
TAKEN = "taken"  # another process claimed the row while it was unlocked
WAIT = "wait"  # the message it replies to or updates is still queued
# the kinds marked `sending` and looked up after a crash
MESSAGES = (EffectKind.POST, EffectKind.DM)
METADATA_EVENT = "codev_outbox"
# How far before the row's due time Slack's history is searched: room for the
# difference between our clock and Slack's.
LOOKBACK = timedelta(minutes=10)
MAX_BACKOFF_SECONDS = 300
WAIT_FOR_ROOT_SECONDS = 2
# Slack calls a crash look-up makes at most (pages of 15, and 429s), before posting.
LOOKUP_CALLS = 6
PACED = MESSAGES  # chat.postMessage: about one a second per channel
# The Web API methods each kind of row calls: what a `Retry-After` pauses.
METHODS: dict[str, tuple[str, ...]] = {
    EffectKind.POST: ("chat.postMessage",),
    EffectKind.DM: ("conversations.open", "chat.postMessage"),
    EffectKind.UPDATE: ("chat.update",),
    EffectKind.EPHEMERAL: ("chat.postEphemeral",),
    EffectKind.REACT: ("reactions.add",),
    EffectKind.PUBLISH: ("views.publish",),
    EffectKind.UPLOAD: ("files.getUploadURLExternal", "files.completeUploadExternal"),
}
LOOKUP_METHODS = ("conversations.history", "conversations.replies")


@dataclass(frozen=True)
class Ready:
    """A row that is not a message, with what its Slack call needs: the payload (a
    board rendered now), the message an update changes, an ephemeral's thread."""

    payload: dict[str, Any]
    target: Any = None  # where the message an update changes was posted
    thread_ts: str | None = None
    export: Any = None  # an export builds its files with the unit of work


class DeliveryService:
    def __init__(
        self,
        ctx: Context,
        sender: Sender,
        pace_seconds: float = 1.0,
        max_attempts: int = 8,
        batch: int = 50,
        grace_seconds: float | None = None,
        on_dead=None,
    ):
        self.ctx = ctx
        # Called with (uow, row, now) when a row is given up, before it is committed.
        self.on_dead = on_dead
        self.sender = sender
        self.pace = pace_seconds
        self.max_attempts = max_attempts
        self.batch = batch
        # A reminder (a row queued before it was due) found more than this late,
        # e.g. after the app was down, is dropped rather than sent out of time.
        self.grace = None if grace_seconds is None else timedelta(seconds=grace_seconds)
        self._last_sent: dict[str | None, float] = {}
        # (team, Web API method) -> until when Slack asked us to wait (Retry-After)
        self._paused: dict[tuple[str | None, str], datetime] = {}
        # when (monotonic) the first message this tick held back for its pace may go
        self._held_until: float | None = None

    def tick(self) -> int:
        """Deliver what is due now; returns how many rows were sent."""
        sent = 0
        self._held_until = None
        skip: set[str | None] = set()  # channels that had a message this tick
        seen: set[int] = set()  # rows handled this tick (each at most once)
        while True:
            outcome = self._deliver_one(skip, seen)
            if outcome is None:
                return sent
            sent += outcome

    def next_tick_in(self) -> float | None:
        """Seconds until a message the last tick held back for its channel's pace may
        go; None when none was held back."""
        if self._held_until is None:
            return None
        return max(0.0, self._held_until - time.monotonic())

    def drain(self, max_rounds: int = 1000) -> int:
        """Deliver until nothing is due (tests and the demo use it)."""
        total = 0
        for _ in range(max_rounds):
            delivered = self.tick()
            total += delivered
            if delivered == 0:
                return total
        return total

    def _deliver_one(self, skip: set[str | None], seen: set[int]) -> int | None:
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            rows = uow.outbox.claim_due(now, self.batch)
            row = next((r for r in rows if r.id not in seen and self._may_go(r, skip)), None)
            if row is None:
                return None
            seen.add(row.id)
            if until := self._pause_of(row, METHODS.get(row.kind, ()), now):
                row.next_attempt_at = until  # Slack paused what it calls, in its workspace
                uow.commit()
                return 0
            if row.status == PENDING and self._stale(row, now):
                row.status, row.last_error = move(row.status, EXPIRED), "missed its grace period"
                log.warning(
                    "outbox row %s (%s) due %s dropped: too late", row.id, row.kind, row.due_at
                )
                uow.commit()
                return 0
            if row.kind in PACED:
                skip.add(row.channel)  # at most one message per channel per tick: pace
            orphan = row.status == SENDING  # its sender died, or could not tell
            try:
                if row.kind in MESSAGES:
                    result = self._send_message(uow, row, now, orphan)
                else:
                    result = self._ready(uow, row)
                    if isinstance(result, Ready):
                        if not uow.outbox.locks_rows:
                            uow.commit()  # SQLite's lock is not held while Slack is called
                        result = self._send(row, result)
            except DeliveryFailed as failure:
                self._failed(row, failure, now, orphan)
                if row.status == DEAD:
                    self._tell_failure(uow, row, now)
                    if self.on_dead is not None:
                        self.on_dead(uow, row, now)
                uow.commit()
                return 0
            if result == SUPERSEDED:
                row.status = move(row.status, OutboxStatus.SUPERSEDED)
                uow.commit()
                skip.discard(row.channel)  # nothing was sent: the channel's next row may go
                return 0
            if result == TAKEN:
                return 0  # another process took the row over while it was unlocked
            if result == ORPHANED:
                row.status = move(row.status, CANCELLED)
                row.last_error = "its message will never be posted"
                log.info("outbox row %s (%s) dropped: its message is not posted", row.id, row.kind)
                uow.commit()
                skip.discard(row.channel)
                return 0
            if result == WAIT:
                row.next_attempt_at = now + timedelta(seconds=WAIT_FOR_ROOT_SECONDS)
                uow.commit()
                return 0
            if result == LATER:  # its look-up waits for Slack's history limit
                uow.commit()
                skip.discard(row.channel)  # nothing was sent: the channel's next row may go
                return 0
            row.status, row.sent_at, row.last_error = move(row.status, SENT), self.ctx.clock(), None
            row.lookup_cursor = None
            if row.ref and result:
                uow.outbox.record_posted(row.ref, result[0], result[1], now)
            uow.commit()
            if row.kind in PACED:
                self._last_sent[row.channel] = time.monotonic()
            return 1

    def _stale(self, row, now) -> bool:
        return (
            self.grace is not None
            and row.due_at > row.created_at
            and now - row.due_at > self.grace
            and row.attempts == 0
        )

    def _may_go(self, row, skip: set[str | None]) -> bool:
        """Only messages are paced per channel; other kinds follow their method's tier."""
        if row.kind not in PACED:
            return True
        last = self._last_sent.get(row.channel)
        if last is None:
            return row.channel not in skip
        if row.channel not in skip and time.monotonic() - last >= self.pace:
            return True
        if self._held_until is None or last + self.pace < self._held_until:
            self._held_until = last + self.pace
        return False

    def _pause(self, team_id: str | None, method: str, until: datetime) -> None:
        key = (team_id, method)
        if key not in self._paused or self._paused[key] < until:
            self._paused[key] = until

    def _pause_of(self, row, methods, now: datetime) -> datetime | None:
        """Until when one of `methods` is paused for the row's workspace, if it is."""
        until = None
        for method in methods:
            paused = self._paused.get((row.team_id, method))
            if paused is not None and paused > now:
                until = paused if until is None else max(until, paused)
        return until

    def _sender_for(self, row) -> Sender:
        """With several workspaces, the sender that holds the row's workspace token;
        a single-token sender (no `for_team`) serves every row."""
        for_team = getattr(self.sender, "for_team", None)
        if for_team and (row.team_id or row.enterprise_id):
            held: Sender = for_team(row.team_id, row.enterprise_id)
            return held
        return self.sender

    def _send_message(self, uow, row, now, orphan: bool):
        """A POST or DM row: `sending` is committed before Slack is called; a row found
        `sending` is first looked up in Slack by its dedupe key."""
        thread_ts = None
        if row.kind == EffectKind.POST and row.thread_ref:
            root = uow.outbox.location(row.thread_ref)
            if root is None:
                return self._missing(uow, row.thread_ref)
            thread_ts = root.ts
        body = self._rendered(uow, row)
        if body is None:
            return ORPHANED
        # The stamp tells this claim from a later one by another process (PostgreSQL
        # unlocks the row at this commit until `reclaim` locks it again).
        stamp = self.ctx.clock()
        row.status, row.next_attempt_at = move(row.status, SENDING), stamp
        uow.commit()
        if not uow.outbox.reclaim(row, SENDING, stamp):
            return TAKEN
        sender = self._sender_for(row)
        if orphan:
            found = self._look_up(sender, row, thread_ts, now)
            if found == LATER:
                return LATER
            if found:
                log.warning(
                    "outbox row %s (%s) was already posted: not posted again", row.id, row.kind
                )
                return found
        payload = {**body, "metadata": message_metadata(row.dedupe_key)}
        if row.kind == EffectKind.DM:
            return sender.dm(row.user_id, payload)
        return sender.post(row.channel, payload, thread_ts)

    def _look_up(self, sender, row, thread_ts, now):
        """(channel, ts) of the message Slack already has for this row; None to post it;
        LATER when Slack's history limit makes the look-up wait (the row is rescheduled,
        its cursor kept).

        A DM, a sender without `find_posted`, a workspace that refuses the look-up, a
        history read to its end or `LOOKUP_CALLS` calls spent: the row is posted (at
        least once), with a log line when it may be a second copy."""
        find = getattr(sender, "find_posted", None)
        if find is None or row.kind == EffectKind.DM:
            if row.kind == EffectKind.DM:
                log.warning("outbox row %s (dm) may have been sent: sending it again", row.id)
            return None
        method = LOOKUP_METHODS[1] if thread_ts else LOOKUP_METHODS[0]
        oldest = max(row.created_at, row.due_at) - LOOKBACK
        while row.lookup_calls < LOOKUP_CALLS:
            row.lookup_calls += 1  # an attempt, even when it waits: bounded
            if until := self._pause_of(row, (method,), now):
                row.next_attempt_at = until  # another look-up of this workspace was refused
                return LATER
            try:
                page = find(
                    row.channel,
                    row.user_id,
                    row.dedupe_key,
                    oldest.timestamp(),
                    thread_ts,
                    row.lookup_cursor,
                )
            except DeliveryFailed as failure:
                if failure.retry_after is not None:
                    until = now + timedelta(seconds=max(failure.retry_after, 1))
                    self._pause(row.team_id, failure.method or method, until)
                    row.next_attempt_at = until
                    log.info(
                        "outbox row %s look-up rate limited, resumes in %ss",
                        row.id,
                        failure.retry_after,
                    )
                    return LATER
                if not failure.permanent:
                    raise
                log.warning("outbox row %s cannot be looked up (%s): posting it", row.id, failure)
                return None
            if page.found:
                return page.found
            row.lookup_cursor = page.cursor
            if not page.cursor:
                return None  # the whole history since the row was queued: not there
        row.lookup_cursor = None
        log.warning(
            "outbox row %s not found in %s calls: posting it (at least once)", row.id, LOOKUP_CALLS
        )
        return None

    def _ready(self, uow, row):
        """What a row that is not a message needs from the database, read before the
        commit that lets SQLite's write lock go: a `Ready`, or why it is not sent."""
        thread_ts, target = None, None
        if row.kind in (EffectKind.UPDATE, EffectKind.PUBLISH) and uow.outbox.newer_update_pending(
            row
        ):
            return SUPERSEDED  # a later render of the same message or home says it all
        if row.kind == EffectKind.UPDATE:
            target = uow.outbox.location(row.target_ref)
            if target is None:
                return self._missing(uow, row.target_ref)
        elif row.kind == EffectKind.EPHEMERAL:
            if row.thread_ref and (root := uow.outbox.location(row.thread_ref)):
                thread_ts = root.ts
        elif row.kind == EffectKind.EXPORT:
            return Ready(row.payload, export=partial(prepare_export, uow, self.ctx))
        payload = self._rendered(uow, row)
        if payload is None:
            return ORPHANED
        return Ready(payload, target, thread_ts)

    def _rendered(self, uow, row) -> dict[str, Any] | None:
        """The row's payload; a board it names is rendered now and kept on the row, so
        the row says what was sent (and a message's retry posts what may have landed)."""
        payload = rendered(uow, self.ctx, row.payload)
        if payload is not None and payload is not row.payload:
            row.payload = payload
        return payload

    def _send(self, row, ready: Ready):
        payload = ready.payload
        sender = self._sender_for(row)
        if row.kind == EffectKind.UPDATE:
            sender.update(ready.target.channel, ready.target.ts, payload)
            return None
        if row.kind == EffectKind.EPHEMERAL:
            sender.ephemeral(row.channel, row.user_id, payload, ready.thread_ts)
            return None
        if row.kind == EffectKind.REACT:
            sender.react(row.channel, payload["name"], payload["timestamp"])
            return None
        if row.kind == EffectKind.PUBLISH:
            sender.publish(row.user_id, payload)
            return None
        if row.kind == EffectKind.UPLOAD:
            channel = None if row.channel == row.user_id else row.channel
            sender.upload(channel, row.user_id, payload)
            return None
        if row.kind == EffectKind.EXPORT:
            ready.export(sender, row, self.ctx.clock())
            return None
        raise DeliveryFailed(f"unknown effect kind {row.kind}", permanent=True)

    def _missing(self, uow, ref: str):
        """A reply or update whose message is not posted yet waits while a row that
        will post it is queued; when none is (cancelled, given up, expired), nothing
        will: this row is dropped too, so it never holds its channel."""
        if uow.outbox.ref_is_coming(ref):
            return WAIT
        return ORPHANED

    def _tell_failure(self, uow, row, now) -> None:
        """A row given up may carry the DM that tells its requester (a failed export), or
        someone else (`to`: the facilitator of an unreachable member, once per `key`)."""
        notice = (row.payload or {}).get("failure_notice")
        to = (notice or {}).get("to") or row.user_id
        if notice and to:
            uow.outbox.add(
                Effect(
                    EffectKind.DM,
                    Payload(notice.get("text", ""), notice.get("blocks", [])),
                    (notice.get("key") or f"failed:{row.dedupe_key}")[:200],
                    user_id=to,
                ),
                now,
            )

    def _failed(self, row, failure: DeliveryFailed, now, orphan: bool = False) -> None:
        """A message row stays `sending` (looked up before the retry posts it) unless
        Slack's answer proves nothing was posted: a 429 to a fresh post."""
        row.last_error = failure.error[:500]
        if row.status == SENDING and failure.retry_after is not None and not orphan:
            row.status = move(row.status, PENDING)
        if failure.retry_after is not None:
            row.next_attempt_at = now + timedelta(seconds=max(failure.retry_after, 1))
            for method in (failure.method,) if failure.method else METHODS.get(row.kind, ()):
                self._pause(row.team_id, method, row.next_attempt_at)
            log.info("outbox row %s rate limited, retry in %ss", row.id, failure.retry_after)
            return
        row.attempts += 1
        if failure.permanent or row.attempts >= self.max_attempts:
            row.status = move(row.status, DEAD)
            log.warning(
                "outbox row %s (%s) given up after %s attempts: %s",
                row.id,
                row.kind,
                row.attempts,
                failure.error,
            )
            return
        backoff = min(2**row.attempts, MAX_BACKOFF_SECONDS)
        row.next_attempt_at = now + timedelta(seconds=backoff)
        log.info("outbox row %s failed (%s), retry in %ss", row.id, failure.error, backoff)


def message_metadata(dedupe_key: str) -> dict[str, Any]:
    """Slack message metadata naming the outbox row a message comes from."""
    return {"event_type": METADATA_EVENT, "event_payload": {"key": dedupe_key}}
