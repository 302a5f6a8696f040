"""Private notices: the ephemeral answer to a click or a thread reply, queued in the outbox."""

from __future__ import annotations

from dataclasses import dataclass

from .context import Context
from .effects import Effect, EffectKind, root_ref
from .membership import as_domain_group
from .reader import reader_lang, user_lang


def ephemeral(
    channel: str | None,
    user_id: str,
    payload,
    key: str,
    session_id: int | None = None,
    in_thread: bool = True,
) -> Effect:
    """A private message to one person, in the session's thread when it is about one
    (`in_thread=False`: under the channel's messages, still counted with the session)."""
    return Effect(
        EffectKind.EPHEMERAL,
        payload,
        key,
        channel=channel,
        user_id=user_id,
        thread_ref=root_ref(session_id) if session_id and in_thread else None,
        session_id=session_id,
    )


@dataclass(frozen=True)
class Answer:
    """Where the private answer to a request goes (the channel and the person who
    asked) and the request's own key: a use case queues its answer in its own unit of
    work, so what was done and what the person is told commit together, and a retried
    request is told once."""

    channel: str
    user: str
    key: str

    def queue(self, uow, now, payload, session_id: int | None = None) -> None:
        """Queue `payload` as an ephemeral to the person, in the session's thread when
        there is one."""
        uow.outbox.add(
            ephemeral(self.channel, self.user, payload, f"notice:{self.key}", session_id), now
        )


def queue_private(uow, row, user_id: str, payload, key: str, now) -> None:
    """An ephemeral to `user_id` in the session's thread, once per `key`."""
    uow.outbox.add(ephemeral(row.channel_id, user_id, payload, f"notice:{key}", row.id), now)


class NoticeService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def lang_of(self, team_id: str | None, channel_id: str | None, user_id: str) -> str:
        """As `user_lang`: the person's own language, else their group's, else the default."""
        with self.ctx.uow_factory(read_only=True) as uow:
            return reader_lang(uow, user_id, team_id, channel_id, self.ctx.default_lang)

    def private(
        self, channel_id: str, user_id: str, payload, key: str, session_id: int | None = None
    ) -> None:
        """Queue an ephemeral once per `key` (the request's own id), in the session's
        thread when there is one."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            Answer(channel_id, user_id, key).queue(uow, now, payload, session_id)
            uow.commit()

    def tell(self, team_id: str | None, answer: Answer, message_key: str, **params) -> None:
        """Queue a private notice in the person's language (as `lang_of`), read and
        queued in one unit of work."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            lang = reader_lang(uow, answer.user, team_id, answer.channel, self.ctx.default_lang)
            payload = self.ctx.renderer.notice(lang, message_key, **params)
            answer.queue(uow, now, payload)
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
            uow.outbox.add(ephemeral(channel_id, user_id, payload, f"welcome:{event_key}"), now)
            uow.commit()
