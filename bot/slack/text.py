"""User text in and out of Slack: escaping for mrkdwn, reading mentions.

Slack treats `&`, `<` and `>` as control characters in mrkdwn; escaping them in
everything a person wrote means nobody can make the bot say `<!channel>`,
`<!here>`, `<@U…>` or a disguised link.
"""

from __future__ import annotations

import re

MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
BARE_NAME = re.compile(r"(?<![<\w])@([\w.\-]+)")


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quote(text: str, limit: int = 2900) -> str:
    """Escaped user text, cut to fit one section block."""
    safe = escape(text)
    return safe if len(safe) <= limit else safe[: limit - 1] + "…"


def mentioned_ids(text: str) -> list[str]:
    """User ids of `<@U123|name>` mentions (commands declared with should_escape)."""
    return MENTION.findall(text or "")


def bare_names(text: str) -> list[str]:
    """`@name` words that Slack did not turn into mentions, to resolve with users.list."""
    return BARE_NAME.findall(MENTION.sub("", text or ""))


BROADCASTS = re.compile(r"<!(channel|here|everyone|subteam\^)", re.IGNORECASE)


def defuse(text: str) -> str:
    """A last safety net on the way out: the app itself never broadcasts, so any
    `<!channel>`, `<!here>`, `<!everyone>` or group ping left in a text is shown, not sent."""
    return BROADCASTS.sub(lambda m: "&lt;!" + m.group(1), text)


# --- Markdown files (the cycle report): user text shown, never interpreted ---------
_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>`|()\[\]]+")
_MD_PUNCT = re.compile(r"([\\`*_{}\[\]|~!#])")
_BLOCK_START = re.compile(r"^(\d*)([-+.)])")


def _markdown_plain(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_PUNCT.sub(r"\\\1", text)


def markdown(text: str) -> str:
    """User text for one line of a Markdown file: HTML and Slack's `<…>` sequences
    become entities, Markdown punctuation is backslash-escaped, links are shown as
    code (never followed), and the text stays on its line."""
    line = " ".join((text or "").split())
    parts, last = [], 0
    for found in _URL.finditer(line):
        parts += [_markdown_plain(line[last : found.start()]), f"`{found.group(0)}`"]
        last = found.end()
    parts.append(_markdown_plain(line[last:]))
    return _BLOCK_START.sub(r"\1\\\2", "".join(parts), count=1)


# Explicit direction embeddings, overrides and isolates: in a name or a text they
# reorder what follows on screen, so a text can show something other than it says.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def neutralise_bidi(value):
    """A text, or every string of a block tree, without bidi override characters."""
    if isinstance(value, str):
        return BIDI_CONTROLS.sub("", value)
    if isinstance(value, list):
        return [neutralise_bidi(item) for item in value]
    if isinstance(value, dict):
        return {key: neutralise_bidi(item) for key, item in value.items()}
    return value
