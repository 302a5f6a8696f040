"""The periodic cycle job's work: suggest each coming session's client and keep the
reminders of late joiners in step. APScheduler drives it from `bot/scheduling`; the
rows it queues are built by `reminders.py`."""

from __future__ import annotations

from datetime import timedelta

from .context import Context
from .effects import Effect, EffectKind
from .facilitation import facilitator_of
from .membership import group_of
from .reminders import (
    LOOK_AHEAD,
    REMINDER_HORIZON,
    SUGGEST,
    SUGGEST_AHEAD_MINUTES,
    client_suggestion,
    queue_prep,
    queue_session_reminders,
    suggestion_ref,
)


class CycleJobs:
    """What the periodic cycle job does (driven by APScheduler in `bot/scheduling`)."""

    def __init__(self, ctx: Context):
        self.ctx = ctx

    def suggest_clients(self) -> int:
        """For each planned session entering its preparation window: suggest its client
        to the facilitator and queue the client's preparation DM. Returns how many."""
        now = self.ctx.clock()
        done = 0
        with self.ctx.uow_factory() as uow:
            for session, plan in uow.cycle.unsuggested(now + LOOK_AHEAD):
                group = group_of(uow, session.group_id)
                cycle = uow.cycle.settings(group.id, now)
                lead = timedelta(minutes=cycle.prep_minutes + SUGGEST_AHEAD_MINUTES)
                if session.scheduled_at is None or session.scheduled_at - lead > now:
                    continue  # (a session without a time is never listed here)
                self._suggest(uow, group, cycle, session, plan, now)
                done += 1
            uow.commit()
        return done

    def sync_reminders(self) -> int:
        """Members who joined after a session was planned get its reminders too."""
        now = self.ctx.clock()
        queued = 0
        with self.ctx.uow_factory() as uow:
            for session, plan in uow.cycle.upcoming(now, now + REMINDER_HORIZON):
                group = group_of(uow, session.group_id)
                cycle = uow.cycle.settings(group.id, now)
                queued += queue_session_reminders(uow, self.ctx, group, cycle, session, plan, now)
            uow.commit()
        return queued

    def _suggest(self, uow, group, cycle, session, plan, now) -> None:
        payload, order = client_suggestion(uow, self.ctx, group, session)
        client = order[0] if order else None
        plan.suggested_client_id, plan.suggested_at = client, now
        session.client_id = client or ""
        uow.outbox.add(
            Effect(
                EffectKind.DM,
                payload,
                f"{SUGGEST}{session.id}:g{plan.generation}",
                user_id=facilitator_of(group, session),
                ref=suggestion_ref(session.id, plan.generation),  # re-rendered after an erasure
                session_id=session.id,
            ),
            now,
        )
        if client is not None:
            queue_prep(uow, self.ctx, group, cycle, session, plan, client, now)
