"""The group's charter: shown to members, accepted once by each of them.

A group without its own text uses the default charter (confidentiality,
kindness, no judgement, attendance), written in both languages in the catalog;
the facilitator may replace it with the group's own text, shown as written.
A peer who has not accepted it does not take part yet: their thread reply is
not recorded, and they get the charter privately with the Accept button (so
does a client whose session starts). Editing the text keeps the acceptances
given: the group is shown the new text in its channel.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain import Action, DomainError, clean_text
from .context import Context
from .effects import Effect, EffectKind
from .forms import InvalidFields
from .membership import require_group, require_right
from .notices import Answer, ephemeral
from .reader import user_lang

CHARTER_FIELD = "charter_text"


@dataclass(frozen=True)
class CharterView:
    lang: str
    group_name: str
    custom_text: str | None
    accepted_at: datetime | None
    is_peer: bool
    channel_id: str = ""


def _member(group, user_id):
    return next((m for m in group.active_members if m.user_id == user_id), None)


def needs_charter(group, user_id: str) -> bool:
    """A peer who has not accepted the charter yet (a facilitator from outside never does)."""
    member = _member(group, user_id)
    return member is not None and member.charter_accepted_at is None


def charter_view(uow, ctx, group, user_id) -> CharterView:
    member = _member(group, user_id)
    return CharterView(
        user_lang(uow, user_id, group, ctx.default_lang),
        group.name,
        group.charter,
        member.charter_accepted_at if member else None,
        member is not None,
        group.channel_id,
    )


def queue_charter_prompt(uow, ctx, group, user_id, key, now, row=None) -> None:
    """The charter with its Accept button, privately: in the session's thread for a
    reply that was held (`row`), else by DM."""
    payload = ctx.renderer.charter_prompt(charter_view(uow, ctx, group, user_id), row is not None)
    if row is not None:
        effect = ephemeral(row.channel_id, user_id, payload, key, row.id)
    else:
        effect = Effect(EffectKind.DM, payload, key, user_id=user_id)
    uow.outbox.add(effect, now)


class CharterService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def show(self, team_id, channel_id, user_id) -> CharterView:
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.VIEW_GROUP)
            return charter_view(uow, self.ctx, group, user_id)

    def accept(self, team_id, channel_id, user_id, answer: Answer | None = None) -> CharterView:
        """Stored once: a second click keeps the first acceptance's time. With `answer`,
        the person's thanks are queued in the same unit of work."""
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
            if answer is not None:
                answer.queue(uow, now, self.ctx.renderer.notice(view.lang, "charter.accepted"))
            uow.commit()
            return view

    def edit_form(self, team_id, channel_id, user_id) -> tuple[str, str]:
        """The facilitator's language and the text to start from (the group's own,
        else the default one in the group's language)."""
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.MANAGE_GROUP)
            lang = user_lang(uow, user_id, group, self.ctx.default_lang)
            return lang, group.charter or self.ctx.renderer.default_charter(group.lang)

    def edit(self, team_id, channel_id, user_id, text: str) -> str:
        """Store the group's own charter (the default text, left as is, stays the
        bilingual default) and show it in the channel. Returns the editor's language."""
        try:
            body = clean_text(text)
        except DomainError as problem:
            raise InvalidFields({CHARTER_FIELD: (problem.key, problem.params)}) from problem
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.MANAGE_GROUP)
            defaults = {
                " ".join(self.ctx.renderer.default_charter(lang).split()) for lang in ("fr", "en")
            }
            group.charter = None if " ".join(body.split()) in defaults else body
            group.updated_at = now
            view = CharterView(group.lang, group.name, group.charter, None, False, channel_id)
            uow.outbox.add(
                Effect(
                    EffectKind.POST,
                    self.ctx.renderer.charter_changed(view),
                    f"group:{group.id}:charter:{now.isoformat()}",
                    channel=group.channel_id,
                ),
                now,
            )
            lang = user_lang(uow, user_id, group, self.ctx.default_lang)
            uow.commit()
            return lang
