"""A connection cut after the request was sent is retried by the outbox only.

slack_sdk's default `ConnectionErrorRetryHandler` would send the same
`chat.postMessage` again at once, when Slack may already have posted it; every
WebClient of the app is built without it, in the single-workspace and OAuth wirings.
"""

from __future__ import annotations

import socket
import struct
import threading
from datetime import UTC, datetime

import pytest
from cryptography.fernet import Fernet
from slack_sdk.oauth.installation_store import Bot
from sqlalchemy import select

from bot.bootstrap import build_runtime
from bot.config import Settings
from bot.persistence.models import OutboxRow
from bot.services.effects import Effect, EffectKind, Payload
from bot.slack.sender import web_client
from tests.support.stack import SECRET

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class CuttingServer:
    """Reads each request, then resets the connection without an answer (`auth.test`,
    which Bolt asks at start, is answered)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.requests: list[bytes] = []
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/api/"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                line = data.split(b"\r\n", 1)[0]
                if b"/auth.test" in line:
                    body = b'{"ok": true, "team_id": "T0CUT", "user_id": "U0BOT", "bot_id": "B0"}'
                    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    conn.sendall(head + b"Content-Length: %d\r\n\r\n" % len(body) + body)
                    continue
                self.requests.append(line)
                # linger 0: close with a reset, as a dropped connection looks
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    def close(self):
        self.sock.close()


def _settings(database_url: str, api_url: str, **more) -> Settings:
    return Settings(
        slack_signing_secret=SECRET,
        slack_api_url=api_url,
        database_url=database_url,
        codev_channel_pace_seconds=0,
        _env_file=None,
        **more,
    )


def _queue_post(runtime, team_id: str | None = None) -> None:
    with runtime.services.ctx.uow_factory() as uow:
        effect = Effect(
            EffectKind.POST, Payload("hello"), "hello:1", channel="C0CUT", team_id=team_id
        )
        uow.outbox.add(effect, NOW)
        uow.commit()


def _row(runtime) -> OutboxRow:
    with runtime.services.ctx.uow_factory() as uow:
        row = uow.outbox.db.scalars(select(OutboxRow)).one()
        uow.outbox.db.expunge(row)
        return row


def test_a_cut_connection_is_not_sent_again_behind_the_outbox(database_url):
    server = CuttingServer()
    runtime = build_runtime(
        _settings(database_url, server.url, slack_bot_token="xoxb-cut"), clock=lambda: NOW
    )
    try:
        _queue_post(runtime)
        assert runtime.services.delivery.tick() == 0
        assert server.requests == [b"POST /api/chat.postMessage HTTP/1.1"]
        row = _row(runtime)
        assert row.status == "sending"  # it may have been posted: looked up before a retry
        assert row.last_error.startswith("connection")
        assert runtime.client.retry_handlers == []  # Bolt copies them into each request's client
    finally:
        runtime.stop()
        server.close()


def test_the_oauth_senders_do_not_retry_behind_the_outbox_either(database_url):
    server = CuttingServer()
    settings = _settings(
        database_url,
        server.url,
        slack_client_id="111.222",
        slack_client_secret="shh",
        codev_token_keys=Fernet.generate_key().decode(),
    )
    runtime = build_runtime(settings, clock=lambda: NOW)
    try:
        store = runtime.app.installation_store
        store.save_bot(
            Bot(
                app_id="A0CODEV",
                team_id="T0CUT",
                bot_token="xoxb-cut-team",
                bot_id="B0CODEV",
                bot_user_id="U0BOT",
                installed_at=NOW.timestamp(),
            )
        )
        _queue_post(runtime, team_id="T0CUT")
        assert runtime.services.delivery.tick() == 0
        assert server.requests == [b"POST /api/chat.postMessage HTTP/1.1"]
        assert runtime.client.retry_handlers == []
    finally:
        runtime.stop()
        server.close()


def test_a_default_web_client_would_have_sent_it_twice():
    """What the tests above guard against (slack_sdk's default)."""
    from slack_sdk import WebClient

    server = CuttingServer()
    try:
        for client, expected in (
            (WebClient(base_url=server.url), 2),
            (web_client(None, server.url), 1),
        ):
            server.requests.clear()
            with pytest.raises(OSError):  # only the number of requests matters here
                client.api_call("chat.postMessage", json={"channel": "C0CUT", "text": "hi"})
            assert len(server.requests) == expected
    finally:
        server.close()
