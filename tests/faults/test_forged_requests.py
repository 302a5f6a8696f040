"""Requests not signed by Slack with our secret, or signed too long ago or in the future,
are refused with 401 and change nothing: not a row, not a Slack call."""

from __future__ import annotations

import json
import random
import time
from urllib.parse import urlencode

import pytest

from bot.emulator import sign
from tests.support.flows import add_peers, root_message, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, SECRET

from .support import row_counts, size

pytestmark = pytest.mark.faults

FORM = "application/x-www-form-urlencoded"


def _bodies(stack, root_ts, session_id):
    """Requests that would each change something if they were accepted."""
    command = {
        "team_id": "T0CODEV",
        "channel_id": CHANNEL,
        "user_id": FACILITATOR,
        "command": "/codev",
        "text": "next",
        "trigger_id": "1.2.x",
        "response_url": "http://127.0.0.1:1/none",
    }
    click = {
        "type": "block_actions",
        "user": {"id": FACILITATOR},
        "team": {"id": "T0CODEV"},
        "channel": {"id": CHANNEL},
        "container": {"type": "message", "message_ts": root_ts, "channel_id": CHANNEL},
        "actions": [
            {"action_id": "codev_next_phase", "value": f"{session_id}:1", "action_ts": "1.1"}
        ],
    }
    event = {
        "type": "event_callback",
        "team_id": "T0CODEV",
        "event_id": "Ev0FORGED",
        "event": {
            "type": "message",
            "channel": CHANNEL,
            "user": PEERS[1],
            "text": "a forged question?",
            "ts": "1999999999.000100",
            "thread_ts": root_ts,
        },
    }
    return [
        (urlencode(command).encode(), FORM),
        (urlencode({"payload": json.dumps(click)}).encode(), FORM),
        (json.dumps(event).encode(), "application/json"),
    ]


def _forgeries(count):
    """(secret, timestamp offset in seconds, garbled signature) for each way to be wrong."""
    rng = random.Random(7)
    ways = [
        lambda: ("not-the-secret", 0, False),
        lambda: (SECRET[:-1] + "x", 0, False),
        lambda: (SECRET, -rng.randint(301, 86_400), False),  # stale
        lambda: (SECRET, rng.randint(301, 86_400), False),  # from the future
        lambda: (SECRET, 0, True),  # right key, tampered signature
    ]
    return [ways[i % len(ways)]() for i in range(count)]


def test_forged_stale_and_future_requests_are_refused_and_store_nothing(stack):
    setup_group(stack)
    add_peers(stack, 3)
    start_session(stack, "start")
    root = root_message(stack)
    session_id = int(stack.services.sessions.status("T0CODEV", CHANNEL, FACILITATOR).id)
    before, calls_before = row_counts(stack), len(stack.emulator.calls)
    bodies = _bodies(stack, root.ts, session_id)

    statuses = []
    for i, (secret, offset, garble) in enumerate(_forgeries(size(100, 1000))):
        body, kind = bodies[i % len(bodies)]
        timestamp = int(time.time()) + offset
        signature = None
        if garble:
            good = sign(secret, str(timestamp), body)
            signature = good[:-4] + ("0000" if not good.endswith("0000") else "1111")
        response = stack.driver.send(
            body, kind, timestamp=timestamp, signature=signature, secret=secret
        )
        statuses.append(response.status)

    assert set(statuses) == {401}, sorted(set(statuses))
    stack.deliver()
    assert row_counts(stack) == before
    assert len(stack.emulator.calls) == calls_before


def test_a_request_with_an_empty_signature_is_refused(stack):
    response = stack.driver.send(b"text=next", FORM, signature="v0=")
    assert response.status == 401
    assert sum(row_counts(stack).values()) == 0
