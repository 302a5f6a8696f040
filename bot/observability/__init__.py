"""Operations: JSON logs, Prometheus metrics and the per-request line.

Nothing here reads message text or tokens: a request is described by its team,
kind (command, action, view, event), a name taken from a closed set (subcommand,
action id, callback id, event type), its latency and its outcome.
"""

from .logs import JsonFormatter, configure_logging
from .metrics import CountingSender, metrics_app, outbox_collector
from .middleware import observe

__all__ = [
    "CountingSender",
    "JsonFormatter",
    "configure_logging",
    "metrics_app",
    "observe",
    "outbox_collector",
]
