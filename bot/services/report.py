"""`/codev report`: the last finished session's summary, shown to one member."""

from __future__ import annotations

from ..domain import DomainError
from .common import Context, require_group, require_member
from .summary import SessionSummary, build_summary


class ReportService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def last(self, team_id: str, channel_id: str, user_id: str) -> SessionSummary:
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_member(group, user_id)
            row = uow.sessions.latest(group.id, "done")
            if row is None:
                raise DomainError("report.none_yet")
            return build_summary(uow, row, group)
