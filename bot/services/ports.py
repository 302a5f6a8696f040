"""What the services need from the outside, as protocols.

Concrete versions live outward (`persistence/`, `slack/`) and are wired in
`bot/bootstrap.py`, so this layer imports neither SQLAlchemy nor Slack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

Clock = Callable[[], datetime]


class UnitOfWork(Protocol):
    groups: Any
    sessions: Any
    content: Any
    outbox: Any
    request_keys: Any
    prefs: Any
    locales: Any
    people: Any
    privacy: Any
    case_votes: Any

    def __enter__(self) -> UnitOfWork: ...
    def __exit__(self, *exc_info) -> None: ...
    def commit(self) -> None: ...
    def flush(self) -> None: ...


class Renderer(Protocol):
    """Turns what happened into Slack messages (Block Kit lives in `bot/slack`)."""

    def __getattr__(self, name: str) -> Callable[..., Any]: ...


class DeliveryFailed(Exception):
    """A Slack call failed; `retry_after` is set for rate limits (`method` then names the
    Web API method Slack paused), `permanent` for errors that a retry cannot fix
    (channel_not_found, user_not_found, …)."""

    def __init__(
        self,
        error: str,
        retry_after: float | None = None,
        permanent: bool = False,
        method: str | None = None,
    ):
        super().__init__(error)
        self.error = error
        self.retry_after = retry_after
        self.permanent = permanent
        self.method = method


@dataclass(frozen=True)
class HistoryPage:
    """One page of a crash look-up: where the message is if this page had it, and the
    cursor of the next page (None: the history since `oldest` is read to its end)."""

    found: tuple[str, str] | None
    cursor: str | None


class Sender(Protocol):
    def for_team(self, team_id: str | None, enterprise_id: str | None = None) -> Sender:
        """The sender holding that workspace's token (itself, with one workspace)."""
        ...

    def post(self, channel: str, payload: dict, thread_ts: str | None) -> tuple[str, str]: ...
    def update(self, channel: str, ts: str, payload: dict) -> None: ...
    def ephemeral(self, channel: str, user_id: str, payload: dict, thread_ts: str | None): ...
    def dm(self, user_id: str, payload: dict) -> tuple[str, str]: ...
    # Optional: a sender without it delivers messages at least once (see delivery.py).
    def find_posted(
        self,
        channel: str | None,
        user_id: str | None,
        key: str,
        oldest: float,
        thread_ts: str | None,
        cursor: str | None = None,
    ) -> HistoryPage: ...
    def publish(self, user_id: str, view: dict) -> None: ...
    def react(self, channel: str, name: str, timestamp: str) -> None: ...
    def upload(self, channel: str | None, user_id: str | None, payload: dict) -> None: ...


class LookupLater(Exception):
    """Slack could not answer a look-up now (rate limit, outage): ask again later;
    `retry_after` is Slack's own word on when, if it gave one."""

    def __init__(self, error: str, retry_after: float | None = None):
        super().__init__(error)
        self.error = error
        self.retry_after = retry_after

    @property
    def rate_limited(self) -> bool:
        return self.error == "ratelimited"


class Directory(Protocol):
    """Who people are in Slack, asked off the ack path (`bot/slack/directory.py`)."""

    def locale(self, team_id: str | None, user_id: str) -> str | None:
        """The person's Slack locale ('fr-FR'), None when Slack has none for them
        (unknown or deactivated user); raises `LookupLater` when it cannot say now."""
        ...
