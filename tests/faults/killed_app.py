"""The app in a subprocess that a test may SIGKILL at any moment, and a driver that
can send a request again exactly as Slack would.

Slack retries an event it got no answer for with the same body (same event_id) and
`X-Slack-Retry-Num`; a person whose click or command got no answer clicks or types it
again. `RecordingDriver` keeps each thread's last request so it can be re-sent.
"""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, func, select

from bot.emulator import Driver
from bot.persistence.models import InboxRow, OutboxRow
from tests.support.stack import SECRET, app_env, free_port, seeded_emulator

ROOT = Path(__file__).resolve().parents[2]
NO_ANSWER = (OSError, http.client.HTTPException)
# Outbox kinds and the Web API method that delivers each (conversations.open is a lookup).
METHOD_OF = {
    "post": "chat.postMessage",
    "dm": "chat.postMessage",
    "update": "chat.update",
    "ephemeral": "chat.postEphemeral",
    "react": "reactions.add",
    "publish": "views.publish",
}


class RecordingDriver(Driver):
    """A driver that remembers, per thread, the last request it tried to send."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._last = threading.local()

    def send(self, raw_body, content_type, timestamp=None, signature=None, secret=None,
             headers=None):  # fmt: skip
        self._last.request = (raw_body, content_type)
        return super().send(raw_body, content_type, timestamp, signature, secret, headers)

    def last_request(self) -> tuple[bytes, str]:
        return self._last.request

    def resend(self, request: tuple[bytes, str], attempt: int):
        """The same request again; an event carries Slack's retry headers."""
        raw_body, content_type = request
        headers = None
        if content_type == "application/json":
            headers = {"X-Slack-Retry-Num": str(attempt), "X-Slack-Retry-Reason": "http_timeout"}
        return self.send(raw_body, content_type, headers=headers)


class KilledApp:
    """The emulator here, the app in a subprocess on a fixed port and one database."""

    def __init__(self, database_url: str, tmp_path: Path):
        self.database_url = database_url
        self.emulator = seeded_emulator()
        # Pages of 15 as Slack gives them, but not its one history call a minute: that
        # minute runs on the machine's clock here, and waiting it out after each kill
        # would outlast the test (the look-up's own tests apply it on a test clock).
        self.emulator.set_history_limits(page=15, per_minute=None)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = app_env(self.emulator, database_url, CODEV_DISPATCH_INTERVAL_SECONDS="0.1")
        self.log = tmp_path / "app.log"
        self.cwd = tmp_path
        self.process: subprocess.Popen | None = None
        self.kills = 0
        self.starts: list[float] = []
        self.driver = RecordingDriver(
            app_url=f"{self.base}/slack/events", emulator=self.emulator, signing_secret=SECRET
        )
        self.engine = create_engine(database_url)

    # -- the process ------------------------------------------------------------
    def start(self, timeout: float = 30) -> None:
        started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.faults.app_process", str(self.port)],
            env=self.env,
            cwd=self.cwd,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )
        while time.monotonic() - started < timeout:
            assert self.process.poll() is None, self.log.read_text()
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as resp:
                    if resp.status == 200:
                        self.starts.append(time.monotonic() - started)
                        return
            except NO_ANSWER:
                time.sleep(0.05)
        raise AssertionError("the app did not start:\n" + self.log.read_text())

    def kill(self) -> None:
        """SIGKILL: no handler runs, no transaction is finished, nothing is flushed."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.kills += 1
        self.process.wait()

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def ensure_running(self) -> None:
        if not self.alive():
            self.process.wait()
            self.start()

    def close(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.engine.dispose()
        self.emulator.stop()

    # -- the database -------------------------------------------------------------
    def settle(self, timeout: float = 20) -> None:
        """Wait until the app has applied every request it acknowledged and its
        dispatcher has delivered everything due (a row left `sending` by a kill is due
        too)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.ensure_running()
            with self.engine.connect() as connection:
                # the inbox first: a request is applied (its effects committed) before its
                # row goes, so an empty inbox read first means the outbox read next has them
                due = connection.scalar(select(func.count()).select_from(InboxRow))
                due += connection.scalar(
                    select(func.count())
                    .select_from(OutboxRow)
                    .where(OutboxRow.status.in_(("pending", "sending")))
                    .where(OutboxRow.next_attempt_at <= datetime.now(UTC))
                )
            if not due:
                return
            time.sleep(0.05)
        raise AssertionError(f"outbox rows still due after {timeout}s")

    def deliveries(self) -> tuple[Counter, Counter]:
        """(rows marked sent, successful Web API calls), each as a multiset of what was
        delivered: (method, text) for messages, (method, channel, ts, name) for reactions."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(
                    OutboxRow.kind, OutboxRow.channel, OutboxRow.user_id, OutboxRow.payload
                ).where(OutboxRow.status == "sent")
            ).all()
        sent = Counter(
            _what(METHOD_OF[kind], {"channel": channel, "user_id": user, **payload})
            for kind, channel, user, payload in rows
        )
        methods = set(METHOD_OF.values())
        calls = Counter(
            _what(c.method, c.args)
            for c in self.emulator.calls
            if c.ok and c.method in methods and not c.method.startswith("oauth")
        )
        return sent, calls

    def lookups(self) -> int:
        """History and thread reads: the app looks a message up only after a cut-short post."""
        lookups = ("conversations.history", "conversations.replies")
        return sum(1 for c in self.emulator.calls if c.method in lookups)


def _what(method: str, args: dict) -> tuple:
    if method == "reactions.add":
        return (method, args.get("channel"), args.get("timestamp"), args.get("name"))
    if method == "views.publish":
        return (method, args.get("user_id"))
    return (method, args.get("text"))
