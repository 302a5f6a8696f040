"""A codéveloppement group: a facilitator and up to eight peers.

The method works with small groups; beyond eight peers everyone waits too
long for a turn as client, so the limit is enforced here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .errors import GroupFull, NotAMember
from .roles import Role

MAX_PEERS = 8
# Below four consultants a case gets too few angles; five to seven is what the method
# advises. The facilitator may still start a smaller session once warned.
MIN_CONSULTANTS = 4
ADVISED_CONSULTANTS = (5, 7)


def too_few_consultants(count: int) -> bool:
    """A session with `count` consultants needs the facilitator's go-ahead."""
    return count < MIN_CONSULTANTS


@dataclass
class Group:
    """Membership of one group. The facilitator may also be one of the peers
    (a member who facilitates) or stay outside them (an outside coach)."""

    facilitator_id: str
    peers: list[str] = field(default_factory=list)

    def is_member(self, user_id: str) -> bool:
        """Members may act in the group; the facilitator is always one."""
        return user_id == self.facilitator_id or user_id in self.peers

    def role_of(self, user_id: str) -> Role:
        """The role the rules table judges a command about the group by."""
        if user_id == self.facilitator_id:
            return Role.FACILITATOR
        return Role.MEMBER if user_id in self.peers else Role.OUTSIDER

    def add_peers(self, user_ids: Iterable[str]) -> list[str]:
        """Add the users not yet peers and return those actually added.

        Users already in the group, repeats in the request and the facilitator
        (already a member) are skipped, so a repeated command is harmless. The
        size check happens before any change: a refused request adds nobody.
        """
        newcomers: list[str] = []
        for user_id in user_ids:
            if user_id in self.peers or user_id in newcomers or user_id == self.facilitator_id:
                continue
            newcomers.append(user_id)
        if len(self.peers) + len(newcomers) > MAX_PEERS:
            raise GroupFull(
                "group.full", max=MAX_PEERS, current=len(self.peers), asked=len(newcomers)
            )
        self.peers.extend(newcomers)
        return newcomers

    def remove_peer(self, user_id: str) -> None:
        """Remove a peer; refusing an unknown user tells the caller it was a typo."""
        if user_id not in self.peers:
            raise NotAMember("group.not_a_member")
        self.peers.remove(user_id)

    def consultants_for(self, client_id: str) -> list[str]:
        """The peers who consult for `client_id`: everyone but the client and
        the facilitator, who guides the process instead of advising."""
        return [p for p in self.peers if p not in (client_id, self.facilitator_id)]
