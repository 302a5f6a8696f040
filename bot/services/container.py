"""All use cases, built once from one context (see `bot/bootstrap.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from .common import Context
from .delivery import DeliveryService
from .groups import GroupService
from .notices import NoticeService
from .replies import ReplyService
from .sessions import SessionService


@dataclass
class Services:
    ctx: Context
    groups: GroupService
    sessions: SessionService
    replies: ReplyService
    notices: NoticeService
    delivery: DeliveryService | None = None

    @classmethod
    def build(cls, ctx: Context) -> Services:
        return cls(
            ctx=ctx,
            groups=GroupService(ctx),
            sessions=SessionService(ctx),
            replies=ReplyService(ctx),
            notices=NoticeService(ctx),
        )
