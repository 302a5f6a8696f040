"""Run the suite with the calendar moved: `CODEV_TEST_CALENDAR_SHIFT_DAYS=400 pytest`.

A test that mixes the machine's date with a pinned one passes on the day it is
written and fails weeks later. Moving the wall clock of the test process (and of
every app process it starts) by N days catches that today. Only the calendar
moves: `time.time()`, `datetime.now()` and `date.today()` jump ahead and keep
ticking; monotonic clocks, sleeps and lock timeouts are left alone.

time-machine does this inside Python. libfaketime (LD_PRELOAD) would also move
PostgreSQL's client library, but the Debian build (0.9.10) hangs Python 3.11's
timed lock waits, or makes `time.sleep` fail with EINVAL once monotonic clocks
are excluded, so it cannot run this suite.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

SHIFT_ENV = "CODEV_TEST_CALENDAR_SHIFT_DAYS"
# Holds a sitecustomize.py that moves the calendar of any Python process started
# with this folder on its PYTHONPATH.
STARTUP_DIR = Path(__file__).resolve().parent / "moved_calendar"
ROOT = Path(__file__).resolve().parents[2]

_traveller = None


def shift_days() -> int:
    return int(os.environ.get(SHIFT_ENV) or 0)


def move_calendar() -> None:
    """Move this process's wall clock by the requested days (once; nothing if unset)."""
    global _traveller
    days = shift_days()
    if not days or _traveller is not None:
        return
    import time_machine

    offset = timedelta(days=days)
    _traveller = time_machine.travel(datetime.now(UTC) + offset, tick=True)
    coordinates = _traveller.start()
    # The moved clock starts counting once travel has started, a moment after its
    # destination was read: every process would lag by its own start-up time, and a
    # row one process queued "now" would still be in another's future. Put it exactly
    # `offset` ahead of the real clock.
    real = datetime.fromtimestamp(time_machine.escape_hatch.time.time(), UTC)
    coordinates.shift((real + offset) - datetime.now(UTC))


def child_env() -> dict[str, str]:
    """What a child Python process needs in its environment to share the moved calendar."""
    if not shift_days():
        return {}
    path = os.pathsep.join(str(p) for p in (STARTUP_DIR, ROOT))
    return {SHIFT_ENV: str(shift_days()), "PYTHONPATH": path}
