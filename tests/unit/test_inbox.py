"""The inbox: a request stored at the ack is applied once, its refusal told, its failure
retried and at last given up with a word to its author; on an in-memory store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from bot.domain import DomainError
from bot.scheduling.inbox_worker import InboxWorker
from bot.services.inbox import MAX_ATTEMPTS, Inbox, Owner, Received

START = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


class MemoryInbox:
    """The InboxStore port in a dict."""

    owner = ""

    def __init__(self):
        self.rows: dict[int, dict] = {}
        self.next_id = 1

    def put(self, kind, team, channel, user, args, now):
        item_id, self.next_id = self.next_id, self.next_id + 1
        self.rows[item_id] = dict(
            kind=kind, team=team, channel=channel, user=user, args=args, attempts=0,
            claimed=now, by=self.owner,
        )
        return item_id

    def load(self, item_id):
        row = self.rows.get(item_id)
        if row is None:
            return None
        fields = {k: v for k, v in row.items() if k not in ("claimed", "by")}
        return Received(id=item_id, **fields)

    def done(self, item_id):
        self.rows.pop(item_id, None)

    def retry_later(self, item_id, now):
        self.rows[item_id]["attempts"] += 1
        self.rows[item_id]["claimed"] = now

    def owners(self):
        return sorted({r["by"] for r in self.rows.values()})

    def reclaim(self, lease_ended, gone, now, limit):
        taken = sorted(
            i for i, r in self.rows.items() if r["claimed"] < lease_ended or r["by"] in gone
        )[:limit]
        for item_id in taken:
            self.rows[item_id].update(claimed=now, by=self.owner)
        return taken


class Told:
    def __init__(self):
        self.calls = []

    def tell(self, team, answer, key, **params):
        self.calls.append((answer.channel, answer.user, key, params))


class World:
    def __init__(self, handlers):
        self.now = START
        self.store, self.told = MemoryInbox(), Told()
        ctx = SimpleNamespace(clock=lambda: self.now)
        self.inbox = Inbox(ctx, self.store, self.told, handlers, retry_seconds=60)  # sweeps only

    def run_ready(self):
        while not self.inbox.ready.empty():
            self.inbox.apply(self.inbox.ready.get())
            self.inbox.finished()


def test_a_request_is_stored_then_applied_once_and_dropped():
    applied = []
    world = World({"reply": lambda **args: applied.append(args)})
    world.inbox.accept("reply", "T1", "C1", "U1", text="What did you try?", ts="1.2")
    assert list(world.store.rows) == [1] and applied == []  # stored: the ack can go
    world.run_ready()
    assert applied == [{"text": "What did you try?", "ts": "1.2"}]
    assert world.store.rows == {} and world.inbox.settle(0)


def test_an_unknown_kind_is_refused_before_anything_is_stored():
    world = World({})
    with pytest.raises(KeyError):
        world.inbox.accept("nothing", "T1", "C1", "U1")
    assert world.store.rows == {}


def test_a_refusal_is_told_to_its_author_in_their_words_and_the_row_dropped():
    def refuse(**args):
        raise DomainError("move.not_facilitator", phase=2)

    world = World({"next": refuse})
    world.inbox.accept("next", "T1", "C1", "U2", leaving=2)
    world.run_ready()
    assert world.told.calls == [("C1", "U2", "move.not_facilitator", {"phase": 2})]
    assert world.store.rows == {}


def test_a_failure_is_kept_and_retried_by_the_sweep_once_its_lease_ran_out():
    calls = []

    def flaky(**args):
        calls.append(args)
        if len(calls) == 1:
            raise RuntimeError("database restarting")

    world = World({"reply": flaky})
    world.inbox.accept("reply", "T1", "C1", "U1", ts="1")
    world.run_ready()
    assert world.store.rows[1]["attempts"] == 1 and world.told.calls == []
    assert world.inbox.sweep() == 0  # its lease still runs
    world.now += timedelta(seconds=11)
    assert world.inbox.sweep() == 1
    world.run_ready()
    assert len(calls) == 2 and world.store.rows == {}


def test_a_request_failing_every_time_is_given_up_and_its_author_told():
    world = World({"reply": lambda **args: 1 / 0})
    world.inbox.accept("reply", "T1", "C1", "U1", ts="1")
    for _ in range(MAX_ATTEMPTS):
        world.run_ready()
        world.now += timedelta(seconds=11)
        world.inbox.sweep()
    world.run_ready()
    assert world.store.rows == {}
    [(channel, user, key, params)] = world.told.calls
    assert (channel, user, key) == ("C1", "U1", "error.unexpected") and params["ref"]


def test_a_row_another_process_applied_is_skipped():
    applied = []
    world = World({"reply": lambda **args: applied.append(args)})
    world.inbox.accept("reply", "T1", "C1", "U1", ts="1")
    world.store.rows.clear()  # a sweep elsewhere applied and dropped it
    world.run_ready()
    assert applied == []


def test_the_worker_applies_in_order_and_settle_waits_for_it():
    applied = []
    world = World({"reply": lambda ts: applied.append(ts)})
    worker = InboxWorker(world.inbox, sweep_seconds=0.05).start()
    try:
        for n in range(20):
            world.inbox.accept("reply", "T1", "C1", "U1", ts=str(n))
        assert world.inbox.settle(5)
        assert applied == [str(n) for n in range(20)]
    finally:
        worker.stop()


def test_rows_of_a_process_of_this_host_that_is_gone_are_taken_at_once():
    world = World({"reply": lambda **args: None})
    me = world.inbox.owner
    earlier_life = Owner(me.host, me.pid, "another-start")
    elsewhere = Owner("another-host", 4242, "t")
    for owner in (earlier_life, elsewhere, me):
        world.store.owner = str(owner)
        world.store.put("reply", "T1", "C1", "U1", {}, world.now)
    world.store.owner = str(me)
    assert me.sees_gone(earlier_life) and not me.sees_gone(elsewhere)
    assert not me.sees_gone(me)
    assert world.inbox.sweep() == 1  # the earlier life's; the other host's lease still runs
    assert Owner.parse(str(elsewhere)) == elsewhere and Owner.parse("nonsense") is None


def test_a_request_failing_while_the_database_is_away_is_tried_again_soon():
    applied, down = [], [True]

    class Flaky(MemoryInbox):
        def load(self, item_id):
            if down[0]:
                raise ConnectionError("the database restarts")
            return super().load(item_id)

    world = World({"reply": lambda **args: applied.append(args)})
    world.store = world.inbox.store = Flaky()
    world.inbox.retry_seconds = 0.01
    worker = InboxWorker(world.inbox, sweep_seconds=60).start()
    try:
        world.inbox.accept("reply", "T1", "C1", "U1", ts="1")
        assert not world.inbox.settle(0.1)  # waiting to try again
        down[0] = False
        assert world.inbox.settle(5)
        assert applied == [{"ts": "1"}] and world.store.rows == {}
    finally:
        worker.stop()
