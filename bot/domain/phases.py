"""The phases of a codéveloppement session and how long each may last.

Phases are data (an ordered enum plus time-box tables) so that the session
state machine, the rules table and the Slack views all agree on one order.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from enum import IntEnum, StrEnum
from typing import Any


class Phase(IntEnum):
    """The Payette & Champagne phases, in the order a session walks them.

    Phase 0 (follow-up of the previous client's plan) is optional.
    """

    FOLLOW_UP = 0
    EXPOSE = 1
    CLARIFICATION = 2
    CONTRACT = 3
    EXPLORATION = 4
    SYNTHESIS = 5
    LEARNING = 6

    @property
    def key(self) -> str:
        """Stable lower-case name, used in i18n keys, ids and storage."""
        return self.name.lower()


class Mode(StrEnum):
    """Live sessions are timed in minutes; async ones run over days."""

    LIVE = "live"
    ASYNC = "async"


DEFAULT_LIVE_MINUTES: dict[Phase, int] = {
    Phase.FOLLOW_UP: 5,
    Phase.EXPOSE: 10,
    Phase.CLARIFICATION: 15,
    Phase.CONTRACT: 5,
    Phase.EXPLORATION: 25,
    Phase.SYNTHESIS: 15,
    Phase.LEARNING: 15,
}

DEFAULT_ASYNC_HOURS: dict[Phase, int] = {
    Phase.FOLLOW_UP: 24,
    Phase.EXPOSE: 24,
    Phase.CLARIFICATION: 48,
    Phase.CONTRACT: 24,
    Phase.EXPLORATION: 48,
    Phase.SYNTHESIS: 24,
    Phase.LEARNING: 24,
}


def phases_for(with_follow_up: bool) -> tuple[Phase, ...]:
    """The phases a session walks: the follow-up only when the group wants it."""
    first = Phase.FOLLOW_UP if with_follow_up else Phase.EXPOSE
    return tuple(phase for phase in Phase if phase >= first)


def time_box(
    phase: Phase,
    mode: Mode,
    live_minutes: Mapping[int, int] | None = None,
    async_hours: Mapping[int, int] | None = None,
) -> timedelta:
    """How long `phase` lasts in `mode`.

    Overrides are keyed by the phase's number; stored as JSON, the keys come
    back as strings ("2"), so both spellings count. A phase missing from them
    keeps the default.
    """
    if mode is Mode.LIVE:
        minutes = _override(live_minutes, phase)
        return timedelta(minutes=minutes or DEFAULT_LIVE_MINUTES[phase])
    hours = _override(async_hours, phase)
    return timedelta(hours=hours or DEFAULT_ASYNC_HOURS[phase])


def _override(overrides: Mapping[Any, Any] | None, phase: Phase) -> int | None:
    overrides = overrides or {}
    value = overrides.get(int(phase), overrides.get(str(int(phase))))
    return int(value) if value else None
