"""The App Home tab: one place where each person sees where they stand.

Times use Slack's `<!date^…>` tokens so each reader sees their own time zone.
"""

from __future__ import annotations

from ...domain.session import Status
from ...i18n import t
from ...services.effects import Payload
from ...services.home import HomeView
from ..ids import ActionId, BlockId
from ..text import escape, quote
from .kit import (
    actions,
    button,
    context,
    day_in_words,
    divider,
    header,
    payload,
    section,
    slack_date,
    slack_time,
)
from .session import phase_name


def _channel(channel_id: str) -> str:
    return f"<#{channel_id}>"


def _groups(view: HomeView) -> list:
    lang = view.lang
    lines = []
    for g in view.groups:
        role = t(lang, "home.role.facilitator" if g.facilitates else "home.role.member")
        lines.append(f"• *{escape(g.name)}* — {_channel(g.channel_id)} · {role}")
    return [section(f"*{t(lang, 'home.groups')}*\n" + "\n".join(lines))]


def _led(view: HomeView) -> list:
    lang = view.lang
    lines = []
    for g in view.led:
        if g.running_number is not None and g.running_phase is not None:
            state = t(
                lang,
                "home.led.running",
                number=g.running_number,
                phase=phase_name(lang, g.running_phase),
            )
        else:
            state = t(lang, "home.led.idle")
        lines.append(f"• *{escape(g.name)}* — {state}")
    return [section(f"*{t(lang, 'home.led')}*\n" + "\n".join(lines))]


def _sessions(view: HomeView) -> list:
    lang = view.lang
    if not view.sessions:
        return [section(f"*{t(lang, 'home.sessions')}*\n{t(lang, 'home.sessions.none')}")]
    lines = []
    for s in view.sessions:
        when = slack_time(s.when, s.tz, lang) if s.when else "—"
        if s.status == Status.RUNNING and s.phase is not None:
            state = t(lang, "home.session.running", phase=phase_name(lang, s.phase))
        else:
            state = t(lang, "home.session.planned", when=when)
        client = f" · {t(lang, 'home.session.you_client')}" if s.is_client else ""
        lines.append(f"• *{escape(s.group_name)}* #{s.number} — {state}{client}")
    return [section(f"*{t(lang, 'home.sessions')}*\n" + "\n".join(lines))]


def _items(view: HomeView) -> list:
    lang = view.lang
    blocks = [section(f"*{t(lang, 'home.items')}*")]
    if not view.items:
        return blocks + [context(t(lang, "home.items.none"))]
    for item in view.items:
        due = t(lang, "home.item.due", day=day_in_words(item.due_on, lang)) if item.due_on else ""
        status = t(lang, f"home.status.{item.status}")
        where = t(
            lang, "home.item.where", group=escape(item.group_name), number=item.session_number
        )
        blocks.append(section(f"{quote(item.text, 2500)}\n_{status}{due} · {where}_"))
        buttons = [
            button(t(lang, "home.item.done"), ActionId.HOME_ITEM_DONE, f"{item.id}:done", "primary")
        ]
        if item.status != "in_progress":
            buttons.append(
                button(
                    t(lang, "home.item.in_progress"),
                    ActionId.HOME_ITEM_PROGRESS,
                    f"{item.id}:in_progress",
                )
            )
        blocks.append(actions(*buttons, block_id=f"{BlockId.HOME_ITEM}:{item.id}"))
    return blocks


def _learnings(view: HomeView) -> list:
    lang = view.lang
    if not view.learnings:
        return [section(f"*{t(lang, 'home.learnings')}*\n{t(lang, 'home.learnings.none')}")]
    blocks = [section(f"*{t(lang, 'home.learnings')}*")]
    for item in view.learnings:
        when = slack_date(item.at, item.at.strftime("%Y-%m-%d"))
        where = t(
            lang, "home.item.where", group=escape(item.group_name), number=item.session_number
        )
        blocks.append(section(f"{quote(item.text, 2500)}\n_{when} · {where}_"))
    return blocks


def home_view(view: HomeView) -> Payload:
    """The home tab as a publishable view (type home) carried in a Payload."""
    lang = view.lang
    blocks = [header(t(lang, "home.title"))]
    if not view.groups:
        blocks += [section(t(lang, "home.outsider")), context(t(lang, "home.hint"))]
    else:
        blocks += _groups(view)
        if view.led:
            blocks += [divider(), *_led(view)]
        blocks += [divider(), *_sessions(view), divider(), *_items(view), divider()]
        blocks += _learnings(view)
        blocks += [context(t(lang, "home.hint"))]
    rendered = payload(t(lang, "home.title"), blocks)
    return Payload(text=rendered.text, blocks=rendered.blocks, extra={"type": "home"})


def view_of(published: Payload) -> dict:
    """The view Slack receives for a queued home payload (tests render it so)."""
    return {k: v for k, v in published.as_dict().items() if k != "text"}
