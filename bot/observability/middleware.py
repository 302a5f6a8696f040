"""Around each Slack request: what it was, how long the ack took, how it ended.

The body is read once to name the request, then handed on unchanged. Only
closed-set names are logged (a known subcommand, an action or callback id, an
event type) — never the text a person typed, never a token.
"""

from __future__ import annotations

import io
import json
import logging
import time
from urllib.parse import parse_qs

from .metrics import ACK_LATENCY, REQUESTS

log = logging.getLogger("codev.request")


def _subcommand(text: str) -> str:
    from ..slack.listeners import commands

    known = set(commands.ALIASES.values()) | {"help"}
    for module in commands.EXTRA_SUBCOMMANDS:
        known |= set(getattr(module, "ROUTES", {}))
    name, _ = commands.parse(text)
    if not name:
        return "help"
    return name if name in known else "unknown"


def describe(body: bytes, content_type: str) -> dict:
    """{team, kind, request} for a raw Slack request body; "unknown" when unparsable."""
    try:
        if "json" in content_type:
            return describe_parsed(json.loads(body or b"{}"))
        form = {k: v[0] for k, v in parse_qs(body.decode("utf-8")).items()}
        if "payload" in form:
            return describe_parsed(json.loads(form["payload"]))
        return describe_parsed(form)
    except (ValueError, AttributeError, TypeError, IndexError):
        return dict(UNKNOWN)


UNKNOWN = {"team": None, "kind": "unknown", "request": None}


def describe_parsed(data: dict) -> dict:
    """The same for a parsed body (a Socket Mode envelope's payload)."""
    try:
        if "command" in data:
            sub = _subcommand(data.get("text", ""))
            return {
                "team": data.get("team_id"),
                "kind": "command",
                "request": f"{data['command']} {sub}",
            }
        if data.get("type") == "url_verification":
            return {**UNKNOWN, "kind": "url_verification"}
        if data.get("type") == "event_callback":
            event = data.get("event") or {}
            return {"team": data.get("team_id"), "kind": "event", "request": event.get("type")}
        team = (data.get("team") or {}).get("id")
        kind = data.get("type")
        if kind == "block_actions":
            actions = data.get("actions") or [{}]
            return {"team": team, "kind": "action", "request": actions[0].get("action_id")}
        if kind in ("view_submission", "view_closed"):
            view = data.get("view") or {}
            return {"team": team, "kind": "view", "request": view.get("callback_id")}
        return {"team": team, "kind": kind or "unknown", "request": data.get("callback_id")}
    except (AttributeError, TypeError, IndexError):
        return dict(UNKNOWN)


def observe_socket_mode(handler_class):
    """A SocketModeHandler class that logs and measures each envelope like HTTP requests."""
    from slack_bolt.adapter.socket_mode.internals import run_bolt_app, send_response

    class ObservedSocketModeHandler(handler_class):
        def handle(self, client, req) -> None:
            wall, started = time.time(), time.perf_counter()
            status = 500
            try:
                bolt_response = run_bolt_app(self.app, req)
                status = bolt_response.status
                send_response(client, req, bolt_response, wall)
            finally:
                _record(describe_parsed(req.payload or {}), status, time.perf_counter() - started)

    return ObservedSocketModeHandler


def outcome_of(status: int) -> str:
    if status < 300:
        return "ok"
    if status in (401, 403):
        return "rejected"
    if status < 500:
        return "bad_request"
    return "error"


def observe(slack_handler):
    """Wrap the Bolt WSGI handler with a log line and metrics per request."""

    def handler(environ, start_response):
        started = time.perf_counter()
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)
        info = describe(body, environ.get("CONTENT_TYPE", ""))
        seen = {}

        def recording_start(status, headers, exc_info=None):
            seen["status"] = int(status.split(" ", 1)[0])
            return start_response(status, headers, exc_info)

        try:
            result = slack_handler(environ, recording_start)
        except Exception:
            seen["status"] = 500
            raise
        finally:
            _record(info, seen.get("status", 500), time.perf_counter() - started)
        return result

    return handler


def _record(info: dict, status: int, elapsed: float) -> None:
    """Metrics and the log line; a failure here never fails the request."""
    outcome = outcome_of(status)
    try:
        REQUESTS.labels(info["kind"], outcome).inc()
        ACK_LATENCY.labels(info["kind"]).observe(elapsed)
    except Exception:  # e.g. the metrics directory vanished: keep serving Slack
        log.warning("could not record request metrics", exc_info=True)
    log.info(
        "slack request",
        extra={
            **info,
            "status": status,
            "outcome": outcome,
            "latency_ms": round(elapsed * 1000, 1),
        },
    )
