"""Languages: each person's own (DMs, ephemerals, home tab) and each group's.

A person who never chose keeps their Slack locale, read once from users.info
and remembered in `user_prefs`, so the lookup never sits on a later request's
path; without either, the group's language applies (see `common.user_lang`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import DomainError
from .common import LANGS, Context, require_facilitator, require_group, user_lang
from .home import queue_home


@dataclass(frozen=True)
class LangChange:
    lang: str  # the language now in force
    scope: str  # "me" or "group"
    group_name: str | None = None


def check_lang(value: str) -> str:
    lang = (value or "").strip().lower()
    if lang not in LANGS:
        raise DomainError("lang.usage", value=value or "—")
    return lang


class LanguageService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def set_mine(self, team_id: str, user_id: str, value: str) -> LangChange:
        """Set my language; my home tab is published again in it."""
        lang = check_lang(value)
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            uow.prefs.set_lang(user_id, lang, now)
            uow.flush()
            queue_home(uow, self.ctx.renderer, team_id, user_id, now, self.ctx.default_lang)
            uow.commit()
        return LangChange(lang, "me")

    def set_group(self, team_id: str, channel_id: str, user_id: str, value: str) -> LangChange:
        lang = check_lang(value)
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_facilitator(group, user_id)
            group.lang, group.updated_at = lang, self.ctx.clock()
            uow.commit()
            return LangChange(lang, "group", group.name)

    def current(self, team_id: str, channel_id: str, user_id: str) -> tuple[str, str | None]:
        """(my language as the app applies it, this channel's group language or None)."""
        with self.ctx.uow_factory() as uow:
            group = uow.groups.by_channel(team_id, channel_id)
            mine = user_lang(uow, user_id, group, self.ctx.default_lang)
            return mine, group.lang if group else None

    def knows(self, user_id: str) -> bool:
        """True once the person chose a language or their Slack locale was remembered."""
        with self.ctx.uow_factory() as uow:
            return uow.prefs.lang(user_id) is not None

    def remember_locale(self, user_id: str, locale: str | None) -> None:
        """Keep a Slack locale such as 'fr-FR' as the person's language, unless they
        chose one themselves or the locale is one the app does not speak."""
        short = (locale or "").split("-")[0].split("_")[0].lower()
        with self.ctx.uow_factory() as uow:
            if uow.prefs.lang(user_id) is None:
                # a row even without a language: it says this person reads their home
                # (the queue forgets who it published to once delivered)
                uow.prefs.set_lang(user_id, short if short in LANGS else None, self.ctx.clock())
                uow.commit()
