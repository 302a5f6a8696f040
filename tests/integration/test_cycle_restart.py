"""The app restarts after a downtime: reminders due meanwhile are sent on start when
within the grace period, older ones are dropped with a log line."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from freezegun import freeze_time

from tests.support.cycle import FACILITATOR, PEERS, CycleWorld

START = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
FIRST = datetime(2027, 3, 12, 18, 0, tzinfo=ZoneInfo("Europe/Paris")).astimezone(UTC)


def test_reminders_due_during_a_downtime_are_sent_within_the_grace_period_else_dropped(
    database_url, caplog
):
    with freeze_time(START) as frozen:
        before = CycleWorld(database_url, grace_seconds=3600)
        before.setup(lang="en")
        before.plan(count="1", reminders="1440, 60")
        before.run_jobs()
        before.close()  # the app goes down before any reminder is due

        # It comes back 30 minutes after the 1 h reminder was due, 23.5 h after the 24 h one.
        frozen.move_to(FIRST - timedelta(minutes=30))
        after = CycleWorld(database_url, grace_seconds=3600)
        with caplog.at_level(logging.WARNING, logger="codev.delivery"):
            after.delivery.drain()
        after.close()

    reminders = [s for s in after.sender.dms() if s.text.startswith("Reminder")]
    assert sorted(s.to for s in reminders) == sorted([*PEERS, FACILITATOR])
    assert all("(in 1 h)" in s.text for s in reminders)
    dropped = [r for r in caplog.records if "dropped: too late" in r.getMessage()]
    assert len(dropped) == len([*PEERS, FACILITATOR])
    # before the downtime only the cycle's opening DMs went out (objectives), no reminder
    assert not [s for s in before.sender.dms() if s.text.startswith("Reminder")]
