"""Starting the next case of a meeting, and naming who facilitates a peer-run session:
the buttons and the picker of those messages, and how `/codev start` names a
facilitator in words."""

from __future__ import annotations

import re

from ...domain import DomainError
from .. import payloads
from ..ids import ActionId
from ..render.meetings import read_start_value
from .responding import bound

# `/codev start @client facilitated by @x`, « /codev démarrer @client animé par @x »
# (also « animée par », « avec @x à l'animation », "facilitator @x").
FACILITATED_BY = re.compile(
    r"\b(?:facilitated\s+by|facilitator|facilitates|anim[ée]e?s?\s+par|animateur|animatrice"
    r"|animation|qui\s+anime)\b\s*:?",
    re.IGNORECASE,
)


def split_facilitator(rest: str) -> tuple[str, str]:
    """The text naming the client, and the text naming the facilitator (may be empty)."""
    parts = FACILITATED_BY.split(rest or "", maxsplit=1)
    if len(parts) == 1:
        return rest.strip(), ""
    return parts[0].strip(), parts[1].strip()


def _start(services, body, client_id, topic_id, facilitator) -> None:
    services.sessions.start_from_click(
        *payloads.where(body).ids,
        payloads.answer(body),
        client_id=client_id,
        topic_id=topic_id,
        facilitator_id=facilitator,
    )


def start_facilitated(services, ack, body):
    _start(services, body, *read_start_value(payloads.value(body)))
    ack()


def choose_facilitator(services, ack, body):
    chosen = payloads.action(body).get("selected_user")
    if not chosen:
        raise DomainError("session.start_usage")
    block = payloads.action(body)["block_id"].partition(payloads.SEPARATOR)[2]
    client_id, topic_id, _ = read_start_value(block)
    _start(services, body, client_id, topic_id, chosen)
    ack()


def start_next_case(services, ack, body):
    """The same as `/codev start` in the channel: the pitched topics to choose from when
    there are some, else the rotation's client."""
    (meeting,) = payloads.values(body, int)
    services.sessions.start_next_case(*payloads.where(body).ids, meeting, payloads.answer(body))
    ack()


def register(app, services) -> None:
    app.action(ActionId.START_FACILITATED)(bound(start_facilitated, services))
    app.action(ActionId.CHOOSE_FACILITATOR)(bound(choose_facilitator, services))
    app.action(ActionId.START_NEXT_CASE)(bound(start_next_case, services))
