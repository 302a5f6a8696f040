"""(a) Ack latency and throughput over real HTTP on loopback, signed like Slack signs.

Three requests — `/codev status`, a consultant's question in a session thread
(clarification), a click on "next phase" — at 1, 10, 50 and 100 concurrent clients
(threads, one new connection per request as Slack does), against codev and against a
bare Bolt app that only acks, served the same way in the same process.

Thread replies at each level go to fresh sessions (REPLY_SESSIONS of them), each in
clarification. Next-phase clicks each move a real session: every client takes a group from a pool,
clicks its current phase, and puts it back; after phase 6 the group starts a new
session (that `start` is not timed).
"""

from __future__ import annotations

import http.client
import itertools
import json
import queue
import threading
import time
from urllib.parse import urlencode

from bot.emulator import sign
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, SECRET, TEAM

from .apps import Bare, Codev, now_ts
from .stats import summary_ms

FORM, JSON = "application/x-www-form-urlencoded", "application/json"
LEVELS = (1, 10, 50, 100)
# Replies at one level are spread over this many sessions (a real one has tens of
# replies, not thousands: one session taking them all would measure its size).
REPLY_SESSIONS = 10


def total_requests(clients: int, quick: bool) -> int:
    return max(40, 3 * clients) if quick else max(200, 10 * clients)


def post(address, body: bytes, kind: str) -> tuple[float, int]:
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": kind,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": sign(SECRET, timestamp, body),
    }
    connection = http.client.HTTPConnection(*address, timeout=30)
    started = time.perf_counter()
    connection.request("POST", "/slack/events", body, headers)
    response = connection.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed, response.status


NOWHERE = "http://127.0.0.1:9/response/none"


def status_body(channel: str = CHANNEL, response_url: str = NOWHERE) -> bytes:
    """`/codev status`; codev answers it on `response_url` after the ack (give it one
    the emulator issued, or the answer fails to arrive, which the ack does not see)."""
    fields = {
        "team_id": TEAM,
        "channel_id": channel,
        "channel_name": "bench",
        "user_id": FACILITATOR,
        "user_name": "fanny",
        "command": "/codev",
        "text": "status",
        "api_app_id": "A0CODEVAPP",
        "response_url": response_url,
        "trigger_id": "1.1.bench",
    }
    return urlencode(fields).encode()


def reply_body(n: int, channel: str, root_ts: str) -> bytes:
    ts = now_ts(n)
    event = {
        "type": "message",
        "user": PEERS[1 + n % 7],
        "text": f"Question {n}: how long has it been like this?",
        "ts": ts,
        "thread_ts": root_ts,
        "parent_user_id": "U0CODEVBOT",
        "channel": channel,
        "event_ts": ts,
        "channel_type": "group",
    }
    envelope = {
        "type": "event_callback",
        "team_id": TEAM,
        "api_app_id": "A0CODEVAPP",
        "event": event,
        "event_id": f"EvBENCH{n:08d}{time.monotonic_ns() % 10**6}",
        "event_time": int(time.time()),
    }
    return json.dumps(envelope).encode()


def click_body(n: int, channel: str, value: str) -> bytes:
    payload = {
        "type": "block_actions",
        "user": {"id": FACILITATOR, "username": "fanny", "team_id": TEAM},
        "api_app_id": "A0CODEVAPP",
        "team": {"id": TEAM, "domain": "codev"},
        "channel": {"id": channel, "name": "bench"},
        "container": {"type": "message", "message_ts": "1.1", "channel_id": channel},
        "trigger_id": "1.1.bench",
        "actions": [
            {
                "type": "button",
                "action_id": "codev_next_phase",
                "block_id": "session_actions",
                "value": value,
                "action_ts": now_ts(n),
            }
        ],
    }
    return urlencode({"payload": json.dumps(payload)}).encode()


class Clicks:
    """A pool of groups with running sessions; each click moves one of them.

    A group goes back to the pool once its click is applied, as its facilitator clicks
    again only once the thread shows the new phase (codev applies a click just after
    its ack; with two replicas, two clicks of one group could otherwise be applied out
    of order, the second refused as stale). One thread watches every waiting group
    with one query every 20 ms, off the clients' threads."""

    def __init__(self, codev: Codev, channels: list[str]):
        self.codev = codev
        self.pool: queue.Queue = queue.Queue()
        for channel in channels:
            self.pool.put([channel, *codev.running(channel)])
        self.waiting: dict[str, tuple[list, int]] = {}  # channel: (group, phase awaited)
        self.lock = threading.Lock()
        threading.Thread(target=self._watch, daemon=True).start()

    def __call__(self, n: int):
        group = self.pool.get()
        channel, session_id, phase = group

        def done(status):
            if phase >= 6:  # a new session once this one has ended (rare: a thread)
                threading.Thread(target=self._restart, args=(group,), daemon=True).start()
            else:
                with self.lock:
                    self.waiting[channel] = (group, phase + 1)

        return click_body(n, channel, f"{session_id}:{phase}"), FORM, done

    def _restart(self, group: list) -> None:
        self.codev.start(group[0])
        group[1:] = self.codev.running(group[0])
        self.pool.put(group)

    def _watch(self) -> None:
        while True:
            time.sleep(0.02)
            with self.lock:
                channels = list(self.waiting)
            if not channels:
                continue
            now = self.codev.phases(channels)
            with self.lock:
                for channel in channels:
                    group, awaited = self.waiting[channel]
                    running = now.get(channel)
                    if running is None or running[0] != group[1] or running[1] >= awaited:
                        del self.waiting[channel]
                        group[2] = awaited
                        self.pool.put(group)


def run_level(address, make, clients: int, total: int) -> dict:
    """`total` requests from `clients` threads; `address` may be a list of servers, taken
    in turn (a round robin, as a load balancer spreads requests)."""
    addresses = address if isinstance(address, list) else [address]
    numbers = itertools.count()
    latencies: list[float] = []
    failures = []

    def client():
        while (n := next(numbers)) < total:
            body, kind, done = make(n)
            try:
                elapsed, status = post(addresses[n % len(addresses)], body, kind)
            except OSError as error:  # reset or timed out: counted, not hidden
                elapsed, status = 30.0, type(error).__name__
            latencies.append(elapsed)
            if status != 200:
                failures.append(status)
            if done:
                done(status)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return {**summary_ms(latencies), "rps": len(latencies) / wall, "errors": len(failures)}


def run(database_url: str, quick: bool = False, levels=LEVELS) -> list[dict]:
    spread = 2 if quick else REPLY_SESSIONS
    reply_groups = spread * len(levels)
    clicking = min(max(levels), 20) if quick else max(levels)
    codev = Codev(database_url, groups=1 + reply_groups + clicking)
    bare = Bare(codev.stack.emulator, codev.stack.runtime.engine)
    try:
        status_channel = codev.channels[0]
        replies = {}  # per level, its own sessions in clarification, each with its root
        for k, clients in enumerate(levels):
            channels = codev.channels[1 + k * spread : 1 + (k + 1) * spread]
            for channel in channels:
                codev.stack.driver.command(FACILITATOR, channel, "next")
            replies[clients] = [(c, codev.root_ts(c)) for c in channels]
        clicks = Clicks(codev, codev.channels[1 + reply_groups :])

        def reply(clients):
            sessions = replies[clients]
            return lambda n: (reply_body(n, *sessions[n % len(sessions)]), JSON, None)

        kinds = {
            "/codev status": lambda clients: lambda n: (codev.status(status_channel), FORM, None),
            "thread reply": reply,
            "next-phase click": lambda clients: clicks,
        }
        bare_click = lambda n: (click_body(n, status_channel, "1:1"), FORM, None)  # noqa: E731
        results = []
        for _ in range(5):  # warm both apps up (imports, connection pools, auth.test)
            post(codev.address, status_body(status_channel), FORM)
            post(bare.address, status_body(status_channel), FORM)
        for name, factory in kinds.items():
            for clients in levels:
                make = factory(clients)
                total = total_requests(clients, quick)
                mine = run_level(codev.address, make, clients, total)
                bare_make = bare_click if name == "next-phase click" else make
                theirs = run_level(bare.address, bare_make, clients, total)
                results.append(
                    {"request": name, "clients": clients, "n": total, "codev": mine, "bare": theirs}
                )
        return results
    finally:
        bare.close()
        codev.close()
