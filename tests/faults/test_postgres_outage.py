"""PostgreSQL stops (as in a crash) for 10 s (3 s in the short run) while people use a
session: commands, thread replies and "next phase" clicks from several threads.

During the outage a command is answered with the "try again" message and an event
with 500, so Slack sends it again; a click's "try again" goes to its response_url.
Nothing is half written, and once the server is back the same app process serves
requests again without a restart (pool_pre_ping). The cluster is the test's own,
never the shared server.
"""

from __future__ import annotations

import json
import threading
import time

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from bot.i18n import t
from bot.persistence.migrate import upgrade
from tests.support.flows import add_peers, said, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, Stack

from .killed_app import NO_ANSWER, RecordingDriver
from .private_postgres import PrivateCluster
from .support import size

pytestmark = pytest.mark.faults

TRY_AGAIN = t("en", "error.try_again", ref="").split("(")[0].strip()
OUTAGE_SECONDS = size(3, 10)


@pytest.fixture
def cluster():
    cluster = PrivateCluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.destroy()


class Load:
    """People at work in several threads, each request timed and kept with its answer."""

    def __init__(self, stack: Stack):
        self.stack, self.stop = stack, threading.Event()
        self.lock = threading.Lock()
        self.log: list[tuple[str, float, object, bytes]] = []  # kind, when, response, request
        self.delivery_failures = 0
        self.took: list[tuple[float, float]] = []  # when sent, seconds to the answer

    def _record(self, kind: str, call) -> None:
        at = time.monotonic()
        try:
            response = call()
        except NO_ANSWER:
            response = None
        except LookupError:  # the button moved on under the clicker: click again
            return
        with self.lock:
            self.log.append((kind, at, response, self.stack.driver.last_request()))
            self.took.append((at, time.monotonic() - at))

    def commands(self) -> None:
        while not self.stop.wait(0.05):
            self._record(
                "command", lambda: self.stack.driver.command(FACILITATOR, CHANNEL, "status")
            )

    def replies(self, peer: str) -> None:
        i = 0
        while not self.stop.wait(0.1):
            i += 1
            root = _latest_root(self.stack)
            if root is not None:
                words = f"Question {i} from {peer}: since when?"
                self._record(
                    "event",
                    lambda w=words, ts=root.ts: self.stack.driver.message(peer, CHANNEL, w, ts)[0],
                )

    def clicks(self) -> None:
        """The facilitator moves the session on (and starts the next one when it ends);
        this thread also plays the dispatcher, so the root shows the current phase."""
        while not self.stop.wait(0.4):
            try:
                self.stack.deliver()
            except OperationalError:
                self.delivery_failures += 1
            root = _latest_root(self.stack)
            value = root and _next_value(root)
            if value is None:
                self._record(
                    "command",
                    lambda: self.stack.driver.command(
                        FACILITATOR, CHANNEL, f"start <@{PEERS[0]}|peer1>"
                    ),
                )
                continue
            self._record(
                "click",
                lambda ts=root.ts, v=value: self.stack.driver.click(
                    FACILITATOR, CHANNEL, ts, "codev_next_phase", v
                ),
            )

    def run(self, during) -> None:
        workers = [threading.Thread(target=self.commands), threading.Thread(target=self.clicks)]
        workers += [threading.Thread(target=self.replies, args=(p,)) for p in PEERS[1:4]]
        for worker in workers:
            worker.start()
        try:
            during()
        finally:
            self.stop.set()
            for worker in workers:
                worker.join(30)


def _latest_root(stack):
    roots = [
        m
        for m in stack.emulator.channel_messages(CHANNEL)
        if m.bot and any(b.get("block_id") == "session_actions" for b in m.blocks)
    ]
    return roots[-1] if roots else None


def _next_value(root) -> str | None:
    for block in root.blocks:
        for element in (
            block.get("elements", []) if block.get("block_id") == "session_actions" else []
        ):
            if element.get("action_id") == "codev_next_phase":
                return element.get("value")
    return None


def _half_written(engine) -> list:
    """Rows that contradict each other: what a transaction cut in half would leave."""
    checks = {
        "running session without exactly one open passage in its phase": """
            SELECT s.id FROM sessions s WHERE s.status = 'running' AND 1 <> (
              SELECT count(*) FROM session_phases p
              WHERE p.session_id = s.id AND p.ended_at IS NULL AND p.phase = s.phase)""",
        "ended session with an open passage": """
            SELECT s.id FROM sessions s JOIN session_phases p ON p.session_id = s.id
            WHERE s.status <> 'running' AND p.ended_at IS NULL""",
        "passages not 1, 2, 3… in order": """
            SELECT s.id FROM sessions s WHERE s.status IN ('running', 'done') AND
              (SELECT count(*) FROM session_phases p WHERE p.session_id = s.id)
              <> (SELECT coalesce(max(phase), 0) FROM session_phases p
                  WHERE p.session_id = s.id)""",
        "questions not numbered 1..n": """
            SELECT session_id FROM questions GROUP BY session_id
            HAVING count(*) <> max(number) OR count(DISTINCT number) <> count(*)""",
        "a question without its session": """
            SELECT q.id FROM questions q LEFT JOIN sessions s ON s.id = q.session_id
            WHERE s.id IS NULL""",
        "a running session with no root message queued": """
            SELECT s.id FROM sessions s WHERE s.status = 'running' AND NOT EXISTS (
              SELECT 1 FROM outbox o WHERE o.ref = 'session:' || s.id || '\\:root')""",
    }
    with engine.connect() as connection:
        return [
            (what, [r[0] for r in rows])
            for what, query in checks.items()
            if (rows := connection.execute(text(query)).all())
        ]


def test_postgres_stopped_under_load_users_told_to_retry_app_recovers_alone(cluster):
    upgrade(cluster.url)
    stack = Stack(cluster.url)
    stack.driver = _recording(stack)
    try:
        _run(stack, cluster)
    finally:
        stack.close()


def _recording(stack):
    return RecordingDriver(
        app_url=stack.driver.app_url, emulator=stack.emulator, signing_secret=stack.driver.secret
    )


def _run(stack, cluster):
    setup_group(stack)
    add_peers(stack, 8)
    assert start_session(stack, f"start <@{PEERS[0]}|peer1>").status == 200
    stack.deliver()
    load = Load(stack)
    window = {}

    def outage():
        time.sleep(1.0)
        stopping = time.monotonic()
        cluster.stop()  # returns once the server is gone
        window["down"] = time.monotonic()
        time.sleep(max(OUTAGE_SECONDS - (window["down"] - stopping), 0))
        window["starting"] = time.monotonic()
        cluster.start()  # returns once it accepts connections
        window["up"] = time.monotonic()
        time.sleep(3.0)

    load.run(outage)
    down, starting, up = window["down"], window["starting"], window["up"]

    # Slack sends again each event it got no 200 for; each is applied once now.
    unanswered = [
        (req, r)
        for kind, _, r, req in load.log
        if kind == "event" and (r is None or r.status != 200)
    ]
    retried = [stack.driver.resend(req, 1).status for req, _ in unanswered]
    assert retried == [200] * len(unanswered)
    # stored at their ack; those the outage interrupted are tried again after a pause
    assert stack.runtime.settle(60), "acknowledged requests still not applied"
    stack.deliver()

    during = [(k, r) for k, at, r, _ in load.log if down < at < starting - 0.1]
    after = [(k, r) for k, at, r, _ in load.log if at > up + 1.0]
    by_kind = lambda entries, kind: [r for k, r in entries if k == kind]  # noqa: E731
    commands_during = by_kind(during, "command")
    events_during = by_kind(during, "event")
    assert commands_during and events_during and by_kind(during, "click"), (
        "load ran during the outage"
    )
    assert all(r is not None and r.status == 200 for r in commands_during)
    # `/codev status` is acked at once and answered on its response_url just after
    assert all(TRY_AGAIN in said(r) for r in commands_during), {said(r) for r in commands_during}
    assert {r.status for r in events_during} == {500}, "Slack must retry what was not stored"
    clicks_during = by_kind(during, "click")
    assert {r.status for r in clicks_during} == {200}
    told = [m.text for m in stack.emulator.ephemerals(user=FACILITATOR) if TRY_AGAIN in m.text]
    commands_told = [
        r for k, _, r, _ in load.log if k == "command" and r is not None and TRY_AGAIN in said(r)
    ]
    assert len(told) - len(commands_told) >= len(clicks_during), "a click is told to try again"

    # The same process serves again: no restart, no "try again" once the server is back.
    assert after and all(r is not None and r.status == 200 for _, r in after)
    assert not [said(r) for k, r in after if k == "command" and TRY_AGAIN in said(r)]
    assert stack.driver.command(FACILITATOR, CHANNEL, "status").status == 200

    engine = create_engine(cluster.url)
    try:
        assert _half_written(engine) == []
        with engine.connect() as connection:
            keys = {k for (k,) in connection.execute(text("SELECT key FROM processed_requests"))}
            dead = connection.scalar(text("SELECT count(*) FROM outbox WHERE status = 'dead'"))
    finally:
        engine.dispose()
    events = [json.loads(req[0])["event_id"] for kind, _, _, req in load.log if kind == "event"]
    assert [e for e in events if f"event:{e}" not in keys] == []
    assert dead == 0
    assert stack.emulator.rejected() == []
    print(
        f"\n[postgres outage] {OUTAGE_SECONDS} s down; during it: {len(commands_during)} commands "
        f"told to try again, {len(events_during)} events answered 500 then retried, "
        f"{len(clicks_during)} clicks; after: {len(after)} requests, all 200; "
        f"dispatcher ticks failed: {load.delivery_failures}; slowest answer during the "
        f"outage {max(d for at, d in load.took if down < at < starting) * 1000:.0f} ms"
    )
