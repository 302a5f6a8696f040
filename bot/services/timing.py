"""Time boxes in the thread, and what a phase brings when it opens.

Live sessions: two reminders are queued in the outbox with a future `due_at`,
"time almost up" shortly before the phase's end and "time is over" at its end;
the facilitator still decides when to move on. Leaving the phase cancels the
reminders not yet sent. Async sessions show their deadline in the prompt.
"""

from __future__ import annotations

from datetime import timedelta

from ..domain import Mode, Phase
from ..domain.session import Status
from .action_plan import queue_follow_up_board
from .effects import thread_post
from .harvest import release_board
from .nudges import nudge_prefix

WARN_BEFORE = timedelta(minutes=2)


def timer_prefix(session_id: int, phase: int) -> str:
    return f"session:{session_id}:timer:p{int(phase)}:"


def on_phase_entered(uow, renderer, session_id: int, now) -> None:
    """Queue the reminders of the phase just entered, and its opening board."""
    row = uow.sessions.get(session_id)
    if row is None or row.status != Status.RUNNING or row.phase is None:
        return
    if row.phase == Phase.FOLLOW_UP:
        queue_follow_up_board(uow, renderer, row, now)
    if row.phase == Phase.SYNTHESIS:
        release_board(uow, renderer, row, now)
    if row.mode != Mode.LIVE or row.phase_deadline is None:
        return
    deadline = row.phase_deadline
    box = deadline - (row.phase_started_at or now)
    warn_at = deadline - min(WARN_BEFORE, box / 2)
    prefix = f"{timer_prefix(row.id, row.phase)}v{row.version}:"
    minutes_left = max(1, round((deadline - warn_at).total_seconds() / 60))
    for stamp, due, payload in (
        ("soon", warn_at, renderer.time_notice(row.lang, row.phase, "soon", minutes_left)),
        ("over", deadline, renderer.time_notice(row.lang, row.phase, "over", 0)),
    ):
        uow.outbox.add(thread_post(row, payload, prefix + stamp, due_at=due), now)


def on_phase_left(uow, session_id: int, phase) -> None:
    """Cancel the reminders and nudges of the phase being left that were not sent yet."""
    if phase is not None:
        timers, nudges = timer_prefix(session_id, phase), nudge_prefix(session_id, phase)
        uow.outbox.cancel_by_prefix(timers, nudges, session_id=session_id)
