"""The default deployment: gunicorn with two workers on one SQLite file.

Each worker has its own scheduler, but SQLite has no row locks: only the worker
holding the dispatcher lock (a file lock next to the database) delivers, so every
queued file arrives exactly once; the other worker's commits wake it. A setting that
cannot be safe is refused in one line.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.e2e.test_production_http import Served, _get
from tests.support.stack import NAMES

REQUESTS_PER_PERSON = 3


@pytest.fixture
def sqlite_served(database_url, tmp_path):
    if not database_url.startswith("sqlite"):
        pytest.skip("the dispatcher lock is SQLite's; PostgreSQL locks rows")
    served = Served(database_url, tmp_path)
    served.env["CODEV_DISPATCH_INTERVAL_SECONDS"] = "0.05"
    yield served
    served.close()


def _files_delivered(served) -> int:
    return sum(len(served.emulator.files(user)) for user in NAMES)


def test_two_workers_on_sqlite_deliver_each_requested_file_once(sqlite_served):
    served = sqlite_served
    served.start()
    people = list(NAMES)[:8]
    for _ in range(REQUESTS_PER_PERSON):
        for person in people:
            assert served.driver.command(person, person, "mydata").status == 200
    wanted = len(people) * REQUESTS_PER_PERSON  # 24 requests, 24 files
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and _files_delivered(served) < wanted:
        time.sleep(0.2)
    time.sleep(2)  # room for a second dispatcher to send anything twice
    assert _files_delivered(served) == wanted
    uploads = [c for c in served.emulator.calls if c.method == "files.completeUploadExternal"]
    assert len(uploads) == wanted
    assert served.stop() == 0


def test_what_either_worker_queues_is_delivered_without_waiting_for_the_interval(
    sqlite_served,
):
    served = sqlite_served
    served.env["CODEV_DISPATCH_INTERVAL_SECONDS"] = "3600"  # only wakes can deliver
    served.env["CODEV_DISPATCH_WAKE"] = "true"
    served.start()
    people = list(NAMES)[:8] * 2
    with ThreadPoolExecutor(8) as pool:  # at once, so that both workers serve some
        answers = list(pool.map(lambda p: served.driver.command(p, p, "mydata"), people))
    assert [answer.status for answer in answers] == [200] * len(people)
    _wait_for(served, len(people))  # 30 s at most, against an hour
    print(served.log.read_text()[-6000:])
    assert _files_delivered(served) == len(people)
    assert served.stop() == 0


def _workers(served) -> list[int]:
    pid = served.process.pid
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children]


def _healthy(served) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if _get(f"{served.base}/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError("no worker answers /healthz")


def _wait_for(served, wanted: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and _files_delivered(served) < wanted:
        time.sleep(0.2)


def test_when_the_delivering_worker_dies_another_one_delivers(sqlite_served):
    served = sqlite_served
    served.start()
    people = list(NAMES)[:6]
    for person in people:
        assert served.driver.command(person, person, "mydata").status == 200
    _wait_for(served, len(people))
    workers = _workers(served)
    assert len(workers) == 2
    for worker in workers:  # one of them held the lock; both go, gunicorn starts new ones
        os.kill(worker, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and sorted(_workers(served)) in ([], sorted(workers)):
        time.sleep(0.1)  # gunicorn starts two new workers
    _healthy(served)
    for person in people:
        assert served.driver.command(person, person, "mydata").status == 200
    _wait_for(served, 2 * len(people))
    time.sleep(1)
    assert _files_delivered(served) == 2 * len(people)
    assert served.stop() == 0


def test_several_workers_on_an_in_memory_sqlite_database_are_refused_in_one_line(
    sqlite_served,
):
    served = sqlite_served
    served.env["DATABASE_URL"] = "sqlite://"
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
    assert "CODEV_HTTP_WORKERS" in lines[0] and "DATABASE_URL" in lines[0]
