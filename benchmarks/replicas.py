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
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.e2e import test_production_http
from tests.e2e.test_production_http import Served
from tests.faults.killed_app import METHOD_OF
from tests.support import stack as test_stack

from .apps import Codev
from .databases import POSTGRES_ENV, UNDELIVERED, throwaway_database
from .latency import FORM, JSON, Clicks, post, reply_body, run_level

CLIENTS = 32
REPLY_SESSIONS = 10
CLICK_GROUPS = 32
SENT = text("SELECT kind, count(*) FROM outbox WHERE status = 'sent' GROUP BY kind")


def replica(emulator, database_url: str, directory: Path, workers: int) -> Served:
    """`codev serve --http` on a port of its own, on the benchmark's database, against
    `emulator`, its dispatcher woken at commit and ticking every second as deployed."""
    made = test_production_http.seeded_emulator
    test_production_http.seeded_emulator = lambda: emulator
    try:
        served = Served(database_url, directory)
    finally:
        test_production_http.seeded_emulator = made
    served.env.pop("CODEV_HTTP_THREADS", None)  # gunicorn's threads as deployed
    served.env.update(
        CODEV_HTTP_WORKERS=str(workers),
        CODEV_DISPATCH_INTERVAL_SECONDS="1",
        CODEV_DISPATCH_WAKE="true",
    )
    served.log = directory / f"replica-{served.port}.log"
    served.start(timeout=60)
    return served


def _settle(engine, timeout: float = 180) -> int:
    """Wait until nothing due is left in the outbox (and nothing acked is left to apply);
    how many rows are still left. A
    message whose post failed without saying whether Slack took it is looked up in
    Slack's history first, at one call a minute: that can take minutes."""
    deadline = time.monotonic() + timeout
    while True:
        now = datetime.now(UTC).replace(tzinfo=None)
        with engine.connect() as connection:
            left = connection.scalar(UNDELIVERED, {"now": now})
        if left == 0 or time.monotonic() > deadline:
            return left

        time.sleep(0.2)


def _report_errors(log: Path) -> None:
    """A replica's warnings and errors, counted by message, on stderr (logs carry no
    typed text)."""
    seen: dict[str, int] = {}
    for line in log.read_text(errors="replace").splitlines():
        if '"level": "error"' in line or '"level": "warning"' in line or " ERROR " in line:
            message = line.split('"message": ', 1)[-1][:160]
            seen[message] = seen.get(message, 0) + 1
    for message, count in sorted(seen.items(), key=lambda kv: -kv[1])[:15]:
        print(f"[replica {log.name}] {count}x {message}", file=sys.stderr)


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
        replicas: list[Served] = []
        try:
            sessions = codev.clarifying(codev.channels[:REPLY_SESSIONS])
            clicks = Clicks(codev, codev.channels[REPLY_SESSIONS:])

            def make(n):
                if n % 2:
                    return clicks(n)
                return reply_body(n, *sessions[n % len(sessions)]), JSON, None

            results = []
            for count in (1, 2):
                while len(replicas) < count:
                    replicas.append(replica(codev.stack.emulator, url, Path(tmp), workers))
                addresses = [("127.0.0.1", r.port) for r in replicas]
                for address in addresses:
                    for _ in range(5):  # warm up: imports, pools, auth.test
                        post(address, codev.status(sessions[0][0]), FORM)
                _settle(engine)
                started = time.perf_counter()
                measured = run_level(addresses, make, clients, total)
                measured["left"] = _settle(engine)
                # acked is not done: requests are applied, and their effects sent, after
                measured["done_rps"] = total / (time.perf_counter() - started)
                results.append(
                    {"replicas": count, "workers": workers, "clients": clients, "n": total}
                    | measured
                    | duplicates(engine, codev.stack.emulator)
                )
            return results
        finally:
            for served in replicas:
                served.stop()
                _report_errors(served.log)
            engine.dispose()
            codev.close()


if __name__ == "__main__":
    print(json.dumps(run(quick=True), indent=1))
