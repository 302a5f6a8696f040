"""Messages about a group: ready, members changed, the member list, help."""

from __future__ import annotations

from ...i18n import t
from ...services.groups import GroupInfo, MembersChange
from ..text import escape
from .kit import Mrkdwn, context, header, payload, section, user, users

SUBCOMMANDS = (
    "help",
    "setup",
    "settings",
    "gestures",
    "coaching",
    "members",
    "join",
    "leave",
    "start",
    "next",
    "back",
    "status",
    "scribe",
    "end",
    "contract",
    "report",
    "schedule",
    "calendar",
    "charter",
    "topic",
    "absent",
    "report group",
    "export",
    "lang",
    "mydata",
    "forget-me",
    "privacy",
)


HELP_LINES = 8


def group_ready(info: GroupInfo, created: bool):
    lang = info.lang
    key = "group.created" if created else "group.updated"
    text = t(lang, key, name=escape(info.name), facilitator=user(info.facilitator_id))
    details = t(
        lang, "group.details", language=info.lang, tz=info.tz, mode=t(lang, f"mode.{info.mode}")
    )
    blocks = [section(text), context(details), context(t(lang, "group.next_step"))]
    if info.public_channel:
        blocks.append(context(t(lang, "group.public_channel")))
    return payload(text, blocks)


def root_not_posted(lang: str, name: str, channel_id: str, error: str):
    """To the facilitator: the session could not start in the channel, and why."""
    fix = t(lang, f"session.root_not_posted.{error}")
    text = t(
        lang,
        "session.root_not_posted",
        name=escape(name),
        channel=channel_id,
        reason=escape(error),
        fix=fix,
    )
    return payload(text, [section(text)])


def members_added(change: MembersChange):
    lang = change.lang
    text = t(
        lang, "members.added_public", people=users(change.changed), count=len(change.peers), max=8
    )
    return payload(text, [section(text), context(t(lang, "members.charter_hint"))])


def members_answer(change: MembersChange, key: str):
    """The private answer to whoever changed or listed the members."""
    lang = change.lang
    lines = [t(lang, key, people=users(change.changed))] if key else []
    if change.unchanged:
        lines.append(t(lang, "members.unchanged", people=users(change.unchanged)))
    lines.append(
        t(
            lang,
            "members.list",
            facilitator=user(change.facilitator_id),
            people=users(change.peers),
            count=len(change.peers),
            max=8,
        )
    )
    text = "\n".join(lines)
    return payload(text, [section(text)])


def help_message(lang: str, french: dict[str, str] | None = None):
    """Every subcommand with its French name (French first for French readers),
    a few lines per section so no section passes Slack's 3,000 characters."""
    title = t(lang, "help.title")
    french = french or {}
    lines = [
        t(lang, "help.line", name=name, alias=french[name], text=t(lang, f"help.cmd.{name}"))
        if name in french
        else f"• `/codev {name}` — {t(lang, f'help.cmd.{name}')}"
        for name in SUBCOMMANDS
    ]
    chunks = ["\n".join(lines[i : i + HELP_LINES]) for i in range(0, len(lines), HELP_LINES)]
    blocks = [header(title), section(t(lang, "help.intro"))]
    blocks += [section(chunk) for chunk in chunks]
    return payload(title, [*blocks, context(t(lang, "help.fr"))])


def notice(lang: str, key: str, **params):
    """A short private message: an explanation, a refusal, a confirmation.

    Parameters are data (often typed by someone) and are escaped, except `Mrkdwn`
    values the app composed itself, such as a mention of a participant."""
    safe = {k: v if isinstance(v, Mrkdwn) else escape(str(v)) for k, v in params.items()}
    text = t(lang, key, **safe)
    return payload(text, [section(text)])
