"""Régulation (phase 6): how the group worked, rated 1 to 5 on three criteria, and
the facilitator's private journal. Averages only ever leave the session: nobody's
votes are shown or exported one by one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

CRITERIA = ("time", "listening", "method")
SCALE = range(1, 6)


def read_votes(values: Mapping[str, object]) -> tuple[dict[str, int], list[str]]:
    """The three votes (each 1–5) and the criteria whose vote is missing or odd."""
    votes, bad = {}, []
    for criterion in CRITERIA:
        try:
            vote = int(str(values.get(criterion)))
        except ValueError:
            vote = 0
        if vote in SCALE:
            votes[criterion] = vote
        else:
            bad.append(criterion)
    return votes, bad


@dataclass(frozen=True)
class Aggregate:
    answers: int
    averages: dict[str, float | None]


def aggregate(votes: Iterable[Mapping[str, int]]) -> Aggregate:
    """Average per criterion over the votes given (one per person)."""
    found = list(votes)
    averages = {
        c: round(sum(v[c] for v in found) / len(found), 2) if found else None for c in CRITERIA
    }
    return Aggregate(len(found), averages)
