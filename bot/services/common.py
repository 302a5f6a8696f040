"""Small pieces every use case shares: finding the group, the reader's language."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import DomainError, Group
from .ports import Clock, Renderer, UnitOfWork, UnitOfWorkFactory

LANGS = ("fr", "en")


@dataclass
class Context:
    """What every service is built with (wired in bootstrap)."""

    uow_factory: UnitOfWorkFactory
    clock: Clock
    renderer: Renderer
    default_lang: str = "fr"


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


def user_lang(uow: UnitOfWork, user_id: str, group=None, default: str = "fr") -> str:
    """A person's own language, else their group's, else the app's default."""
    return uow.prefs.lang(user_id) or (group.lang if group is not None else None) or default


class InvalidFields(DomainError):
    """A form with problems, field by field (block id → i18n key), for modal errors."""

    def __init__(self, errors: dict[str, tuple[str, dict]]):
        super().__init__("form.invalid")
        self.errors = errors


def group_payload_key(group_id: int, what: str, stamp: str) -> str:
    """Dedupe keys for group-level messages, unique per change."""
    return f"group:{group_id}:{what}:{stamp}"
