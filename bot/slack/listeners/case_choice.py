"""Starting a session: the préambule's choice of the case among the pitched topics,
the members' quick vote, and the go-ahead a small group needs."""

from __future__ import annotations

from ...domain import SmallGroup
from ..ids import ActionId
from ..render import formats
from ..render import group as group_msgs
from ..render.kit import Mrkdwn
from .responding import ids, lang_of, reply


def _click(body) -> tuple[str, str, str, str]:
    """Team, channel, user and the click's own key."""
    action = body["actions"][0]
    channel = (body.get("channel") or {}).get("id") or body["container"].get("channel_id")
    user = body["user"]["id"]
    key = f"action:{user}:{action['action_id']}:{action.get('action_ts')}"
    return body["team"]["id"], channel, user, key


def start_now(services, team, channel, user, lang, client_id, topic_id=None, ok=False):
    """Start, or the warning that asks the facilitator to confirm a small session."""
    try:
        view = services.sessions.start(
            team, channel, user, client_id, small_group_ok=ok, topic_id=topic_id
        )
    except SmallGroup as small:
        return formats.small_group_warning(
            lang, small.params["consultants"], small.params["client"], topic_id
        )
    client = Mrkdwn(f"<@{view.client_id}>")
    return group_msgs.notice(lang, "session.started", number=view.number, client=client)


def start_answer(services, command, client_id: str | None) -> dict:
    """`/codev start [@client]`: without a client and with topics pitched, the choice."""
    team, channel, user = ids(command)
    lang = lang_of(services, command)
    if client_id is None:
        choice = services.case_choice.choice(team, channel, user)
        if choice is not None:
            return reply(formats.case_choice(choice.lang, choice))
    return reply(start_now(services, team, channel, user, lang, client_id))


def register(app, services) -> None:
    @app.action(ActionId.START_ANYWAY)
    def start_anyway(ack, body):
        team, channel, user, key = _click(body)
        client_id, _, topic = body["actions"][0]["value"].partition(":")
        lang = services.notices.lang_of(team, channel, user)
        topic_id = int(topic) if topic.isdigit() else None
        answer = start_now(services, team, channel, user, lang, client_id, topic_id, ok=True)
        services.notices.private(channel, user, answer, key)
        ack()

    @app.action(ActionId.START_NOT_NOW)
    def not_now(ack):
        ack()

    @app.action(ActionId.CHOOSE_CASE)
    def choose_case(ack, body):
        team, channel, user, key = _click(body)
        topic_id = int(body["actions"][0]["value"])
        lang = services.notices.lang_of(team, channel, user)
        client_id = services.case_choice.client_of(team, channel, user, topic_id)
        answer = start_now(services, team, channel, user, lang, client_id, topic_id)
        services.notices.private(channel, user, answer, key)
        ack()

    @app.action(ActionId.OPEN_CASE_VOTE)
    def open_vote(ack, body):
        team, channel, user, key = _click(body)
        choice = services.case_choice.open_vote(team, channel, user)
        services.notices.private(channel, user, formats.case_choice(choice.lang, choice), key)
        ack()

    @app.action(ActionId.VOTE_CASE)
    def vote(ack, body):
        team, channel, user, key = _click(body)
        topic, _, ref = body["actions"][0]["value"].partition(":")
        lang = services.case_choice.vote(team, channel, user, int(topic), ref)
        services.notices.private(channel, user, group_msgs.notice(lang, "case.voted"), key)
        ack()
