"""Turning a bare `@name` into a user id: one directory of names per workspace.

Bolt builds a new WebClient for every request, so the directory is keyed by the
workspace (team id), never by the client. Requests read it from memory; users.list and
its pagination run in a background thread, one read at a time per workspace:

- a directory younger than MAX_AGE answers at once;
- an older one still answers at once while a fresh one is read behind it;
- a name it does not know starts a read too (someone may have just joined), unless the
  directory is younger than MIN_REFRESH;
- a request waits for a read only when its workspace has no directory yet or the name
  is unknown, and at most WAIT seconds (a third of Slack's 3 s): past that, the person
  is told to try again or to mention people with @ (what Slack itself completes).

At most MAX_TEAMS directories are kept, the least recently used dropped first, of at
most MAX_NAMES names each. A failed read is not retried for RETRY_AFTER seconds.

Why memory and not a stored directory: a table of every workspace member would be one
more copy of personal data to erase (forget-me, retention) for what is a convenience;
a cache that lives a few minutes holds nothing the app keeps.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from slack_sdk.errors import SlackApiError

from ...domain import DomainError

log = logging.getLogger("codev.slack")

MAX_AGE = 300.0
MIN_REFRESH = 30.0
WAIT = 1.0
RETRY_AFTER = 15.0
MAX_TEAMS = 200
MAX_NAMES = 50_000
PAGE = 200


@dataclass
class _Entry:
    names: dict[str, str] | None = None
    loaded_at: float = float("-inf")
    failed_at: float = float("-inf")
    reading: threading.Event | None = None  # set when the read in progress ends


class Directory:
    """Name → user id of each workspace, read with users.list off the request path."""

    def __init__(
        self,
        max_age: float = MAX_AGE,
        min_refresh: float = MIN_REFRESH,
        wait: float = WAIT,
        max_teams: int = MAX_TEAMS,
        max_names: int = MAX_NAMES,
        clock=time.monotonic,
    ):
        self.max_age, self.min_refresh, self.wait = max_age, min_refresh, wait
        self.max_teams, self.max_names = max_teams, max_names
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, _Entry] = OrderedDict()

    def resolve(self, client, team_id: str, names: list[str]) -> list[str]:
        """The user ids of `names` in the workspace, or a refusal naming the unknown ones."""
        if not names:
            return []
        directory = self._directory(client, team_id, [n.lower() for n in names])
        unknown = [n for n in names if n.lower() not in directory]
        if unknown:
            raise DomainError("members.unknown_names", names=", ".join("@" + n for n in unknown))
        return [directory[n.lower()] for n in names]

    def teams(self) -> list[str]:
        with self._lock:
            return list(self._entries)

    def _directory(self, client, team_id: str, wanted: list[str]) -> dict[str, str]:
        with self._lock:
            entry = self._entry(team_id)
            now = self._clock()
            age = now - entry.loaded_at
            known = entry.names is not None and all(n in entry.names for n in wanted)
            if age >= self.max_age or (not known and age >= self.min_refresh):
                self._start_read(client, team_id, entry, now)
            reading, names = entry.reading, entry.names
        if known or reading is None:
            if names is None:
                raise DomainError("members.lookup_failed")
            return names  # fresh enough, or being refreshed behind this answer
        reading.wait(self.wait)
        with self._lock:
            names = entry.names
        if names is None:
            raise DomainError("members.lookup_failed")
        return names

    def _entry(self, team_id: str) -> _Entry:
        entry = self._entries.get(team_id)
        if entry is None:
            entry = self._entries[team_id] = _Entry()
            while len(self._entries) > self.max_teams:
                self._entries.popitem(last=False)
        self._entries.move_to_end(team_id)
        return entry

    def _start_read(self, client, team_id: str, entry: _Entry, now: float) -> None:
        if entry.reading is not None or now - entry.failed_at < RETRY_AFTER:
            return
        entry.reading = threading.Event()
        thread = threading.Thread(
            target=self._read, args=(client, team_id, entry), name="codev-directory", daemon=True
        )
        thread.start()

    def _read(self, client, team_id: str, entry: _Entry) -> None:
        names = None
        try:
            names = self._fetch(client)
        except SlackApiError as error:
            log.warning("users.list failed for %s: %s", team_id, error.response.get("error"))
        except OSError as error:
            log.warning("users.list unreachable for %s: %s", team_id, type(error).__name__)
        finally:
            with self._lock:
                if names is not None:
                    entry.names, entry.loaded_at = names, self._clock()
                else:
                    entry.failed_at = self._clock()
                done, entry.reading = entry.reading, None
            done.set()

    def _fetch(self, client) -> dict[str, str]:
        names: dict[str, str] = {}
        cursor = None
        while len(names) < self.max_names:
            page = client.users_list(limit=PAGE, cursor=cursor)
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
        return names


DIRECTORY = Directory()


def resolve_names(client, team_id: str, names: list[str]) -> list[str]:
    return DIRECTORY.resolve(client, team_id, names)
