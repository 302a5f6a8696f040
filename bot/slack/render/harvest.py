"""Phase content boards: the client's harvest board, the action plan, the
follow-up board, and the time-box reminders posted in the thread."""

from __future__ import annotations

from slack_sdk.models.blocks import Option, PlainTextObject, StaticSelectElement

from ...domain import ActionStatus, ContributionKind, Harvest, Phase
from ...i18n import t
from .. import payloads
from ..ids import ActionId
from ..text import quote
from .kit import actions, button, context, day_in_words, header, payload, section, user

MAX_ON_BOARD = 22  # two blocks per contribution; a message holds 50 blocks
MAX_FOLLOW_UP_BLOCKS = 47  # room left for the "more" line and the how-to
MARKS = {"keep": "✅", "park": "🅿️", "drop": "✖️", None: "▫️"}
STATUS_MARKS = {"open": "▫️", "in_progress": "⏳", "done": "✅", "dropped": "✖️"}


def _kind_select(lang: str, session_id: int, contribution_id: int, kind: str):
    options = [
        Option(
            value=f"{session_id}:{contribution_id}:{k}",
            text=PlainTextObject(text=t(lang, f"kind.{k}")),
        )
        for k in ContributionKind
    ]
    chosen = next((o for o in options if o.value.endswith(f":{kind}")), None)
    return StaticSelectElement(
        action_id=ActionId.CONTRIBUTION_KIND,
        placeholder=PlainTextObject(text=t(lang, "harvest.kind")),
        options=options,
        initial_option=chosen,
    )


def harvest_board(lang: str, session_id: int, number: int, items):
    """items: (id, number, author, kind, text, harvest). Private to the client."""
    title = t(lang, "harvest.title", number=number)
    sorted_count = sum(1 for *_, verdict in items if verdict)
    blocks = [
        header(title),
        context(t(lang, "harvest.counts", total=len(items), sorted=sorted_count)),
    ]
    for cid, num, author, kind, text, verdict in items[:MAX_ON_BOARD]:
        line = (
            f"{MARKS.get(verdict, '▫️')} *#{num}* · _{t(lang, f'kind.{kind}')}_ · "
            f"{user(author)}\n{quote(text, 1500)}"
        )
        blocks.append(section(line))
        value = payloads.join(session_id, cid)
        buttons = _choice_buttons(lang, "harvest", ActionId.HARVEST, value, Harvest, verdict)
        blocks.append(actions(*buttons, _kind_select(lang, session_id, cid, kind)))
    if len(items) > MAX_ON_BOARD:
        blocks.append(context(t(lang, "harvest.more", count=len(items) - MAX_ON_BOARD)))
    blocks.append(context(t(lang, "harvest.how_to")))
    return payload(f"{title} ({sorted_count}/{len(items)})", blocks)


def action_plan(lang: str, items):
    """The client's plan as posted in the thread; items: (what, due ISO date or None)."""
    title = t(lang, "plan.title")
    lines = "\n".join(
        f"{n}. {quote(what, 500)} — "
        + (
            t(lang, "summary.due", date=day_in_words(due, lang))
            if due
            else f"_{t(lang, 'plan.no_date')}_"
        )
        for n, (what, due) in enumerate(items, 1)
    )
    return payload(title, [header(title), section(lines or "—")])


def follow_up_board(lang: str, session_id: int, sections):
    """Phase 0: every earlier client's items still to report on, by client and session;
    sections: (client_id, session number, [(id, what, due, status)])."""
    title = t(lang, "follow_up.board_title")
    blocks = [header(title)]
    if not any(items for _, _, items in sections):
        blocks.append(section(t(lang, "follow_up.nothing_open")))
    left_out = 0
    for client_id, number, items in sections:
        if not items:
            continue
        if len(blocks) + 3 > MAX_FOLLOW_UP_BLOCKS:
            left_out += len(items)
            continue
        blocks.append(context(t(lang, "follow_up.section", client=user(client_id), number=number)))
        for item_id, what, due, status in items:
            if len(blocks) + 2 > MAX_FOLLOW_UP_BLOCKS:
                left_out += 1
                continue
            blocks.extend(_follow_up_item(lang, session_id, item_id, what, due, status))
    if left_out:
        blocks.append(context(t(lang, "follow_up.more", count=left_out)))
    blocks.append(context(t(lang, "follow_up.how_to_each")))
    return payload(title, blocks)


def _choice_buttons(lang, words: str, action_id: str, value: str, choices, chosen) -> list:
    """One button per choice of a row (`<action id>_<choice>`, value `<value>:<choice>`),
    the choice in force shown as primary."""
    return [
        button(
            t(lang, f"{words}.{choice}"),
            payloads.composite(action_id, choice),
            payloads.join(value, choice),
            style="primary" if choice == chosen else None,
        )
        for choice in choices
    ]


def _follow_up_item(lang, session_id, item_id, what, due, status):
    line = f"{STATUS_MARKS.get(status, '▫️')} {quote(what, 1500)}"
    if due:
        line += f" — {t(lang, 'summary.due', date=day_in_words(due, lang))}"
    line += f"\n_{t(lang, f'follow_up.status.{status}')}_"
    choices = (ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.DROPPED)
    return [
        section(line),
        actions(
            *_choice_buttons(
                lang,
                "follow_up.status",
                ActionId.ACTION_ITEM_STATUS,
                payloads.join(session_id, item_id),
                choices,
                status,
            )
        ),
    ]


def time_notice(lang: str, phase: int, when: str, minutes: int):
    """A live phase's reminder: its time is almost up, or over."""
    name = t(lang, f"phase.{Phase(phase).key}.name")
    text = t(lang, f"timer.{when}", phase=name, minutes=minutes)
    return payload(text, [context(text)])
