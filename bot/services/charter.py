"""The group's charter: shown to members, accepted once by each of them.

A group without its own text uses the default charter (confidentiality,
kindness, no judgement, attendance), written in both languages in the catalog.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain import DomainError
from .common import Context, require_group, user_lang


@dataclass(frozen=True)
class CharterView:
    lang: str
    group_name: str
    custom_text: str | None
    accepted_at: datetime | None
    is_peer: bool


def _member(group, user_id):
    return next((m for m in group.active_members if m.user_id == user_id), None)


class CharterService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def show(self, team_id, channel_id, user_id) -> CharterView:
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            member = _member(group, user_id)
            if member is None and user_id != group.facilitator_id:
                raise DomainError("rules.not_member")
            return CharterView(
                user_lang(uow, user_id, group, self.ctx.default_lang),
                group.name,
                group.charter,
                member.charter_accepted_at if member else None,
                member is not None,
            )

    def accept(self, team_id, channel_id, user_id) -> CharterView:
        """Stored once: a second click keeps the first acceptance's time."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            member = _member(group, user_id)
            if member is None:
                raise DomainError("charter.peers_only")
            if member.charter_accepted_at is None:
                member.charter_accepted_at = now
            view = CharterView(
                user_lang(uow, user_id, group, self.ctx.default_lang),
                group.name,
                group.charter,
                member.charter_accepted_at,
                True,
            )
            uow.commit()
            return view
