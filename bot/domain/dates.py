"""Due dates written in words, in French and English: « d'ici vendredi », « avant le
15/12 », « fin janvier », "next Tuesday", "by Dec 15th", « dans deux semaines »…

`find_due(line, today)` finds the date in an action line, wherever it is, and gives
back the action without it. Dates are read relative to `today` (the group's local
date, passed in: the domain never reads the clock) and always fall on or after it:
"le 3" written on the 20th is the 3rd of next month. Pure Python.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .answers import fold
from .errors import InvalidValue

MONTHS = {
    **dict.fromkeys(("janvier", "janv", "jan", "january"), 1),
    **dict.fromkeys(("fevrier", "fevr", "fev", "feb", "february"), 2),
    **dict.fromkeys(("mars", "mar", "march"), 3),
    **dict.fromkeys(("avril", "avr", "apr", "april"), 4),
    **dict.fromkeys(("mai", "may"), 5),
    **dict.fromkeys(("juin", "jun", "june"), 6),
    **dict.fromkeys(("juillet", "juil", "jul", "july"), 7),
    **dict.fromkeys(("aout", "aug", "august"), 8),
    **dict.fromkeys(("septembre", "sept", "sep", "september"), 9),
    **dict.fromkeys(("octobre", "oct", "october"), 10),
    **dict.fromkeys(("novembre", "nov", "november"), 11),
    **dict.fromkeys(("decembre", "dec", "december"), 12),
}
WEEKDAYS = {
    **dict.fromkeys(("lundi", "monday", "mon"), 0),
    **dict.fromkeys(("mardi", "tuesday", "tue", "tues"), 1),
    **dict.fromkeys(("mercredi", "wednesday", "wed"), 2),
    **dict.fromkeys(("jeudi", "thursday", "thu", "thurs"), 3),
    **dict.fromkeys(("vendredi", "friday", "fri"), 4),
    **dict.fromkeys(("samedi", "saturday", "sat"), 5),
    **dict.fromkeys(("dimanche", "sunday", "sun"), 6),
}
NUMBERS = {
    **dict.fromkeys(("un", "une", "a", "an", "one"), 1),
    **dict.fromkeys(("deux", "two"), 2),
    **dict.fromkeys(("trois", "three"), 3),
    **dict.fromkeys(("quatre", "four"), 4),
    **dict.fromkeys(("cinq", "five"), 5),
    **dict.fromkeys(("six",), 6),
    **dict.fromkeys(("quinze", "fifteen"), 15),
}
SPANS = {
    **dict.fromkeys(("jour", "jours", "day", "days"), 1),
    **dict.fromkeys(("semaine", "semaines", "week", "weeks"), 7),
    **dict.fromkeys(("mois", "month", "months"), 30),
}

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_COUNT = r"\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True))
_SPAN = "|".join(sorted(SPANS, key=len, reverse=True))
# Words that introduce a due date, dropped with it from the action's text.
_LEAD = re.compile(
    r"(?:(?:^|(?<=[\s(,;:—–-]))(?:au plus tard|at the latest|no later than|d'ici|d ici|avant"
    r"|apres|pour|jusqu'a|des|by|before|until|till|on|for|due|deadline|echeance|date|le|la|l'"
    r"|the|ce|cette|this|en|in|a|au|at|of)\s*[:.]?\s*)+$"
)
LEAD_WINDOW = 60  # characters looked at before a date for its leading words
_DAY_END = r"(?:er|eme|e|st|nd|rd|th)?"
PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    ("numeric", r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})(?:[/.](?P<y>\d{2,4}))?"),
    ("day_month", rf"(?P<d>\d{{1,2}}){_DAY_END}\s+(?P<mon>{_MONTH})\.?(?:\s+(?P<y>\d{{4}}))?"),
    ("month_day", rf"(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}}){_DAY_END}(?:,?\s+(?P<y>\d{{4}}))?"),
    (
        "month_part",
        rf"(?P<part>fin|debut|mi|end of|beginning of|early|mid|late|start of)[\s-]*"
        rf"(?:(?:de|d'|du mois de|of|the month of)\s*)?(?P<mon>{_MONTH})(?:\s+(?P<y>\d{{4}}))?",
    ),
    ("month_end", r"(?:la |the )?(?:fin du mois|end of (?:the|this) month)"),
    ("week_end", r"(?:la |the )?(?:fin de (?:la )?semaine|end of (?:the|this) week)"),
    ("next_week", r"(?:la semaine prochaine|next week)"),
    ("next_month", r"(?:le mois prochain|next month)"),
    (
        "relative",
        rf"(?:dans|in|sous|within|d'ici|d ici|en|au bout de)\s+(?:les\s+|the\s+|the next\s+)?"
        rf"(?P<n>{_COUNT})\s+(?P<span>{_SPAN})",
    ),
    ("tomorrow", r"(?:apres-demain|apres demain|the day after tomorrow|demain|tomorrow)"),
    ("today", r"(?:aujourd'hui|ce soir|today|tonight)"),
    ("weekday", rf"(?:next\s+|this\s+)?(?P<wd>{_WEEKDAY})\.?(?:\s+(?:prochain|next))?"),
    ("day_only", rf"(?:le|the|on the)\s+(?P<d>\d{{1,2}}){_DAY_END}(?=\s*$)"),
)
_COMPILED = tuple(
    (name, re.compile(rf"(?:^|(?<=[\s(,;:—–-]))(?:{pattern})(?![\w/])", re.IGNORECASE))
    for name, pattern in PATTERNS
)
_SEPARATORS = " \t,;:|—–-()"
_EXPLICIT = ("iso", "numeric", "day_month", "month_day")  # a wrong one is a typo to point out
_EVERY = re.compile(r"(?:chaque|every|each|tous les|toutes les)\s*$")


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _ahead(month: int, day: int, today: date, year: int | None = None) -> date | None:
    """That day and month, this year or, once past, the next."""
    if year is not None:
        return _safe(year, month, day)
    found = _safe(today.year, month, day)
    if found is None or found < today:
        found = _safe(today.year + 1, month, day)
    return found


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


def _count(text: str) -> int:
    return int(text) if text.isdigit() else NUMBERS[text]


def _resolve(name: str, m: re.Match[str], today: date, day_first: bool) -> date | None:
    g = m.groupdict()
    if name == "iso":
        return _safe(int(g["y"]), int(g["m"]), int(g["d"]))
    if name == "numeric":
        a, b = int(g["a"]), int(g["b"])
        if day_first:
            day, month = (a, b) if b <= 12 else (b, a)  # "12/25" can only be month first
        else:
            day, month = (b, a) if a <= 12 else (a, b)
        return _ahead(month, day, today, _year(g["y"]))
    if name in ("day_month", "month_day"):
        return _ahead(MONTHS[g["mon"]], int(g["d"]), today, _year(g["y"]))
    if name == "month_part":
        month, year = MONTHS[g["mon"]], _year(g["y"])
        last = calendar.monthrange(year or today.year, month)[1]
        part = g["part"]
        day = 1 if part in ("debut", "beginning of", "early", "start of") else 15
        if part in ("fin", "end of", "late"):
            day = last
        found = _ahead(month, min(day, last), today, year)
        if found is not None and part in ("fin", "end of", "late"):  # Feb 28 / 29 next year
            found = found.replace(day=calendar.monthrange(found.year, found.month)[1])
        return found
    if name == "month_end":
        return today.replace(day=calendar.monthrange(today.year, today.month)[1])
    if name == "week_end":
        return today + timedelta(days=(4 - today.weekday()) % 7)
    if name == "next_week":
        return today + timedelta(days=7)
    if name == "next_month":
        return today + timedelta(days=30)
    if name == "relative":
        return today + timedelta(days=_count(g["n"]) * SPANS[g["span"]])
    if name == "tomorrow":
        return today + timedelta(days=2 if "apres" in m.group(0) or "after" in m.group(0) else 1)
    if name == "today":
        return today
    if name == "weekday":
        return today + timedelta(days=(WEEKDAYS[g["wd"]] - today.weekday() - 1) % 7 + 1)
    if name == "day_only":
        day = int(g["d"])
        found = _safe(today.year, today.month, day)
        if found is None or found < today:
            month = today.month % 12 + 1
            found = _safe(today.year + (today.month == 12), month, day)
        return found
    return None


def find_due(line: str, today: date, day_first: bool = True) -> tuple[str, date | None]:
    """The action without its date, and the date (None when the line gives none).

    `day_first` reads 05/04 as the 5th of April (French and most of the world);
    without it, as May 4th. A date already past is read as the next one. A date that
    does not exist ("2026-02-30", « 31/04 ») raises InvalidValue("plan.bad_date").
    """
    folded = fold(line)
    for name, pattern in _COMPILED:
        # the last date in the line: "call Anne on Monday about the 3 reports — 15/12"
        matches = list(pattern.finditer(folded))
        for match in reversed(matches):
            before = folded[max(0, match.start() - LEAD_WINDOW) : match.start()]
            if name == "weekday" and _EVERY.search(before):
                continue  # « chaque lundi », "every Monday": a habit, not a due date
            due = _resolve(name, match, today, day_first)
            if due is None and name in _EXPLICIT:
                raise InvalidValue("plan.bad_date", date=line[match.start() : match.end()])
            if due is None:
                continue
            lead = _LEAD.search(before)
            start = match.start() - (len(before) - lead.start() if lead else 0)
            what = (line[:start] + " " + line[match.end() :]).strip(_SEPARATORS + ".")
            what = re.sub(r"\s{2,}", " ", what)
            return (what or line.strip()), due
    return line.strip(), None
