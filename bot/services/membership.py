"""Finding the group of a channel and checking that a person belongs to it (or runs it)."""

from __future__ import annotations

from ..domain import DomainError, Group
from .ports import UnitOfWork


def require_group(uow: UnitOfWork, team_id: str, channel_id: str):
    group = uow.groups.by_channel(team_id, channel_id)
    if group is None:
        raise DomainError("group.none_here")
    return group


def as_domain_group(group) -> Group:
    return Group(
        facilitator_id=group.facilitator_id,
        peers=[m.user_id for m in group.active_members],
    )


def require_member(group, user_id: str) -> None:
    if not as_domain_group(group).is_member(user_id):
        raise DomainError("rules.not_member")


def require_facilitator(group, user_id: str) -> None:
    if group.facilitator_id != user_id:
        raise DomainError("rules.facilitator_only")
