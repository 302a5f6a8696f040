"""What the services read and change on stored things, as protocols.

Repositories (`ports.py`) hand these out: in production they are SQLAlchemy rows
(`bot/persistence/models`), in the unit tests plain dataclasses. A service changes
an attribute and the unit of work keeps it at commit, so each attribute named here
is one the services may read or set; nothing here knows of a table.
The state machine of a session is not read off its record: the session repository
maps it (`state`, `save_state`), so the domain's `Session` stays the one judge of moves.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol


class GroupRecord(Protocol):
    id: int
    team_id: str
    enterprise_id: str | None
    channel_id: str
    name: str
    lang: str
    tz: str
    mode: str
    facilitator_id: str
    with_follow_up: bool
    strict_exploration: bool
    named_evaluations: bool
    live_minutes: dict | None
    async_hours: dict | None
    charter: str | None
    gestures: dict | None
    coaching: bool
    paused_reason: str | None
    video_url: str | None
    skip_weekends: bool
    holiday_country: str | None
    auto_advance: bool
    hold_harvest: bool
    peer_run: bool
    created_at: datetime
    updated_at: datetime

    @property
    def members(self) -> Sequence[MemberRecord]: ...

    @property
    def active_members(self) -> Sequence[MemberRecord]:
        """The members who have not left."""
        ...


class MemberRecord(Protocol):
    id: int
    group_id: int
    user_id: str
    joined_at: datetime
    left_at: datetime | None
    charter_accepted_at: datetime | None
    client_turns: int
    facilitator_turns: int
    last_facilitated_at: datetime | None
    last_client_at: datetime | None
    share_learnings: bool


class SessionRecord(Protocol):
    id: int
    group_id: int
    number: int
    status: str
    phase: int | None
    client_id: str
    facilitator_id: str
    scribe_id: str | None
    consultants: list
    mode: str
    with_follow_up: bool
    live_minutes: dict | None
    async_hours: dict | None
    lang: str
    channel_id: str
    scheduled_at: datetime | None
    started_at: datetime | None
    ended_at: datetime | None
    phase_started_at: datetime | None
    phase_deadline: datetime | None
    meeting_id: int | None
    case_number: int
    case_count: int
    version: int
    created_at: datetime


class PlanRecord(Protocol):
    session_id: int
    group_id: int
    duration_minutes: int
    cases: int
    sequence: int
    generation: int
    suggested_client_id: str | None
    suggested_at: datetime | None
    cancelled_at: datetime | None


class CycleRecord(Protocol):
    group_id: int
    hours_engaged: int
    reminder_minutes: list
    prep_minutes: int
    checkin_minutes: int
    follow_up_weeks: int
    updated_at: datetime


class TopicRecord(Protocol):
    id: int
    group_id: int
    user_id: str
    text: str
    created_at: datetime
    used_in_session_id: int | None


class NoteRecord(Protocol):
    id: int
    session_id: int
    phase: int
    kind: str
    author_id: str
    text: str
    message_ts: str | None
    created_at: datetime


class QuestionRecord(Protocol):
    id: int
    session_id: int
    number: int
    author_id: str
    text: str
    message_ts: str | None
    recorded_by: str | None
    created_at: datetime


class AnswerRecord(Protocol):
    id: int
    question_id: int
    author_id: str
    text: str
    message_ts: str | None
    recorded_by: str | None
    created_at: datetime


class ContractRecord(Protocol):
    id: int
    session_id: int
    request: str
    help_kinds: list
    revision: int
    updated_at: datetime


class ConfirmationRecord(Protocol):
    id: int
    contract_id: int
    user_id: str
    status: str
    revision: int
    created_at: datetime


class ContributionRecord(Protocol):
    id: int
    session_id: int
    number: int
    author_id: str
    kind: str
    text: str
    harvest: str | None
    message_ts: str | None
    recorded_by: str | None
    created_at: datetime


class ActionItemRecord(Protocol):
    id: int
    session_id: int
    owner_id: str
    text: str
    due_on: date | None
    status: str
    note: str | None
    created_at: datetime
    updated_at: datetime


class LearningRecord(Protocol):
    id: int
    session_id: int
    phase: int
    author_id: str
    text: str
    message_ts: str | None
    recorded_by: str | None
    created_at: datetime


class EvaluationRecord(Protocol):
    id: int
    session_id: int
    user_id: str
    rating: int
    appreciation: str | None
    expectations: str | None
    learnings: str | None
    applications: str | None
    created_at: datetime


class OutboxRecord(Protocol):
    id: int
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
    attempts: int
    due_at: datetime
    next_attempt_at: datetime
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None
    lookup_cursor: str | None
    lookup_calls: int


class PostedMessageRecord(Protocol):
    ref: str
    channel: str
    ts: str
    created_at: datetime


class UserLocaleRecord(Protocol):
    user_id: str
    team_id: str | None
    locale: str | None
    lang: str | None
    due_at: datetime | None
    checked_at: datetime | None


class PrivacyRecord(Protocol):
    group_id: int
    retention_months: int | None
    erase_mode: str
    updated_at: datetime


class BallotRecord(Protocol):
    id: int
    group_id: int
    lang: str
    opened_at: datetime


class AttendanceRecord(Protocol):
    session_id: int
    user_id: str
    status: str
    source: str
    arrived_at: datetime | None
    left_at: datetime | None
    updated_at: datetime


class RegulationVoteRecord(Protocol):
    session_id: int
    user_id: str
    time: int
    listening: int
    method: int
    created_at: datetime


class JournalRecord(Protocol):
    session_id: int
    author_id: str
    incidents: str | None
    adaptations: str | None
    updated_at: datetime


class ObjectiveRecord(Protocol):
    id: int
    group_id: int
    user_id: str
    position: int
    text: str
    baseline: int
    updated_at: datetime


class OutcomeAnswerRecord(Protocol):
    id: int
    group_id: int
    user_id: str
    wave: str
    progress: dict
    change: str | None
    example: str | None
    created_at: datetime


class WantedLocale(Protocol):
    """A person whose Slack locale is to be read (`due_at`: the mark seen, if any)."""

    @property
    def user_id(self) -> str: ...
    @property
    def team_id(self) -> str | None: ...
    @property
    def due_at(self) -> datetime | None: ...


class ErasureRecord(Protocol):
    """What an erasure changed: counts per table, the texts it removed, the sessions
    whose messages quote them, and the stand-in that replaced the person."""

    stand_in: str
    counts: dict[str, int]
    texts: list[str]
    sessions: list[int]
