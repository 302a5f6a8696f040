"""(h) Request to visible effect as deployed: `codev serve --http` (gunicorn with its
default workers and threads) on a SQLite file, in a process of its own, against the
emulator, Slack's pace of one `chat.postMessage` a second per channel.

Only one worker holds the SQLite dispatcher lock and delivers; a request the other
worker serves reaches it through the lock's doorbell (or, dispatcher not woken, at
its next one-second poll). Each variant is a fresh gunicorn on the same database and
workspace, one after the other in the same run: the dispatcher polling every second
only (`CODEV_DISPATCH_WAKE=false`), then woken at commit. Per variant, sessions are
started in the group; in each, questions in clarification, then `/codev next` until
the session ends. For each request: the first and the last Web API call in the
group's channel once nothing due is left in the outbox.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text

from bot.persistence.migrate import upgrade
from tests.e2e import test_production_http
from tests.e2e.test_production_http import Served
from tests.support.flows import add_peers, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, seeded_emulator

from .databases import UNDELIVERED
from .stats import summary_ms

VARIANTS = {"1 s poll only": "false", "woken at commit": "true"}


class _Out:
    """What the test flows need of a stack, for a served app that delivers by itself."""

    def __init__(self, served: Served):
        self.driver, self.emulator = served.driver, served.emulator

    def deliver(self) -> None:
        time.sleep(1.5)


def _wait(found, seconds: float = 20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := found():
            return result
        time.sleep(0.01)
    raise TimeoutError("nothing came")


def _root(emulator) -> str | None:
    roots = [
        m
        for m in emulator.channel_messages(CHANNEL)
        if m.bot and any(b.get("block_id") == "session_actions" for b in m.blocks)
    ]
    return roots[-1].ts if roots else None


def _group(out: _Out) -> None:
    setup_group(out)
    add_peers(out, 8, accept_charter=False)
    for peer in PEERS[:8]:
        out.driver.command(peer, CHANNEL, "charter")
        shown = _wait(lambda p=peer: out.emulator.ephemerals(p, CHANNEL))[-1]
        out.driver.click(peer, CHANNEL, shown.ts, "codev_accept_charter")


def _running(engine) -> bool:
    with engine.connect() as connection:
        return bool(
            connection.scalar(text("SELECT count(*) FROM sessions WHERE status = 'running'"))
        )


def run(quick: bool = False) -> list[dict]:
    sessions, questions = (1, 5) if quick else (3, 10)
    emulator = seeded_emulator()  # one workspace for every variant
    made = test_production_http.seeded_emulator
    test_production_http.seeded_emulator = lambda: emulator
    jitter = random.Random(7)
    results = []
    try:
        with tempfile.TemporaryDirectory(prefix="codev-deployed-") as directory:
            url = f"sqlite:///{directory}/deployed.db"
            upgrade(url)
            engine = create_engine(url)

            def settled(before: int) -> list:
                def done():
                    calls = [
                        c
                        for c in emulator.calls[before:]
                        if c.method != "response_url" and c.args.get("channel") == CHANNEL
                    ]
                    if not calls:
                        return None
                    now = datetime.now(UTC).replace(tzinfo=None)
                    with engine.connect() as connection:
                        left = connection.scalar(UNDELIVERED, {"now": now})
                    return calls if left == 0 else None

                return _wait(done, 15)

            def measure(send, times: dict, methods: Counter) -> None:
                time.sleep(jitter.uniform(0, 1))
                before = len(emulator.calls)
                started = time.time()
                assert send().status == 200
                calls = settled(before)
                times["first"].append(min(c.at for c in calls) - started)
                times["all"].append(max(c.at for c in calls) - started)
                methods.update(c.method for c in calls)

            grouped = False
            for label, wake in VARIANTS.items():
                served = Served(url, Path(directory))
                for name in ("CODEV_HTTP_WORKERS", "CODEV_HTTP_THREADS"):
                    served.env.pop(name, None)  # gunicorn as deployed: the defaults
                served.env.update(
                    CODEV_DISPATCH_INTERVAL_SECONDS="1",
                    CODEV_DISPATCH_WAKE=wake,
                    CODEV_CHANNEL_PACE_SECONDS="1",
                )
                try:
                    served.start()
                    out = _Out(served)
                    if not grouped:
                        _group(out)
                        grouped = True
                    asked = {"first": [], "all": []}
                    moved = {"first": [], "all": []}
                    asked_methods, moved_methods = Counter(), Counter()
                    driver = served.driver
                    for _ in range(sessions):
                        driver.command(FACILITATOR, CHANNEL, f"start <@{PEERS[0]}|peer1>")
                        time.sleep(1.5)
                        driver.command(FACILITATOR, CHANNEL, "next")  # clarification
                        root = _wait(lambda: _root(emulator))
                        time.sleep(1.5)
                        for n in range(questions):
                            peer = PEERS[1 + n % 7]
                            said = f"Question {n}: what happened next?"
                            measure(
                                lambda d=driver, p=peer, t=said, r=root: d.message(
                                    p, CHANNEL, t, r
                                )[0],
                                asked,
                                asked_methods,
                            )
                        while _running(engine):
                            measure(
                                lambda d=driver: d.command(FACILITATOR, CHANNEL, "next"),
                                moved,
                                moved_methods,
                            )
                    served.stop()
                finally:
                    if served.process and served.process.poll() is None:
                        served.process.kill()
                        served.process.wait()
                for name, times, methods in (
                    ("question", asked, asked_methods),
                    ("/codev next (phase move)", moved, moved_methods),
                ):
                    n = len(times["first"])
                    results.append(
                        {
                            "request": name,
                            "dispatcher": label,
                            "n": n,
                            "first": summary_ms(times["first"]),
                            "all": summary_ms(times["all"]),
                            "calls": sum(methods.values()) / max(n, 1),
                            "methods": ", ".join(f"{m} {k}" for m, k in methods.most_common()),
                        }
                    )
            engine.dispose()
    finally:
        test_production_http.seeded_emulator = made
        emulator.stop()
    return results
