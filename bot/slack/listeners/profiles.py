"""`user_change`: a person's Slack profile changed, perhaps their language.

The listener only marks the person to be looked up again (one UPDATE, nothing for
people outside the app's groups); the background job reads their locale.
"""

from __future__ import annotations


def register(app, services) -> None:
    @app.event("user_change")
    def user_changed(ack, body, event):
        person = event.get("user")
        if isinstance(person, dict) and isinstance(person.get("id"), str):
            team = body.get("team_id")  # the workspace whose token asks (not the user's home)
            locale = person.get("locale") if isinstance(person.get("locale"), str) else None
            services.languages.profile_changed(team, person["id"], locale)
        ack()
