"""The bilan des effets: what each participant set out to change, and what changed.

At the start of a cycle each participant sets 1 to 3 objectives and says where
they stand on each (1–5). At the cycle's end, and again some weeks after, they
say where they stand now, what changed in their practice (with an example) and
where their action items are. The group's report shows aggregates only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

MAX_OBJECTIVES = 3
SCALE = range(1, 6)
END, FOLLOW_UP = "end", "follow_up"
WAVES = (END, FOLLOW_UP)
FOLLOW_UP_WEEKS = 12


def _level(value: object) -> int | None:
    try:
        level = int(str(value))
    except ValueError:
        return None
    return level if level in SCALE else None


def read_objectives(
    texts: Mapping[int, str], levels: Mapping[int, object]
) -> tuple[dict[int, tuple[str, int]], dict[int, str]]:
    """{position: (text, level)} for the objectives written (1 to 3), and problems by
    position: a text without its level, or no objective at all (position 1)."""
    found: dict[int, tuple[str, int]] = {}
    problems: dict[int, str] = {}
    for position in range(1, MAX_OBJECTIVES + 1):
        text = (texts.get(position) or "").strip()
        level = _level(levels.get(position))
        if text and level is None:
            problems[position] = "outcomes.error.level"
        elif text and level is not None:
            found[position] = (text, level)
    if not found and 1 not in problems:
        problems[1] = "outcomes.error.none"
    return found, problems


def read_progress(
    positions: Iterable[int], levels: Mapping[int, object]
) -> tuple[dict[int, int], list[int]]:
    """Where the person stands now on each of their objectives, and those left out."""
    found, missing = {}, []
    for position in positions:
        level = _level(levels.get(position))
        if level is None:
            missing.append(position)
        else:
            found[position] = level
    return found, missing


@dataclass(frozen=True)
class BeforeAfter:
    """Averages of the self-positions (1–5) over every objective."""

    objectives: int
    before: float | None
    end: float | None
    follow_up: float | None
    progressed_end: int  # objectives whose level rose by the cycle's end
    progressed_follow_up: int


def _average(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def before_after(
    baselines: Mapping[tuple[str, int], int],
    answers: Mapping[str, Mapping[tuple[str, int], int]],
) -> BeforeAfter:
    """`baselines` by (person, position); `answers` by wave, then (person, position)."""
    end, follow = answers.get(END, {}), answers.get(FOLLOW_UP, {})
    return BeforeAfter(
        objectives=len(baselines),
        before=_average(list(baselines.values())),
        end=_average(list(end.values())),
        follow_up=_average(list(follow.values())),
        progressed_end=sum(1 for k, v in end.items() if k in baselines and v > baselines[k]),
        progressed_follow_up=sum(
            1 for k, v in follow.items() if k in baselines and v > baselines[k]
        ),
    )
