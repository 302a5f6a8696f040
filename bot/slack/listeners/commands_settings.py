"""`/codev settings` (`réglages`): the facilitator's modal of how sessions run."""

from __future__ import annotations

from ..render.settings import settings_modal
from .responding import ids


def _settings(services, command, rest, client, context):
    team, channel, user = ids(command)
    current = services.groups.settings(team, channel, user)
    client.views_open(
        trigger_id=command["trigger_id"], view=settings_modal(current.lang, channel, current)
    )
    return None


ROUTES = {"settings": _settings}
ALIASES = {
    "réglages": "settings",
    "reglages": "settings",
    "paramètres": "settings",
    "parametres": "settings",
}
