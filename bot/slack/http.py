"""The WSGI application: Slack requests at /slack/events, /healthz, /metrics.

With OAuth configured, `/slack/install` and `/slack/oauth_redirect` go to Bolt too.

A Slack request is checked before anything parses it: a body larger than
MAX_BODY_BYTES is refused with 413 unread (its Content-Length says so); a body that
does not arrive within BODY_SECONDS is refused with 408 (Slack sends it with the
headers, and waits 3 s in all); a body that is not what Slack sends (a `payload` that
is not a JSON object, JSON that does not parse) is refused with 400. Signatures are
checked next, by Bolt.
"""

from __future__ import annotations

import hmac
import io
import json
import logging

from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.request.internals import parse_body

from ..observability.metrics import metrics_app
from ..observability.middleware import observe
from ..persistence.engine import answers

log = logging.getLogger("codev.http")

SLACK_PATHS = {"/slack/events": "POST"}
OAUTH_PATHS = {"/slack/install": "GET", "/slack/oauth_redirect": "GET"}
# Slack's largest request, a view submission of a 100-block modal, stays well below.
MAX_BODY_BYTES = 1024 * 1024
BODY_SECONDS = 1.0


def _json(start_response, status: str, body: dict):
    data = json.dumps(body).encode()
    start_response(
        status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))]
    )
    return [data]


def _refuse(start_response, status: str, reason: str):
    """A refusal; the server drops what is left of the body (gunicorn drains a little of
    it within a deadline, or closes the connection)."""
    log.warning("refused a request: %s", reason)
    return _json(start_response, status, {"error": reason})


def _read_body(environ, length: int) -> bytes:
    """The body, read within BODY_SECONDS when the server gives its socket (gunicorn):
    a client that sends headers and no body holds a worker thread no longer."""
    if not length:
        return b""
    sock = environ.get("gunicorn.socket")
    if sock is None:
        return environ["wsgi.input"].read(length)
    before = sock.gettimeout()
    sock.settimeout(BODY_SECONDS)
    try:
        return environ["wsgi.input"].read(length)
    finally:
        sock.settimeout(before)


def _is_slack_body(body: bytes, content_type: str | None) -> bool:
    """Whether Bolt can parse the body (with its own parser) into an object."""
    try:
        return isinstance(parse_body(body.decode("utf-8"), content_type), dict)
    except ValueError:  # bad UTF-8, bad JSON
        return False


def guarded(handler):
    """Size, time and shape checks in front of a Slack request handler."""

    def guard(environ, start_response):
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length < 0:
            return _refuse(start_response, "400 Bad Request", "bad content length")
        if length > MAX_BODY_BYTES:
            return _refuse(start_response, "413 Payload Too Large", "body too large")
        try:
            body = _read_body(environ, length)
        except TimeoutError:
            return _refuse(start_response, "408 Request Timeout", "body too slow")
        except OSError:  # the client went away while sending
            return _refuse(start_response, "400 Bad Request", "body cut short")
        if len(body) < length:
            return _refuse(start_response, "400 Bad Request", "body shorter than announced")
        if not _is_slack_body(body, environ.get("CONTENT_TYPE")):
            return _refuse(start_response, "400 Bad Request", "malformed body")
        environ["wsgi.input"] = io.BytesIO(body)
        return handler(environ, start_response)

    return guard


def health(engine, start_response):
    """200 when the database answers; 503 otherwise (a load balancer stops routing)."""
    try:
        answers(engine)
    except Exception as exc:  # any database failure means "not healthy"
        return _json(
            start_response, "503 Service Unavailable", {"status": "db", "error": type(exc).__name__}
        )
    return _json(start_response, "200 OK", {"status": "ok"})


def wsgi_app(bolt_app, engine, metrics_token: str | None = None):
    slack_handler = SlackRequestHandler(bolt_app)
    oauth = bolt_app.oauth_flow is not None
    observed = guarded(observe(slack_handler))
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
