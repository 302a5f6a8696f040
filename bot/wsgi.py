"""The WSGI entry point for gunicorn: `gunicorn bot.wsgi:application`.

Importing this module builds the runtime (engine, services, Bolt app) and starts
the outbox dispatcher. gunicorn imports it in each worker after the fork (keep
`preload_app` off), so every worker has its own database pool and dispatcher;
the outbox claims rows with locks, so workers never send the same row twice.
`shutdown()` stops the dispatcher after its current tick; undelivered rows stay
pending in the database for the next start.
"""

from __future__ import annotations

import atexit
import logging

from .bootstrap import build_runtime
from .config import Settings
from .observability.logs import install_redaction, quiet_libraries
from .slack.http import wsgi_app

log = logging.getLogger("codev.wsgi")

settings = Settings()
install_redaction()  # also when gunicorn imports this module without `codev serve`
quiet_libraries(settings.codev_log_level)
runtime = build_runtime(settings, count_deliveries=True)
runtime.start_scheduler()
application = wsgi_app(runtime.app, runtime.engine, runtime.settings.codev_metrics_token)


def shutdown() -> None:
    if runtime.scheduler is not None:
        log.info("stopping the outbox dispatcher; pending rows stay for the next start")
    runtime.stop()


atexit.register(shutdown)
