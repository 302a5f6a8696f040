"""Requests that are not what Slack sends are refused before they cost anything: a huge
body with 413 unread, a malformed one with 400 (never a 500 and a traceback), a body
that never comes with 408 while /healthz keeps answering; `app_rate_limited` is heard."""

from __future__ import annotations

import json
import logging
import socket
import time
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.test_production_http import Served
from tests.support.stack import TEAM

HUNDRED_MB = 100 * 1024 * 1024


def _raw(port: int, head: str, body: bytes = b"", timeout: float = 20) -> tuple[int, bytes]:
    """One HTTP request on a plain socket; (status, response) even when the server stops
    reading the body early."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(head.encode())
        try:
            sent = 0
            while sent < len(body):
                sock.sendall(body[sent : sent + 1024 * 1024])
                sent += 1024 * 1024
        except OSError:  # the server answered and closed while we were still sending
            pass
        data = b""
        try:
            while b"\r\n\r\n" not in data:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
        except OSError:
            pass
    return int(data.split(b" ", 2)[1]), data


def _post_head(length: int, content_type="application/x-www-form-urlencoded") -> str:
    return (
        "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {length}\r\n\r\n"
    )


MALFORMED = [
    (b"payload=not-json", "application/x-www-form-urlencoded"),
    (b"payload=%5B1%2C2%5D", "application/x-www-form-urlencoded"),  # JSON, not an object
    (b"{not json", "application/json"),
    (b"payload=%FF%FE", "application/x-www-form-urlencoded"),
    (b"\xff\xfe", "application/x-www-form-urlencoded"),
]


@pytest.mark.parametrize("body, content_type", MALFORMED)
def test_a_malformed_body_gets_400_signed_or_not(stack, body, content_type, caplog):
    port = stack.server.server_address[1]
    status, answer = _raw(port, _post_head(len(body), content_type), body)
    assert status == 400, answer
    assert stack.driver.send(body, content_type).status == 400
    assert "Traceback" not in caplog.text and "JSONDecodeError" not in caplog.text


def test_a_body_too_large_gets_413_before_it_is_read(stack):
    port = stack.server.server_address[1]
    began = time.monotonic()
    status, _ = _raw(port, _post_head(HUNDRED_MB), b"payload=" + b"x" * 4096)
    assert status == 413
    assert time.monotonic() - began < 2
    assert stack.driver.command("U0FACIL", "C0GROUP", "help").status == 200  # still serving


def test_app_rate_limited_is_logged_and_answered(stack, caplog):
    body = {
        "token": "unused",
        "type": "app_rate_limited",
        "team_id": TEAM,
        "minute_rate_limited": 1518467820,
        "api_app_id": "A0CODEV",
    }
    with caplog.at_level(logging.WARNING):
        answer = stack.driver.send(json.dumps(body).encode(), "application/json")
    assert answer.status == 200
    assert "rate-limited the events of workspace T0CODEV" in caplog.text
    forged = stack.driver.send(json.dumps(body).encode(), "application/json", secret="forged")
    assert forged.status == 401


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _workers(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(c) for c in children]


@pytest.fixture
def served(database_url, tmp_path):
    served = Served(database_url, tmp_path)
    served.start()
    yield served
    served.close()


def _healthz(served, timeout: float) -> int:
    with urllib.request.urlopen(f"{served.base}/healthz", timeout=timeout) as response:
        return response.status


def test_under_gunicorn_a_huge_body_costs_no_memory(served):
    workers = _workers(served.process.pid)
    before = sum(_rss_mb(w) for w in workers)
    status, _ = _raw(served.port, _post_head(HUNDRED_MB), b"x" * HUNDRED_MB, timeout=60)
    assert status == 413
    assert sum(_rss_mb(w) for w in workers) - before < 50
    body = b"payload=not-json"
    assert _raw(served.port, _post_head(len(body)), body)[0] == 400
    assert _healthz(served, timeout=5) == 200
    assert "Traceback" not in served.log.read_text()


def test_under_gunicorn_clients_that_send_no_body_do_not_block_the_health_check(served):
    slow = []  # more clients than the server has threads (2 workers x 2), headers only
    for _ in range(8):
        sock = socket.create_connection(("127.0.0.1", served.port), timeout=30)
        sock.sendall(_post_head(500).encode())
        slow.append(sock)
    try:
        time.sleep(0.5)
        began = time.monotonic()
        assert _healthz(served, timeout=10) == 200
        assert time.monotonic() - began < 8
        for sock in slow:  # each was told, not held
            assert sock.recv(65536).split(b" ", 2)[1] == b"408"
    finally:
        for sock in slow:
            sock.close()
    assert "Traceback" not in served.log.read_text()
