"""Read models handed to the renderer: plain data, no rows, no Slack.

How a stored row becomes a domain object (and back) is persistence's business
(`bot/persistence/mapping.py`); here a row is only read, into a view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..domain import Mode, Phase, time_box


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
    case_number: int = 1  # which case of its meeting this session is
    cases: int = 1  # how many cases its meeting holds
    peer_run: bool = False  # the group's facilitator role rotates


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
        case_number=row.case_number or 1,
        cases=row.case_count or 1,
        peer_run=bool(getattr(group, "peer_run", False)),
    )


def _minutes(row) -> int | None:
    if row.phase is None or row.mode != Mode.LIVE:
        return None
    box = time_box(Phase(row.phase), Mode.LIVE, row.live_minutes, row.async_hours)
    return int(box.total_seconds() // 60)
