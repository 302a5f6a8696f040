"""(d) Memory with 1,000 groups and over 10,000 requests, and cold start to first ack.

Each measure runs in a fresh Python process so nothing the other benchmarks loaded
counts: `python -m benchmarks.memory rss|cold <database url>` prints one JSON line.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime

from sqlalchemy import create_engine, insert

from .databases import throwaway_database
from .stats import rss_mb

GROUPS = 1_000


def _load_groups(url: str) -> None:
    from bot.persistence.models import GroupRow, MemberRow

    now = datetime.now(UTC)
    engine = create_engine(url)
    groups = [
        {
            "team_id": "T0CODEV",
            "channel_id": f"C0MEM{i:05d}",
            "name": f"Circle {i}",
            "lang": "fr",
            "tz": "Europe/Paris",
            "mode": "live",
            "facilitator_id": "U0FACIL",
            "created_at": now,
            "updated_at": now,
        }
        for i in range(GROUPS)
    ]
    with engine.begin() as connection:
        connection.execute(insert(GroupRow), groups)
        members = [
            {"group_id": g, "user_id": f"U0PEER{p}", "joined_at": now}
            for g in range(1, GROUPS + 1)
            for p in range(1, 9)
        ]
        connection.execute(insert(MemberRow), members)
    engine.dispose()


def child_rss(url: str, requests: int) -> dict:
    from tests.support.stack import FACILITATOR, Stack

    from .latency import post, status_body

    _load_groups(url)
    stack = Stack(url, lang="fr")
    address = stack.server.server_address[:2]
    answer = stack.emulator.issue_response_url
    form = "application/x-www-form-urlencoded"
    post(address, status_body("C0MEM00000", answer("C0MEM00000", FACILITATOR)), form)
    loaded = rss_mb()
    marks = []
    numbers = iter(range(requests))
    lock = threading.Lock()

    def client():
        while True:
            with lock:
                n = next(numbers, None)
            if n is None:
                return
            channel = f"C0MEM{n % GROUPS:05d}"
            post(address, status_body(channel, answer(channel, FACILITATOR)), form)
            if n == requests // 2:
                marks.append(rss_mb())

    threads = [threading.Thread(target=client) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stack.close()
    half, end = (marks or [float("nan")])[0], rss_mb()
    return {"loaded": loaded, "half": half, "end": end}


def child_cold(url: str, started: float) -> None:
    """Start the app (emulator for Slack), then tell the parent where to knock."""
    from tests.support.stack import Stack

    stack = Stack(url, lang="fr")
    print(
        json.dumps(
            {"port": stack.server.server_address[1], "import_build_s": time.time() - started}
        ),
        flush=True,
    )
    sys.stdin.readline()  # the parent says when it is done
    stack.close()


def _child(*args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "benchmarks.memory", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def run(quick: bool = False) -> dict:
    from .latency import post, status_body

    requests = 2_000 if quick else 10_000
    with throwaway_database() as url:
        process = _child("rss", url, str(requests))
        rss = json.loads(process.communicate()[0].strip().splitlines()[-1])
    starts = []
    for _ in range(3):  # the median of three, the machine being shared
        with throwaway_database() as url:
            started = time.time()
            process = _child("cold", url, str(started))
            ready = json.loads(process.stdout.readline())
            address = ("127.0.0.1", ready["port"])
            elapsed, status = post(address, status_body(), "application/x-www-form-urlencoded")
            starts.append((time.time() - started, elapsed, status))
            process.communicate("\n")
    first_ack, elapsed, status = sorted(starts)[1]
    return {
        f"RSS with {GROUPS:,} groups loaded (MB)": round(rss["loaded"], 1),
        f"RSS after {requests // 2:,} requests (MB)": round(rss["half"], 1),
        f"RSS after {requests:,} requests (MB)": round(rss["end"], 1),
        "growth in the second half (MB)": round(rss["end"] - rss["half"], 1),
        "cold start to first ack, median of 3 (s)": round(first_ack, 2),
        "of which the ack itself (ms)": round(elapsed * 1000, 1),
        "first ack status": status,
    }


if __name__ == "__main__":
    kind, url, value = sys.argv[1:4]
    if kind == "rss":
        print(json.dumps(child_rss(url, int(value))))
    else:
        child_cold(url, float(value))
