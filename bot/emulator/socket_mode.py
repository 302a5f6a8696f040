"""Socket Mode for the emulator: `apps.connections.open` and a local WebSocket.

Slack's Socket Mode sends the app the same payloads as HTTP, wrapped in an
envelope over a WebSocket the app opened; the app answers each envelope with its
id (and, for commands and interactions, the ack payload). This server speaks just
enough RFC 6455 (handshake, text/ping/close frames, masked client frames) for
slack_sdk's built-in client, so `codev serve --socket` runs against it unchanged.

`SocketDriver` is the `Driver` whose requests travel over that socket instead of
signed HTTP: every driver method (command, click, submit_view, events) works.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import secrets
import socket
import struct
import threading
import uuid
from urllib.parse import parse_qsl

from .driver import Driver
from .models import Response, SlackError

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TEXT, CLOSE, PING, PONG = 0x1, 0x8, 0x9, 0xA


def _frame(opcode: int, data: bytes) -> bytes:
    head = bytes([0x80 | opcode])
    size = len(data)
    if size < 126:
        head += bytes([size])
    elif size < 1 << 16:
        head += bytes([126]) + struct.pack("!H", size)
    else:
        head += bytes([127]) + struct.pack("!Q", size)
    return head + data


def _read_exact(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def _read_frame(conn: socket.socket) -> tuple[int, bytes]:
    first, second = _read_exact(conn, 2)
    opcode, size = first & 0x0F, second & 0x7F
    if size == 126:
        size = struct.unpack("!H", _read_exact(conn, 2))[0]
    elif size == 127:
        size = struct.unpack("!Q", _read_exact(conn, 8))[0]
    mask = _read_exact(conn, 4) if second & 0x80 else b"\0\0\0\0"
    data = bytes(b ^ mask[i % 4] for i, b in enumerate(_read_exact(conn, size)))
    return opcode, data


class SocketModeServer:
    """One app connection at a time, as a single Socket Mode app instance sees it."""

    def __init__(self, emulator):
        self.emu = emulator
        self.app_token = "xapp-1-" + secrets.token_hex(12)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._conn: socket.socket | None = None
        self._send_lock = threading.Lock()
        self._acks: dict[str, dict] = {}
        self._changed = threading.Condition()
        self._tickets: set[str] = set()
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True, name="socket-mode").start()

    # -- apps.connections.open -----------------------------------------------------
    def open_url(self) -> str:
        ticket = uuid.uuid4().hex
        self._tickets.add(ticket)
        return f"ws://127.0.0.1:{self.port}/link/?ticket={ticket}"

    # -- the WebSocket -----------------------------------------------------------
    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _handshake(self, conn: socket.socket) -> bool:
        raw = b""
        while b"\r\n\r\n" not in raw:
            chunk = conn.recv(4096)
            if not chunk:
                return False
            raw += chunk
        request_line, *header_lines = raw.split(b"\r\n\r\n")[0].decode().split("\r\n")
        headers = {
            k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in header_lines)
        }
        query = dict(parse_qsl(request_line.split(" ")[1].partition("?")[2]))
        if query.get("ticket") not in self._tickets:
            conn.sendall(b"HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n")
            return False
        self._tickets.discard(query["ticket"])
        accept = base64.b64encode(
            hashlib.sha1((headers["sec-websocket-key"] + GUID).encode()).digest()
        ).decode()
        conn.sendall(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Accept: {accept}\r\n\r\n".encode()
        )
        return True

    def _serve(self, conn: socket.socket) -> None:
        if not self._handshake(conn):
            conn.close()
            return
        with self._changed:
            self._conn = conn
            self.connections += 1
            self._changed.notify_all()
        hello = {
            "type": "hello",
            "num_connections": 1,
            "connection_info": {"app_id": self.emu.app_id},
            "debug_info": {"host": "emulator", "approximate_connection_time": 18060},
        }
        self._send(TEXT, json.dumps(hello).encode(), conn)
        try:
            while True:
                opcode, data = _read_frame(conn)
                if opcode == PING:
                    self._send(PONG, data, conn)
                elif opcode == CLOSE:
                    self._send(CLOSE, data[:2], conn)
                    break
                elif opcode == TEXT:
                    ack = json.loads(data)
                    with self._changed:
                        self._acks[ack.get("envelope_id")] = ack
                        self._changed.notify_all()
        except (ConnectionError, OSError, ValueError):
            pass
        finally:
            with self._changed:
                if self._conn is conn:
                    self._conn = None
                self._changed.notify_all()
            conn.close()

    def _send(self, opcode: int, data: bytes, conn: socket.socket | None = None) -> None:
        conn = conn or self._conn
        if conn is None:
            raise ConnectionError("no app is connected over Socket Mode")
        with self._send_lock:
            conn.sendall(_frame(opcode, data))

    def wait_connected(self, timeout: float = 10) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self._conn is not None, timeout)

    def send(self, kind: str, payload: dict, timeout: float = 10) -> Response:
        """One envelope to the app; its ack as a Response (408 when none came)."""
        envelope_id = str(uuid.uuid4())
        envelope = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": kind != "events_api",
            "retry_attempt": 0,
            "retry_reason": "",
        }
        self._send(TEXT, json.dumps(envelope).encode())
        with self._changed:
            got = self._changed.wait_for(lambda: envelope_id in self._acks, timeout)
            ack = self._acks.pop(envelope_id, None) if got else None
        if ack is None:
            return Response(408, "")
        body = ack.get("payload")
        return Response(200, json.dumps(body) if body else "")

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(OSError):
                self._send(CLOSE, struct.pack("!H", 1001))
        self._listener.close()


def apps_connections_open(emu, args: dict) -> dict:
    server = getattr(emu, "socket_mode", None)
    if server is None:
        raise SlackError("not_allowed_token_type")
    return {"url": server.open_url()}


HANDLERS = {"apps.connections.open": apps_connections_open}


class SocketDriver(Driver):
    """The driver, but each request is an envelope over the app's WebSocket."""

    def send(self, raw_body: bytes, content_type: str, **_ignored) -> Response:
        server = self.emu.socket_mode
        if "json" in content_type:
            return server.send("events_api", json.loads(raw_body))
        form = dict(parse_qsl(raw_body.decode("utf-8"), keep_blank_values=True))
        if "payload" in form:
            return server.send("interactive", json.loads(form["payload"]))
        return server.send("slash_commands", form)
