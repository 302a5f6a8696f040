"""Small value types and validation for what people write during a session.

Text limits follow Slack: a section block holds at most 3,000 characters, so
longer text would fail when posted back. The enums name the kinds of help,
contributions and follow-ups the method distinguishes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from .errors import InvalidText, InvalidValue

MAX_TEXT = 3000
MIN_RATING = 1
MAX_RATING = 5


# Letters that draw nothing (Hangul fillers, the blank Braille pattern).
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def _visible(char: str) -> bool:
    """Whether a character shows: not a space, a control, a format character (zero-width
    space and joiners, direction marks, BOM) nor a letter that draws nothing."""
    return not (
        char.isspace() or unicodedata.category(char) in ("Cc", "Cf") or char in _BLANK_LETTERS
    )


def looks_written(text: str) -> bool:
    """Whether a text shows anything at all on screen."""
    return any(_visible(c) for c in text)


def clean_text(text: str, limit: int = MAX_TEXT) -> str:
    """Strip surrounding blanks (and NUL, which PostgreSQL cannot store) and refuse
    empty or over-long text."""
    cleaned = (text or "").replace("\x00", "").strip()
    if not cleaned:
        raise InvalidText("text.empty")
    if not looks_written(cleaned):
        raise InvalidText("text.blank")  # only zero-width or blank-looking characters
    if len(cleaned) > limit:
        raise InvalidText("text.too_long", limit=limit, length=len(cleaned))
    return cleaned


class HelpKind(StrEnum):
    """The kinds of help a client may ask for in the contract (phase 3)."""

    IDEAS = "ideas"
    EXPERIENCE = "experience"
    RESOURCES = "resources"
    REFRAMING_QUESTIONS = "reframing_questions"
    IMPRESSIONS = "impressions"
    ACTION_OPTIONS = "action_options"


class ContributionKind(StrEnum):
    """What a consultant offers during exploration (phase 4)."""

    IMPRESSION = "impression"
    QUESTION = "question"
    IDEA = "idea"
    SUGGESTION = "suggestion"
    EXPERIENCE = "experience"
    RESOURCE = "resource"


CONTRIBUTION_FOR_HELP: dict[HelpKind, ContributionKind] = {
    HelpKind.IDEAS: ContributionKind.IDEA,
    HelpKind.EXPERIENCE: ContributionKind.EXPERIENCE,
    HelpKind.RESOURCES: ContributionKind.RESOURCE,
    HelpKind.REFRAMING_QUESTIONS: ContributionKind.QUESTION,
    HelpKind.IMPRESSIONS: ContributionKind.IMPRESSION,
    HelpKind.ACTION_OPTIONS: ContributionKind.SUGGESTION,
}


def default_contribution_kind(help_kinds: Sequence[HelpKind]) -> ContributionKind:
    """A plain reply in exploration is filed as the kind of help the client
    asked for first, so consultants rarely have to tag their replies."""
    if not help_kinds:
        return ContributionKind.IDEA
    return CONTRIBUTION_FOR_HELP[HelpKind(help_kinds[0])]


class Harvest(StrEnum):
    """What the client does with a contribution: keep, park for later, drop."""

    KEEP = "keep"
    PARK = "park"
    DROP = "drop"


class ActionStatus(StrEnum):
    """Progress of an action-plan item, reported at follow-up."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class ConfirmStatus(StrEnum):
    """A consultant's answer to the contract: understood, or please reword."""

    CONFIRMED = "confirmed"
    REWORD = "reword"


def check_rating(value: Any) -> int:
    """Accept a whole rating from 1 to 5 (an int or its digits as text)."""
    if isinstance(value, bool):
        raise InvalidValue("evaluation.rating_range", min=MIN_RATING, max=MAX_RATING)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int) or not MIN_RATING <= value <= MAX_RATING:
        raise InvalidValue("evaluation.rating_range", min=MIN_RATING, max=MAX_RATING)
    return value
