"""Slack answers 20 % of the outbox's calls with 429 (Retry-After) and 10 % with 500
during a whole 8-person session: every message still arrives exactly once, and the
messages of a thread arrive in the order the app queued them."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.persistence.models import OutboxRow
from bot.services.effects import root_ref
from tests.support.flows import add_peers, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, NAMES, PEERS

from .support import drain_through_faults, size

pytestmark = pytest.mark.faults

OUTBOX_METHODS = [
    "chat.postMessage",
    "chat.update",
    "chat.postEphemeral",
    "conversations.open",
    "reactions.add",
    "views.publish",
]


def _root(stack):
    roots = [
        m
        for m in stack.emulator.channel_messages(CHANNEL)
        if m.bot and any(b.get("block_id") == "session_actions" for b in m.blocks)
    ]
    return roots[-1].ts


def _whole_session(stack):
    client, consultants = PEERS[0], PEERS[1:8]
    step = drain_through_faults
    start_session(stack, f"start <@{client}|peer1>")
    step(stack)
    root = _root(stack)
    say = stack.driver.message
    say(client, CHANNEL, "My situation: a team that stopped talking to each other.", root)
    stack.driver.command(FACILITATOR, CHANNEL, "next")
    for i, consultant in enumerate(consultants, 1):
        say(consultant, CHANNEL, f"Question {i}: what have you tried?", root)
        say(client, CHANNEL, f"Q{i} Several things.", root)
    step(stack)
    for _ in range(4):
        stack.driver.command(FACILITATOR, CHANNEL, "next")
        for consultant in consultants[:3]:
            say(consultant, CHANNEL, "An idea for this phase.", root)
        say(client, CHANNEL, "Thank you, noted.", root)
        step(stack)
    stack.driver.command(FACILITATOR, CHANNEL, "next")
    step(stack)
    return root


def _bot_messages(stack):
    channels = [CHANNEL] + [stack.emulator.dm_channel(user) for user in NAMES]
    return [
        m for channel in channels if channel for m in stack.emulator.all_messages(channel) if m.bot
    ]


@pytest.mark.parametrize("seed", range(11, 11 + size(1, 5)))
def test_every_message_arrives_once_and_in_order_despite_429_and_500(stack, seed):
    stack.clock.now = None
    setup_group(stack)
    add_peers(stack, 8)
    stack.deliver()
    stack.emulator.set_fault_rates(0.2, 0.1, seed=seed, methods=OUTBOX_METHODS)
    root = _whole_session(stack)

    with Session(stack.runtime.engine) as db:
        rows = list(db.scalars(select(OutboxRow).order_by(OutboxRow.id)))
        session_id = db.scalar(select(OutboxRow.session_id).where(OutboxRow.session_id != None))  # noqa: E711
    injected = [c for c in stack.emulator.calls if c.injected]
    assert len(injected) >= 10, "faults were injected"
    done = ("sent", "cancelled")
    assert {r.status for r in rows if r.kind != "update"} <= set(done), [
        (r.id, r.kind, r.last_error) for r in rows if r.kind != "update" and r.status not in done
    ]
    # An update may be superseded by a later render of the same message; the last one lands.
    last_updates = {r.target_ref: r for r in rows if r.kind == "update"}
    assert {r.status for r in rows if r.kind == "update"} <= {"sent", "superseded"}
    assert {r.status for r in last_updates.values()} == {"sent"}
    posts = [r for r in rows if r.kind in ("post", "dm") and r.status == "sent"]
    ok_posts = [c for c in stack.emulator.calls if c.method == "chat.postMessage" and c.ok]
    assert len(ok_posts) == len(posts)
    assert len(_bot_messages(stack)) == len(posts)

    in_thread = [r for r in posts if r.thread_ref == root_ref(session_id)]
    planned = {r.payload.get("text") for r in in_thread if r.due_at > r.created_at}
    queued = [r.payload.get("text") for r in in_thread if r.due_at <= r.created_at]
    arrived = [  # what Slack accepted, in the order it accepted it
        c.args.get("text")
        for c in ok_posts
        if c.args.get("thread_ts") == root and c.args.get("text") not in planned
    ]
    assert arrived == queued
    assert stack.emulator.rejected() == []
