"""The inbox worker: one thread per process applying what the acks stored.

One thread, so requests are applied in the order they were acknowledged and SQLite's
write lock sees one applier at a time beside the acks' INSERTs (which therefore wait
for at most one use case). Every `sweep_seconds` with nothing to do, it also takes
the rows whose lease ran out: those of a process that died between an ack and its
use case.
"""

from __future__ import annotations

import logging
import queue
import threading
import time

log = logging.getLogger("codev.inbox")

SWEEP_SECONDS = 2.0


class InboxWorker:
    def __init__(self, inbox, sweep_seconds: float = SWEEP_SECONDS):
        self.inbox = inbox
        self.sweep_seconds = sweep_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> InboxWorker:
        self._thread = threading.Thread(target=self._run, name="codev-inbox", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Apply what is queued (within `timeout`), then stop; what is left stays stored
        for the next sweep."""
        if self._thread is None:
            return
        self.inbox.settle(timeout)
        self._stop.set()
        self.inbox.ready.put(None)  # wakes the thread now rather than at its next sweep
        self._thread.join(timeout)
        self._thread = None

    def _run(self) -> None:
        swept = self._sweep()  # rows a previous process of this app left behind
        while not self._stop.is_set():
            try:
                item = self.inbox.ready.get(timeout=self.sweep_seconds)
            except queue.Empty:
                swept = self._sweep()
                continue
            if item is None:  # `stop`
                break
            try:
                if callable(item):
                    item()  # a read answered after its ack
                else:
                    self.inbox.apply(item)
            except Exception as error:  # noqa: BLE001 - the row stays for the sweep
                log.error("inbox worker: %s", type(error).__name__)
            finally:
                self.inbox.finished()
            if time.monotonic() - swept >= self.sweep_seconds:  # busy: sweep all the same
                swept = self._sweep()

    def _sweep(self) -> float:
        try:
            self.inbox.sweep()
        except Exception as error:  # noqa: BLE001 - the database is away: next time
            log.warning("inbox sweep failed: %s", type(error).__name__)
        return time.monotonic()
