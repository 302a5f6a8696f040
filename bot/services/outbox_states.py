"""The life of an outbox row: its statuses and the moves allowed between them.

Persistence (queries that claim, cancel or prune rows) and delivery (which sends
them) both read this one table, so a status is spelled once and a move that the
design does not allow fails loudly instead of leaving a row in a state nobody
handles.

    pending ──► sending ──► sent
       │  ▲        │
       │  └────────┤ (a 429 to a fresh post: nothing reached Slack)
       │           ├──► dead | cancelled
       ├──► sent | dead | cancelled | expired | superseded

A row is `sending` only for messages (POST and DM), committed before
`chat.postMessage`; a `sending` row claimed again is looked up in Slack first, and
stays `sending` while it is sent once more. Finished rows never move again.
"""

from __future__ import annotations

from enum import StrEnum


class OutboxStatus(StrEnum):
    PENDING = "pending"  # queued; due at `due_at`, retried at `next_attempt_at`
    SENDING = "sending"  # a message whose chat.postMessage may have reached Slack
    SENT = "sent"
    DEAD = "dead"  # given up: an error a retry cannot fix, or too many attempts
    CANCELLED = "cancelled"  # withdrawn (a session moved, a person erased, its thread gone)
    EXPIRED = "expired"  # a reminder found too late to be worth sending
    SUPERSEDED = "superseded"  # an update made useless by a later render of the message


DELIVERABLE: tuple[OutboxStatus, ...] = (OutboxStatus.PENDING, OutboxStatus.SENDING)
FINISHED: tuple[OutboxStatus, ...] = (
    OutboxStatus.SENT,
    OutboxStatus.DEAD,
    OutboxStatus.CANCELLED,
    OutboxStatus.EXPIRED,
    OutboxStatus.SUPERSEDED,
)

TRANSITIONS: dict[OutboxStatus, frozenset[OutboxStatus]] = {
    OutboxStatus.PENDING: frozenset(
        {
            OutboxStatus.SENDING,
            OutboxStatus.SENT,
            OutboxStatus.DEAD,
            OutboxStatus.CANCELLED,
            OutboxStatus.EXPIRED,
            OutboxStatus.SUPERSEDED,
        }
    ),
    OutboxStatus.SENDING: frozenset(
        {
            OutboxStatus.SENDING,  # claimed again after a crash, and sent once more
            OutboxStatus.PENDING,  # Slack refused a fresh post with a 429: nothing was posted
            OutboxStatus.SENT,
            OutboxStatus.DEAD,
            OutboxStatus.CANCELLED,
        }
    ),
    **{finished: frozenset() for finished in FINISHED},
}


class IllegalOutboxMove(ValueError):
    """A move the outbox's state machine does not allow (a bug, never user input)."""


def may_move(current: str, target: OutboxStatus) -> bool:
    """Whether a row in `current` may go to `target`."""
    return target in TRANSITIONS.get(OutboxStatus(current), frozenset())


def move(current: str, target: OutboxStatus) -> OutboxStatus:
    """`target`, once checked against the table; raises IllegalOutboxMove otherwise."""
    if not may_move(current, target):
        raise IllegalOutboxMove(f"an outbox row cannot go from {current} to {target}")
    return target


def sources_of(target: OutboxStatus) -> tuple[OutboxStatus, ...]:
    """The statuses a row may be in to go to `target` (what a bulk update may match)."""
    return tuple(status for status in OutboxStatus if target in TRANSITIONS[status])
