"""The App Home tab and the buttons of the data commands.

`app_home_opened` publishes the person's home (through the outbox); someone whose
language is not known yet is only marked to be looked up: the background job
reads their Slack locale and publishes their home again in it
(`services/languages.py`), so this request never waits on Slack.
"""

from __future__ import annotations

from ..ids import ActionId
from ..render import reports


def _who(body) -> tuple[str, str | None, str]:
    team = (body.get("team") or {}).get("id") or body.get("team_id")
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get(
        "channel_id"
    )
    return team, channel, body["user"]["id"]


def register(app, services) -> None:
    @app.event("app_home_opened")
    def home_opened(ack, body, event):
        user = event["user"]
        if event.get("tab", "home") == "home":
            services.languages.home_opened(body.get("team_id"), user)
            services.home.publish(body.get("team_id"), user)
        ack()

    @app.action(ActionId.HOME_ITEM_DONE)
    @app.action(ActionId.HOME_ITEM_PROGRESS)
    def item_status(ack, body):
        item_id, _, status = body["actions"][0].get("value", "").partition(":")
        team, _, user = _who(body)
        services.home.set_item_status(team, user, int(item_id) if item_id.isdigit() else 0, status)
        ack()

    @app.action(ActionId.FORGET_CONFIRM)
    def forget_confirm(ack, body):
        team, channel, user = _who(body)
        action = body["actions"][0]
        services.privacy.forget(team, channel, user, f"forget:{user}:{action.get('action_ts')}")
        ack()

    @app.action(ActionId.FORGET_CANCEL)
    def forget_cancel(ack, body):
        team, channel, user = _who(body)
        lang = services.notices.lang_of(team, channel, user)
        key = f"forget-cancel:{user}:{body['actions'][0].get('action_ts')}"
        services.notices.private(channel, user, reports.notice(lang, "forget.cancelled"), key)
        ack()
