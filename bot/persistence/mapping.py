"""Stored rows ↔ domain objects: the one place that knows how a session's state is kept.

Services ask the session repository for a `Session` (`state`) and hand it back after a
move (`save_state`); they never copy columns themselves, so the domain's state machine
and the table can change apart.
"""

from __future__ import annotations

from ..domain import Mode, Phase, Session, Status


def session_state(row) -> Session:
    """Rebuild the state machine from its stored row."""
    return Session(
        client_id=row.client_id,
        facilitator_id=row.facilitator_id,
        consultants=tuple(row.consultants or ()),
        mode=Mode(row.mode),
        with_follow_up=row.with_follow_up,
        live_minutes=row.live_minutes,
        async_hours=row.async_hours,
        status=Status(row.status),
        phase=Phase(row.phase) if row.phase is not None else None,
        phase_started_at=row.phase_started_at,
        phase_deadline=row.phase_deadline,
        started_at=row.started_at,
        ended_at=row.ended_at,
        version=row.version,
    )


def write_state(session: Session, row) -> None:
    """Write the state machine back onto its row (the version guards concurrent moves)."""
    row.status = str(session.status)
    row.phase = int(session.phase) if session.phase is not None else None
    row.phase_started_at = session.phase_started_at
    row.phase_deadline = session.phase_deadline
    row.started_at = session.started_at
    row.ended_at = session.ended_at
    row.version = session.version
