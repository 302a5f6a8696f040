"""`codev serve --http` as a real gunicorn process against the emulator.

The emulator runs in the test process; the server gets its settings from the
environment as in production. The outbox dispatcher is slowed to an hour and not
woken by commits, so a queued message is still pending when SIGTERM arrives: it must
stay in the database and be delivered by the next start.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from bot.bootstrap import build_runtime
from bot.config import Settings
from bot.emulator import Driver
from bot.persistence.models import OutboxRow
from tests.support.flows import setup_group
from tests.support.stack import (
    CHANNEL,
    FACILITATOR,
    SECRET,
    app_env,
    free_port,
    seeded_emulator,
)

ROOT = Path(__file__).resolve().parents[2]


def _get(url: str, token: str | None = None) -> tuple[int, str]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, headers=headers), timeout=5
        ) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


class Served:
    """The emulator here, the app in a gunicorn subprocess."""

    def __init__(self, database_url: str, tmp_path: Path):
        self.database_url = database_url
        self.emulator = seeded_emulator()
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = app_env(
            self.emulator,
            database_url,
            CODEV_HTTP_WORKERS="2",
            CODEV_HTTP_THREADS="2",
            CODEV_GRACEFUL_TIMEOUT="10",
            CODEV_DISPATCH_INTERVAL_SECONDS="3600",
            CODEV_DISPATCH_WAKE="false",
            CODEV_METRICS_TOKEN="scrape-me",
        )
        self.log = tmp_path / "server.log"
        self.cwd = tmp_path
        self.process = None
        self.driver = Driver(
            app_url=f"{self.base}/slack/events", emulator=self.emulator, signing_secret=SECRET
        )

    def start(self, timeout: float = 30) -> None:
        command = [
            sys.executable,
            "-m",
            "bot",
            "serve",
            "--http",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
        ]
        self.process = subprocess.Popen(
            command,
            env=self.env,
            cwd=self.cwd,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()
            try:
                if _get(f"{self.base}/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError("the server did not answer /healthz:\n" + self.log.read_text())

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=30)

    def outbox(self) -> list[tuple[str, str]]:
        engine = create_engine(self.database_url)
        try:
            with engine.connect() as connection:
                rows = connection.execute(select(OutboxRow.kind, OutboxRow.status)).all()
        finally:
            engine.dispose()
        return [tuple(r) for r in rows]

    def deliver(self) -> int:
        """What the next start's dispatcher does with the rows left pending."""
        settings = Settings(
            slack_bot_token=self.emulator.bot_token,
            slack_signing_secret=SECRET,
            slack_api_url=self.emulator.api_url,
            database_url=self.database_url,
            codev_channel_pace_seconds=0,
            _env_file=None,
        )
        runtime = build_runtime(settings)
        try:
            return runtime.services.delivery.drain()
        finally:
            runtime.stop()

    def close(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.emulator.stop()


@pytest.fixture
def served(database_url, tmp_path):
    served = Served(database_url, tmp_path)
    yield served
    served.close()


def _metric(text: str, name: str, **labels) -> float:
    wanted = ",".join(f'{k}="{v}"' for k, v in labels.items())
    for line in text.splitlines():
        if line.startswith(name + ("{" + wanted + "}" if wanted else " ")):
            return float(line.rsplit(" ", 1)[1])
    for line in text.splitlines():  # labels in another order
        if line.startswith(name + "{") and all(f'{k}="{v}"' in line for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"no {name} {labels} in metrics")


def test_gunicorn_serves_signed_requests_health_and_metrics_then_stops_without_losing_a_message(
    served,
):
    served.start()
    assert json.loads(_get(f"{served.base}/healthz")[1]) == {"status": "ok"}

    setup_group(served, name="Secret circle name")
    assert served.driver.command(FACILITATOR, CHANNEL, "status").status == 200
    forged = served.driver.send(
        b"command=/codev&text=help", "application/x-www-form-urlencoded", secret="not-the-secret"
    )
    assert forged.status == 401
    queued = [row for row in served.outbox() if row[1] == "pending"]
    assert queued, "setting up a group queues an announcement"

    unhandled = served.driver._interaction(
        {
            "type": "block_actions",
            "team": {"id": "T0CODEV"},
            "user": {"id": FACILITATOR},
            "actions": [{"action_id": "nobody_handles_this", "value": "Secret circle name"}],
        }
    )
    assert unhandled.status == 404
    assert _get(f"{served.base}/metrics")[0] == 401
    status, metrics = _get(f"{served.base}/metrics", token="scrape-me")
    assert status == 200
    assert _metric(metrics, "codev_requests_total", kind="command", outcome="ok") >= 2
    assert _metric(metrics, "codev_requests_total", kind="view", outcome="ok") >= 1
    assert _metric(metrics, "codev_requests_total", kind="command", outcome="rejected") >= 1
    assert _metric(metrics, "codev_ack_latency_seconds_count", kind="command") >= 3
    assert _metric(metrics, "codev_outbox_pending", state="due") == len(queued)
    assert _metric(metrics, "codev_outbox_oldest_pending_age_seconds") >= 0

    assert served.stop() == 0
    assert [row for row in served.outbox() if row[1] == "pending"] == queued
    assert served.deliver() == len(queued)
    assert any(m.bot for m in served.emulator.channel_messages(CHANNEL))
    assert served.emulator.rejected() == []

    lines = [
        json.loads(line) for line in served.log.read_text().splitlines() if line.startswith("{")
    ]
    requests = [line for line in lines if line.get("logger") == "codev.request"]
    assert {(r["kind"], r["outcome"]) for r in requests} >= {
        ("command", "ok"),
        ("view", "ok"),
        ("command", "rejected"),
    }
    assert all({"team", "request", "latency_ms", "outcome"} <= set(r) for r in requests)
    assert any(r["request"] == "/codev setup" and r["team"] == "T0CODEV" for r in requests)
    text = served.log.read_text()
    assert "Secret circle name" not in text
    assert served.emulator.bot_token not in text and SECRET not in text


def test_a_refused_bot_token_ends_in_one_line_naming_the_variable(served):
    served.env["SLACK_BOT_TOKEN"] = "xoxb-revoked"
    done = subprocess.run(
        [sys.executable, "-m", "bot", "serve", "--http", "--port", str(served.port)],
        env=served.env,
        cwd=served.cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "SLACK_BOT_TOKEN" in lines[0] and "invalid_auth" in lines[0]


def test_a_missing_signing_secret_ends_in_one_line_saying_where_to_get_it(served):
    del served.env["SLACK_SIGNING_SECRET"]
    done = subprocess.run(
        [sys.executable, "-m", "bot", "serve", "--http"],
        env=served.env,
        cwd=served.cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [
        "codev: set SLACK_SIGNING_SECRET — the Signing Secret from your app's Basic "
        "Information page"
    ]


def test_sigterm_lets_a_request_in_flight_finish_before_the_workers_stop(served):
    served.start()
    slow_handle = served.emulator.handle

    def slow_views_open(method, args, token):
        if method == "views.open":
            time.sleep(1.5)  # the request is in flight in the app while SIGTERM arrives
        return slow_handle(method, args, token)

    served.emulator.handle = slow_views_open
    answers = []
    request = threading.Thread(
        target=lambda: answers.append(served.driver.command(FACILITATOR, CHANNEL, "setup"))
    )
    request.start()
    time.sleep(0.5)
    served.process.send_signal(signal.SIGTERM)
    request.join(timeout=15)
    assert served.process.wait(timeout=30) == 0
    assert answers and answers[0].status == 200
    assert served.emulator.views, "the modal was opened before the worker stopped"
