"""Each person's control of their data: a JSON copy by DM, and erasure.

Erasure deletes what the person wrote in every group (thread notes, questions,
answers, contributions, learnings, action items, topics, the requests of the
sessions where they were the client), blanks their evaluations' free text
(the rating stays, under an anonymous id, for the group's figures), closes
their memberships and removes their preferences. The bot's messages that quoted
them are rendered again without them (`rerender`); in the queue, what was still
to be sent to them or quoted them is cancelled, and their id becomes the
stand-in. The messages people posted themselves are theirs, in Slack: the
confirmation says so and how to delete them.
A facilitator hands their groups over first, so no group is left without one.

Each group may keep a forgotten person's text without their name ("anonymise")
and may purge a finished cycle's free text after N months (`purge_expired`, run
by a scheduled job, which also prunes the delivered rows of the queue).
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ..domain import Action, DomainError
from ..domain.session import Status
from .context import Context
from .effects import Effect, EffectKind
from .exports import text_file, upload_effect
from .home import build_home, refresh_group_homes
from .membership import require_group, require_right
from .notices import ephemeral
from .reader import reader_lang, user_lang
from .rerender import rerender_sessions, rerender_suggestions


def _plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _row(row) -> dict[str, Any]:
    if isinstance(row, dict):
        return {k: _plain(v) for k, v in row.items()}
    return {c.key: _plain(getattr(row, c.key)) for c in row.__table__.columns}


MAX_RETENTION_MONTHS = 120
ERASE_MODES = ("delete", "anonymise")
DAYS_PER_MONTH = 30.44


@dataclass(frozen=True)
class PrivacySettings:
    group_name: str
    retention_months: int | None
    erase_mode: str
    lang: str


def check_months(value: str) -> int | None:
    word = (value or "").strip().lower()
    if word in ("off", "non", "jamais", "never", "aucune"):
        return None
    if not word.isdigit() or not 1 <= int(word) <= MAX_RETENTION_MONTHS:
        raise DomainError("privacy.months", max=MAX_RETENTION_MONTHS)
    return int(word)


def check_mode(value: str) -> str:
    word = (value or "").strip().lower()
    word = {"supprimer": "delete", "anonymiser": "anonymise", "anonymize": "anonymise"}.get(
        word, word
    )
    if word not in ERASE_MODES:
        raise DomainError("privacy.mode")
    return word


class PrivacyService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def check_can_forget(self, team_id: str, channel_id: str, user_id: str) -> str:
        """The language of the confirmation; refuses a facilitator of a group."""
        with self.ctx.uow_factory() as uow:
            led = [g.name for g in uow.people.all_groups_of(user_id) if g.facilitator_id == user_id]
            if led:
                raise DomainError("forget.facilitator", groups=", ".join(sorted(led)))
            group = uow.groups.by_channel(team_id, channel_id)
            return user_lang(uow, user_id, group, self.ctx.default_lang)

    def forget(self, team_id: str, channel_id: str, user_id: str, key: str) -> dict[str, int]:
        """Erase the person's data everywhere (once per confirmation click)."""
        self.check_can_forget(team_id, channel_id, user_id)
        now = self.ctx.clock()
        renderer = self.ctx.renderer
        with self.ctx.uow_factory() as uow:
            # the key names the person: only its digest is kept
            if not uow.request_keys.claim("forget:" + _digest(key), now):
                return {}
            group = uow.groups.by_channel(team_id, channel_id)
            lang = user_lang(uow, user_id, group, self.ctx.default_lang)
            groups = uow.people.all_groups_of(user_id)
            erased = uow.privacy.erase(user_id, now)
            rerender_sessions(uow, renderer, erased.sessions, now)
            rerender_suggestions(uow, self.ctx, groups, now)
            for each in groups:
                refresh_group_homes(uow, renderer, each, now, self.ctx.default_lang)
            counts = erased.counts
            counts["outbox"] = uow.privacy.scrub_outbox(user_id, erased.stand_in, erased.texts)
            # The last two rows that name the person, their emptied home and the answer,
            # under keys that do not: once delivered, the queue forgets whom they went to.
            uow.outbox.add(
                Effect(
                    EffectKind.PUBLISH,
                    renderer.home_view(build_home(uow, team_id, user_id, now, lang)),
                    f"forget-home:{_digest(key)}",
                    user_id=user_id,
                    team_id=team_id,
                ),
                now,
            )
            uow.outbox.add(
                ephemeral(
                    channel_id, user_id, renderer.forget_done(lang), f"forget:{_digest(key)}"
                ),
                now,
            )
            uow.commit()
            return counts

    def export_mine(
        self, team_id: str, user_id: str, channel_id: str | None = None
    ) -> tuple[int, str]:
        """Queue a JSON file of everything stored about the person, to their DM; returns
        how many rows it holds and the person's language where they asked (`channel_id`)."""
        now = self.ctx.clock()
        renderer = self.ctx.renderer
        with self.ctx.uow_factory() as uow:
            groups = uow.people.all_groups_of(user_id)
            data = {
                "user_id": user_id,
                "exported_at": now.isoformat(),
                "language": uow.prefs.lang(user_id),
                "slack_locale": getattr(uow.locales.get(user_id), "locale", None),
                "groups": [
                    {
                        "name": g.name,
                        "channel_id": g.channel_id,
                        "facilitator": g.facilitator_id == user_id,
                        "membership": [_row(m) for m in g.members if m.user_id == user_id],
                    }
                    for g in groups
                ],
            }
            for name, rows in uow.people.personal_rows(user_id).items():
                data[name] = [_row(r) for r in rows]
            lang = user_lang(uow, user_id, None, self.ctx.default_lang)
            content = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
            uow.outbox.add(
                upload_effect(
                    [text_file(f"codev-{user_id}-{now.strftime('%Y-%m-%d')}.json", content)],
                    renderer.my_data_ready(lang),
                    f"mydata:{user_id}:{now.isoformat()}:{secrets.token_hex(3)}",
                    failure=renderer.export_failed(lang, "codev"),
                    user_id=user_id,
                ),
                now,
            )
            asker = reader_lang(uow, user_id, team_id, channel_id, self.ctx.default_lang)
            uow.commit()
            return sum(len(v) for v in data.values() if isinstance(v, list)), asker

    # --- the group's settings
    def settings(self, team_id: str, channel_id: str, user_id: str) -> PrivacySettings:
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.VIEW_GROUP)
            return self._settings(uow, group, user_id)

    def change(
        self, team_id: str, channel_id: str, user_id: str, months=..., mode=...
    ) -> PrivacySettings:
        """The facilitator sets the retention (months, or None to keep) or erase mode."""
        fields = {}
        if months is not ...:
            fields["retention_months"] = months
        if mode is not ...:
            fields["erase_mode"] = mode
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.MANAGE_GROUP)
            uow.privacy.set(group.id, self.ctx.clock(), **fields)
            found = self._settings(uow, group, user_id)
            uow.commit()
            return found

    def _settings(self, uow, group, user_id) -> PrivacySettings:
        row = uow.privacy.settings(group.id)
        return PrivacySettings(
            group.name,
            row.retention_months if row else None,
            row.erase_mode if row else "delete",
            user_lang(uow, user_id, group, self.ctx.default_lang),
        )

    def purge_expired(self) -> int:
        """Purge the free text of every cycle whose last session ended longer ago
        than its group's retention, once nothing is planned or running; the bot's
        messages and the members' homes are rendered again without it."""
        now = self.ctx.clock()
        purged = 0
        with self.ctx.uow_factory() as uow:
            for setting in uow.privacy.with_retention():
                sessions = uow.people.sessions_of([setting.group_id])
                live = (Status.PLANNED, Status.RUNNING)
                if not sessions or any(s.status in live for s in sessions):
                    continue
                ended = max((s.ended_at or s.created_at) for s in sessions)
                months = setting.retention_months or 0  # set on every group listed here
                limit = timedelta(days=DAYS_PER_MONTH * months)
                if now - ended >= limit:
                    removed = uow.privacy.purge_group_text(setting.group_id)
                    if removed:
                        rerender_sessions(uow, self.ctx.renderer, [s.id for s in sessions], now)
                        group = uow.groups.get(setting.group_id)
                        refresh_group_homes(
                            uow, self.ctx.renderer, group, now, self.ctx.default_lang
                        )
                    purged += removed
            uow.commit()
        return purged

    def prune_outbox(self, keep_hours: float) -> tuple[int, int]:
        """Delivered rows of the queue lose their payloads, and are deleted (with the
        request keys) once older than `keep_hours`; returns (blanked, deleted)."""
        with self.ctx.uow_factory() as uow:
            found = uow.outbox.prune(self.ctx.clock(), timedelta(hours=keep_hours))
            uow.commit()
            return found


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:32]
