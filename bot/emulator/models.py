"""Plain records shared by the emulator, its HTTP layer and the driver.

They are dataclasses rather than dicts so tests read `msg.text` and get a
clear error on a typo instead of a silent `None`.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Message:
    """One message as the workspace stores it (its current version)."""

    ts: str
    channel: str
    user: str
    text: str
    blocks: list[dict] = field(default_factory=list)
    thread_ts: str | None = None
    edited: bool = False
    bot: bool = False
    metadata: dict | None = None
    reactions: dict[str, list[str]] = field(default_factory=dict)
    files: list[dict] = field(default_factory=list)
    to: str | None = None  # the only reader of an ephemeral message

    def to_slack(self, bot_id: str = "", app_id: str = "", team_id: str = "") -> dict:
        """The message as Web API answers and interaction payloads carry it."""
        out: dict[str, Any] = {
            "type": "message",
            "user": self.user,
            "text": self.text,
            "ts": self.ts,
            "team": team_id,
        }
        if self.blocks:
            out["blocks"] = self.blocks
        if self.bot:
            out.update(bot_id=bot_id, app_id=app_id)
        if self.thread_ts:
            out["thread_ts"] = self.thread_ts
        if self.edited:
            out["edited"] = {"user": self.user, "ts": self.ts}
        if self.metadata:
            out["metadata"] = self.metadata
        if self.files:
            out["files"] = [{k: v for k, v in f.items() if k != "content"} for f in self.files]
        if self.reactions:
            out["reactions"] = [
                {"name": n, "users": u, "count": len(u)} for n, u in self.reactions.items()
            ]
        return out


@dataclass
class Call:
    """One Web API (or response_url) call, accepted or not.

    `injected` marks answers produced by fault injection, so a test can tell
    the app's own mistakes from the faults it asked for; `limited` marks Slack's
    own rate limits (the history methods' one call a minute), which an app meets
    in normal work and must wait out, not avoid.
    """

    method: str
    args: dict
    ok: bool
    error: str | None = None
    status: int = 200
    injected: bool = False
    limited: bool = False
    at: float = field(default_factory=time.time)


@dataclass
class Response:
    """What the app answered to a request the driver sent."""

    status: int
    body: str
    headers: dict = field(default_factory=dict)
    # A command's answer as the person reads it, looked up when asked (`answer`).
    answered: Any = field(default=None, repr=False, compare=False)

    @property
    def answer(self) -> Any:
        """A command's answer as the person reads it: the ack's body, or else the first
        message the app sent to the command's response_url (a read answered after the
        ack); None for other requests."""
        if self.body.strip():
            return self.json()
        return self.answered() if self.answered is not None else None

    def json(self) -> Any:
        try:
            return json.loads(self.body) if self.body else None
        except ValueError:
            return None


class SlackError(Exception):
    """Raised by a method handler; becomes `{"ok": false, "error": ...}`."""

    def __init__(self, error: str, messages: list[str] | None = None, **extra: Any):
        super().__init__(error)
        self.error = error
        self.extra = dict(extra)
        if messages:
            self.extra["response_metadata"] = {"messages": messages}


class Clock:
    """Slack-style message timestamps: real time, strictly increasing.

    Several messages in the same microsecond must still get distinct `ts`,
    because a `ts` is a message's identity in a channel.
    """

    def __init__(self) -> None:
        self._last = 0
        self._lock = threading.Lock()

    def next_ts(self) -> str:
        with self._lock:
            now = int(time.time() * 1_000_000)
            self._last = max(now, self._last + 1)
            return f"{self._last // 1_000_000}.{self._last % 1_000_000:06d}"
