"""Messages that depend on what people did: phase-deadline nudges of async
sessions, the follow-ups of action plans, and the end of the cycle (refused while
someone was never client, unless the facilitator closes anyway)."""

from __future__ import annotations

from ...i18n import t
from ..ids import ActionId
from ..text import escape, quote
from .cycle import hours_line, session_words, turns_line
from .kit import actions, button, context, day_in_words, payload, section, slack_time, users


def phase_nudge(lang, kind, group_name, number, channel_id, deadline, waiting=0, tz="UTC"):
    """`kind`: ask, answer, contract, confirm or rate."""
    text = t(
        lang,
        f"nudge.{kind}",
        group=escape(group_name),
        number=number,
        channel=f"<#{channel_id}>",
        deadline=slack_time(deadline, tz, lang),
        count=waiting,
    )
    return payload(text, [section(text), context(t(lang, f"nudge.{kind}.how"))])


def item_due(lang, group_name, number, item_text):
    text = t(lang, "followup.due", group=escape(group_name), number=number, item=quote(item_text))
    return payload(text, [section(text), context(t(lang, "followup.due_how"))])


def items_recap(lang, group_name, number, starts_at, items, tz):
    text = session_words(lang, "followup.recap", group_name, number, starts_at, tz)
    lines = [
        "• " + quote(what) + (f" — {day_in_words(due, lang)}" if due else "") for what, due in items
    ]
    return payload(
        text,
        [section(text), section("\n".join(lines)), context(t(lang, "followup.recap_how"))],
    )


def close_refused(lang: str, channel_id: str, never_client: list[str]):
    text = t(lang, "close.never_client", members=users(never_client))
    return payload(
        text,
        [
            section(text),
            actions(
                button(t(lang, "close.anyway"), ActionId.CLOSE_CYCLE, channel_id, style="danger")
            ),
        ],
    )


def cycle_closed(view, dropped: int, never_client: list[str]):
    text = t(view.lang, "close.done", group=escape(view.group_name), dropped=dropped)
    lines = [hours_line(view), t(view.lang, "cycle.turns", turns=turns_line(view.turns))]
    if never_client:
        lines.append(t(view.lang, "close.never_named", members=users(never_client)))
    return payload(text, [section(text), context(*lines)])
