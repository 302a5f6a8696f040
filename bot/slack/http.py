"""The WSGI application: Slack requests at /slack/events, /healthz, /metrics.

With OAuth configured, `/slack/install` and `/slack/oauth_redirect` go to Bolt too.
"""

from __future__ import annotations

import hmac
import json

from slack_bolt.adapter.wsgi import SlackRequestHandler
from sqlalchemy import text

from ..observability.metrics import metrics_app
from ..observability.middleware import observe

SLACK_PATHS = {"/slack/events": "POST"}
OAUTH_PATHS = {"/slack/install": "GET", "/slack/oauth_redirect": "GET"}


def _json(start_response, status: str, body: dict):
    data = json.dumps(body).encode()
    start_response(
        status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))]
    )
    return [data]


def health(engine, start_response):
    """200 when the database answers; 503 otherwise (a load balancer stops routing)."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # any database failure means "not healthy"
        return _json(
            start_response, "503 Service Unavailable", {"status": "db", "error": type(exc).__name__}
        )
    return _json(start_response, "200 OK", {"status": "ok"})


def wsgi_app(bolt_app, engine, metrics_token: str | None = None):
    slack_handler = SlackRequestHandler(bolt_app)
    oauth = bolt_app.oauth_flow is not None
    observed = observe(slack_handler)
    metrics = metrics_app(engine)
    routes = dict(SLACK_PATHS) | (OAUTH_PATHS if oauth else {})

    def application(environ, start_response):
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD")
        if path == "/healthz":
            return health(engine, start_response)
        if path == "/metrics" and method == "GET":
            if metrics_token and not hmac.compare_digest(
                environ.get("HTTP_AUTHORIZATION", ""), f"Bearer {metrics_token}"
            ):
                return _json(start_response, "401 Unauthorized", {"error": "metrics token"})
            return metrics(environ, start_response)
        if routes.get(path) == method:
            return (
                observed(environ, start_response)
                if method == "POST"
                else slack_handler(environ, start_response)
            )
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    return application
