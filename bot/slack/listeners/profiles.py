"""`user_change`: a person's Slack profile changed, perhaps their language.

The listener only marks the person to be looked up again (one UPDATE, nothing for
people outside the app's groups); the background job reads their locale.
"""

from __future__ import annotations


def register(app, services) -> None:
    @app.event("user_change")
    def user_changed(ack, body, event):
        person = event.get("user") or {}
        if person.get("id"):
            team = person.get("team_id") or body.get("team_id")
            services.languages.profile_changed(team, person["id"], person.get("locale"))
        ack()
