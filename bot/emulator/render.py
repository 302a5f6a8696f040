"""A channel as a person reads it in Slack, as plain text.

Used by `codev demo` and by tests that assert on what users actually see:
mrkdwn tokens become names and dates, blocks become lines, buttons become
[Label], and thread replies sit indented under their root.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from .models import Message
    from .workspace import Workspace

_TOKEN = re.compile(r"<([^<>]+)>")


def mrkdwn(ws: Workspace, text: str) -> str:
    """Slack's `<…>` tokens and HTML entities shown as Slack shows them."""

    def token(match: re.Match) -> str:
        body = match.group(1)
        target, _, label = body.partition("|")
        if target.startswith("@"):
            user = ws.users.get(target[1:])
            name = user["name"] if user else (label or target[1:])
            return "@" + (ws.bot_name if target[1:] == ws.bot_user_id else name)
        if target.startswith("#"):
            channel = ws.channels.get(target[1:])
            return "#" + (label or (channel["name"] if channel else target[1:]))
        if target.startswith("!date^"):
            return label or target
        if target.startswith("!subteam^"):
            return label or "@team"
        if target.startswith("!"):
            return "@" + (label or target[1:])
        return f"{label} ({target})" if label else target

    return html.unescape(_TOKEN.sub(token, text or ""))


def _text(ws: Workspace, obj: object) -> str:
    if not isinstance(obj, dict):
        return ""
    raw = obj.get("text", "")
    return mrkdwn(ws, raw) if obj.get("type") == "mrkdwn" else raw


def _element(ws: Workspace, el: dict) -> str:
    kind = el.get("type", "")
    if kind == "button":
        return f"[{_text(ws, el.get('text'))}]"
    if kind in ("plain_text", "mrkdwn"):
        return _text(ws, el)
    if kind == "image":
        return f"[image: {el.get('alt_text', '')}]"
    if kind == "overflow":
        return "[…]"
    label = _text(ws, el.get("placeholder")) or kind.replace("_", " ")
    return f"[{label} ▾]"


def _rich(node: object) -> str:
    if isinstance(node, dict):
        if "text" in node and isinstance(node["text"], str):
            return node["text"]
        return "".join(_rich(n) for n in node.get("elements", []))
    return ""


def blocks_lines(ws: Workspace, blocks: list[dict]) -> list[str]:
    """Each block as the lines a reader sees."""
    lines: list[str] = []
    for b in blocks:
        kind = b.get("type")
        if kind == "header":
            lines.append(f"*{_text(ws, b.get('text'))}*")
        elif kind == "section":
            text = _text(ws, b.get("text"))
            acc = b.get("accessory")
            if acc:
                text = f"{text}  {_element(ws, acc)}".strip()
            lines.extend(text.splitlines() or [""])
            for field in b.get("fields") or []:
                lines.extend(_text(ws, field).splitlines())
        elif kind == "context":
            lines.append(" · ".join(_element(ws, e) for e in b.get("elements", [])))
        elif kind == "actions":
            lines.append(" ".join(_element(ws, e) for e in b.get("elements", [])))
        elif kind == "divider":
            lines.append("───")
        elif kind == "input":
            lines.append(f"{_text(ws, b.get('label'))}: {_element(ws, b.get('element', {}))}")
        elif kind == "image":
            lines.append(f"[image: {b.get('alt_text', '')}]")
        elif kind == "rich_text":
            lines.extend(_rich(b).splitlines())
        elif kind == "markdown":
            lines.extend(str(b.get("text", "")).splitlines())
    return lines


def _author(ws: Workspace, msg: Message) -> str:
    if msg.bot:
        return f"{ws.bot_name} (app)"
    user = ws.users.get(msg.user)
    return user["name"] if user else msg.user


def _clock(ts: str, tz: str | None) -> str:
    zone = ZoneInfo(tz) if tz else None
    return datetime.fromtimestamp(float(ts), tz=zone).astimezone(zone).strftime("%H:%M")


def message_lines(ws: Workspace, msg: Message, tz: str | None, indent: str = "") -> list[str]:
    head = f"{indent}{_author(ws, msg)}  {_clock(msg.ts, tz)}"
    if msg.edited:
        head += "  (edited)"
    if msg.to:
        head += "  (only visible to you)"
    body = blocks_lines(ws, msg.blocks) if msg.blocks else mrkdwn(ws, msg.text).splitlines()
    body += [f"[file: {f.get('title') or f.get('name')}]" for f in msg.files]
    if msg.reactions:
        body.append(" ".join(f":{n}: {len(u)}" for n, u in msg.reactions.items()))
    return [head] + [f"{indent}  {line}" for line in body]


def render(ws: Workspace, channel: str, tz: str | None = None, viewer: str | None = None) -> str:
    """The channel, then each thread under its root; a viewer also sees their ephemerals."""
    with ws.lock:
        channel = ws.dm_channel(channel) or channel
        info = ws.channels.get(channel, {})
        title = f"@{info['user']}" if info.get("is_im") else f"#{info.get('name', channel)}"
        top = ws.channel_messages(channel)
        if viewer:
            top = sorted(
                top + [m for m in ws.ephemerals(viewer, channel) if not m.thread_ts],
                key=lambda m: m.ts,
            )
        lines = [title]
        for msg in top:
            lines += message_lines(ws, msg, tz)
            replies = ws.thread(channel, msg.ts)
            if viewer:
                replies = sorted(
                    replies + [m for m in ws.ephemerals(viewer, channel) if m.thread_ts == msg.ts],
                    key=lambda m: m.ts,
                )
            for reply in replies:
                lines += message_lines(ws, reply, tz, indent="    ")
    return "\n".join(lines) + "\n"
