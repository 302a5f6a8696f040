"""Signed requests to the app, as Slack sends them.

The signature is computed exactly as Slack does so the app's own verification
(Bolt's) is exercised, not bypassed; `send` lets a test forge or age one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from urllib.parse import urlencode

from .models import Response
from .server import Emulator


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """Slack's request signature: v0= + HMAC-SHA256 of v0:{timestamp}:{body}."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


class Transport:
    """Signed HTTP to the app, and the parts every payload shares.

    `settle`, when set (an app in the same process), is called after every request:
    it returns once the app has applied what it acknowledged, so a test reads the
    request's effects, not a race with them."""

    settle: Callable[[], object] | None = None

    def __init__(
        self,
        app_url: str,
        emulator: Emulator,
        signing_secret: str | None = None,
        timeout: float = 10.0,
    ) -> None:
        self.app_url, self.emu, self.timeout = app_url, emulator, timeout
        self.secret = signing_secret or emulator.signing_secret

    # -- transport ------------------------------------------------------------
    def send(
        self,
        raw_body: bytes,
        content_type: str,
        timestamp: str | int | None = None,
        signature: str | None = None,
        secret: str | None = None,
        headers: dict | None = None,
    ) -> Response:
        ts = str(int(time.time()) if timestamp is None else timestamp)
        sig = signature or sign(secret or self.secret, ts, raw_body)
        all_headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": sig,
            **(headers or {}),
        }
        request = urllib.request.Request(
            self.app_url, data=raw_body, headers=all_headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as resp:
                return Response(resp.status, resp.read().decode(), dict(resp.headers))
        except urllib.error.HTTPError as err:
            return Response(err.code, err.read().decode(errors="replace"), dict(err.headers))
        finally:
            if self.settle is not None:
                self.settle()

    def _form(self, fields: dict) -> Response:
        return self.send(urlencode(fields).encode(), "application/x-www-form-urlencoded")

    def _interaction(self, payload: dict) -> Response:
        return self._form({"payload": json.dumps(payload)})

    # -- common shapes ---------------------------------------------------------
    def _user(self, user: str) -> dict:
        name = self.emu.users.get(user, {}).get("name", user)
        return {"id": user, "username": name, "name": name, "team_id": self.emu.team_id}

    def _base(self, kind: str, user: str, trigger: str) -> dict:
        return {
            "type": kind,
            "user": self._user(user),
            "api_app_id": self.emu.app_id,
            "token": "emulator-verification-token",
            "trigger_id": trigger,
            "team": {"id": self.emu.team_id, "domain": self.emu.team_domain},
            "enterprise": self.emu.enterprise,
            "is_enterprise_install": self.emu.org_wide_install,
        }

    def _channel(self, channel: str) -> dict:
        if channel in self.emu.users:
            channel = self.emu.open_im(channel)
        found = self.emu.channels.get(channel)
        if found is None:
            raise LookupError(f"no channel {channel} in the emulator")
        return found
