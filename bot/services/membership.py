"""Finding a channel's group (or a row's) and judging, by the rules table, what a person
may do in it."""

from __future__ import annotations

from ..domain import Action, DomainError, Group, Role, authorize, permit
from .ports import UnitOfWork
from .records import GroupRecord


def require_group(uow: UnitOfWork, team_id: str, channel_id: str) -> GroupRecord:
    group = uow.groups.by_channel(team_id, channel_id)
    if group is None:
        raise DomainError("group.none_here")
    return group


def group_of(uow: UnitOfWork, group_id: int) -> GroupRecord:
    """The group a session or a plan belongs to: a group outlives its sessions."""
    group = uow.groups.get(group_id)
    if group is None:
        raise LookupError(f"group {group_id} of a stored row is gone")
    return group


def as_domain_group(group) -> Group:
    return Group(
        facilitator_id=group.facilitator_id,
        peers=[m.user_id for m in group.active_members],
    )


def group_role(group, user_id: str) -> Role:
    """The role the rules table judges a command about the group by."""
    if user_id == group.facilitator_id:  # known without loading the members
        return Role.FACILITATOR
    return as_domain_group(group).role_of(user_id)


def require_right(group, user_id: str, action: Action) -> None:
    """Refuse, with the rules table's reason, unless `user_id` may do `action` in this
    group (a command about the group: no session phase is involved)."""
    permit(action, group_role(group, user_id))


def may(group, user_id: str, action: Action) -> bool:
    """Whether `user_id` may do `action` in this group, by the rules table."""
    return authorize(action, group_role(group, user_id)).allowed
