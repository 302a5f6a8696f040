"""A dispatcher process that only PostgreSQL notifications wake: its tick interval is an
hour and nothing in the process sets its wake. Delivers DATABASE_URL's outbox to the
Web API at API_URL until it is terminated."""

from __future__ import annotations

import signal
import sys
import threading

from slack_sdk import WebClient

from bot.bootstrap import utc_now
from bot.persistence.engine import make_engine
from bot.persistence.uow import OutboxWake, unit_of_work_factory
from bot.scheduling.dispatcher import Dispatcher
from bot.services.context import Context
from bot.services.delivery import DeliveryService
from bot.slack.render import SlackRenderer
from bot.slack.sender import WebApiSender


def main(database_url: str, api_url: str, token: str) -> None:
    engine = make_engine(database_url)
    ctx = Context(unit_of_work_factory(engine), utc_now, SlackRenderer(), "en")
    sender = WebApiSender(WebClient(token=token, base_url=api_url))
    delivery = DeliveryService(ctx, sender, pace_seconds=0)
    dispatcher = Dispatcher(delivery, 3600, wake=OutboxWake(), listen_url=engine.url)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    dispatcher.start()
    stop.wait()
    dispatcher.stop()
    engine.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:4])
