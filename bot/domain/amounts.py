"""Numbers and durations as people type them: "35 h", "1h30", "90 min", "10,5",
"2 jours", "1:30", « 1 h et demie ». Pure Python.

A bare number is read in the field's own unit (minutes for a session's length,
hours for the hours engaged); a number with a unit is converted. Decimal commas
and points both work, and thin or non-breaking spaces are blanks.
"""

from __future__ import annotations

import re
from fractions import Fraction

from .answers import fold

MINUTES, HOURS = "minutes", "hours"
# Each unit word, in minutes.
UNITS: dict[str, int] = {}
for _words, _minutes in (
    ("m min mins mn minute minutes", 1),
    ("h hr hrs hour hours heure heures", 60),
    ("j d jour jours day days journee journees", 24 * 60),
    ("sem semaine semaines wk week weeks", 7 * 24 * 60),
):
    UNITS.update(dict.fromkeys(_words.split(), _minutes))
_PER_UNIT = {MINUTES: 1, HOURS: 60}
_NUMBER = r"[0-9]{1,6}(?:[.,][0-9]{1,4})?"
_PART = re.compile(rf"\s*({_NUMBER})\s*([a-z]*)\.?\s*(?:,|et|and|&)?\s*")
_CLOCK = re.compile(r"^\s*([0-9]{1,3})\s*:\s*([0-5][0-9])\s*$")  # "1:30" as a duration
_HALF = re.compile(r"\s*(?:et|and)\s+(?:demie?|a half)\s*$|\s+(?:1/2|½)\s*$")
_QUARTER = re.compile(r"\s*(?:et|and)\s+(?:quart|a quarter)\s*$")


def _number(text: str) -> Fraction:
    return Fraction(text.replace(",", "."))


def parse_amount(text: str, unit: str) -> Fraction | None:
    """`text` as an amount in `unit` (MINUTES or HOURS), exactly; None when it is not one."""
    if any(ch.isdigit() and not ch.isascii() for ch in text or ""):
        return None  # "²", "١٢": digits, but not ones people mean as a number here
    folded = fold(text or "").replace("\u00a0", " ").replace("\u202f", " ").strip()
    folded = re.sub(r"^(?:une|un|one|an|a)\s+(?=[a-z])", "1 ", folded)
    if not folded:
        return None
    clock = _CLOCK.match(folded)
    if clock:
        on_the_clock = int(clock.group(1)) * 60 + int(clock.group(2))
        return Fraction(on_the_clock, _PER_UNIT[unit])
    extra = Fraction(0)
    for pattern, fraction in ((_HALF, Fraction(1, 2)), (_QUARTER, Fraction(1, 4))):
        found = pattern.search(folded)
        if found:
            folded, extra = folded[: found.start()], fraction
    minutes, position, parts, last_unit = Fraction(0), 0, 0, None
    while position < len(folded):
        match = _PART.match(folded, position)
        if match is None or match.end() == position:
            return None
        value, word = _number(match.group(1)), match.group(2)
        if word and word not in UNITS:
            return None
        if not word:
            # "1h30": a number after hours is minutes; after minutes or days, nothing fits
            if last_unit == 60:
                word_minutes = 1
            elif parts == 0:
                word_minutes = _PER_UNIT[unit]
            else:
                return None
        else:
            word_minutes = UNITS[word]
        if last_unit is not None and word_minutes >= last_unit:
            return None  # "30 min 2 h": units go from the largest down
        minutes += value * word_minutes
        last_unit, position, parts = word_minutes, match.end(), parts + 1
    if parts == 0:
        return None
    if extra:
        if last_unit is None or last_unit == 1:
            return None
        minutes += extra * last_unit
    return minutes / _PER_UNIT[unit]


def whole_amount(text: str, unit: str, low: int, high: int) -> int | None:
    """`text` as a whole number of `unit` from `low` to `high` (half up: "10,5" h → 11),
    or None when it is not an amount or falls outside."""
    value = parse_amount(text, unit)
    if value is None:
        return None
    whole = int(value + Fraction(1, 2)) if value >= 0 else None
    return whole if whole is not None and low <= whole <= high else None


def whole_count(text: str, low: int, high: int) -> int | None:
    """A count such as « 8 », « 8 séances », "8 sessions": its leading whole number."""
    match = re.match(r"^\s*([0-9]{1,4})\s*(?:[^\W\d_][\w\s.'-]*)?$", fold(text or ""))
    if match is None:
        return None
    value = int(match.group(1))
    return value if low <= value <= high else None
