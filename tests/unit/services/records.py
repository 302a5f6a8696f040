"""In-memory records: what the fake repositories store and hand to the services.

Plain dataclasses with the attributes of `bot/services/records.py`, so a service
reads and changes them exactly as it does SQLAlchemy rows. Times default to the
epoch only where the database would fill them in; the fakes pass `now` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from bot.services.effects import Effect

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass
class FakeMember:
    id: int
    group_id: int
    user_id: str
    joined_at: datetime
    left_at: datetime | None = None
    charter_accepted_at: datetime | None = None
    client_turns: int = 0
    last_client_at: datetime | None = None
    facilitator_turns: int = 0
    last_facilitated_at: datetime | None = None
    share_learnings: bool = False


@dataclass
class FakeGroup:
    id: int
    team_id: str
    channel_id: str
    name: str
    facilitator_id: str
    lang: str = "en"
    tz: str = "UTC"
    mode: str = "live"
    enterprise_id: str | None = None
    with_follow_up: bool = False
    strict_exploration: bool = False
    named_evaluations: bool = False
    live_minutes: dict | None = None
    async_hours: dict | None = None
    charter: str | None = None
    gestures: dict | None = None
    coaching: bool = True
    paused_reason: str | None = None
    video_url: str | None = None
    skip_weekends: bool = False
    holiday_country: str | None = None
    auto_advance: bool = False
    hold_harvest: bool = False
    peer_run: bool = False
    created_at: datetime = EPOCH
    updated_at: datetime = EPOCH
    member_list: list[FakeMember] = field(default_factory=list)

    @property
    def members(self) -> list[FakeMember]:
        return self.member_list

    @property
    def active_members(self) -> list[FakeMember]:
        return [m for m in self.member_list if m.left_at is None]


@dataclass
class FakePassage:
    """One phase as it was run (the `session_phases` table)."""

    phase: int
    started_at: datetime
    deadline: datetime | None
    ended_at: datetime | None = None


@dataclass
class FakeSession:
    id: int
    group_id: int
    number: int
    status: str
    client_id: str
    facilitator_id: str
    consultants: list
    mode: str
    lang: str
    channel_id: str
    created_at: datetime
    phase: int | None = None
    with_follow_up: bool = False
    live_minutes: dict | None = None
    async_hours: dict | None = None
    scheduled_at: datetime | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    phase_started_at: datetime | None = None
    phase_deadline: datetime | None = None
    meeting_id: int | None = None
    case_number: int = 1
    case_count: int = 1
    version: int = 0
    scribe_id: str | None = None
    passages: list[FakePassage] = field(default_factory=list)


@dataclass
class FakePlan:
    session_id: int
    group_id: int
    duration_minutes: int
    cases: int = 1
    sequence: int = 0
    generation: int = 0
    suggested_client_id: str | None = None
    suggested_at: datetime | None = None
    cancelled_at: datetime | None = None


@dataclass
class FakeCycle:
    group_id: int
    updated_at: datetime
    hours_engaged: int = 35
    reminder_minutes: list = field(default_factory=lambda: [1440, 60])
    prep_minutes: int = 2880
    checkin_minutes: int = 15
    follow_up_weeks: int = 12


@dataclass
class FakeTopic:
    id: int
    group_id: int
    user_id: str
    text: str
    created_at: datetime
    used_in_session_id: int | None = None


@dataclass
class FakeNote:
    id: int
    session_id: int
    phase: int
    kind: str
    author_id: str
    text: str
    message_ts: str | None
    created_at: datetime


@dataclass
class FakeQuestion:
    id: int
    session_id: int
    number: int
    author_id: str
    text: str
    message_ts: str | None
    created_at: datetime
    recorded_by: str | None = None


@dataclass
class FakeAnswer:
    id: int
    question_id: int
    author_id: str
    text: str
    message_ts: str | None
    created_at: datetime
    recorded_by: str | None = None


@dataclass
class FakeContract:
    id: int
    session_id: int
    request: str
    help_kinds: list
    revision: int
    updated_at: datetime


@dataclass
class FakeConfirmation:
    id: int
    contract_id: int
    user_id: str
    status: str
    revision: int
    created_at: datetime


@dataclass
class FakeContribution:
    id: int
    session_id: int
    number: int
    author_id: str
    kind: str
    text: str
    message_ts: str | None
    created_at: datetime
    harvest: str | None = None
    recorded_by: str | None = None


@dataclass
class FakeActionItem:
    id: int
    session_id: int
    owner_id: str
    text: str
    due_on: date | None
    status: str
    note: str | None
    created_at: datetime
    updated_at: datetime


@dataclass
class FakeLearning:
    id: int
    session_id: int
    phase: int
    author_id: str
    text: str
    message_ts: str | None
    created_at: datetime
    recorded_by: str | None = None


@dataclass
class FakeEvaluation:
    id: int
    session_id: int
    user_id: str
    rating: int
    created_at: datetime
    appreciation: str | None = None
    expectations: str | None = None
    learnings: str | None = None
    applications: str | None = None


@dataclass
class FakeOutboxRow:
    """A queued effect as the outbox keeps it; `effect` is what the service queued."""

    id: int
    effect: Effect
    dedupe_key: str
    kind: str
    channel: str | None
    user_id: str | None
    payload: dict
    ref: str | None
    thread_ref: str | None
    target_ref: str | None
    session_id: int | None
    team_id: str | None
    enterprise_id: str | None
    status: str
    due_at: datetime
    next_attempt_at: datetime
    created_at: datetime
    attempts: int = 0
    last_error: str | None = None
    sent_at: datetime | None = None
    lookup_cursor: str | None = None
    lookup_calls: int = 0


@dataclass
class FakePosted:
    ref: str
    channel: str
    ts: str
    created_at: datetime


@dataclass
class FakeUserLocale:
    user_id: str
    team_id: str | None
    locale: str | None
    lang: str | None
    due_at: datetime | None
    checked_at: datetime | None


@dataclass
class FakePrivacy:
    group_id: int
    updated_at: datetime
    retention_months: int | None = None
    erase_mode: str = "anonymize"


@dataclass
class FakeBallot:
    id: int
    group_id: int
    lang: str
    opened_at: datetime


@dataclass
class FakeAttendance:
    session_id: int
    user_id: str
    status: str
    source: str
    updated_at: datetime
    arrived_at: datetime | None = None
    left_at: datetime | None = None


@dataclass
class FakeRegulationVote:
    session_id: int
    user_id: str
    time: int
    listening: int
    method: int
    created_at: datetime


@dataclass
class FakeJournal:
    session_id: int
    author_id: str
    incidents: str | None
    adaptations: str | None
    updated_at: datetime


@dataclass
class FakeObjective:
    id: int
    group_id: int
    user_id: str
    position: int
    text: str
    baseline: int
    updated_at: datetime


@dataclass
class FakeOutcomeAnswer:
    id: int
    group_id: int
    user_id: str
    wave: str
    progress: dict
    change: str | None
    example: str | None
    created_at: datetime
