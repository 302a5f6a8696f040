"""Read models handed to the renderer: plain data, no rows, no Slack."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..domain import Mode, Phase, Session, Status, time_box
from .effects import Effect, EffectKind, root_ref


@dataclass(frozen=True)
class SessionView:
    id: int
    number: int
    group_name: str
    channel_id: str
    lang: str
    mode: str
    status: str
    phase: int | None
    phases: tuple[int, ...]
    client_id: str
    facilitator_id: str
    consultants: tuple[str, ...]
    deadline: datetime | None
    version: int
    charter: str | None = None
    pending: dict = field(default_factory=dict)
    minutes: int | None = None  # the live time box of the current phase, the group's own
    video_url: str | None = None  # where the group meets on video
    tz: str = "UTC"  # the group's time zone: the words under a time token
    strict_exploration: bool = False  # the client only listens in exploration
    scribe_id: str | None = None  # who records what is said aloud besides the facilitator


def to_domain(row) -> Session:
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


def apply_to_row(session: Session, row) -> None:
    """Write the state machine back onto its row (the version guards concurrent moves)."""
    row.status = str(session.status)
    row.phase = int(session.phase) if session.phase is not None else None
    row.phase_started_at = session.phase_started_at
    row.phase_deadline = session.phase_deadline
    row.started_at = session.started_at
    row.ended_at = session.ended_at
    row.version = session.version


def session_view(row, group, pending: dict | None = None) -> SessionView:
    first = 0 if row.with_follow_up else 1
    return SessionView(
        id=row.id,
        number=row.number,
        group_name=group.name,
        channel_id=row.channel_id,
        lang=row.lang,
        mode=row.mode,
        status=row.status,
        phase=row.phase,
        phases=tuple(range(first, 7)),
        client_id=row.client_id,
        facilitator_id=row.facilitator_id,
        consultants=tuple(row.consultants or ()),
        deadline=row.phase_deadline,
        version=row.version,
        charter=group.charter,
        pending=pending or {},
        minutes=_minutes(row),
        video_url=getattr(group, "video_url", None),
        tz=group.tz or "UTC",
        strict_exploration=bool(group.strict_exploration),
        scribe_id=getattr(row, "scribe_id", None),
    )


def _minutes(row) -> int | None:
    if row.phase is None or row.mode != Mode.LIVE:
        return None
    box = time_box(Phase(row.phase), Mode.LIVE, row.live_minutes, row.async_hours)
    return int(box.total_seconds() // 60)


def queue_root_update(uow, renderer, view: SessionView, now, stamp: str = "") -> None:
    """Re-render a session's root message (phase, who has rated…) in place."""
    suffix = f":{stamp}" if stamp else ""
    uow.outbox.add(
        Effect(
            EffectKind.UPDATE,
            renderer.session_root(view),
            f"{root_ref(view.id)}:v{view.version}{suffix}",
            channel=view.channel_id,
            target_ref=root_ref(view.id),
            session_id=view.id,
        ),
        now,
    )
