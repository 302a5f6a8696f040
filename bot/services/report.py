"""`/codev report`: the last finished session, shown to one member. The client of that
session gets their whole record (every question with its answers, every contribution,
the plan and the learnings); anyone else, its summary."""

from __future__ import annotations

from ..domain import Action, DomainError
from ..domain.session import Status
from .context import Context
from .effects import Payload
from .membership import require_group, require_right
from .notices import ephemeral
from .summary import build_summary


class ReportService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def for_reader(self, team_id: str, channel_id: str, user_id: str) -> Payload:
        """The answer to `/codev report`. A record longer than one message: its first
        part is the answer, the next ones follow privately in the channel, in order."""
        now = self.ctx.clock()
        renderer = self.ctx.renderer
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.VIEW_GROUP)
            row = uow.sessions.latest(group.id, Status.DONE)
            if row is None:
                raise DomainError("report.none_yet")
            summary = build_summary(uow, row, group)
            if user_id != row.client_id:
                return renderer.session_summary(summary)
            lang = uow.prefs.lang(user_id) or row.lang
            first, *rest = renderer.client_record(summary, lang)
            for n, part in enumerate(rest, 2):
                uow.outbox.add(
                    ephemeral(
                        channel_id,
                        user_id,
                        part,
                        f"report:{row.id}:{user_id}:{now.isoformat()}:{n}",
                        row.id,
                        in_thread=False,
                    ),
                    now,
                )
            uow.commit()
            return first
