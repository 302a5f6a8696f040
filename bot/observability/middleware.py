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
    """{team, kind, name} for a Slack request body; "unknown" parts when unparsable."""
    info = {"team": None, "kind": "unknown", "request": None}
    try:
        if "json" in content_type:
            data = json.loads(body or b"{}")
            if data.get("type") == "url_verification":
                return {**info, "kind": "url_verification"}
            event = data.get("event") or {}
            return {"team": data.get("team_id"), "kind": "event", "request": event.get("type")}
        form = {k: v[0] for k, v in parse_qs(body.decode("utf-8")).items()}
        if "command" in form:
            sub = _subcommand(form.get("text", ""))
            return {
                "team": form.get("team_id"),
                "kind": "command",
                "request": f"{form['command']} {sub}",
            }
        if "payload" in form:
            payload = json.loads(form["payload"])
            team = (payload.get("team") or {}).get("id")
            kind = payload.get("type")
            if kind == "block_actions":
                actions = payload.get("actions") or [{}]
                return {"team": team, "kind": "action", "request": actions[0].get("action_id")}
            if kind in ("view_submission", "view_closed"):
                view = payload.get("view") or {}
                return {"team": team, "kind": "view", "request": view.get("callback_id")}
            return {"team": team, "kind": kind or "unknown", "request": payload.get("callback_id")}
    except (ValueError, AttributeError, TypeError, IndexError):
        pass
    return info


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
            elapsed = time.perf_counter() - started
            outcome = outcome_of(seen.get("status", 500))
            REQUESTS.labels(info["kind"], outcome).inc()
            ACK_LATENCY.labels(info["kind"]).observe(elapsed)
            log.info(
                "slack request",
                extra={
                    **info,
                    "status": seen.get("status", 500),
                    "outcome": outcome,
                    "latency_ms": round(elapsed * 1000, 1),
                },
            )
        return result

    return handler
