"""The apps the latency benchmarks compare, served the same way in this process: codev
itself (over the emulator, on a throwaway database), a bare Bolt app whose listeners
only ack, and the durable floor: the same bare app storing one row per request (one
INSERT + COMMIT on codev's database, through its engine) before it acks, the least
an app that keeps what a request brings must do. All sit behind `bot.serve`'s
threaded WSGI server."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from wsgiref.simple_server import make_server

from slack_bolt import App
from slack_sdk import WebClient
from sqlalchemy import Column, Integer, MetaData, Table, Text, bindparam, insert, text
from sqlalchemy.exc import NoResultFound

from bot.emulator import Driver
from bot.serve import QuietHandler, ThreadingWSGIServer
from bot.slack.http import wsgi_app
from tests.support.flows import open_view_id
from tests.support.stack import FACILITATOR, NAMES, PEERS, SECRET, Stack


def serve(server) -> tuple[str, int]:
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[:2]


FLOOR = Table(
    "bench_floor",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("body", Text, nullable=False),
)


class Bare:
    """A Bolt app that acks the same three requests and does nothing else; with
    `durable`, it first stores one row per request in `engine`'s database."""

    def __init__(self, emulator, engine, durable: bool = False):
        client = WebClient(token=emulator.bot_token, base_url=emulator.api_url)
        app = App(signing_secret=SECRET, client=client, process_before_response=True)
        listener = lambda ack: ack()  # noqa: E731
        if durable:
            FLOOR.create(engine, checkfirst=True)
            statement = insert(FLOOR)

            def listener(ack, body):
                with engine.begin() as connection:  # one INSERT, one COMMIT
                    connection.execute(statement, {"body": str(body)[:200]})
                ack()

        app.command("/codev")(listener)
        app.action("codev_next_phase")(listener)
        app.event("message")(listener)
        self.server = make_server(
            "127.0.0.1",
            0,
            wsgi_app(app, engine),
            server_class=ThreadingWSGIServer,
            handler_class=QuietHandler,
        )
        self.address = serve(self.server)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Codev:
    """codev over the emulator, with `groups` groups each running a session."""

    def __init__(self, database_url: str, groups: int):
        self.stack = Stack(database_url, lang="en")  # serves codev like `codev serve`
        self.address = self.stack.server.server_address[:2]
        # the same requests without waiting for the app to apply everyone's
        self.quiet_driver = Driver(
            app_url=self.stack.driver.app_url, emulator=self.stack.emulator, signing_secret=SECRET
        )
        self.channels = [f"C0BENCH{i:04d}" for i in range(groups)]
        for channel in self.channels:
            self.stack.emulator.add_channel(
                channel, f"bench-{channel[-4:].lower()}", is_private=True, members=list(NAMES)
            )
            self._group(channel)
        self.stack.deliver()

    def _group(self, channel: str) -> None:
        driver = self.stack.driver
        driver.command(FACILITATOR, channel, "setup")
        values = {
            "name": f"Circle {channel[-4:]}",
            "lang": "en",
            "tz": "Europe/Paris",
            "mode": "live",
            "facilitator": FACILITATOR,
        }
        driver.submit_view(FACILITATOR, open_view_id(self.stack), values)
        mentions = " ".join(f"<@{p}|peer{i}>" for i, p in enumerate(PEERS[:8], 1))
        driver.command(FACILITATOR, channel, f"members add {mentions}")
        for peer in PEERS[:8]:  # peers take part once they accepted the charter
            self.stack.services.charter.accept(self.stack.emulator.team_id, channel, peer)
        self.start(channel)

    def start(self, channel: str) -> None:
        """A new session, once the click that ended the last one has been applied (clicks
        are applied just after their ack); without waiting for the other clients' work."""
        deadline = time.monotonic() + 30
        while self._running_or_none(channel) is not None and time.monotonic() < deadline:
            time.sleep(0.02)
        self.quiet_driver.command(FACILITATOR, channel, f"start <@{PEERS[0]}|peer1>")

    def phases(self, channels: list[str]) -> dict[str, tuple[int, int]]:
        """(session id, phase) of the running session of each of these channels."""
        with self.stack.runtime.engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT g.channel_id, s.id, s.phase FROM sessions s JOIN groups g"
                    " ON g.id = s.group_id WHERE s.status = 'running'"
                    " AND g.channel_id IN :channels"
                ).bindparams(bindparam("channels", expanding=True)),
                {"channels": channels},
            ).all()
        return {row.channel_id: (row.id, row.phase) for row in rows}

    def status(self, channel: str) -> bytes:
        """A `/codev status` request with a response_url of its own (Slack allows 5 uses)."""
        from .latency import status_body  # latency imports this module

        return status_body(channel, self.stack.emulator.issue_response_url(channel, FACILITATOR))

    def _running_or_none(self, channel: str):
        try:
            return self.running(channel)
        except NoResultFound:
            return None

    def clarifying(self, channels: list[str]) -> list[tuple[str, str]]:
        """Move these groups' sessions to clarification; (channel, root ts) of each, where
        consultants' replies are questions."""
        for channel in channels:
            self.stack.driver.command(FACILITATOR, channel, "next")
        return [(channel, self.root_ts(channel)) for channel in channels]

    def running(self, channel: str) -> tuple[int, int]:
        """(session id, phase) of the channel's running session."""
        with self.stack.runtime.engine.connect() as connection:
            row = connection.execute(
                text(
                    "SELECT s.id, s.phase FROM sessions s JOIN groups g ON g.id = s.group_id "
                    "WHERE g.channel_id = :c AND s.status = 'running'"
                ),
                {"c": channel},
            ).one()
        return row.id, row.phase

    def root_ts(self, channel: str) -> str:
        self.stack.deliver()
        roots = [
            m
            for m in self.stack.emulator.channel_messages(channel)
            if m.bot and any(b.get("block_id") == "session_actions" for b in m.blocks)
        ]
        return roots[-1].ts

    def close(self):
        self.stack.close()


def now_ts(counter: int) -> str:
    return f"{datetime.now(UTC).timestamp():.0f}.{counter:06d}"
