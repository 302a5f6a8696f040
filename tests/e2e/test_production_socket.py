"""`codev serve --socket` as a real process, connected to the emulator's Socket Mode.

The emulator answers `apps.connections.open` with a local ws:// URL; the app
connects with slack_sdk's built-in client, and the test's driver sends a slash
command, a modal submission and a button click as Socket Mode envelopes.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bot.emulator.socket_mode import SocketDriver
from tests.e2e.test_production_http import Served
from tests.support.flows import add_peers, root_message, said, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, SECRET


class SocketServed(Served):
    def __init__(self, database_url, tmp_path):
        super().__init__(database_url, tmp_path)
        self.env["SLACK_APP_TOKEN"] = self.emulator.enable_socket_mode()
        del self.env["SLACK_SIGNING_SECRET"]  # Socket Mode requests are not signed
        self.driver = SocketDriver(app_url="socket", emulator=self.emulator, signing_secret=SECRET)

    def start(self, timeout: float = 30) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--socket"],
            env=self.env,
            cwd=self.cwd,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )
        connected = self.emulator.socket_mode.wait_connected(timeout)
        assert connected and self.process.poll() is None, self.log.read_text()


@pytest.fixture
def socket_served(database_url, tmp_path):
    served = SocketServed(database_url, tmp_path)
    yield served
    served.close()


def test_a_command_a_modal_and_a_button_work_over_socket_mode(socket_served):
    served = socket_served
    served.start()
    setup_group(served)
    add_peers(served, 5)  # four consultants: the start needs no go-ahead
    started = served.driver.command(FACILITATOR, CHANNEL, "start")
    assert started.status == 200 and "started" in said(started)
    root = root_message(served)

    clicked = served.driver.click(FACILITATOR, CHANNEL, root.ts, "codev_next_phase", "1:1")
    assert clicked.status == 200
    served.deliver()
    assert "Clarification" in said(served.driver.command(FACILITATOR, CHANNEL, "status"))

    assert served.stop() == 0
    assert served.emulator.socket_mode.connections == 1
    assert served.emulator.rejected() == []
    lines = [json.loads(line) for line in served.log.read_text().splitlines() if line[:1] == "{"]
    seen = {
        (r["kind"], r["request"], r["outcome"]) for r in lines if r.get("logger") == "codev.request"
    }
    assert {("command", "/codev start", "ok"), ("action", "codev_next_phase", "ok")} <= seen


def test_a_wrong_app_token_is_refused_in_one_line_naming_the_variable(socket_served):
    served = socket_served
    served.env["SLACK_APP_TOKEN"] = "xapp-1-not-the-right-one"
    done = subprocess.run(
        [sys.executable, "-m", "bot", "serve", "--socket"],
        env=served.env,
        cwd=served.cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "SLACK_APP_TOKEN" in lines[0], done.stderr
