"""Async sessions: a nudge before a phase's deadline to whoever has not acted yet.

A periodic job (`bot/scheduling/cycle_jobs.py`) looks at the running async
sessions. Once a phase passage enters its nudge window (the last quarter of its
time box, at most 12 h before the deadline), it queues one DM per person still
pending at that moment, in their language:

- clarification: consultants who asked no question; the client while questions
  wait for an answer;
- contract: consultants who have not confirmed the current revision; the client
  while no request is written;
- learning & regulation: participants who have not rated the session.

Deciding at queuing time (not when the phase opens) means nobody who acted gets
a stale nudge. The dedupe key names session, phase, passage (the session's
version) and person, so each person is nudged once per passage; leaving the
phase or ending the session drops what was not sent yet (`timing.on_phase_left`).
"""

from __future__ import annotations

from datetime import timedelta

from ..domain import Phase
from .context import Context
from .effects import Effect, EffectKind
from .facilitation import facilitator_of
from .follow_ups import queue_due_items, queue_recaps
from .reader import user_lang
from .reminders import _with_failure_notice

LEAD_MAX = timedelta(hours=12)
LEAD_SHARE = 4  # the nudge comes in the last quarter of the time box


def nudge_prefix(session_id: int, phase: int) -> str:
    return f"nudge:{session_id}:p{int(phase)}:"


def nudge_time(started_at, deadline):
    """When a phase passage's nudges are due."""
    return deadline - min(LEAD_MAX, (deadline - started_at) / LEAD_SHARE)


def pending_people(uow, row) -> list[tuple[str, str, int]]:
    """(person, what they still have to do, how many questions wait) in the current phase."""
    if row.phase == Phase.CLARIFICATION:
        questions = uow.content.questions(row.id)
        asked = {q.author_id for q in questions}
        answered = {a.question_id for a in uow.content.answers(row.id)}
        waiting = sum(1 for q in questions if q.id not in answered)
        found = [(u, "ask", 0) for u in row.consultants if u not in asked]
        return found + ([(row.client_id, "answer", waiting)] if waiting else [])
    if row.phase == Phase.CONTRACT:
        contract = uow.content.contract(row.id)
        if contract is None:
            return [(row.client_id, "contract", 0)]
        confirmed = {
            c.user_id
            for c in uow.content.confirmations(contract.id)
            if c.status == "confirmed" and c.revision == contract.revision
        }
        return [(u, "confirm", 0) for u in row.consultants if u not in confirmed]
    if row.phase == Phase.LEARNING:
        rated = {e.user_id for e in uow.content.evaluations(row.id)}
        everyone = dict.fromkeys([row.client_id, *row.consultants, row.facilitator_id])
        return [(u, "rate", 0) for u in everyone if u not in rated]
    return []


def queue_nudges(uow, ctx: Context, now) -> int:
    """Queue the nudges due now; returns how many were queued."""
    queued = 0
    for row in uow.cycle.running_async():
        if row.phase_started_at is None or not (
            nudge_time(row.phase_started_at, row.phase_deadline) <= now < row.phase_deadline
        ):
            continue
        people = pending_people(uow, row)
        if not people:
            continue
        group = uow.groups.get(row.group_id)
        facilitator = facilitator_of(group, row)  # the session's, in a peer-run group
        present = {m.user_id for m in group.active_members} | {group.facilitator_id}
        prefix = f"{nudge_prefix(row.id, row.phase)}v{row.version}:"
        known = uow.cycle.known_keys([prefix + u for u, _, _ in people])
        for user_id, kind, waiting in people:
            key = prefix + user_id
            if key in known or user_id not in present:
                continue
            payload = ctx.renderer.phase_nudge(
                user_lang(uow, user_id, group, ctx.default_lang),
                kind,
                group.name,
                row.number,
                row.channel_id,
                row.phase_deadline,
                waiting,
                tz=group.tz or "UTC",
            )
            if user_id != facilitator:
                payload = _with_failure_notice(uow, ctx, group, user_id, payload, facilitator)
            effect = Effect(EffectKind.DM, payload, key, user_id=user_id, session_id=row.id)
            queued += uow.outbox.add(effect, now)
    return queued


class NudgeJobs:
    """What the periodic job queues besides the session reminders: phase-deadline
    nudges of async sessions and the action plans' follow-ups."""

    def __init__(self, ctx: Context):
        self.ctx = ctx

    def run(self) -> int:
        now = self.ctx.clock()
        from .coaching import queue_coverage_nudges  # coaching builds on this module
        from .sessions import SessionService  # sessions build on this module too
        from .workdays import advance_overdue

        advance_overdue(self.ctx, SessionService(self.ctx), now)  # groups that chose it

        with self.ctx.uow_factory() as uow:
            queued = queue_nudges(uow, self.ctx, now)
            queued += queue_due_items(uow, self.ctx, now)
            queued += queue_recaps(uow, self.ctx, now)
            queued += queue_coverage_nudges(uow, self.ctx, now)
            uow.commit()
        return queued
