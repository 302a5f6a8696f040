"""(f) Acks against the durable floor: codev, the bare app and the floor side by side.

The same three requests as (a) — `/codev status` (a read), a consultant's question in
a session thread and a "next phase" click (writes) — from 1 and 32 client threads,
against codev, the bare Bolt app that only acks, and the durable floor (the bare app
with one INSERT + COMMIT per request, on codev's database). Each level runs the three
apps one after the other in the same process, so their ratios come from one run.
codev applies thread replies and clicks just after their ack (the inbox): the bare app
and the floor run once codev has applied everything, and "codev applied req/s" counts
requests over the time until the last one was applied. With one client, each request
is sent once the previous one is applied (one request in the app at a time, as for the
floor); with 32, clients send as soon as they have their ack.
"""

from __future__ import annotations

import time

from tests.support.stack import FACILITATOR

from .apps import Bare, Codev
from .latency import FORM, JSON, Clicks, click_body, post, reply_body, run_level

LEVELS = (1, 32)
REPLY_SESSIONS = 10


def _after_settling(codev, make):
    """`make`, once codev has applied what it acked (untimed: the request is built
    before the clock starts). The floor does all its work before it acks; codev applies
    a reply or a click just after its ack, and one client sending at once would time
    the ack against the previous request's work."""

    def settled(n):
        codev.stack.runtime.settle(60)
        return make(n)

    return settled


def run(database_url: str, quick: bool = False, levels=LEVELS) -> list[dict]:
    spread = 2 if quick else REPLY_SESSIONS
    clicking = 10 if quick else 32
    codev = Codev(database_url, groups=1 + spread * len(levels) + clicking)
    engine = codev.stack.runtime.engine
    bare = Bare(codev.stack.emulator, engine)
    floor = Bare(codev.stack.emulator, engine, durable=True)
    try:
        status_channel = codev.channels[0]
        replies = {}
        for k, clients in enumerate(levels):
            channels = codev.channels[1 + k * spread : 1 + (k + 1) * spread]
            for channel in channels:
                codev.stack.driver.command(FACILITATOR, channel, "next")
            replies[clients] = [(c, codev.root_ts(c)) for c in channels]
        clicks = Clicks(codev, codev.channels[1 + spread * len(levels) :])

        def reply(clients):
            sessions = replies[clients]
            return lambda n: (reply_body(n, *sessions[n % len(sessions)]), JSON, None)

        kinds = {
            "/codev status": lambda clients: lambda n: (codev.status(status_channel), FORM, None),
            "thread reply": reply,
            "next-phase click": lambda clients: clicks,
        }
        other_click = lambda n: (click_body(n, status_channel, "1:1"), FORM, None)  # noqa: E731
        for _ in range(5):  # warm the three apps up
            for app in (codev, bare, floor):
                post(app.address, codev.status(status_channel), FORM)
        results = []
        for name, factory in kinds.items():
            for clients in levels:
                total = (4 if quick else 10) * clients if clients > 1 else (40 if quick else 200)
                make = factory(clients)
                theirs = other_click if name == "next-phase click" else make
                if clients == 1:  # one request in the app at a time, as for the floor
                    make = _after_settling(codev, make)
                ours = run_level(codev.address, make, clients, total)
                # what codev acked is applied just after: wait for it, so the bare app and
                # the floor run on a quiet process, and count it in codev's throughput
                started = time.perf_counter()
                assert codev.stack.runtime.settle(300), "acked requests still to apply"
                ours["applied_rps"] = total / (total / ours["rps"] + time.perf_counter() - started)
                results.append(
                    {
                        "request": name,
                        "clients": clients,
                        "n": total,
                        "codev": ours,
                        "bare": run_level(bare.address, theirs, clients, total),
                        "floor": run_level(floor.address, theirs, clients, total),
                    }
                )
        return results
    finally:
        floor.close()
        bare.close()
        codev.close()
