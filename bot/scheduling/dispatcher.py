"""The outbox dispatcher: a tick delivers what is due, as soon as a request queued it.

A thread of its own waits for the wake its process's units of work set when they
commit effects that are due (`persistence/uow.py`), and, on PostgreSQL, for the
notifications of processes that run no dispatcher (a listener thread holds a
connection of its own, `LISTEN codev_outbox`): what a request queued is sent within
milliseconds. It also ticks every `interval` seconds whatever happens (the safety
net: reminders coming due, retries, backoffs, a notification lost while the listener
reconnects), and sooner when the only thing holding a message back is its channel's
pace.
APScheduler runs the other periodic jobs; shutting it down stops the dispatcher
after its current tick.

No APScheduler job store is shared: the outbox rows are the schedule, so a
restart loses nothing. On PostgreSQL several processes deliver side by side (rows
are claimed with `FOR UPDATE SKIP LOCKED`). SQLite has no row locks, so exactly one
process delivers, whatever the number of gunicorn workers: the one holding an
exclusive `flock` on a file next to the database (`<database>.dispatch-lock`). Every
worker's tick tries to take it; the holder keeps it until it exits, and the kernel
releases it then, so another worker takes over within a tick. The holder also
receives on a Unix datagram socket named after the lock (Linux's abstract
namespace, no file): the other workers' commits send it one byte, so their requests'
effects go out at once too, not at the holder's next tick.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import socket
import threading
from typing import TYPE_CHECKING

from apscheduler.events import EVENT_SCHEDULER_SHUTDOWN
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.engine import make_url

if TYPE_CHECKING:  # imported when a dispatcher starts: `codev serve` checks the lock first
    from ..persistence.uow import OutboxWake

log = logging.getLogger("codev.scheduling")


class UnsafeDeployment(ValueError):
    """The settings would let two processes deliver the same SQLite outbox; says why."""


class DispatchLock:
    """The SQLite dispatcher's election: an exclusive, non-blocking `flock` on `path`."""

    def __init__(self, path: str):
        self.path = path
        self._fd: int | None = None
        self._held = False

    def held(self) -> bool:
        """True when this process is the one that delivers (takes the lock if free)."""
        if self._held:
            return True
        import fcntl

        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        self._held = True
        log.info("this process delivers the outbox (it holds %s)", self.path)
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
        self._fd, self._held = None, False


def dispatch_lock_path(database_url: str) -> str | None:
    """The lock file of a SQLite database file; None for PostgreSQL."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file::memory:"):
        raise UnsafeDeployment(
            "DATABASE_URL is an in-memory SQLite database: each process would have its own; "
            "use a file (sqlite:///codev.db) or PostgreSQL"
        )
    return os.path.abspath(database) + ".dispatch-lock"


def check_deployment(database_url: str, workers: int) -> DispatchLock | None:
    """The lock this deployment needs (None on PostgreSQL), or `UnsafeDeployment`.

    Several processes on an in-memory SQLite database, or on a file whose filesystem
    cannot lock (some network filesystems), cannot deliver safely: refused."""
    try:
        path = dispatch_lock_path(database_url)
    except UnsafeDeployment as problem:
        if workers > 1:
            raise UnsafeDeployment(
                f"CODEV_HTTP_WORKERS={workers} with an in-memory SQLite DATABASE_URL: every "
                "worker would have its own database; set CODEV_HTTP_WORKERS=1, or use a "
                "SQLite file or PostgreSQL"
            ) from None
        log.debug("%s", problem)
        return None
    if path is None:
        return None
    lock = DispatchLock(path)
    try:
        lock.held()
    except OSError as exc:
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
            reason = "its filesystem cannot lock files"
        else:
            reason = exc.strerror or type(exc).__name__
        raise UnsafeDeployment(
            f"cannot use the dispatcher lock {path} next to the SQLite DATABASE_URL "
            f"({reason}): only one process may deliver; put the database on a local "
            "writable disk, or use PostgreSQL"
        ) from None
    finally:
        lock.release()
    return lock


def start_dispatcher(
    delivery,
    interval_seconds: float = 1.0,
    lock: DispatchLock | None = None,
    wake: OutboxWake | None = None,
    listen_url=None,
) -> BackgroundScheduler:
    """The scheduler of the periodic jobs, with the outbox dispatcher running beside it
    (stopped when the scheduler is shut down). `wake`: the event this process's units
    of work set; `listen_url`: a PostgreSQL URL to `LISTEN` on, None on SQLite."""
    scheduler = BackgroundScheduler(timezone="UTC")
    dispatcher = Dispatcher(delivery, interval_seconds, lock, wake, listen_url)
    scheduler.add_listener(lambda _event: dispatcher.stop(), EVENT_SCHEDULER_SHUTDOWN)
    scheduler.start()
    dispatcher.start()
    scheduler.outbox_dispatcher = dispatcher
    return scheduler


class Dispatcher:
    """Ticks when woken, when a paced channel may take its next message, and at least
    every `interval` seconds; one tick at a time."""

    def __init__(
        self,
        delivery,
        interval_seconds: float = 1.0,
        lock: DispatchLock | None = None,
        wake: OutboxWake | None = None,
        listen_url=None,
    ):
        self.delivery = delivery
        self.interval = interval_seconds
        self.lock = lock
        from ..persistence.uow import OutboxWake

        # without a wake to wait on, it delivers at its interval only, as it did before
        self._woken = wake is not None
        self.wake = wake if wake is not None else OutboxWake()
        self.listen_url = listen_url
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._doorbell = SqliteDoorbell(lock.path) if lock is not None else None

    def start(self) -> None:
        self.wake.waited_on = True  # this process's commits need not notify the others
        if self._doorbell is not None:
            self.wake.forward = self._ring_holder
        if self._woken:
            self.wake.set()  # what the last run left pending goes out now
        self._threads.append(threading.Thread(target=self._run, name="outbox", daemon=True))
        if self.listen_url is not None:
            listener = threading.Thread(target=self._listen, name="outbox-listen", daemon=True)
            self._threads.append(listener)
        for thread in self._threads:
            thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Let the current tick finish, then stop; pending rows stay for the next start."""
        self._stopping.set()
        self.wake.waited_on, self.wake.forward = False, None
        self.wake.set()
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join(timeout)
        self._threads = []
        if self._doorbell is not None:
            self._doorbell.close()

    def _ring_holder(self) -> None:
        """A commit in this process queued due effects: tell the SQLite deliverer,
        unless it is this process."""
        if not self.lock._held:
            self._doorbell.ring()

    def _run(self) -> None:
        while not self._stopping.is_set():
            self.wake.wait(self._wait_seconds())
            if self._stopping.is_set():
                return
            self.wake.clear()  # a commit from now on wakes the next round
            _safe_tick(self.delivery, self.lock)
            if self._doorbell is not None and self.lock._held and not self._doorbell.serving:
                self._serve_doorbell()

    def _serve_doorbell(self) -> None:
        """This process delivers the SQLite outbox: the others' commits ring here."""
        if not self._doorbell.bind():
            return  # the interval still delivers what other workers queue
        thread = threading.Thread(target=self._answer_doorbell, name="outbox-bell", daemon=True)
        self._threads.append(thread)
        thread.start()

    def _answer_doorbell(self) -> None:
        while not self._stopping.is_set():
            if self._doorbell.wait():
                self.wake.set()

    def _wait_seconds(self) -> float:
        paced = getattr(self.delivery, "next_tick_in", lambda: None)()
        return self.interval if paced is None else max(0.0, min(self.interval, paced))

    def _listen(self) -> None:
        """`LISTEN codev_outbox` on a connection of its own; reconnects after a failure
        (the periodic tick delivers meanwhile). A notification sent by this process
        itself is ignored: its commit has already set the wake."""
        import psycopg

        from ..persistence.uow import NOTIFY_CHANNEL

        conninfo = _libpq_url(self.listen_url)
        me, backoff = str(os.getpid()), 0.5
        while not self._stopping.is_set():
            try:
                with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    backoff = 0.5
                    self.wake.set()  # rows queued while nobody listened
                    while not self._stopping.is_set():
                        for notice in conn.notifies(timeout=1.0, stop_after=1):
                            if notice.payload != me:
                                self.wake.set()
            except Exception as exc:  # the server is down or restarting: try again
                log.warning("outbox listener lost its connection (%s)", type(exc).__name__)
                self._stopping.wait(backoff)
                backoff = min(backoff * 2, 10.0)


class SqliteDoorbell:
    """One byte over a Unix datagram socket, from any worker to the SQLite deliverer.

    The address is in Linux's abstract namespace, named after the lock file (no path
    length limit, nothing left on disk). Elsewhere `bind` fails and nothing rings:
    the interval delivers, as before."""

    def __init__(self, lock_path: str):
        digest = hashlib.sha256(os.path.abspath(lock_path).encode()).hexdigest()[:32]
        self.address = f"\0codev-outbox-{digest}"
        self._sender: socket.socket | None = None
        self._receiver: socket.socket | None = None

    @property
    def serving(self) -> bool:
        return self._receiver is not None

    def bind(self) -> bool:
        try:
            receiver = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            receiver.bind(self.address)
        except OSError as exc:
            log.info("outbox doorbell unavailable (%s): other workers wait for a tick", exc)
            return False
        receiver.settimeout(1.0)
        self._receiver = receiver
        return True

    def wait(self) -> bool:
        """True when rung; False after a second of silence."""
        try:
            self._receiver.recv(64)
        except (TimeoutError, OSError):
            return False
        return True

    def ring(self) -> None:
        try:
            if self._sender is None:
                self._sender = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
                self._sender.setblocking(False)
            self._sender.sendto(b"!", self.address)
        except OSError:  # nobody delivers yet, or it is already woken: the tick covers it
            pass

    def close(self) -> None:
        for sock in (self._sender, self._receiver):
            if sock is not None:
                sock.close()
        self._sender = self._receiver = None


def _libpq_url(url) -> str:
    """A SQLAlchemy URL (`postgresql+psycopg://…`) as libpq reads it (`postgresql://…`)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _safe_tick(delivery, lock: DispatchLock | None = None) -> None:
    try:
        if lock is not None and not lock.held():
            return  # another process delivers this SQLite outbox
        delivery.tick()
    except Exception:  # a tick must never kill the dispatcher; the next one retries
        log.exception("outbox tick failed")
