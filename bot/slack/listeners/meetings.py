"""Starting the next case of a meeting, and naming who facilitates a peer-run session:
the buttons and the picker of those messages, and how `/codev start` names a
facilitator in words."""

from __future__ import annotations

import re

from ...domain import DomainError
from ..ids import ActionId
from ..render import formats
from ..render.meetings import read_start_value
from .case_choice import _click, start_now

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


def register(app, services) -> None:
    def _answer(body, client_id, topic_id, facilitator):
        team, channel, user, key = _click(body)
        lang = services.notices.lang_of(team, channel, user)
        answer = start_now(
            services, team, channel, user, lang, client_id, topic_id, False, facilitator
        )
        services.notices.private(channel, user, answer, key)

    @app.action(ActionId.START_FACILITATED)
    def start_facilitated(ack, body):
        _answer(body, *read_start_value(body["actions"][0]["value"]))
        ack()

    @app.action(ActionId.CHOOSE_FACILITATOR)
    def choose_facilitator(ack, body):
        action = body["actions"][0]
        chosen = action.get("selected_user")
        if not chosen:
            raise DomainError("session.start_usage")
        client_id, topic_id, _ = read_start_value(action["block_id"].partition(":")[2])
        _answer(body, client_id, topic_id, chosen)
        ack()

    @app.action(ActionId.START_NEXT_CASE)
    def start_next_case(ack, body):
        """The same as `/codev start` in the channel: the pitched topics to choose
        from when there are some, else the rotation's client."""
        team, channel, user, key = _click(body)
        meeting = body["actions"][0]["value"]
        services.sessions.check_next_case(team, channel, user, int(meeting))
        choice = services.case_choice.choice(team, channel, user)
        if choice is not None:
            services.notices.private(channel, user, formats.case_choice(choice.lang, choice), key)
        else:
            _answer(body, None, None, None)
        ack()
