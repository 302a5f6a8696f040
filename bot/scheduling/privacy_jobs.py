"""The data-protection jobs.

Once an hour, the free text of cycles that ended longer ago than their group's
retention setting is purged. Every few minutes, delivered outbox rows lose their
payloads, and rows and request keys older than the queue's keep time
(`CODEV_OUTBOX_KEEP_HOURS`) are deleted.

They only change the database, so running them in several processes is harmless.
"""

from __future__ import annotations

import logging

log = logging.getLogger("codev.scheduling")

PRUNE_EVERY_SECONDS = 300.0


def add_privacy_jobs(
    scheduler,
    services,
    interval_seconds: float = 3600.0,
    keep_hours: float = 48.0,
    prune_seconds: float = PRUNE_EVERY_SECONDS,
) -> None:
    scheduler.add_job(
        _safe_purge,
        "interval",
        args=[services],
        seconds=interval_seconds,
        id="privacy_retention",
        max_instances=1,
        coalesce=True,
    )
    scheduler.add_job(
        _safe_prune,
        "interval",
        args=[services, keep_hours],
        seconds=prune_seconds,
        id="outbox_retention",
        max_instances=1,
        coalesce=True,
    )


def _safe_purge(services) -> None:
    try:
        services.privacy.purge_expired()
    except Exception:  # a failed run must not stop the scheduler; the next one retries
        log.exception("retention job failed")


def _safe_prune(services, keep_hours: float) -> None:
    try:
        blanked, deleted = services.privacy.prune_outbox(keep_hours)
    except Exception:  # a failed run must not stop the scheduler; the next one retries
        log.exception("outbox retention job failed")
        return
    if blanked or deleted:
        log.info("outbox retention: %s rows emptied, %s deleted", blanked, deleted)
