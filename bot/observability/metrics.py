"""Prometheus metrics: requests, ack latency, the outbox's depth and age, deliveries.

Under several gunicorn workers, `PROMETHEUS_MULTIPROC_DIR` is set before the
workers start (see `bot.serve`), so counters add up across processes. The outbox
gauges are read from the database at scrape time: the table is the truth, shared
by every worker.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import func, select

from ..services.outbox_states import OutboxStatus
from ..services.ports import DeliveryFailed

REQUESTS = Counter("codev_requests", "Slack requests handled", ["kind", "outcome"])
ACK_LATENCY = Histogram(
    "codev_ack_latency_seconds",
    "Time from receiving a Slack request to answering it (Slack waits 3 s)",
    ["kind"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 5.0),
)
DELIVERIES = Counter("codev_deliveries", "Outbox effects delivered to Slack", ["kind"])
DELIVERY_FAILURES = Counter(
    "codev_delivery_failures", "Outbox delivery attempts that failed", ["kind", "reason"]
)


class OutboxCollector:
    """Pending rows that are due, and how long the oldest one has waited."""

    def __init__(self, engine, clock=lambda: datetime.now(UTC)):
        self.engine, self.clock = engine, clock

    def collect(self):
        from ..persistence.models import OutboxRow

        now = self.clock()
        due = (OutboxRow.status == OutboxStatus.PENDING) & (OutboxRow.due_at <= now)
        with self.engine.connect() as connection:
            depth, oldest = connection.execute(
                select(func.count(OutboxRow.id), func.min(OutboxRow.due_at)).where(due)
            ).one()
            scheduled = connection.execute(
                select(func.count(OutboxRow.id)).where(
                    (OutboxRow.status == OutboxStatus.PENDING) & (OutboxRow.due_at > now)
                )
            ).scalar_one()
        pending = GaugeMetricFamily(
            "codev_outbox_pending", "Outbox rows not yet delivered", labels=["state"]
        )
        pending.add_metric(["due"], depth)
        pending.add_metric(["scheduled"], scheduled)
        yield pending
        age = 0.0
        if oldest is not None:
            oldest = oldest if oldest.tzinfo else oldest.replace(tzinfo=UTC)
            age = max(0.0, (now - oldest).total_seconds())
        yield GaugeMetricFamily(
            "codev_outbox_oldest_pending_age_seconds",
            "Age of the oldest due outbox row still pending (0 when none)",
            value=age,
        )


def outbox_collector(engine) -> OutboxCollector:
    return OutboxCollector(engine)


def registry_for(engine) -> CollectorRegistry:
    """The process registry, or a merged one across workers in multiprocess mode."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        from prometheus_client import REGISTRY

        registry = CollectorRegistry()
        registry.register(_Forward(REGISTRY))
    registry.register(OutboxCollector(engine))
    return registry


class _Forward:
    """Expose the default registry's metrics inside a per-app registry."""

    def __init__(self, source):
        self.source = source

    def collect(self):
        yield from self.source.collect()


def metrics_app(engine):
    registry = registry_for(engine)

    def serve(environ, start_response):
        data = generate_latest(registry)
        start_response(
            "200 OK", [("Content-Type", CONTENT_TYPE_LATEST), ("Content-Length", str(len(data)))]
        )
        return [data]

    return serve


class CountingSender:
    """Wraps the outbox's sender to count deliveries and failures by effect kind."""

    KINDS = frozenset({"post", "update", "ephemeral", "dm", "react", "publish", "upload"})

    def __init__(self, inner):
        self._inner = inner

    def for_team(self, team_id, enterprise_id=None):
        """Still counted when the inner sender picks a workspace's token."""
        for_team = getattr(self._inner, "for_team", None)
        return CountingSender(for_team(team_id, enterprise_id)) if for_team else self

    def __getattr__(self, name):
        attr = getattr(self._inner, name)
        if name not in self.KINDS or not callable(attr):
            return attr

        def counted(*args, **kwargs):
            try:
                result = attr(*args, **kwargs)
            except DeliveryFailed as failure:
                reason = (
                    "ratelimited"
                    if failure.retry_after
                    else ("permanent" if getattr(failure, "permanent", False) else "transient")
                )
                DELIVERY_FAILURES.labels(name, reason).inc()
                raise
            except Exception:
                DELIVERY_FAILURES.labels(name, "error").inc()
                raise
            DELIVERIES.labels(name).inc()
            return result

        return counted
