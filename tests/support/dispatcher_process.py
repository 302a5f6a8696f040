"""One dispatcher process: delivers the outbox of DATABASE_URL to the Slack Web API at
API_URL until nothing is left, then prints how many rows it sent."""

from __future__ import annotations

import sys
import time

from slack_sdk import WebClient

from bot.bootstrap import utc_now
from bot.persistence.engine import make_engine
from bot.persistence.uow import unit_of_work_factory
from bot.services.context import Context
from bot.services.delivery import DeliveryService
from bot.slack.render import SlackRenderer
from bot.slack.sender import WebApiSender


def main(database_url: str, api_url: str, token: str) -> None:
    engine = make_engine(database_url)
    ctx = Context(unit_of_work_factory(engine), utc_now, SlackRenderer(), "en")
    sender = WebApiSender(WebClient(token=token, base_url=api_url))
    delivery = DeliveryService(ctx, sender, pace_seconds=0, grace_seconds=3600)
    sent, idle = 0, 0
    while idle < 3:
        delivered = delivery.tick()
        sent += delivered
        with ctx.uow_factory() as uow:
            left = uow.outbox.depth()
        idle = idle + 1 if delivered == 0 and left == 0 else 0
        if delivered == 0:
            time.sleep(0.05)
    engine.dispose()
    print(sent)


if __name__ == "__main__":
    main(*sys.argv[1:4])
