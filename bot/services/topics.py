"""Topics members pitch for coming sessions, and the absences they announce
(the rotation skips a member absent on a session's day)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain import DomainError, clean_text
from . import calendar_math as cm
from .context import Context
from .membership import require_group
from .reader import user_lang


@dataclass(frozen=True)
class TopicAnswer:
    lang: str
    pitched: int  # open topics of the group, this one included


@dataclass(frozen=True)
class AbsenceAnswer:
    lang: str
    day: date
    new: bool


def _require_peer(group, user_id) -> None:
    if all(m.user_id != user_id for m in group.active_members):
        raise DomainError("cycle.peers_only")


class TopicService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def pitch(self, team_id, channel_id, user_id, text: str) -> TopicAnswer:
        now = self.ctx.clock()
        if not (text or "").strip():
            raise DomainError("topic.usage")
        text = clean_text(text)
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            _require_peer(group, user_id)
            uow.cycle.add_topic(group.id, user_id, text, now)
            answer = TopicAnswer(
                user_lang(uow, user_id, group, self.ctx.default_lang),
                len(uow.cycle.open_topics(group.id)),
            )
            uow.commit()
            return answer

    def absent(self, team_id, channel_id, user_id, day_text: str) -> AbsenceAnswer:
        now = self.ctx.clock()
        day = cm.parse_day(day_text)
        if day is None:
            raise DomainError("absent.usage", example="2027-03-26")
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            _require_peer(group, user_id)
            if day < cm.local_day(now, group.tz):
                raise DomainError("schedule.error.past")
            new = uow.cycle.add_absence(group.id, user_id, day, now)
            answer = AbsenceAnswer(user_lang(uow, user_id, group, self.ctx.default_lang), day, new)
            uow.commit()
            return answer
