"""The reader's language: the languages the app speaks and which one a person reads."""

from __future__ import annotations

from .ports import UnitOfWork

LANGS = ("fr", "en")


def user_lang(uow: UnitOfWork, user_id: str, group=None, default: str = "fr") -> str:
    """A person's own language, else their group's, else the app's default."""
    return uow.prefs.lang(user_id) or (group.lang if group is not None else None) or default


def reader_lang(uow: UnitOfWork, user_id: str, team_id, channel_id, default: str) -> str:
    """The language of someone answered where they asked: their own, else the language
    of the group in that channel, else the app's default."""
    return uow.prefs.lang_for(user_id, team_id, channel_id) or default
