"""The WSGI application: Slack requests at /slack/events, health at /healthz."""

from __future__ import annotations

import json

from slack_bolt.adapter.wsgi import SlackRequestHandler
from sqlalchemy import text


def wsgi_app(bolt_app, engine):
    slack_handler = SlackRequestHandler(bolt_app)

    def application(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == "/healthz":
            try:
                with engine.connect() as connection:
                    connection.execute(text("SELECT 1"))
                status, body = "200 OK", {"status": "ok"}
            except Exception as exc:  # any database failure means "not healthy"
                status, body = (
                    "503 Service Unavailable",
                    {"status": "db", "error": type(exc).__name__},
                )
            data = json.dumps(body).encode()
            start_response(
                status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))]
            )
            return [data]
        if path == "/slack/events" and environ.get("REQUEST_METHOD") == "POST":
            return slack_handler(environ, start_response)
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    return application
