"""(e) Request to visible effect: how long after a request its effects reach Slack.

codev served as in `codev serve` (threaded WSGI server, the outbox dispatcher running
in the same process, one `chat.postMessage` a second per channel), over the emulator,
which stamps every Web API call it receives. One request at a time: a consultant's
question in a session thread (clarification; its effect is the question board's
update) and a click on "next phase" (the new phase's message in the thread, the root's
update…). For each: the first Web API call in the group's channel after the request
was sent (first visible effect), and the last one there once nothing due is left in
the outbox (all its effects). Requests are spaced by a random 0–1 s, so they fall
anywhere in the dispatcher's second.

The same requests run twice in one run, on the same database: with the dispatcher only
ticking every second (`CODEV_DISPATCH_WAKE=false`, as before) and with commits waking
it (the default).
"""

from __future__ import annotations

import random
import time
from collections import Counter

from .apps import Codev
from .databases import UNDELIVERED
from .latency import FORM, JSON, click_body, post, reply_body
from .stats import summary_ms

PACE_SECONDS = 1.0  # the production default (the test stack sends without pacing)
SETTLE_TIMEOUT = 15.0


class Measure:
    def __init__(self, codev: Codev):
        self.codev = codev
        self.stack = codev.stack

    def _settled(self, before: int, channel: str) -> list:
        """The Web API calls made in `channel` since call number `before`, once the
        outbox has nothing due left (what the request queued is all delivered)."""
        deadline = time.monotonic() + SETTLE_TIMEOUT
        engine = self.stack.runtime.engine
        while time.monotonic() < deadline:
            calls = [
                c
                for c in self.stack.emulator.calls[before:]
                if c.method != "response_url" and c.args.get("channel") == channel
            ]
            if calls:
                with engine.connect() as connection:
                    left = connection.scalar(UNDELIVERED, {"now": self._db_now()})
                if left == 0:
                    return calls
            time.sleep(0.005)
        raise TimeoutError("the request's effects were not delivered")

    def _db_now(self):
        now = self.stack.clock.now
        if self.stack.runtime.engine.dialect.name == "sqlite":
            return now.replace(tzinfo=None)
        return now

    def one(self, body: bytes, kind: str, channel: str) -> tuple[float, float, list[str]]:
        before = len(self.stack.emulator.calls)
        started = time.time()
        _elapsed, status = post(self.codev.address, body, kind)
        assert status == 200, status
        calls = self._settled(before, channel)
        first, last = min(c.at for c in calls), max(c.at for c in calls)
        return first - started, last - started, [c.method for c in calls]


def _dispatching(runtime, wake: bool) -> None:
    runtime.settings.codev_dispatch_wake = wake
    runtime.start_scheduler()
    runtime.services.delivery.pace = PACE_SECONDS


def _stop_dispatching(runtime) -> None:
    runtime.scheduler.shutdown(wait=True)
    runtime.scheduler = None
    if runtime.dispatch_lock is not None:
        runtime.dispatch_lock.release()
        runtime.dispatch_lock = None


def run(database_url: str, quick: bool = False) -> list[dict]:
    n = 10 if quick else 30
    groups = 6  # questions go to 3 sessions, clicks move the 3 others (one at a time)
    codev = Codev(database_url, groups=groups)
    measure = Measure(codev)
    try:
        asking = codev.channels[:3]
        for channel in asking:
            codev.stack.driver.command("U0FACIL", channel, "next")  # clarification
        roots = [(c, codev.root_ts(c)) for c in asking]
        moving = {c: list(codev.running(c)) for c in codev.channels[3:]}
        counter = iter(range(10**9))
        jitter = random.Random(7)  # requests come at any moment of the dispatcher's second
        results = []
        for wake in (False, True):
            _dispatching(codev.stack.runtime, wake)
            try:
                time.sleep(1.5)  # nothing left from the setup
                for name in ("question", "next-phase click"):
                    firsts, lasts, calls = [], [], Counter()
                    for i in range(n):
                        if name == "question":
                            channel, root = roots[i % len(roots)]
                            body, kind = reply_body(next(counter), channel, root), JSON
                        else:
                            channel = list(moving)[i % len(moving)]
                            session_id, phase = moving[channel]
                            if phase >= 6:  # a new session (not timed)
                                codev.start(channel)
                                time.sleep(1.5)
                                moving[channel] = list(codev.running(channel))
                                session_id, phase = moving[channel]
                            body = click_body(next(counter), channel, f"{session_id}:{phase}")
                            kind = FORM
                            moving[channel][1] = phase + 1
                        time.sleep(jitter.uniform(0, 1))
                        first, last, methods = measure.one(body, kind, channel)
                        firsts.append(first)
                        lasts.append(last)
                        calls.update(methods)
                    results.append(
                        {
                            "request": name,
                            "dispatcher": "woken at commit" if wake else "1 s tick only",
                            "n": n,
                            "first": summary_ms(firsts),
                            "all": summary_ms(lasts),
                            "calls": sum(calls.values()) / n,
                            "methods": ", ".join(f"{m} {k}" for m, k in calls.most_common()),
                        }
                    )
            finally:
                _stop_dispatching(codev.stack.runtime)
        return results
    finally:
        codev.close()
