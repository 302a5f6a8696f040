"""APScheduler drives the outbox: one tick every second delivers what is due.

No APScheduler job store is shared: the outbox rows are the schedule, so a
restart loses nothing and several processes never deliver the same row.
"""

from __future__ import annotations

import logging

from apscheduler.schedulers.background import BackgroundScheduler

log = logging.getLogger("codev.scheduling")


def start_dispatcher(delivery, interval_seconds: float = 1.0) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone="UTC")
    scheduler.add_job(
        _safe_tick,
        "interval",
        args=[delivery],
        seconds=interval_seconds,
        id="outbox",
        max_instances=1,
        coalesce=True,
    )
    scheduler.start()
    return scheduler


def _safe_tick(delivery) -> None:
    try:
        delivery.tick()
    except Exception:  # a tick must never kill the scheduler; the next one retries
        log.exception("outbox tick failed")
