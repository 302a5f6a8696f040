"""`/codev gestures` (`gestes`): which emoji reactions do what a button does."""

from __future__ import annotations

from ..render.gestures import gestures_message
from .responding import ids, reply


def _gestures(services, command, rest, client, context):
    if not rest:
        return reply(gestures_message(services.gestures.settings(*ids(command))))
    return reply(gestures_message(services.gestures.change(*ids(command), rest), changed=True))


ROUTES = {"gestures": _gestures}
ALIASES = {"gestes": "gestures", "réactions": "gestures", "reactions": "gestures"}
