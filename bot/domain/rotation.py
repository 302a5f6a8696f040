"""Who should be the next client: a fair rotation of the turns.

The facilitator picks the client; the rotation only suggests one. Fairness
means fewest turns first, then whoever has waited longest, with the user id
breaking ties so that the suggestion is the same on every replica.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Turns:
    """A member's history as client: how many turns, the last one, and when
    they joined (the start of the wait for someone never client)."""

    user_id: str
    client_turns: int
    last_client_at: datetime | None
    joined_at: datetime

    @property
    def waiting_since(self) -> datetime:
        """The earlier this date, the longer the member has waited."""
        return self.last_client_at if self.last_client_at is not None else self.joined_at


def rotation_order(turns: Iterable[Turns], absent: Collection[str] = ()) -> list[str]:
    """Present members, fairest next client first."""
    present = [t for t in turns if t.user_id not in absent]
    present.sort(key=lambda t: (t.client_turns, t.waiting_since, t.user_id))
    return [t.user_id for t in present]


def suggest_client(turns: Iterable[Turns], absent: Collection[str] = ()) -> str | None:
    """The first of the rotation, or None when nobody is present."""
    order = rotation_order(turns, absent)
    return order[0] if order else None
