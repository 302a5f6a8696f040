"""Messages of the cycle: the planned calendar, reminders, the client suggestion,
the charter, and the .ics upload."""

from __future__ import annotations

from slack_sdk.models.blocks import PlainTextObject, UserSelectElement

from ...i18n import t
from ...services.effects import Payload
from ..ids import ActionId
from ..text import escape, quote
from .kit import (
    actions,
    button,
    context,
    header,
    number,
    payload,
    section,
    slack_date,
    slack_time,
    user,
    users,
)
from .meetings import meeting_cases, planned_facilitator

CADENCE_KEYS = ("w1", "w2", "w3", "w4", "monthly")


def when_text(moment, tz: str, lang: str = "en") -> str:
    """A session's time: Slack shows it in the reader's zone; the words under it say the
    day in `lang` and the time in the group's zone, named."""
    return slack_time(moment, tz, lang)


def _duration(lang: str, minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if minutes < 60:
        return t(lang, "cycle.minutes", minutes=minutes)
    if not rest:
        return f"{hours} h"
    return t(lang, "cycle.hours_minutes", hours=hours, minutes=f"{rest:02d}")


def _slot_line(lang: str, slot, tz: str) -> str:
    when = when_text(slot.starts_at, tz, lang) if slot.starts_at else "—"
    client = user(slot.client_id) if slot.client_id else "—"
    status = t(lang, f"cycle.status.{slot.status}")
    return (
        t(
            lang,
            "cycle.slot",
            number=slot.number,
            when=when,
            length=_duration(lang, slot.minutes),
            status=status,
            client=client,
        )
        + meeting_cases(lang, slot.cases)
        + planned_facilitator(lang, slot.facilitator_id)
    )


def hours_line(view) -> str:
    return t(
        view.lang,
        "cycle.hours",
        planned=number(view.hours_planned, view.lang),
        done=number(view.hours_done, view.lang),
        engaged=number(view.hours_engaged, view.lang),
    )


def cycle_list(view):
    title = t(view.lang, "cycle.title", group=escape(view.group_name))
    lines = [_slot_line(view.lang, s, view.tz) for s in view.slots] or [t(view.lang, "cycle.empty")]
    reminders = ", ".join(_duration(view.lang, m) for m in view.reminder_minutes) or "—"
    return payload(
        title,
        [
            header(title),
            section("\n".join(lines)[:2900]),
            context(
                hours_line(view),
                t(view.lang, "cycle.reminders", offsets=reminders),
                t(view.lang, "cycle.turns", turns=turns_line(view.turns)),
            ),
        ],
    )


def cycle_planned(view, added: int):
    text = t(view.lang, "cycle.planned", count=added)
    return payload(text, [section(text), context(hours_line(view))])


def session_words(lang, key, group_name, number, starts_at, tz, **more) -> str:
    """A message about one session of a group: its group, number and when it starts."""
    when = when_text(starts_at, tz, lang)
    return t(lang, key, group=escape(group_name), number=number, when=when, **more)


def session_reminder(
    lang, group_name, number, starts_at, minutes_before, tz, video_url=None, cases=1
):
    before = _duration(lang, minutes_before)
    text = session_words(lang, "cycle.reminder", group_name, number, starts_at, tz, before=before)
    if cases > 1:  # the meeting's cases follow one another, each with its own client
        text += "\n" + t(lang, "meeting.holds", cases=cases)
    if video_url:  # checked when saved; escaped as any text
        text += "\n" + t(lang, "video.join", url=escape(video_url))
    return payload(text, [section(text)])


def client_prep(lang, group_name, number, starts_at, topics, tz="UTC"):
    text = session_words(lang, "cycle.prep", group_name, number, starts_at, tz)
    blocks = [section(text)]
    if topics:
        blocks.append(
            section(
                t(lang, "cycle.prep_topics") + "\n" + "\n".join("> " + quote(x) for x in topics)
            )
        )
    blocks.append(context(t(lang, "cycle.prep_hint")))
    return payload(text, blocks)


def client_suggestion(
    lang, group_name, number, starts_at, order, absent, topics, tz="UTC", channel_id=None
):
    when = when_text(starts_at, tz, lang)
    if order:
        text = t(
            lang,
            "cycle.suggest",
            group=escape(group_name),
            number=number,
            when=when,
            client=user(order[0]),
        )
    else:
        text = t(lang, "cycle.suggest_nobody", group=escape(group_name), number=number, when=when)
    blocks = [section(text)]
    if len(order) > 1:
        blocks.append(context(t(lang, "cycle.suggest_order", order=users(order))))
    if absent:
        blocks.append(context(t(lang, "cycle.suggest_absent", absent=users(absent))))
    if topics:
        lines = [f"{user(u)}: {escape(x)}" for u, x in topics]
        blocks.append(section(t(lang, "cycle.topics") + "\n" + "\n".join(lines)))
    if channel_id:
        blocks.append(_choice(lang, channel_id, number, order[0] if order else None))
    blocks.append(context(t(lang, "cycle.suggest_hint", number=number)))
    return payload(text, blocks)


def _choice(lang, channel_id, number, suggested):
    """Confirm the suggestion, or pick someone else; the group's channel and the
    session number travel in the value and the block id (the DM is not the channel)."""
    picker = UserSelectElement(
        action_id=ActionId.CHOOSE_CLIENT,
        placeholder=PlainTextObject(text=t(lang, "suggest.choose_another")),
    )
    confirm = button(
        t(lang, "suggest.confirm"),
        ActionId.CONFIRM_CLIENT,
        f"{channel_id}:{number}:{suggested}",
        style="primary",
    )
    elements = [confirm, picker] if suggested else [picker]
    return actions(*elements, block_id=f"client:{channel_id}:{number}")


def charter(view):
    title = t(view.lang, "charter.title", group=escape(view.group_name))
    body = escape(view.custom_text) if view.custom_text else t(view.lang, "charter.default")
    blocks = [header(title), section(body)]
    if view.accepted_at is not None:
        blocks.append(
            context(
                t(
                    view.lang,
                    "charter.accepted_on",
                    when=slack_date(view.accepted_at, view.accepted_at.date().isoformat()),
                )
            )
        )
    elif view.is_peer:
        blocks.append(
            actions(
                button(
                    t(view.lang, "charter.accept"),
                    ActionId.ACCEPT_CHARTER,
                    view.channel_id or "accept",  # a DM is not the group's channel
                    style="primary",
                )
            )
        )
    return payload(title, blocks)


def default_charter(lang: str) -> str:
    """The default charter's words (what the edit modal starts from)."""
    return t(lang, "charter.default")


def charter_prompt(view, held_reply: bool):
    """The charter to accept before taking part: after a reply that was not recorded,
    or for a client whose session starts."""
    key = "charter.reply_held" if held_reply else "charter.before_session"
    lead = t(view.lang, key, group=escape(view.group_name))
    shown = charter(view)
    return Payload(lead, [section(lead).to_dict(), *shown.blocks])


def charter_changed(view):
    text = t(view.lang, "charter.changed", group=escape(view.group_name))
    body = escape(view.custom_text) if view.custom_text else t(view.lang, "charter.default")
    return payload(text, [section(text), section(body)])


def calendar_event_title(lang: str, number: int, group: str, cases: int = 1) -> str:
    return t(lang, "cycle.event_title", number=number, group=group) + meeting_cases(lang, cases)


def calendar_file(lang, view, content: str) -> Payload:
    filename = "codev-" + "".join(c if c.isalnum() else "-" for c in view.group_name.lower())[:40]
    return Payload(
        text=t(lang, "cycle.calendar_comment"),
        extra={
            "files": [
                {
                    "filename": f"{filename}.ics",
                    "content": content,
                    "title": t(lang, "cycle.calendar_title", group=escape(view.group_name)),
                }
            ]
        },
    )


def moved_answer(lang: str, number: int, starts_at, tz: str):
    text = t(lang, "schedule.moved", number=number, when=when_text(starts_at, tz, lang))
    return payload(text, [section(text)])


def turns_line(turns) -> str:
    return ", ".join(f"{user(u)} {n}" for u, n in turns) or "—"


def client_chosen(lang: str, number: int, client_id: str):
    text = t(lang, "schedule.client_chosen", number=number, client=user(client_id))
    return payload(text, [section(text)])


def unreachable_member(lang: str, user_id: str, group_name: str):
    text = t(lang, "cycle.unreachable", member=user(user_id), group=escape(group_name))
    return payload(text, [section(text)])
