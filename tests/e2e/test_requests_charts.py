"""The assessment's chart is drawn when its upload is delivered, not while the request
waits, with matplotlib's object API (never pyplot), so charts drawn at the same time in
several threads each come out whole."""

from __future__ import annotations

import json
import subprocess
import sys
import threading

from sqlalchemy import text

from tests.support.data import hold_session
from tests.support.flows import add_peers, setup_group
from tests.support.stack import CHANNEL, PEERS, ROOT

GOOD = ("Kind", "Met", "Listening first", "Monday")


def _upload_rows(stack) -> list[str]:
    with stack.runtime.engine.connect() as connection:
        rows = connection.execute(text("SELECT payload FROM outbox WHERE kind = 'upload'"))
        return [r[0] if isinstance(r[0], str) else json.dumps(r[0]) for r in rows]


def test_the_request_queues_what_the_chart_shows_and_delivery_draws_it(stack):
    setup_group(stack)
    add_peers(stack, 3)
    hold_session(stack, PEERS[0], evaluations=[(PEERS[1], 4, GOOD)])
    stack.deliver()
    assert stack.driver.command(PEERS[1], CHANNEL, "report group").status == 200
    (queued,) = _upload_rows(stack)
    assert "iVBORw0KGgo" not in queued  # no PNG (base64) was drawn in the request
    assert '"chart"' in queued and "#1" in queued
    stack.deliver()
    charts = [f for f in stack.emulator.files(CHANNEL) if f["name"].endswith(".png")]
    assert len(charts) == 1 and charts[0]["content"].startswith(b"\x89PNG")


CHARTS_IN_THREADS = """
import sys, threading
from bot.slack.render.charts import chart_png, chart_spec

def spec(n):
    labels = [f"#{i}" for i in range(1, n + 1)]
    return chart_spec(f"Cycle {n}", "Rating", "Attendance", labels,
                      [(i % 5) + 0.5 for i in range(n)], [50 + i for i in range(n)])

alone = {n: chart_png(spec(n)) for n in range(2, 10)}
results, errors = {}, []

def draw(n):
    try:
        for _ in range(3):
            results.setdefault(n, set()).add(chart_png(spec(n)))
    except Exception as exc:
        errors.append(repr(exc))

threads = [threading.Thread(target=draw, args=(n,)) for n in range(2, 10)]
[t.start() for t in threads]
[t.join() for t in threads]
assert not errors, errors
assert all(results[n] == {alone[n]} for n in alone), "a chart drawn in a thread differs"
assert "matplotlib.pyplot" not in sys.modules, "pyplot was imported"
print("ok")
"""


def test_charts_drawn_in_threads_at_once_match_those_drawn_alone_without_pyplot():
    done = subprocess.run(
        [sys.executable, "-c", CHARTS_IN_THREADS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def test_a_chart_is_drawn_from_its_queued_figures_in_any_thread():
    from bot.slack.render.charts import chart_png, chart_spec

    spec = chart_spec("T", "Rating", "Attendance", ["#1", "#2"], [4.0, 3.5], [100.0, 75.0])
    found = []
    thread = threading.Thread(target=lambda: found.append(chart_png(spec)))
    thread.start()
    thread.join(60)
    assert found and found[0].startswith(b"\x89PNG")
