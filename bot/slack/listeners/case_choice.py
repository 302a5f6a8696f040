"""Starting a session: the préambule's choice of the case among the pitched topics,
the members' quick vote, and the go-ahead a small group needs."""

from __future__ import annotations

from .. import payloads
from ..ids import ActionId
from ..render.meetings import read_start_value
from .responding import bound, ids, reply


def start_answer(services, command, client_id: str | None, facilitator: str | None = None):
    """`/codev start [@client] [facilitated by @x]`: without a client and with topics
    pitched, the choice."""
    return reply(services.sessions.start_answer(*ids(command), client_id, facilitator))


def start_anyway(services, ack, body):
    client_id, topic_id, facilitator = read_start_value(payloads.value(body))
    services.sessions.start_from_click(
        *payloads.where(body).ids,
        payloads.answer(body),
        client_id=client_id,
        topic_id=topic_id,
        small_group_ok=True,
        facilitator_id=facilitator,
    )
    ack()


def not_now(ack):
    ack()


def choose_case(services, ack, body):
    (topic_id,) = payloads.values(body, int)
    services.sessions.start_from_click(
        *payloads.where(body).ids, payloads.answer(body), topic_id=topic_id
    )
    ack()


def open_vote(services, ack, body):
    services.case_choice.open_vote(*payloads.where(body).ids, payloads.answer(body))
    ack()


def vote(services, ack, body):
    topic, _, ref = payloads.value(body).partition(payloads.SEPARATOR)
    services.case_choice.vote(*payloads.where(body).ids, int(topic), ref, payloads.answer(body))
    ack()


def register(app, services) -> None:
    app.action(ActionId.START_ANYWAY)(bound(start_anyway, services))
    app.action(ActionId.START_NOT_NOW)(not_now)
    app.action(ActionId.CHOOSE_CASE)(bound(choose_case, services))
    app.action(ActionId.OPEN_CASE_VOTE)(bound(open_vote, services))
    app.action(ActionId.VOTE_CASE)(bound(vote, services))
