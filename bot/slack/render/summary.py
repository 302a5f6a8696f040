"""The end of a session: its short summary in the thread (and in `/codev report`);
the client's whole record is in record.py."""

from __future__ import annotations

from ...i18n import t
from ...services.summary import SessionSummary
from ..text import escape, quote
from .kit import Mrkdwn, context, day_in_words, decimal, divider, header, payload, section, user
from .meetings import case_suffix

MAX_LISTED = 20


def _bullets(items: list[str], empty: str) -> str:
    if not items:
        return empty
    shown = [
        f"• {item if isinstance(item, Mrkdwn) else quote(item, 300)}" for item in items[:MAX_LISTED]
    ]
    if len(items) > MAX_LISTED:
        shown.append(f"… (+{len(items) - MAX_LISTED})")
    return "\n".join(shown)


def _contract(summary: SessionSummary, lang: str) -> str:
    if not summary.contract_request:
        return t(lang, "summary.no_contract")
    kinds = ", ".join(t(lang, f"help.{k}") for k in summary.help_kinds) or "—"
    return t(lang, "summary.contract", request=quote(summary.contract_request, 1500), kinds=kinds)


def _actions(summary: SessionSummary, lang: str) -> list[str]:
    lines = []
    for text, due in summary.actions:
        if due:
            when = t(lang, "summary.due", date=day_in_words(due, lang, summary.held_on))
            lines.append(Mrkdwn(f"{quote(text, 300)} ({when})"))
        else:
            lines.append(text)
    return lines


def session_summary(summary: SessionSummary):
    lang = summary.lang
    title = fallback = t(
        lang, "summary.title", number=summary.number, group=escape(summary.group_name)
    ) + case_suffix(lang, summary.case_number, summary.cases)
    kinds = ", ".join(
        f"{t(lang, f'contribution.{kind}')} {count}"
        for kind, count in sorted(summary.contributions_by_kind.items())
    )
    total = sum(summary.contributions_by_kind.values())
    rating = (
        t(
            lang,
            "summary.rating",
            average=decimal(summary.average_rating, lang),
            count=summary.ratings,
        )
        if summary.average_rating is not None
        else t(lang, "summary.no_rating")
    )
    learnings = [f"{user(author)} {text}" for author, text in summary.learnings]
    blocks = [
        header(title),
        section(t(lang, "summary.client", client=user(summary.client_id))),
        section(_contract(summary, lang)),
        section(t(lang, "summary.questions", count=summary.questions, answered=summary.answered)),
        section(t(lang, "summary.contributions", count=total, kinds=kinds or "—")),
        section(t(lang, "summary.kept") + "\n" + _bullets(summary.kept, "—")),
        section(t(lang, "summary.actions") + "\n" + _bullets(_actions(summary, lang), "—")),
        section(t(lang, "summary.learnings") + "\n" + _learning_lines(learnings)),
        divider(),
        context(rating),
    ]
    return payload(fallback, blocks)


def _learning_lines(lines: list[str]) -> str:
    # The author mention is ours; only the learning text needs escaping.
    if not lines:
        return "—"
    shown = []
    for line in lines[:MAX_LISTED]:
        mention, _, text = line.partition(" ")
        shown.append(f"• {mention} {quote(text, 300)}")
    if len(lines) > MAX_LISTED:
        shown.append(f"… (+{len(lines) - MAX_LISTED})")
    return "\n".join(shown)
