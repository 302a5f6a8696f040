"""The App Home tab and the buttons of the data commands.

`app_home_opened` publishes the person's home (through the outbox); someone whose
language is not known yet is only marked to be looked up: the background job
reads their Slack locale and publishes their home again in it
(`services/languages.py`), so this request never waits on Slack.
"""

from __future__ import annotations

from ...services.notices import Answer
from .. import payloads
from ..ids import ActionId
from .responding import bound


def home_opened(services, ack, body, event):
    if event.get("tab", "home") == "home":
        services.languages.home_opened(body.get("team_id"), event["user"])
    ack()


def item_status(services, ack, body):
    item_id, _, status = payloads.value(body).partition(payloads.SEPARATOR)
    here = payloads.where(body)
    services.home.set_item_status(here.team, here.user, payloads.number(item_id), status)
    ack()


def forget_confirm(services, ack, body):
    here = payloads.where(body)
    key = f"forget:{here.user}:{payloads.action(body).get('action_ts')}"
    services.privacy.forget(here.team, here.channel, here.user, key)
    ack()


def forget_cancel(services, ack, body):
    here = payloads.where(body)
    key = f"forget-cancel:{here.user}:{payloads.action(body).get('action_ts')}"
    services.notices.tell(here.team, Answer(here.channel, here.user, key), "forget.cancelled")
    ack()


def register(app, services) -> None:
    app.event("app_home_opened")(bound(home_opened, services))
    app.action(ActionId.HOME_ITEM_DONE)(bound(item_status, services))
    app.action(ActionId.HOME_ITEM_PROGRESS)(bound(item_status, services))
    app.action(ActionId.FORGET_CONFIRM)(bound(forget_confirm, services))
    app.action(ActionId.FORGET_CANCEL)(bound(forget_cancel, services))
