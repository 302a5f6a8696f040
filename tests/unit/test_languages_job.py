"""The look-up job in the scheduler: it runs on its interval, and at once when a
request marks someone to look up (the request itself never calls Slack)."""

from __future__ import annotations

import threading
from types import SimpleNamespace

from apscheduler.schedulers.background import BackgroundScheduler

from bot.scheduling.locale_jobs import add_locale_jobs


class CountingLookups:
    def __init__(self):
        self.ran = threading.Event()

    def run(self) -> int:
        self.ran.set()
        return 0


def test_a_request_that_marks_someone_wakes_the_job_at_once():
    lookups = CountingLookups()
    services = SimpleNamespace(locales=lookups, languages=SimpleNamespace(wake=None))
    scheduler = BackgroundScheduler(timezone="UTC")
    add_locale_jobs(scheduler, services, interval_seconds=3600)
    scheduler.start()
    try:
        assert not lookups.ran.wait(0.2)  # the interval alone would wait an hour
        services.languages.wake()
        assert lookups.ran.wait(5)
    finally:
        scheduler.shutdown(wait=True)


def test_waking_a_stopped_scheduler_is_harmless():
    services = SimpleNamespace(locales=CountingLookups(), languages=SimpleNamespace(wake=None))
    scheduler = BackgroundScheduler(timezone="UTC")
    add_locale_jobs(scheduler, services)
    scheduler.start()
    scheduler.shutdown(wait=True)
    services.languages.wake()
