"""What the fault suites share: their size (short by default, long on demand) and counters.

`CODEV_FAULTS=long` runs the sizes the issue asks for; the default is a short
version that keeps the whole suite quick enough for every test run.
"""

from __future__ import annotations

import os
from datetime import timedelta

from sqlalchemy import func, select

from bot.persistence.models import Base, OutboxRow

LONG = os.environ.get("CODEV_FAULTS", "").lower() == "long"


def size(short: int, long: int) -> int:
    return long if LONG else short


def row_counts(stack) -> dict[str, int]:
    """Rows in every table of the app's database."""
    with stack.runtime.engine.connect() as connection:
        return {
            table.name: connection.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables
        }


def pending(stack) -> int:
    """Rows still to deliver: queued ones, and those left `sending` by a failure that does
    not say whether Slack took the message (they are looked up, then sent)."""
    with stack.runtime.engine.connect() as connection:
        return connection.scalar(
            select(func.count())
            .select_from(OutboxRow)
            .where(OutboxRow.status.in_(("pending", "sending")))
        )


def drain_through_faults(stack, step=timedelta(minutes=10), rounds=400) -> None:
    """Deliver everything, moving the services' clock past every backoff and Retry-After."""
    for _ in range(rounds):
        stack.deliver()
        if pending(stack) == 0:
            return
        stack.clock.now = stack.clock.now + step
    raise AssertionError(f"{pending(stack)} outbox rows still pending")
