"""The emulator: a Web API on 127.0.0.1 that answers like slack.com.

An app under test is pointed at `api_url` (WebClient's base_url) and runs
unchanged; every call is recorded, checked against Slack's documented
required arguments and Block Kit rules, and can be made to fail on purpose
(429 with Retry-After, 500, or any `ok: false`) to exercise retry paths.
"""

from __future__ import annotations

import json
import math
import random
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from . import oauth, spec, webapi_chat, webapi_conv, webapi_files, webapi_views
from . import render as _render
from .models import Call, SlackError
from .workspace import Workspace

# Methods Slack limits to one call a minute and 15 items a page for apps outside
# the Marketplace (its rate-limit changes of 2025).
HISTORY_METHODS = frozenset({"conversations.history", "conversations.replies"})
HISTORY_WINDOW = 60.0


def manifest_scopes() -> frozenset[str]:
    """The bot scopes codev's manifest asks for: what an installed token carries."""
    from ..manifest import load  # the app's manifest.yml, one source of truth

    return frozenset(load()["oauth_config"]["scopes"]["bot"])


def _apps_connections_open(emu, args: dict) -> dict:
    from .socket_mode import apps_connections_open  # imports the driver, which imports us

    return apps_connections_open(emu, args)


HANDLERS = {
    "apps.connections.open": _apps_connections_open,
    **oauth.HANDLERS,
    **webapi_chat.HANDLERS,
    **webapi_conv.HANDLERS,
    **webapi_views.HANDLERS,
    **webapi_files.HANDLERS,
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def serve_forever(self, poll_interval: float = 0.02) -> None:
        # shutdown() is noticed once per poll (0.5 s by default): stopping an emulator,
        # which every test does, would wait that long for nothing.
        super().serve_forever(poll_interval)


class Emulator(Workspace):
    """A Slack workspace with one installed bot, served over HTTP."""

    def __init__(
        self,
        team_id: str = "T0CODEV",
        signing_secret: str = "emulator-secret",
        bot_name: str = "codev",
        methods_dir: str | None = None,
        tz: str | None = None,
        enterprise_id: str | None = None,
        scopes: frozenset[str] | set[str] | None = None,
    ) -> None:
        super().__init__(team_id=team_id, bot_name=bot_name, enterprise_id=enterprise_id)
        self.signing_secret = signing_secret
        self.scopes = frozenset(manifest_scopes() if scopes is None else scopes)
        self.token_scopes: dict[str, frozenset[str]] = {self.bot_token: self.scopes}
        self._history_calls: dict[tuple[str, str], list[float]] = {}
        # Seconds on the clock Slack's per-minute limits are counted with: a test that
        # moves the app's clock moves this one with it.
        self.limits_clock = time.monotonic
        self.methods_dir = methods_dir
        self.tz = tz
        self._faults: dict[str, list[tuple[int, float, str | None]]] = {}
        self._rates: tuple[float, float, frozenset[str] | None] = (0.0, 0.0, None)
        self._random = random.Random(0)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.socket_mode = None
        self.oauth = None

    def enable_oauth(self, client_id: str = "1111.2222", client_secret: str | None = None):
        """Answer oauth.v2.access for this app; returns the emulator's OAuthApp."""
        self.oauth = oauth.OAuthApp(self, client_id, client_secret or "emulator-client-secret")
        return self.oauth

    def enable_socket_mode(self) -> str:
        """Serve Socket Mode too; returns the app-level token (xapp-…) to connect with."""
        from .socket_mode import SocketModeServer

        self.socket_mode = SocketModeServer(self)
        return self.socket_mode.app_token

    # -- lifecycle -----------------------------------------------------------
    def start(self) -> Emulator:
        handler = type("Handler", (_Handler,), {"emulator": self})
        self._server = _Server(("127.0.0.1", 0), handler)
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}/api/"
        self._thread = threading.Thread(
            target=self._server.serve_forever, daemon=True, name="slack-emulator"
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self.socket_mode is not None:
            self.socket_mode.close()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def api_url(self) -> str:
        return self.base_url

    # -- Slack's limits ---------------------------------------------------------
    def grant(self, token: str, scopes: set[str] | frozenset[str]) -> None:
        """The scopes `token` carries (a workspace that installed another manifest)."""
        with self.lock:
            self.token_scopes[token] = frozenset(scopes)

    def set_history_limits(self, page: int | None = 15, per_minute: int | None = 1) -> None:
        """conversations.history/.replies limits; None lifts one (a Marketplace app)."""
        with self.lock:
            self.history_page, self.history_per_minute = page, per_minute
            self._history_calls.clear()

    def _history_wait(self, method: str, token: str | None) -> float:
        """Seconds until `method` may be called again for this token's workspace; 0
        when it may now (the call is then counted)."""
        if method not in HISTORY_METHODS or not self.history_per_minute:
            return 0.0
        team = self.team_id
        if self.oauth is not None and token in self.oauth.tokens:
            team = self.oauth.tokens[token]
        now = self.limits_clock()
        with self.lock:
            calls = self._history_calls.setdefault((team, method), [])
            calls[:] = [at for at in calls if now - at < HISTORY_WINDOW]
            if len(calls) >= self.history_per_minute:
                return HISTORY_WINDOW - (now - calls[0])
            calls.append(now)
            return 0.0

    def _conversation_kind(self, args: dict) -> str | None:
        channel_id = str(args.get("channel") or "")
        with self.lock:
            found = self.channels.get(channel_id)
            if found is None:
                return "im" if channel_id in self.users else None
        if found["is_im"]:
            return "im"
        return "private" if found["is_private"] else "public"

    def _check_scope(self, method: str, args: dict, token: str) -> None:
        needed = spec.needed_scope(method, self._conversation_kind(args), self.methods_dir)
        provided = self.token_scopes.get(token, self.scopes)
        if needed and needed not in provided:
            raise SlackError("missing_scope", needed=needed, provided=",".join(sorted(provided)))

    # -- faults --------------------------------------------------------------
    def fail_next(
        self,
        method: str,
        status: int = 429,
        retry_after: float = 1,
        times: int = 1,
        error: str | None = None,
    ) -> None:
        """The next `times` calls to `method` fail: 429, 500, or ok:false `error`."""
        with self.lock:
            self._faults.setdefault(method, []).extend([(status, retry_after, error)] * times)

    def set_fault_rates(
        self,
        rate_429: float = 0.0,
        rate_500: float = 0.0,
        seed: int = 1,
        methods: list[str] | None = None,
    ) -> None:
        """Random faults; `methods=None` means every method but auth.test."""
        with self.lock:
            self._rates = (rate_429, rate_500, frozenset(methods) if methods else None)
            self._random = random.Random(seed)

    def _fault(self, method: str) -> tuple[int, float, str | None] | None:
        with self.lock:
            queued = self._faults.get(method)
            if queued:
                return queued.pop(0)
            r429, r500, methods = self._rates
            if (methods is None and method == "auth.test") or (methods and method not in methods):
                return None
            draw = self._random.random()
            if draw < r429:
                return (429, 1, None)
            if draw < r429 + r500:
                return (500, 0, None)
            return None

    # -- calls ---------------------------------------------------------------
    def issue_response_url(
        self, channel: str, user: str, message_ts: str | None = None, thread_ts: str | None = None
    ) -> str:
        return webapi_files.issue_response_url(self, channel, user, message_ts, thread_ts)

    def handle(self, method: str, args: dict, token: str | None) -> tuple[int, dict, dict]:
        """One Web API call: (HTTP status, JSON body, extra headers)."""
        fault = self._fault(method)
        if fault is not None:
            status, retry_after, error = fault
            if error is not None or status == 200:
                body = {"ok": False, "error": error or "internal_error"}
                status = 200
            elif status == 429:
                body = {"ok": False, "error": "ratelimited"}
            else:
                body = {"ok": False, "error": "internal_error"}
            self.record(Call(method, args, False, body["error"], status, injected=True))
            headers = {"Retry-After": str(int(retry_after))} if status == 429 else {}
            return status, body, headers
        try:
            self._check(method, args, token)
            wait = self._history_wait(method, token)
            if wait:
                self.record(Call(method, args, False, "ratelimited", 429, limited=True))
                retry_after = str(max(1, math.ceil(wait)))
                return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": retry_after}
            body = {"ok": True, **HANDLERS[method](self, args)}
            if method == "auth.test" and self.oauth is not None and token in self.oauth.org_wide:
                body["is_enterprise_install"] = True  # an org-wide token
            error = None
        except SlackError as exc:
            body = {"ok": False, "error": exc.error, **exc.extra}
            error = exc.error
        self.record(Call(method, args, body["ok"], error))
        return 200, body, {}

    def _check(self, method: str, args: dict, token: str | None) -> None:
        if method not in HANDLERS:
            raise SlackError("unknown_method")
        if method == "oauth.v2.access":
            return  # client id and secret are checked by the handler
        if not token:
            raise SlackError("not_authed")
        if method == "apps.connections.open":
            if not token.startswith("xapp-"):
                raise SlackError("not_allowed_token_type")
            if self.socket_mode is None or token != self.socket_mode.app_token:
                raise SlackError("invalid_auth")
        elif token != self.bot_token and (self.oauth is None or token not in self.oauth.tokens):
            raise SlackError("invalid_auth")
        if method != "apps.connections.open":
            self._check_scope(method, args, token)
        for arg in spec.required(method, self.methods_dir):
            if args.get(arg) in (None, "", []):
                raise SlackError(
                    spec.missing_error(method, arg, self.methods_dir),
                    messages=[f"[ERROR] missing required field: {arg}"],
                )

    def render(self, channel: str, tz: str | None = None, viewer: str | None = None) -> str:
        """The channel and its threads as a person reads them in Slack."""
        return _render.render(self, channel, tz or self.tz, viewer)


class _Handler(BaseHTTPRequestHandler):
    """Routes /api/<method>, /upload/<file_id> and /response/<id>."""

    emulator: Emulator
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        return  # requests carry message text: keep it out of logs

    def _send(self, status: int, body: str | dict, headers: dict | None = None) -> None:
        raw = (json.dumps(body) if isinstance(body, dict) else body).encode()
        self.send_response(status)
        kind = "application/json; charset=utf-8" if isinstance(body, dict) else "text/plain"
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(raw)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(raw)

    def _args(self, raw: bytes) -> dict:
        args = dict(parse_qsl(urlsplit(self.path).query))
        kind = self.headers.get("Content-Type", "")
        if "json" in kind and raw:
            try:
                loaded = json.loads(raw)
            except ValueError:
                loaded = {}
            args.update(loaded if isinstance(loaded, dict) else {})
        elif raw:
            args.update(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
        return args

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self.do_POST()

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        path = urlsplit(self.path).path.strip("/").split("/")
        emu = self.emulator
        if len(path) == 2 and path[0] == "api":
            args = self._args(raw)
            auth = self.headers.get("Authorization", "")
            token = auth[7:] if auth.startswith("Bearer ") else args.get("token")
            if auth.startswith("Basic "):  # oauth.v2.access: client id and secret
                args["_basic"] = auth[6:]
            args.pop("token", None)
            status, body, headers = emu.handle(path[1], args, token)
            self._send(status, body, headers)
        elif len(path) == 2 and path[0] == "upload":
            self._send(*webapi_files.upload(emu, path[1], raw))
        elif len(path) == 2 and path[0] == "response":
            self._respond(path[1], raw)
        else:
            self._send(404, {"ok": False, "error": "unknown_method"})

    def _respond(self, rid: str, raw: bytes) -> None:
        emu = self.emulator
        try:
            body = webapi_files.parse_body(raw)
            webapi_files.respond(emu, rid, body)
        except SlackError as exc:
            emu.record(Call("response_url", {"id": rid}, False, exc.error, 404))
            self._send(404, {"ok": False, "error": exc.error, **exc.extra})
            return
        emu.record(Call("response_url", {"id": rid, **body}, True))
        self._send(200, {"ok": True})
