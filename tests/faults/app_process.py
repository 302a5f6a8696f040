"""The app as a process of its own, for the suites that kill it: `python -m
tests.faults.app_process PORT`, settings from the environment as in production.

One process serves the requests (the threaded server of `bot.serve`) and runs the
outbox dispatcher, so a SIGKILL cuts both at once, wherever they are. gunicorn's
arbiter and workers would make "the app was killed here" fuzzy.
"""

from __future__ import annotations

import logging
import sys

from bot.bootstrap import build_runtime
from bot.config import Settings
from bot.serve import make_http_server


def main(port: int) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    runtime = build_runtime(Settings())
    runtime.start_scheduler()
    server = make_http_server(runtime, "127.0.0.1", port)
    server.serve_forever()


if __name__ == "__main__":
    main(int(sys.argv[1]))
