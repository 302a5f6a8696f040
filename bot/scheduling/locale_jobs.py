"""The look-up of people's Slack locales, every few seconds and at once when woken.

Request handlers only mark who is to be looked up (a join needs not even that:
being in a group without an answer is the mark); this job does the users.info
calls, off every ack path (`services/languages.py`, `LocaleLookups`). The handlers
wake it, so a new person's language is known within a moment; the interval is the
safety net (and what notices joins, which wake nothing).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

log = logging.getLogger("codev.scheduling")

JOB_ID = "locale_lookups"


def add_locale_jobs(scheduler, services, interval_seconds: float = 5.0) -> None:
    job = scheduler.add_job(
        _safe_lookup,
        "interval",
        args=[services.locales],
        seconds=interval_seconds,
        id=JOB_ID,
        max_instances=1,
        coalesce=True,
    )

    def wake() -> None:
        try:
            job.modify(next_run_time=datetime.now(UTC))
        except Exception:  # the scheduler is shutting down: the next start runs it
            log.debug("locale job not woken", exc_info=True)

    services.languages.wake = wake


def _safe_lookup(lookups) -> None:
    try:
        lookups.run()
    except Exception:  # a failed run must not stop the scheduler; the next one retries
        log.exception("locale job failed")
