"""Which question a client's reply answers, read the way people write it.

People point to a question in many ways at the start of a reply: « Réponse 1 : »,
« R1 », « Pour la question 2, », « Q° 3 », "Answer to 2:", "re Q3", "#3", "3)"…
They also quote the question (Slack's `>`), paste part of it, or simply reply
while one question is waiting. When none of that settles it, the reply is not an
answer yet: the caller keeps the text and asks the client which question it
answers. Pure Python: no framework, no clock.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

_ANSWER_WORD = r"(?:en\s+)?(?:reponses?|answers?|replies|reply|rep\.?)"
_TO = r"(?:a|to|for|au|pour|de)"
_ARTICLE = r"(?:(?:the|la|le|l'|ta|your|votre|ma|my|ur)\s*)"
_ABOUT = r"(?:re|regarding|about|concerning|on|for|to|pour|sur|concernant|quant\s+a|a|au)"
_QUESTION_WORD = r"(?:questions?|qu\.?|qn|q)\s*(?:n\s*°|no\.|[°º#.])?"
_NUMBER_WORD = r"(?:n\s*[°º]|no\.|nr\.?|numero|number|num\.?|#)"
# After the number: not "3h", "3 min", "3,5", "3%" (a quantity, not a pointer).
_N = r"(\d{1,3})(?!\d|[.,]\d|\s*(?:h|min|mn|%|€|\$|ans|years?|jours?|days?)\b)"
_END = r"[*_]*\s*(?:[:.)\-–—,>/]+\s*|\s+|$)"
# Each pattern, and whether it names its question (strong) or is a bare number (weak: it
# counts only if that question exists, "3) …" may just be a list).
POINTERS = tuple(
    (re.compile(pattern, re.IGNORECASE), strong)
    for pattern, strong in (
        # « Pour la question 2, », "re Q3", "Réponse à la Q° 3", "answer to question 4"
        (
            rf"^(?:(?:{_ANSWER_WORD}|{_ABOUT})\b[\s:.,]*(?:{_TO}\b\s*)?)?{_ARTICLE}?"
            rf"{_QUESTION_WORD}\s*{_N}{_END}",
            True,
        ),
        # « Réponse 1 : », « Réponse à la 2 », "Answer to 2:", "Reply 3"
        (rf"^{_ANSWER_WORD}\s*(?:{_TO}\b\s*)?{_ARTICLE}?(?:{_NUMBER_WORD}\s*)?{_N}{_END}", True),
        # « R1 », « R°2 », "A3:", "A.3"
        (rf"^[ra](?:[°º.#]\s*)?{_N}{_END}", True),
        (rf"^[ra]\s+{_N}[*_]*\s*[:)\-–—/]+\s*", True),
        # « n° 3 », "no. 3", "#3", "number 3:"
        (rf"^(?:{_ABOUT}\b\s*)?{_ARTICLE}?{_NUMBER_WORD}\s*{_N}{_END}", True),
        # « Pour la 2, », "re 3:", "for 2)" — the number must be set apart
        (rf"^{_ABOUT}\b\s*{_ARTICLE}?{_N}\s*[:,)\-–—]\s*", False),
        # "3)", "3 :", "3 -", "3. ", "(3)"
        (r"^\(?(\d{1,3})\s*(?:\)|:|-|–|—|\.(?=\s))\s*", False),
    )
)
_QUOTE_LINE = re.compile(r"^\s*(?:>|&gt;)\s?(.*)$")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# Words too common to tell two questions apart.
_STOP = frozenset(
    re.findall(
        r"\S+",
        """a an and are as at be but by do does did for from had has have how i if in is it its
    of on or so that the their them then there they this to was we were what when where which
    who why will with you your yours au aux avec ce ces cet cette comment dans de des du elle
    en est et eu il ils je la le les leur lui ma mais me mes moi mon ne nos notre nous on ou
    par pas pour qu que quel quelle quels qui sa se ses son sur ta te tes toi ton tu un une
    vos votre vous y est-ce qu'est-ce""",
    )
)
POINTER_WINDOW = 80
MIN_OVERLAP_WORDS = 4
OVERLAP_SHARE = 0.8


@dataclass(frozen=True)
class QuestionRef:
    """A question as the reader needs it: its number, its text, answered or not."""

    number: int
    text: str
    answered: bool = False


@dataclass(frozen=True)
class Placement:
    """Where a reply goes: `number` (None when unsure), the answer's text without the
    pointer or the quote, and, when unsure, the questions to offer (`candidates`);
    `missing` is the number the reply named when there is no such question."""

    number: int | None
    text: str
    candidates: tuple[int, ...] = field(default=())
    missing: int | None = None


def _fold_char(ch: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    plain = plain.lower()
    return plain if len(plain) == 1 else ch


def fold(text: str) -> str:
    """Lower case without accents, one character for one: « Réponse » reads "reponse",
    and a match's positions in the folded text are valid in the original."""
    return "".join(_fold_char(ch) for ch in text)


def _strip_markup(text: str) -> str:
    """Leading bold/italic marks, quotes and blanks ("*R1* :", « "Q2" »)."""
    marks = re.match(r"^[\s*_~`«\"“]*", text)  # always matches, perhaps empty
    return text[marks.end() if marks else 0 :]


def reference(text: str) -> tuple[int, str, bool] | None:
    """The question a reply points to at its start: (number, rest, strong), or None.

    A strong pointer names the question ("Q3", "Réponse 3", "n° 3", "#3"); a weak one
    is a bare list-like number ("3)", "3 :") that counts only if that question exists.
    """
    body = _strip_markup(text)
    folded = fold(body[:POINTER_WINDOW])  # a pointer is at the start: no need to read more
    for pattern, strong in POINTERS:
        match = pattern.match(folded)
        if match:
            rest = body[match.end() :].lstrip(" *_:,.-–—)")
            return int(match.group(1)), rest.strip(), strong
    return None


def split_quote(text: str) -> tuple[str, str]:
    """A Slack reply that quotes: (the quoted lines, the rest). Slack sends `>` as `&gt;`."""
    quoted: list[str] = []
    rest: list[str] = []
    for line in text.splitlines():
        match = _QUOTE_LINE.match(line)
        (quoted if match and not rest else rest).append(match.group(1) if match else line)
    return "\n".join(quoted).strip(), "\n".join(rest).strip()


def _words(text: str) -> set[str]:
    return {w for w in _TOKEN.findall(fold(text)) if w not in _STOP and len(w) > 1}


def _closest(text: str, questions: Sequence[QuestionRef], share: float) -> int | None:
    """The one question whose words are (mostly) all in `text`; None when none or a tie."""
    words = _words(text)
    scored = []
    for question in questions:
        asked = _words(question.text)
        if len(asked) < MIN_OVERLAP_WORDS and share >= OVERLAP_SHARE:
            continue
        if asked:
            scored.append((len(asked & words) / len(asked), question.number))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < share:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]


def place_answer(text: str, questions: Sequence[QuestionRef]) -> Placement:
    """Which question `text` answers, in this order: a pointer at its start, a quote of
    a question, a large part of a question pasted in, the only question waiting.
    Otherwise `number` is None and `candidates` lists the questions to ask about."""
    numbers = {q.number for q in questions}
    waiting = tuple(q.number for q in questions if not q.answered)
    pointed = reference(text)
    if pointed is not None:
        number, rest, strong = pointed
        if number in numbers:
            return Placement(number, rest or text)
        if strong:
            return Placement(None, text, waiting or tuple(sorted(numbers)), missing=number)
    quoted, rest = split_quote(text)
    if quoted:
        closest = _closest(quoted, questions, 0.5)
        if closest is not None:
            return Placement(closest, rest or text)
        pointed = reference(rest)
        if pointed is not None and pointed[0] in numbers:
            return Placement(pointed[0], pointed[1] or rest)
    closest = _closest(text, questions, OVERLAP_SHARE)
    if closest is not None:
        return Placement(closest, text)
    if len(waiting) == 1:
        return Placement(waiting[0], text)
    return Placement(None, text, waiting or tuple(sorted(numbers)))


def split_answers(text: str, questions: Sequence[QuestionRef]) -> list[tuple[int, str]] | None:
    """Several answers in one reply, each line starting with its question:
    « R1 : oui\\nR2 : non » → [(1, "oui"), (2, "non")]. None unless the reply starts with
    such a pointer and names at least two questions that exist; a line without a pointer
    belongs to the answer above it ("Q3: two reasons:\\n1) time\\n2) money" is one answer)."""
    numbers = {q.number for q in questions}
    parts: list[tuple[int, list[str]]] = []
    for line in text.splitlines():
        pointed = reference(line)
        if pointed is not None and pointed[2] and pointed[0] in numbers:
            parts.append((pointed[0], [pointed[1]] if pointed[1] else []))
        elif parts:
            parts[-1][1].append(line)
        elif line.strip():
            return None
    answers = [(number, "\n".join(lines).strip()) for number, lines in parts]
    answers = [(number, body) for number, body in answers if body]
    if len({number for number, _ in answers}) < 2:
        return None
    return answers
