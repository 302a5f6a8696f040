"""The retention job: once an hour, purge the free text of cycles that ended
longer ago than their group's retention setting.

It only changes the database, so running it in several processes is harmless.
"""

from __future__ import annotations

import logging

log = logging.getLogger("codev.scheduling")


def add_privacy_jobs(scheduler, services, interval_seconds: float = 3600.0) -> None:
    scheduler.add_job(
        _safe_purge,
        "interval",
        args=[services],
        seconds=interval_seconds,
        id="privacy_retention",
        max_instances=1,
        coalesce=True,
    )


def _safe_purge(services) -> None:
    try:
        services.privacy.purge_expired()
    except Exception:  # a failed run must not stop the scheduler; the next one retries
        log.exception("retention job failed")
