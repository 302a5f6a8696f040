"""`/codev scribe @someone` (`secrétaire`): who records what the group says aloud.

Without a name it says who records now; `me` / `moi` or `off` / `non` gives the
pen back to the facilitator.
"""

from __future__ import annotations

from ...domain import DomainError
from ..render.scribe import scribe_answer
from ..text import bare_names, mentioned_ids
from .responding import ids, reply
from .users import resolve_names

BACK_TO_FACILITATOR = {"me", "moi", "off", "non", "no", "none", "aucun"}


def _scribe(services, command, rest, client, context):
    team, channel, user = ids(command)
    if not rest:
        return reply(scribe_answer(services.scribe.current(team, channel, user)))
    if rest.strip().lower() in BACK_TO_FACILITATOR:
        chosen = None
    else:
        people = mentioned_ids(rest) + resolve_names(client, team, bare_names(rest))
        if len(people) != 1:
            raise DomainError("scribe.usage")
        chosen = people[0]
    return reply(scribe_answer(services.scribe.name(team, channel, user, chosen), changed=True))


ROUTES = {"scribe": _scribe}
ALIASES = {"secrétaire": "scribe", "secretaire": "scribe"}
