"""The client's record of a session: every question with its answers, every
contribution by kind with what they kept and parked, the plan and the learnings.

Nothing is cut. What does not fit in one message (Slack: 50 blocks, 3,000
characters a section) goes on in the next ones, each titled « (2/3) »: messages
rather than a file, because the bot's own messages are re-rendered when someone
is forgotten, and a file could not be.
"""

from __future__ import annotations

from ...domain import ContributionKind
from ...i18n import t
from ...services.effects import Payload
from ...services.summary import SessionSummary
from ..text import escape
from .kit import context, day_in_words, header, payload, section, user

SECTION_CHARS = 2900  # under the 3,000 of a section, for the marks we add
MESSAGE_BLOCKS = 45  # under Slack's 50
MESSAGE_CHARS = 12000  # a message stays easy to read and well under Slack's size limit
MARKS = {"keep": "✅", "park": "🅿️", "drop": "✖️", None: "▫️"}


def _pieces(line: str, limit: int = SECTION_CHARS) -> list[str]:
    """A line longer than a section, cut between words (never inside `&amp;`)."""
    pieces = []
    while len(line) > limit:
        cut = line.rfind(" ", limit // 2, limit)
        if cut < 0:
            cut = limit
            amp = line.rfind("&", cut - 6, cut)
            if amp > 0 and ";" not in line[amp:cut]:
                cut = amp
        pieces.append(line[:cut])
        line = line[cut:].lstrip(" ")
    return [*pieces, line]


def _sections(title: str, lines: list[str]) -> list[str]:
    """`title` then `lines`, packed into as few section texts as fit."""
    texts, current = [], title
    for line in lines:
        for piece in _pieces(line):
            if current and len(current) + 1 + len(piece) > SECTION_CHARS:
                texts.append(current)
                current = piece
            else:
                current = f"{current}\n{piece}" if current else piece
    if current:
        texts.append(current)
    return texts


def _quoted(text: str) -> str:
    """What someone wrote, escaped, as a Slack quote (every line of it)."""
    return "\n".join(f"> {line}" for line in escape(text).splitlines() or [""])


def _questions(summary: SessionSummary, lang: str) -> list[str]:
    title = t(lang, "record.questions", count=len(summary.qa), answered=summary.answered)
    lines = []
    for number, question, answers in summary.qa:
        lines.append(f"*Q{number}* {escape(question)}")
        lines += [_quoted(a) for a in answers] or [f"_{t(lang, 'record.no_answer')}_"]
    return _sections(title, lines or ["—"])


def _mark(lang: str, harvest: str | None) -> str:
    return t(lang, f"record.mark.{harvest if harvest in ('keep', 'park', 'drop') else 'none'}")


def _contributions(summary: SessionSummary, lang: str) -> list[str]:
    total = len(summary.items)
    texts = []
    title = t(lang, "record.contributions", count=total)
    legend = " · ".join(f"{MARKS[h]} {_mark(lang, h)}" for h in MARKS)
    texts += _sections(title, [f"_{legend}_"] if total else ["—"])
    kinds = [
        *ContributionKind,
        *sorted({k for _, k, _, _ in summary.items} - set(ContributionKind)),
    ]
    for kind in kinds:  # a kind the app no longer names is still shown, never dropped
        mine = [item for item in summary.items if item[1] == kind]
        if not mine:
            continue
        lines = [
            f"{MARKS.get(harvest, MARKS[None])} *{_mark(lang, harvest)}* · #{number} {escape(text)}"
            for number, _, text, harvest in mine
        ]
        name = t(lang, f"contribution.{kind}") if kind in set(ContributionKind) else str(kind)
        heading = f"*{escape(name).capitalize()}* ({len(mine)})"
        texts += _sections(heading, lines)
    return texts


def plan_lines(summary: SessionSummary, lang: str) -> list[str]:
    lines = []
    for item in summary.plan:
        parts = [escape(item.text)]
        if item.due:
            parts.append(t(lang, "summary.due", date=day_in_words(item.due, lang, summary.held_on)))
        else:
            parts.append(t(lang, "record.no_date"))
        if item.partner:
            parts.append(t(lang, "record.with", who=escape(item.partner)))
        if item.sign:
            parts.append(t(lang, "record.sign", sign=escape(item.sign)))
        lines.append("• " + " — ".join(parts))
    return lines


def _record_texts(summary: SessionSummary, lang: str) -> list[str]:
    if summary.contract_request:
        kinds = ", ".join(t(lang, f"help.{k}") for k in summary.help_kinds) or "—"
        contract = t(
            lang, "summary.contract", request=escape(summary.contract_request), kinds=kinds
        )
    else:
        contract = t(lang, "summary.no_contract")
    learnings = [f"• {user(author)} {escape(text)}" for author, text in summary.learnings]
    return [
        *_sections("", [contract]),
        *_questions(summary, lang),
        *_contributions(summary, lang),
        *_sections(t(lang, "summary.actions"), plan_lines(summary, lang) or ["—"]),
        *_sections(t(lang, "summary.learnings"), learnings or ["—"]),
    ]


def client_record(summary: SessionSummary, lang: str) -> list[Payload]:
    """The record as one message or several, in order."""
    title = t(lang, "recap.title", number=summary.number, group=escape(summary.group_name))
    parts: list[list[str]] = [[]]
    size = 0
    for text in _record_texts(summary, lang):
        if parts[-1] and (len(parts[-1]) >= MESSAGE_BLOCKS or size + len(text) > MESSAGE_CHARS):
            parts.append([])
            size = 0
        parts[-1].append(text)
        size += len(text)
    count = len(parts)
    messages = []
    for n, texts in enumerate(parts, 1):
        shown = title if count == 1 else t(lang, "record.part", title=title, n=n, count=count)
        blocks = [header(shown), *(section(text) for text in texts)]
        if n == count:
            blocks.append(context(t(lang, "recap.confidential")))
        messages.append(payload(shown, blocks))
    return messages
