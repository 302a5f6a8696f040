"""The whole app over real HTTP against the emulator: what e2e tests drive."""

from __future__ import annotations

import os
import socket
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.bootstrap import build_runtime
from bot.config import Settings
from bot.emulator import Driver, Emulator
from bot.serve import make_http_server

from . import calendar_shift

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TEAM = "T0CODEV"
CHANNEL = "C0GROUP"
FACILITATOR = "U0FACIL"
PEERS = [f"U0PEER{i}" for i in range(1, 10)]  # nine, to try a ninth peer
OUTSIDER = "U0OUTSIDE"
NAMES = {FACILITATOR: "fanny"} | {p: f"peer{i}" for i, p in enumerate(PEERS, 1)}
NAMES[OUTSIDER] = "oscar"


# Every test world starts at this instant, whatever the date the suite runs on: the
# group, its members and their first requests are all stamped on the test's own clock.
EPOCH = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


class Clock:
    """The app's one clock in a test (the domain never reads the time).

    It starts at `EPOCH` when the stack is built, before the first request, and runs
    at real speed, so retries and backoffs still come due; once a test sets `now`,
    it holds still there. It never reads the calendar date of the machine.
    """

    def __init__(self, start: datetime = EPOCH):
        self._start, self._started = start, time.monotonic()
        self._held: datetime | None = None

    @property
    def now(self) -> datetime:
        if self._held is not None:
            return self._held
        return self._start + timedelta(seconds=time.monotonic() - self._started)

    @now.setter
    def now(self, value: datetime) -> None:
        self._held = value

    def __call__(self) -> datetime:
        return self.now


ROOT = Path(__file__).resolve().parents[2]


def seeded_emulator(lang: str = "en", team_id: str = TEAM) -> Emulator:
    """A started emulator with the facilitator, the nine peers, the outsider and the channel."""
    emulator = Emulator(team_id=team_id, signing_secret=SECRET).start()
    locale = "fr-FR" if lang == "fr" else "en-US"
    for user_id, name in NAMES.items():
        emulator.add_user(user_id, name, real_name=name.title(), locale=locale)
    emulator.add_channel(CHANNEL, "codev-managers", is_private=True, members=list(NAMES))
    return emulator


def app_env(emulator: Emulator, database_url: str, **settings: str) -> dict[str, str]:
    """The environment of an app process talking to this emulator (no other variable leaks in)."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "SLACK_BOT_TOKEN": emulator.bot_token,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": emulator.api_url,
        "DATABASE_URL": database_url,
        "CODEV_DEFAULT_LANG": "en",
        "CODEV_CHANNEL_PACE_SECONDS": "0",
        **settings,
        **calendar_shift.child_env(),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Stack:
    def __init__(self, database_url: str, lang: str = "en"):
        self.emulator = seeded_emulator(lang)
        settings = Settings(
            slack_bot_token=self.emulator.bot_token,
            slack_signing_secret=SECRET,
            slack_api_url=self.emulator.api_url,
            database_url=database_url,
            codev_default_lang=lang,
            codev_channel_pace_seconds=0,
            _env_file=None,
        )
        self.clock = Clock()
        self.runtime = build_runtime(settings, clock=self.clock)
        self.server = make_http_server(self.runtime, "127.0.0.1", 0)
        port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.driver = Driver(
            app_url=f"http://127.0.0.1:{port}/slack/events",
            emulator=self.emulator,
            signing_secret=SECRET,
        )
        self.driver.settle = self.runtime.settle

    @property
    def services(self):
        return self.runtime.services

    def deliver(self) -> int:
        return self.services.delivery.drain()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.runtime.stop()
        self.emulator.stop()
