"""One consultation, as a state machine over the phases.

Every change returns a Transition that says what changed, so the service can
queue the right messages and move the reminders. A phase move names the phase
it leaves: a double click or an old button then fails as a stale move instead
of skipping a phase. `version` grows with every change, for compare-and-set
in storage.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from .errors import InvalidValue, SessionAlreadyRunning, SessionNotRunning, StaleMove
from .phases import Mode, Phase, phases_for, time_box
from .roles import Role


class Status(StrEnum):
    """Where a session is in its life."""

    PLANNED = "planned"
    RUNNING = "running"
    DONE = "done"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Transition:
    """What a change did: the phase left, the phase entered (None when the
    session stops), the resulting status and the new phase's deadline."""

    from_phase: Phase | None
    to_phase: Phase | None
    status: Status
    deadline: datetime | None


@dataclass
class Session:
    """A session's state. Time is always passed in as `now` (UTC)."""

    client_id: str
    facilitator_id: str
    consultants: tuple[str, ...]
    mode: Mode
    with_follow_up: bool = False
    live_minutes: dict[int, int] | None = None
    async_hours: dict[int, int] | None = None
    status: Status = Status.PLANNED
    phase: Phase | None = None
    phase_started_at: datetime | None = None
    phase_deadline: datetime | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    version: int = 0

    @property
    def phases(self) -> tuple[Phase, ...]:
        """The phases this session walks, in order."""
        return phases_for(self.with_follow_up)

    @property
    def is_running(self) -> bool:
        return self.status is Status.RUNNING

    def role_of(self, user_id: str) -> Role:
        """The user's role in this session; anyone else is an outsider."""
        if user_id == self.facilitator_id:
            return Role.FACILITATOR
        if user_id == self.client_id:
            return Role.CLIENT
        if user_id in self.consultants:
            return Role.CONSULTANT
        return Role.OUTSIDER

    def time_box(self, phase: Phase) -> timedelta:
        """How long `phase` lasts for this session's mode and overrides."""
        return time_box(phase, self.mode, self.live_minutes, self.async_hours)

    def time_left(self, now: datetime) -> timedelta | None:
        """Time until the current phase's deadline (negative once overdue);
        None when no phase is running."""
        if not self.is_running or self.phase_deadline is None:
            return None
        return self.phase_deadline - now

    def start(self, now: datetime) -> Transition:
        """Open the first phase. Only a planned session can start."""
        if self.status is not Status.PLANNED:
            raise SessionAlreadyRunning("session.already_running")
        self.status = Status.RUNNING
        self.started_at = now
        return self._enter(None, self.phases[0], now)

    def next(self, leaving: Phase, now: datetime) -> Transition:
        """Go to the following phase; leaving the last one finishes the session."""
        index = self._check_move(leaving)
        if index + 1 == len(self.phases):
            return self._stop(Status.DONE, now)
        return self._enter(leaving, self.phases[index + 1], now)

    def back(self, leaving: Phase, now: datetime) -> Transition:
        """Return to the previous phase, e.g. when the contract needs more
        clarification. The first phase has nothing before it."""
        index = self._check_move(leaving)
        if index == 0:
            raise InvalidValue("session.no_previous_phase")
        return self._enter(leaving, self.phases[index - 1], now)

    def end(self, now: datetime) -> Transition:
        """Finish a running session early."""
        if not self.is_running:
            raise SessionNotRunning("session.not_running")
        return self._stop(Status.DONE, now)

    def cancel(self, now: datetime) -> Transition:
        """Call off a planned or running session; a finished one stays as it was."""
        if self.status not in (Status.PLANNED, Status.RUNNING):
            raise SessionNotRunning("session.not_running")
        return self._stop(Status.CANCELLED, now)

    def _check_move(self, leaving: Phase) -> int:
        if not self.is_running or self.phase is None:
            raise SessionNotRunning("session.not_running")
        if leaving != self.phase:
            raise StaleMove("session.stale_move", expected=leaving.key, current=self.phase.key)
        return self.phases.index(self.phase)

    def _enter(self, from_phase: Phase | None, phase: Phase, now: datetime) -> Transition:
        self.phase = phase
        self.phase_started_at = now
        self.phase_deadline = now + self.time_box(phase)
        self.version += 1
        return Transition(from_phase, phase, self.status, self.phase_deadline)

    def _stop(self, status: Status, now: datetime) -> Transition:
        from_phase = self.phase
        self.status = status
        self.phase_deadline = None
        self.ended_at = now
        self.version += 1
        return Transition(from_phase, None, status, None)
