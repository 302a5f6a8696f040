"""`/codev coaching [on|off]`: the group's method hints, read or (facilitator) changed."""

from __future__ import annotations

from ..render.group import notice
from .responding import ids, reply


def _coaching(services, command, rest, client, context):
    if rest:
        setting = services.coaching.change(*ids(command), rest)
    else:
        setting = services.coaching.setting(*ids(command))
    return reply(notice(setting.lang, "coaching.on" if setting.on else "coaching.off"))


ROUTES = {"coaching": _coaching}
ALIASES = {"méthode": "coaching", "methode": "coaching", "repères": "coaching"}
