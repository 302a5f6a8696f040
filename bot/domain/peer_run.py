"""Peer-run groups: the facilitator role rotates among the peers.

Each session names its facilitator. The rotation suggests one the way it
suggests a client: fewest turns as facilitator first, then whoever has waited
longest, and never the session's own client (nobody facilitates their own case).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime

from .errors import DomainError
from .rotation import Turns, rotation_order


@dataclass(frozen=True)
class FacilitatorTurns:
    """A peer's history as facilitator."""

    user_id: str
    turns: int
    last_at: datetime | None
    joined_at: datetime


def facilitator_order(
    turns: Iterable[FacilitatorTurns], client_id: str, absent: Collection[str] = ()
) -> list[str]:
    """Present peers other than the client, fairest next facilitator first."""
    as_turns = [Turns(t.user_id, t.turns, t.last_at, t.joined_at) for t in turns]
    return rotation_order(as_turns, {*absent, client_id})


def suggest_facilitator(
    turns: Iterable[FacilitatorTurns], client_id: str, absent: Collection[str] = ()
) -> str | None:
    """The first of the facilitators' rotation, or None when nobody else is present."""
    order = facilitator_order(turns, client_id, absent)
    return order[0] if order else None


def check_facilitator(facilitator_id: str, client_id: str, members: Collection[str]) -> None:
    """A session's facilitator is a member of the group, and not its client."""
    if facilitator_id == client_id:
        raise DomainError("peer_run.own_case")
    if facilitator_id not in members:
        raise DomainError("peer_run.not_member")


class NeedsFacilitator(DomainError):
    """A peer-run session starts once someone is named to facilitate it; carries the
    client and the rotation's suggestion for the question."""
