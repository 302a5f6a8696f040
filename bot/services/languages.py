"""Languages: each person's own (DMs, ephemerals, home tab, files) and each group's.

A person's language is, in order: the one they chose (`/codev lang`, in
`user_prefs`), else the one their Slack locale gives (`user_locales`), else their
group's (see `common.user_lang`). Channel messages always use the group's.

The locale is known from the moment someone is in a group: a background job
(`LocaleLookups`, driven by `bot/scheduling/locale_jobs.py`) reads it with
users.info for everyone in a group who has no answer yet, and for people marked
to look up again (a `user_change` event, an App Home visit by someone unknown).
Request handlers only record that mark; they never wait on Slack. A locale the
app does not speak (de-DE) is kept too, as "the group's language", so it is not
asked again. When a person's language becomes known or changes, the DMs queued
for them ahead of time are rendered again in it (`reminders.render_queued_again`)
and their home tab is published again if they read it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from ..domain import Action, DomainError
from .context import Context
from .home import queue_home, refresh_homes
from .membership import require_group, require_right
from .ports import Directory, LookupLater
from .reader import LANGS, reader_lang, user_lang
from .reminders import recipients, render_queued_again

log = logging.getLogger("codev.languages")

BATCH = 20  # people looked up per run (users.info is Tier 4: 100+ a minute)
RETRY = timedelta(minutes=5)  # Slack could not answer (outage): this person again after


@dataclass(frozen=True)
class LangChange:
    lang: str  # the language now in force
    scope: str  # "me" or "group"
    group_name: str | None = None
    reader: str | None = None  # the language of whoever changed it (None: `lang`)

    @property
    def reader_lang(self) -> str:
        return self.reader or self.lang


def lang_of_locale(locale: str | None) -> str | None:
    """The app's language for a Slack locale ('fr-FR' → 'fr'); None for one it does
    not speak (the group's language then applies)."""
    short = (locale or "").split("-")[0].split("_")[0].lower()
    return short if short in LANGS else None


def check_lang(value: str) -> str:
    lang = (value or "").strip().lower()
    if lang not in LANGS:
        raise DomainError("lang.usage", value=value or "—")
    return lang


class LanguageService:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.wake = _nothing  # set by the scheduler: run the look-up job now

    def set_mine(self, team_id: str, user_id: str, value: str) -> LangChange:
        """Set my language; my home tab and what is queued for me follow it."""
        lang = check_lang(value)
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            uow.prefs.set_lang(user_id, lang, now)
            uow.flush()
            render_queued_again(uow, self.ctx, user_id)
            queue_home(uow, self.ctx.renderer, team_id, user_id, now, self.ctx.default_lang)
            uow.commit()
        return LangChange(lang, "me")

    def set_group(self, team_id: str, channel_id: str, user_id: str, value: str) -> LangChange:
        lang = check_lang(value)
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.MANAGE_GROUP)
            group.lang, group.updated_at = lang, self.ctx.clock()
            uow.flush()
            for person in recipients(group):  # those who read the group's language
                if uow.prefs.lang(person) is None:
                    render_queued_again(uow, self.ctx, person)
            reader = reader_lang(uow, user_id, team_id, channel_id, self.ctx.default_lang)
            uow.commit()
            return LangChange(lang, "group", group.name, reader)

    def current(self, team_id: str, channel_id: str, user_id: str) -> tuple[str, str | None]:
        """(my language as the app applies it, this channel's group language or None)."""
        with self.ctx.uow_factory() as uow:
            group = uow.groups.by_channel(team_id, channel_id)
            mine = user_lang(uow, user_id, group, self.ctx.default_lang)
            return mine, group.lang if group else None

    def home_opened(self, team_id: str | None, user_id: str) -> None:
        """Someone opened the app's home: remember they read it (their home is kept up
        to date from now on), publish it, and, if nothing says their language yet, mark
        them to be looked up. Only the database, in one unit of work: the look-up
        itself is the job's."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            marked = False
            if uow.prefs.chosen(user_id) is None:
                # a row even without a language: it says this person reads their home
                # (the queue forgets who it published to once delivered)
                uow.prefs.mark_home_reader(user_id, now)
                marked = uow.locales.want(user_id, team_id, now)
            home_team = cast(str, team_id)  # the event names its workspace
            queue_home(uow, self.ctx.renderer, home_team, user_id, now, self.ctx.default_lang)
            uow.commit()
        if marked:
            self.wake()

    def profile_changed(self, team_id: str | None, user_id: str, locale: str | None) -> None:
        """Slack's `user_change`: look the person up again (their locale may have
        changed), unless the event shows the locale already kept."""
        with self.ctx.uow_factory() as uow:
            marked = uow.locales.changed(user_id, team_id, locale, self.ctx.clock())
            uow.commit()
        if marked:
            self.wake()


def _nothing() -> None:
    pass


class LocaleLookups:
    """The background job: reads from Slack the locales of the people to look up and
    keeps the answers. Slack is asked outside any transaction; the answers are kept
    in one unit of work afterwards. Several processes running it at once only ask
    Slack twice: keeping an answer is idempotent."""

    def __init__(self, ctx: Context, directory: Directory, batch: int = BATCH):
        self.ctx, self.directory, self.batch = ctx, directory, batch
        self.resume_at: datetime | None = None  # after a rate limit: no call before then

    def run(self) -> int:
        """Look up the next batch; returns how many answers were kept."""
        now = self.ctx.clock()
        if self.resume_at is not None and now < self.resume_at:
            return 0
        with self.ctx.uow_factory(read_only=True) as uow:
            wanted = uow.locales.wanted(now, self.batch)
        answers, later = [], []
        for person in wanted:
            try:
                answers.append((person, self.directory.locale(person.team_id, person.user_id)))
            except LookupLater as exc:
                log.warning("locale look-up deferred: %s", exc)
                delay = timedelta(seconds=exc.retry_after) if exc.retry_after else RETRY
                later.append((person, now + delay))
                if exc.rate_limited:  # nobody else either, until Slack says
                    self.resume_at = now + delay
                    break
        if not answers and not later:
            return 0
        kept = 0
        with self.ctx.uow_factory() as uow:
            for person, locale in answers:
                kept += self._keep(uow, person, locale, now)
            for person, when in later:
                uow.locales.later(person, when)
            uow.commit()
        return kept

    def _keep(self, uow, person, locale: str | None, now) -> int:
        lang = lang_of_locale(locale)
        kept, before = uow.locales.answer(person, locale, lang, now)
        if kept and lang != before and uow.prefs.chosen(person.user_id) is None:
            uow.flush()
            render_queued_again(uow, self.ctx, person.user_id)
            if person.team_id:
                refresh_homes(
                    uow,
                    self.ctx.renderer,
                    person.team_id,
                    [person.user_id],
                    now,
                    self.ctx.default_lang,
                )
        return int(kept)
