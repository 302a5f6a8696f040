"""Periodic jobs of the cycle: suggesting each coming session's client, queuing
the reminders of members who joined after their sessions were planned, and the
nudges and follow-ups that depend on what people did (`services/nudges.py`).

The job only reads and writes the database (the outbox carries the DMs), so
running it in several processes at once is harmless: dedupe keys keep every
DM single.
"""

from __future__ import annotations

import logging

log = logging.getLogger("codev.scheduling")


def add_cycle_jobs(scheduler, services, interval_seconds: float = 60.0) -> None:
    scheduler.add_job(
        _safe_suggest,
        "interval",
        args=[services],
        seconds=interval_seconds,
        id="cycle_suggest_clients",
        max_instances=1,
        coalesce=True,
    )


def _safe_suggest(services) -> None:
    try:
        services.cycle_jobs.suggest_clients()
        services.cycle_jobs.sync_reminders()
        services.nudges.run()
    except Exception:  # a failed run must not stop the scheduler; the next one retries
        log.exception("cycle job failed")
