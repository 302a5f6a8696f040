"""Required arguments and error names of the Web API, from Slack's own docs.

The method descriptions (MIT, see methods/LICENSE.md) are read once, so a call
missing an argument is refused with the error name Slack itself documents for
that method rather than one invented here.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

DEFAULT_DIR = Path(os.environ.get("CODEV_SLACK_METHODS_DIR") or Path(__file__).parent / "methods")

# For a missing argument, the first of these names the method documents wins.
_MISSING_ERRORS: dict[str, tuple[str, ...]] = {
    "channel": ("channel_not_found",),
    "channel_id": ("channel_not_found",),
    "user": ("user_not_found",),
    "users": ("users_list_not_supplied",),
    "ts": ("message_not_found", "thread_not_found"),
    "message_ts": ("message_not_found",),
    "timestamp": ("bad_timestamp", "message_not_found"),
    "name": ("invalid_name",),
    "files": ("file_not_found",),
    "filename": ("missing_argument",),
    "length": ("missing_argument",),
}


@lru_cache(maxsize=4)
def load(directory: str | None = None) -> dict[str, dict]:
    """Method name -> {"required": [...], "errors": [...]} for every JSON file."""
    root = Path(directory) if directory else DEFAULT_DIR
    out: dict[str, dict] = {}
    for path in sorted(root.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        args = doc.get("args") or {}
        errors = doc.get("errors") or {}
        scope = doc.get("scope") or {}
        out[path.stem] = {
            "required": [a for a in (args.get("required") or []) if a != "token"],
            "errors": list(errors) if isinstance(errors, dict) else list(errors),
            "scopes": list(scope.get("bot") or []) if isinstance(scope, dict) else [],
        }
    return out


def missing_error(method: str, arg: str, directory: str | None = None) -> str:
    """Slack's error name for `method` called without `arg`."""
    documented = load(directory).get(method, {}).get("errors", [])
    for name in _MISSING_ERRORS.get(arg, ()):
        if name in documented:
            return name
    return "invalid_arguments"


def required(method: str, directory: str | None = None) -> list[str]:
    return list(load(directory).get(method, {}).get("required", []))


# Which of a conversations method's scopes a kind of conversation needs.
_KIND_PREFIX = {"public": "channels:", "private": "groups:", "im": "im:", "mpim": "mpim:"}


def needed_scope(method: str, kind: str | None, directory: str | None = None) -> str | None:
    """The bot scope `method` needs for a conversation of `kind` (public, private, im,
    mpim; None when not about one): a method that lists one scope per kind of
    conversation (conversations.history: channels:history, groups:history, …) needs
    the one for that kind; conversations.open for a DM needs im:write."""
    scopes = load(directory).get(method, {}).get("scopes", [])
    if not scopes:
        return None
    if method == "conversations.open":
        return "im:write"
    by_kind = [s for s in scopes if any(s.startswith(p) for p in _KIND_PREFIX.values())]
    if len(by_kind) > 1:
        if kind is None:
            return None
        return next((s for s in by_kind if s.startswith(_KIND_PREFIX[kind])), None)
    return scopes[0]


load()
