"""`app_rate_limited`: Slack tells the app it sent it more events in a minute than
allowed (30,000 per workspace) and drops the rest of that minute's events.

It is not an `event_callback` (no listener of Bolt's matches it), so a global
middleware answers it: a warning with the workspace and the minute, and 200, as
Slack asks. The events dropped are not sent again; nothing else is to be done.
"""

from __future__ import annotations

import logging

from slack_bolt.response import BoltResponse

log = logging.getLogger("codev.slack")


def register(app, services) -> None:
    @app.middleware
    def app_rate_limited(body, next_):
        if body.get("type") != "app_rate_limited":
            return next_()
        log.warning(
            "Slack rate-limited the events of workspace %s (minute %s): that minute's "
            "remaining events are dropped by Slack",
            body.get("team_id"),
            body.get("minute_rate_limited"),
        )
        return BoltResponse(status=200, body="")
