"""Serving: HTTP (a threaded WSGI server) or Socket Mode, with the outbox dispatcher."""

from __future__ import annotations

import logging
import signal
import threading
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from .bootstrap import build_runtime
from .config import Settings
from .slack.http import wsgi_app

log = logging.getLogger("codev.serve")


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # request lines carry no secrets, but keep it terse
        log.debug("%s - %s", self.address_string(), format % args)


def make_http_server(runtime, host: str, port: int):
    return make_server(
        host,
        port,
        wsgi_app(runtime.app, runtime.engine),
        server_class=ThreadingWSGIServer,
        handler_class=QuietHandler,
    )


def serve_http(settings: Settings, host: str, port: int) -> None:
    runtime = build_runtime(settings)
    runtime.start_scheduler()
    server = make_http_server(runtime, host, port)
    stop = threading.Event()

    def _shutdown(*_):
        if not stop.is_set():
            stop.set()
            threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, _shutdown)
    signal.signal(signal.SIGINT, _shutdown)
    log.info("codev listening on http://%s:%s/slack/events", host, port)
    server.serve_forever()
    server.server_close()
    runtime.stop()  # undelivered outbox rows stay for the next start


def serve_socket(settings: Settings) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    runtime = build_runtime(settings)
    runtime.start_scheduler()
    try:
        SocketModeHandler(runtime.app, settings.slack_app_token).start()
    finally:
        runtime.stop()
