"""Closing the cycle: the facilitator ends it once its sessions are behind it.

Closing drops the sessions still planned (and their reminders, preparation DMs
and recaps), then tells the group what was done against the hours engaged. A
member who was never client is the cycle's broken promise: closing is refused
until the facilitator confirms ("close anyway"), with those members named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from ..domain import Action, DomainError
from ..domain.session import Status
from .context import Context
from .effects import Effect, EffectKind
from .membership import require_group, require_right
from .notices import Answer
from .outcomes import queue_questionnaires
from .reader import user_lang


@dataclass(frozen=True)
class CloseAnswer:
    lang: str
    closed: bool
    never_client: list[str] = field(default_factory=list)
    dropped: int = 0  # planned sessions called off


def close_cycle(
    ctx: Context, team_id, channel_id, user_id, confirmed, cycle_view, answer: Answer | None = None
) -> CloseAnswer:
    """`cycle_view(uow, group, cycle, lang)` gives the figures `schedule list` shows. With
    `answer`, the facilitator is told privately, in the same unit of work, that it closed."""
    now = ctx.clock()
    with ctx.uow_factory() as uow:
        group = require_group(uow, team_id, channel_id)
        require_right(group, user_id, Action.PLAN_CYCLE)
        lang = user_lang(uow, user_id, group, ctx.default_lang)
        if uow.sessions.running(group.id) is not None:
            raise DomainError("close.running")
        never = [m.user_id for m in group.active_members if m.client_turns == 0]
        if never and not confirmed:
            return CloseAnswer(lang, False, never)
        dropped = 0
        for session, plan in uow.cycle.slots(group.id):
            if session.status != Status.PLANNED:
                continue
            session.status = Status.CANCELLED
            if plan is not None:
                plan.cancelled_at, plan.sequence = now, plan.sequence + 1
            uow.outbox.cancel_for_session(session.id, now - timedelta(days=3650))
            dropped += 1
        view = cycle_view(uow, group, uow.cycle.settings(group.id, now), group.lang)
        uow.outbox.add(
            Effect(
                EffectKind.POST,
                ctx.renderer.cycle_closed(view, dropped, never),
                f"group:{group.id}:closed:{now.isoformat()}",
                channel=group.channel_id,
            ),
            now,
        )
        queue_questionnaires(uow, ctx, group, now)  # the bilan des effets: end and follow-up
        if answer is not None:
            answer.queue(uow, now, ctx.renderer.notice(lang, "close.closed"))
        uow.commit()
        return CloseAnswer(lang, True, never, dropped)
