"""Turning a bare `@name` into a user id with users.list (cached for a few minutes)."""

from __future__ import annotations

import threading
import time

from slack_sdk.errors import SlackApiError

from ...domain import DomainError

CACHE_SECONDS = 300
_lock = threading.Lock()
_cache: dict[int, tuple[float, dict[str, str]]] = {}


def _directory(client) -> dict[str, str]:
    key = id(client)
    with _lock:
        cached = _cache.get(key)
        if cached and time.monotonic() - cached[0] < CACHE_SECONDS:
            return cached[1]
    names: dict[str, str] = {}
    cursor = None
    try:
        while True:
            page = client.users_list(limit=200, cursor=cursor)
            for member in page.get("members", []):
                if member.get("deleted") or member.get("is_bot"):
                    continue
                profile = member.get("profile") or {}
                for name in (member.get("name"), profile.get("display_name")):
                    if name:
                        names[name.lower()] = member["id"]
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                break
    except SlackApiError:
        raise DomainError("members.lookup_failed") from None
    with _lock:
        _cache[key] = (time.monotonic(), names)
    return names


def resolve_names(client, names: list[str]) -> list[str]:
    if not names:
        return []
    directory = _directory(client)
    unknown = [n for n in names if n.lower() not in directory]
    if unknown:
        raise DomainError("members.unknown_names", names=", ".join("@" + n for n in unknown))
    return [directory[n.lower()] for n in names]
