"""(i) Two replicas on one PostgreSQL: throughput against one replica, and duplicates.

codev as deployed (`codev serve --http`: gunicorn, its dispatcher in each worker) in
processes of its own, each on its own port, all on one PostgreSQL database and one
emulated Slack. First one replica takes every request; then a second one is started
and requests alternate between the two (a client-side round robin, as a load balancer
would spread them). The same mix both times, from CLIENTS client threads: a
consultant's question in a session thread (clarification) and a click on "next phase"
that moves a real session (after phase 6 the group starts a new one, untimed).

Duplicates: once nothing due is left in the outbox, every row marked sent is matched
with the Web API calls the emulator accepted: per method, calls beyond the rows sent
are effects delivered twice (and rows beyond the calls, effects lost); messages are
also counted by the outbox key they carry in their metadata. The replicas' dispatchers
claim rows with `FOR UPDATE SKIP LOCKED`: both must come to 0.

Each replica runs `workers` gunicorn workers (1 by default): with one worker a replica
uses about one core, so two can use two; as deployed (2 workers each), one replica
already uses every core of a 2-core machine and a second has none left to add.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.support import stack as test_stack
from tests.support.stack import FACILITATOR, app_env, free_port

from .apps import Codev
from .databases import POSTGRES_ENV, throwaway_database
from .latency import FORM, JSON, Clicks, post, reply_body, run_level, status_body

CLIENTS = 32
REPLY_SESSIONS = 10
CLICK_GROUPS = 32
UNDELIVERED = text(
    "SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending') AND due_at <= :now"
)
SENT = text("SELECT kind, count(*) FROM outbox WHERE status = 'sent' GROUP BY kind")
# outbox kind → the Web API method that delivers it (a DM also opens its channel)
METHOD_OF = {
    "post": "chat.postMessage",
    "dm": "chat.postMessage",
    "update": "chat.update",
    "ephemeral": "chat.postEphemeral",
    "react": "reactions.add",
    "publish": "views.publish",
}


class Replica:
    """`codev serve --http` on a port of its own, on the benchmark's database."""

    def __init__(self, emulator, database_url: str, directory: Path, workers: int):
        self.port = free_port()
        self.address = ("127.0.0.1", self.port)
        self.env = app_env(
            emulator,
            database_url,
            CODEV_HTTP_WORKERS=str(workers),
            CODEV_DISPATCH_INTERVAL_SECONDS="1",
        )
        self.log = directory / f"replica-{self.port}.log"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bot",
                "serve",
                "--http",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ],
            env=self.env,
            cwd=directory,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )

    def wait_healthy(self, timeout: float = 60) -> None:
        import http.client

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(self.log.read_text()[-2000:])
            try:
                connection = http.client.HTTPConnection(*self.address, timeout=2)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise TimeoutError(self.log.read_text()[-2000:])

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _settle(engine, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = datetime.now(UTC).replace(tzinfo=None)
        with engine.connect() as connection:
            if connection.scalar(UNDELIVERED, {"now": now}) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError("the outbox did not drain")


def duplicates(engine, emulator) -> dict:
    """Effects delivered twice and lost, over the whole run (setup included)."""
    with engine.connect() as connection:
        sent_rows = dict(connection.execute(SENT).all())
    sent = Counter()
    for kind, count in sent_rows.items():
        if kind in METHOD_OF:
            sent[METHOD_OF[kind]] += count
    accepted = [c for c in emulator.calls if c.ok]
    calls = Counter(c.method for c in accepted if c.method in set(METHOD_OF.values()))
    keys = Counter(
        ((c.args.get("metadata") or {}).get("event_payload") or {}).get("key")
        for c in accepted
        if c.method == "chat.postMessage"
    )
    return {
        "twice": sum((calls - sent).values()),
        "lost": sum((sent - calls).values()),
        "messages twice": sum(n - 1 for key, n in keys.items() if key and n > 1),
        "rows sent": sum(sent.values()),
        "calls": sum(calls.values()),
    }


def run(quick: bool = False, workers: int = 1, clients: int = CLIENTS) -> list[dict]:
    if not os.environ.get(POSTGRES_ENV):
        raise SystemExit(f"replicas: set {POSTGRES_ENV} (two replicas share one PostgreSQL)")
    # the in-process stack sets the groups up on the real clock, as the replicas run
    test_stack.Clock.__init__.__defaults__ = (datetime.now(UTC),)
    total = (4 if quick else 12) * clients
    with throwaway_database() as url, tempfile.TemporaryDirectory(prefix="codev-rep-") as tmp:
        codev = Codev(url, groups=REPLY_SESSIONS + CLICK_GROUPS)
        engine = create_engine(url)
        replicas: list[Replica] = []
        try:
            replying = codev.channels[:REPLY_SESSIONS]
            for channel in replying:
                codev.stack.driver.command(FACILITATOR, channel, "next")
            sessions = [(c, codev.root_ts(c)) for c in replying]
            clicks = Clicks(codev, codev.channels[REPLY_SESSIONS:])

            def make(n):
                if n % 2:
                    return clicks(n)
                return reply_body(n, *sessions[n % len(sessions)]), JSON, None

            results = []
            for count in (1, 2):
                while len(replicas) < count:
                    replicas.append(Replica(codev.stack.emulator, url, Path(tmp), workers))
                for replica in replicas:
                    replica.wait_healthy()
                    for _ in range(5):  # warm up: imports, pools, auth.test
                        post(replica.address, status_body(replying[0]), FORM)
                _settle(engine)
                addresses = [r.address for r in replicas]
                measured = run_level(addresses, make, clients, total)
                _settle(engine)
                results.append(
                    {"replicas": count, "workers": workers, "clients": clients, "n": total}
                    | measured
                    | duplicates(engine, codev.stack.emulator)
                )
            return results
        finally:
            for replica in replicas:
                replica.stop()
            engine.dispose()
            codev.close()


if __name__ == "__main__":
    print(json.dumps(run(quick=True), indent=1))
