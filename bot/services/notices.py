"""Private notices: the ephemeral answer to a click or a thread reply, queued in the outbox."""

from __future__ import annotations

from .context import Context
from .effects import Effect, EffectKind, root_ref
from .membership import as_domain_group
from .reader import user_lang


class NoticeService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def lang_of(self, team_id: str | None, channel_id: str | None, user_id: str) -> str:
        """As `user_lang`: the person's own language, else their group's, else the default."""
        with self.ctx.uow_factory(read_only=True) as uow:
            return uow.prefs.lang_for(user_id, team_id, channel_id) or self.ctx.default_lang

    def private(
        self, channel_id: str, user_id: str, payload, key: str, session_id: int | None = None
    ) -> None:
        """Queue an ephemeral once per `key` (the request's own id), in the session's
        thread when there is one."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            uow.outbox.add(
                Effect(
                    EffectKind.EPHEMERAL,
                    payload,
                    f"notice:{key}",
                    channel=channel_id,
                    user_id=user_id,
                    thread_ref=root_ref(session_id) if session_id else None,
                    session_id=session_id,
                ),
                now,
            )
            uow.commit()

    def welcome(self, team_id: str, channel_id: str, user_id: str, event_key: str) -> None:
        """Someone joined a group's channel: tell them, privately, how to take part."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = uow.groups.by_channel(team_id, channel_id)
            if group is None or as_domain_group(group).is_member(user_id):
                return
            if not uow.request_keys.claim(event_key, now):
                return
            lang = user_lang(uow, user_id, group, self.ctx.default_lang)
            payload = self.ctx.renderer.notice(lang, "group.welcome", name=group.name)
            uow.outbox.add(
                Effect(
                    EffectKind.EPHEMERAL,
                    payload,
                    f"welcome:{event_key}",
                    channel=channel_id,
                    user_id=user_id,
                ),
                now,
            )
            uow.commit()
