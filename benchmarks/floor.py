"""(f) Acks against the durable floor: codev, the bare app and the floor side by side.

The same three requests as (a) — `/codev status` (a read), a consultant's question in
a session thread and a "next phase" click (writes) — from 1 and 32 client threads,
against codev, the bare Bolt app that only acks, and the durable floor (the bare app
with one INSERT + COMMIT per request, on codev's database). Each level runs the three
apps one after the other in the same process, so their ratios come from one run.
"""

from __future__ import annotations

from tests.support.stack import FACILITATOR

from .apps import Bare, Codev
from .latency import FORM, JSON, Clicks, click_body, post, reply_body, run_level

LEVELS = (1, 32)
REPLY_SESSIONS = 10


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
                results.append(
                    {
                        "request": name,
                        "clients": clients,
                        "n": total,
                        "codev": run_level(codev.address, make, clients, total),
                        "bare": run_level(bare.address, theirs, clients, total),
                        "floor": run_level(floor.address, theirs, clients, total),
                    }
                )
        return results
    finally:
        floor.close()
        bare.close()
        codev.close()
