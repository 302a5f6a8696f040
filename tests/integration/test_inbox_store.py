"""The inbox's statements on each database: a request stored is read back whole, a
lease that ran out is claimed by one sweep only, a failed attempt is counted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.persistence.engine import make_engine
from bot.persistence.inbox import SqlInbox

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
LEASE = timedelta(seconds=10)


def test_a_stored_request_comes_back_whole_and_goes_once_done(database_url):
    engine = make_engine(database_url)
    try:
        inbox = SqlInbox(engine)
        args = {"text": "Qu'avez-vous essayé ? 🙂", "ts": "1.000200", "event_key": "Ev1"}
        item_id = inbox.put("reply", "T1", "C1", "U1", args, NOW)
        item = inbox.load(item_id)
        assert (item.kind, item.team, item.channel, item.user) == ("reply", "T1", "C1", "U1")
        assert item.args == args and item.attempts == 0
        inbox.done(item_id)
        assert inbox.load(item_id) is None
    finally:
        engine.dispose()


def test_a_lease_that_ran_out_is_claimed_by_one_sweep_only(database_url):
    engine = make_engine(database_url)
    try:
        inbox = SqlInbox(engine)
        inbox.owner = "host:1:a"
        old = inbox.put("reply", "T1", "C1", "U1", {}, NOW)
        fresh = inbox.put("reply", "T1", "C1", "U2", {}, NOW + timedelta(seconds=9))
        later = NOW + LEASE + timedelta(seconds=1)
        assert inbox.reclaim(later - LEASE, [], later, 50) == [old]  # the fresh one still runs
        assert inbox.reclaim(later - LEASE, [], later, 50) == []  # claimed: not twice
        inbox.retry_later(fresh, later)
        assert inbox.load(fresh).attempts == 1
        much_later = later + LEASE + timedelta(seconds=1)
        assert inbox.reclaim(much_later - LEASE, [], much_later, 1) == [old]  # oldest first
    finally:
        engine.dispose()


def test_the_rows_of_a_process_gone_are_taken_before_their_lease_ends(database_url):
    engine = make_engine(database_url)
    try:
        inbox = SqlInbox(engine)
        inbox.owner = "host:1:dead"
        dead = inbox.put("reply", "T1", "C1", "U1", {}, NOW)
        inbox.owner = "host:2:alive"
        inbox.put("reply", "T1", "C1", "U2", {}, NOW)
        inbox.owner = "host:3:me"
        assert sorted(inbox.owners()) == ["host:1:dead", "host:2:alive"]
        assert inbox.reclaim(NOW - LEASE, ["host:1:dead"], NOW, 50) == [dead]
        assert sorted(inbox.owners()) == ["host:2:alive", "host:3:me"]
    finally:
        engine.dispose()
