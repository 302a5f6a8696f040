"""SQLite writers of one process queue on a lock of their own, not on SQLite's busy wait.

The lock must never be left held: a failed or rolled-back transaction, a connection
reused for a second transaction, or a read inside a write all let the next writer in
at once.
"""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from bot.persistence.engine import make_engine
from bot.persistence.uow import unit_of_work_factory


@pytest.fixture
def engine(sqlite_template, tmp_path):
    engine = make_engine(sqlite_template.fresh(tmp_path))
    yield engine
    engine.dispose()


def _write(engine, key: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO user_prefs (user_id, lang, updated_at) VALUES (:k, 'fr', '2026-11-30')"
            ),
            {"k": key},
        )


def _quickly(action) -> None:
    started = time.perf_counter()
    action()
    assert time.perf_counter() - started < 2  # the lock waits 15 s before giving up


def test_a_failed_write_lets_the_next_writer_in_at_once(engine):
    with pytest.raises(RuntimeError), engine.begin() as connection:
        connection.execute(text("SELECT 1"))
        raise RuntimeError("the use case failed")
    _quickly(lambda: _write(engine, "U1"))


def test_a_unit_of_work_left_without_commit_lets_the_next_writer_in(engine):
    uow_factory = unit_of_work_factory(engine)
    with uow_factory() as uow:
        uow.db.execute(text("SELECT 1"))  # begins the write transaction, then rolls back
    with uow_factory() as uow:
        _quickly(lambda: uow.db.execute(text("SELECT 1")))
        uow.commit()


def test_one_connection_may_run_two_write_transactions_in_turn(engine):
    with engine.connect() as connection:
        for key in ("U1", "U2"):
            with connection.begin():
                connection.execute(
                    text("INSERT INTO user_prefs VALUES (:k, 'en', '2026-11-30')"), {"k": key}
                )
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM user_prefs")).scalar()
    assert count == 2


def test_a_read_only_unit_of_work_runs_beside_a_writer(engine):
    uow_factory = unit_of_work_factory(engine)
    with uow_factory() as writer:
        writer.db.execute(text("SELECT 1"))
        with uow_factory(read_only=True) as reader:
            _quickly(lambda: reader.db.execute(text("SELECT count(*) FROM user_prefs")))


def test_writers_in_many_threads_all_get_their_turn(engine):
    errors = []

    def worker(n):
        try:
            for i in range(20):
                _write(engine, f"U{n}-{i}")
        except Exception as exc:  # any failure fails the test below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM user_prefs")).scalar() == 160


def test_writers_get_the_lock_in_the_order_they_asked_for_it():
    """Ten writers queued behind a holder get it one after the other, first come first."""
    from bot.persistence.engine import FifoLock

    lock, order = FifoLock(), []
    lock.acquire()
    threads = []
    for n in range(10):
        thread = threading.Thread(
            target=lambda n=n: (lock.acquire(), order.append(n), lock.release())
        )
        thread.start()
        threads.append(thread)
        time.sleep(0.02)  # each is waiting before the next one comes
    lock.release()
    for thread in threads:
        thread.join(5)
    assert order == list(range(10))


def test_a_writer_that_gives_up_waiting_leaves_the_queue():
    from bot.persistence.engine import FifoLock

    lock = FifoLock()
    assert lock.acquire()
    assert lock.acquire(timeout=0.05) is False  # held: gives up, and is no longer queued
    lock.release()
    assert lock.acquire(timeout=0.05)  # free again: nobody was handed it
    lock.release()
