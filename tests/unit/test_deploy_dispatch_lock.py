"""The SQLite dispatcher's election: one holder at a time, taken over when it goes."""

from __future__ import annotations

import pytest

from bot.scheduling.dispatcher import (
    DispatchLock,
    UnsafeDeployment,
    check_deployment,
    dispatch_lock_path,
)


def test_one_process_holds_the_lock_and_another_takes_over_when_it_goes(tmp_path):
    path = dispatch_lock_path(f"sqlite:///{tmp_path / 'codev.db'}")
    assert path == str(tmp_path / "codev.db") + ".dispatch-lock"
    first, second = DispatchLock(path), DispatchLock(path)
    assert first.held() and not second.held()
    assert first.held()  # still its own
    first.release()
    assert second.held()
    second.release()


def test_postgresql_needs_no_lock_and_one_process_may_use_memory():
    assert check_deployment("postgresql+psycopg://u@h/db", workers=4) is None
    assert check_deployment("sqlite://", workers=1) is None


def test_several_workers_on_an_in_memory_database_are_refused():
    with pytest.raises(UnsafeDeployment, match="CODEV_HTTP_WORKERS=2"):
        check_deployment("sqlite:///:memory:", workers=2)


def test_a_lock_that_cannot_be_made_is_refused_in_one_line(tmp_path):
    missing = tmp_path / "no-such-folder" / "codev.db"
    with pytest.raises(UnsafeDeployment) as refused:
        check_deployment(f"sqlite:///{missing}", workers=2)
    assert "\n" not in str(refused.value) and "dispatch-lock" in str(refused.value)
