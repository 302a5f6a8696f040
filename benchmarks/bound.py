"""(g) No ack over 3 s at 100 concurrent clients: the writes of (a) — a consultant's
question in a session thread and a "next phase" click that moves a real session —
from 100 client threads at once, against codev served as in (a) (threaded WSGI server,
in this process, on the benchmark's database). Reported per request: p50, p99 and max
ack, and whether the slowest stayed within Slack's 3 s.

Questions are spread over REPLY_SESSIONS sessions in clarification (ten people
replying at once in each); each click takes a group from a pool of running sessions,
clicks its current phase and puts it back (after phase 6 the group starts a new
session, untimed).
"""

from __future__ import annotations

from .apps import Codev
from .latency import FORM, JSON, REPLY_SESSIONS, Clicks, post, reply_body, run_level

CLIENTS = 100
BOUND_MS = 3000.0


def run(database_url: str, quick: bool = False, clients: int = CLIENTS) -> list[dict]:
    clicking = 20 if quick else clients
    codev = Codev(database_url, groups=REPLY_SESSIONS + clicking)
    try:
        sessions = codev.clarifying(codev.channels[:REPLY_SESSIONS])
        clicks = Clicks(codev, codev.channels[REPLY_SESSIONS:])
        for _ in range(5):  # warm up: imports, connection pool, auth.test
            post(codev.address, codev.status(sessions[0][0]), FORM)
        kinds = {
            "thread reply (question)": lambda n: (
                reply_body(n, *sessions[n % len(sessions)]),
                JSON,
                None,
            ),
            "next-phase click": clicks,
        }
        total = (3 if quick else 5) * clients
        results = []
        for name, make in kinds.items():
            measured = run_level(codev.address, make, clients, total)
            results.append(
                {
                    "request": name,
                    "clients": clients,
                    "n": total,
                    **measured,
                    "passed": measured["max"] <= BOUND_MS and measured["errors"] == 0,
                }
            )
        return results
    finally:
        codev.close()
