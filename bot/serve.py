"""Serving: HTTP under gunicorn (production), Socket Mode (development), and a
small threaded server for tests and the demo.

`codev serve --http` runs gunicorn in this process (gunicorn's arbiter), which
imports `bot.wsgi` in each worker. On SIGTERM gunicorn stops accepting, lets
in-flight requests finish (CODEV_GRACEFUL_TIMEOUT), then each worker stops its
outbox dispatcher; rows not yet delivered stay pending for the next start.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from .config import Settings
from .observability.logs import QUIET_LIBRARIES, strip_query

log = logging.getLogger("codev.serve")


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    # socketserver's listen backlog is 5: a burst of connections beyond it waits for
    # the client's SYN retry (1 s, then 3 s) or is reset.
    request_queue_size = 128

    def serve_forever(self, poll_interval: float = 0.02) -> None:
        # socketserver checks for shutdown() once per poll (0.5 s by default), so every
        # stop of an in-process server (tests, the demo) waited that long for nothing.
        super().serve_forever(poll_interval)


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # the query string (an OAuth code) is cut
        log.debug("%s - %s", self.address_string(), strip_query(format % args))


def make_http_server(runtime, host: str, port: int):
    """In-process server for tests and `codev demo` (not for production)."""
    from .slack.http import wsgi_app

    return make_server(
        host,
        port,
        wsgi_app(runtime.app, runtime.engine, runtime.settings.codev_metrics_token),
        server_class=ThreadingWSGIServer,
        handler_class=QuietHandler,
    )


ACCESS_LOG_FORMAT = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(L)ss'


def gunicorn_options(settings: Settings, host: str, port: int) -> dict:
    threads = settings.codev_http_threads
    return {
        "bind": f"{host}:{port}",
        "workers": settings.codev_http_workers,
        "threads": threads,
        "worker_class": "gthread" if threads > 1 else "sync",
        "timeout": settings.codev_http_timeout,
        "graceful_timeout": settings.codev_graceful_timeout,
        "preload_app": False,  # each worker builds its own runtime after the fork
        "accesslog": None,  # bot.observability logs one JSON line per request instead
        # logconfig_dict turns gunicorn's access lines on anyway: the path without its
        # query string (OAuth `code` and `state`), no referer, no user agent.
        "access_log_format": ACCESS_LOG_FORMAT,
        "errorlog": "-",
        "loglevel": settings.codev_log_level.lower(),
        "proc_name": "codev",
        "logconfig_dict": _log_config(settings),
        "worker_exit": _worker_exit,
        "child_exit": _child_exit,
    }


def _log_config(settings: Settings) -> dict:
    """gunicorn's own lines in the same format as the app's."""
    level = settings.codev_log_level.upper()
    quiet = logging.getLevelName(max(logging.INFO, logging.getLevelName(level)))
    formatter = (
        {"()": "bot.observability.logs.JsonFormatter"}
        if settings.codev_log_format == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    )
    handler = {
        "class": "logging.StreamHandler",
        "formatter": "codev",
        "filters": ["redact"],
        "stream": "ext://sys.stderr",
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"codev": formatter},
        "filters": {"redact": {"()": "bot.observability.logs.RedactingFilter"}},
        "handlers": {"codev": handler},
        "root": {"level": level, "handlers": ["codev"]},
        "loggers": {
            "gunicorn.error": {"level": level, "handlers": ["codev"], "propagate": False},
            "gunicorn.access": {"level": level, "handlers": ["codev"], "propagate": False},
            **{name: {"level": quiet} for name in QUIET_LIBRARIES},
        },
    }


def _worker_exit(server, worker) -> None:
    wsgi = sys.modules.get("bot.wsgi")
    if wsgi is not None:
        wsgi.shutdown()


def _child_exit(server, worker) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def serve_http(settings: Settings, host: str, port: int) -> None:
    from gunicorn.app.base import BaseApplication

    class CodevApplication(BaseApplication):
        def __init__(self, options: dict):
            self.options = options
            super().__init__()

        def load_config(self):
            for key, value in self.options.items():
                self.cfg.set(key, value)

        def load(self):
            from .wsgi import application

            return application

    owned_dir, master = None, os.getpid()
    if settings.codev_http_workers > 1 and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Counters must add up across workers: prometheus_client's multiprocess mode.
        owned_dir = tempfile.mkdtemp(prefix="codev-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = owned_dir
    log.info("codev listening on http://%s:%s/slack/events (gunicorn)", host, port)
    try:
        CodevApplication(gunicorn_options(settings, host, port)).run()
    finally:
        # Workers are forks of this process and unwind through here too when they
        # exit: only the master may remove the directory the others still write to.
        if owned_dir and os.getpid() == master:
            shutil.rmtree(owned_dir, ignore_errors=True)


def serve_socket(settings: Settings) -> None:
    """Socket Mode until SIGTERM/SIGINT: then close the socket, let the dispatcher finish
    its tick, and leave undelivered outbox rows for the next start."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from .bootstrap import build_runtime
    from .observability.middleware import observe_socket_mode

    runtime = build_runtime(settings)
    runtime.start_scheduler()
    handler = observe_socket_mode(SocketModeHandler)(runtime.app, settings.slack_app_token)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        handler.connect()
        log.info("codev connected over Socket Mode")
        while not stop.wait(0.5):
            pass
        log.info("stopping: closing the socket; pending messages stay queued")
    finally:
        handler.close()
        runtime.stop()
