"""Messages of the group's formats: the warning before a small session, the choice of
the case among the pitched topics (the préambule) and the members' quick vote."""

from __future__ import annotations

from ...domain import ADVISED_CONSULTANTS
from ...i18n import t
from ..ids import ActionId
from ..text import quote
from .kit import actions, button, context, header, payload, section, user
from .meetings import start_value
from .session import phase_name

MAX_TOPICS = 15  # each topic is one block; a message holds 50


def small_group_warning(
    lang: str, consultants: int, client_id: str, topic_id: int | None, facilitator=None
):
    """Fewer consultants than advised: the facilitator starts anyway, or not now."""
    low, high = ADVISED_CONSULTANTS
    text = t(
        lang,
        "start.small_group",
        consultants=consultants,
        client=user(client_id),
        low=low,
        high=high,
    )
    value = start_value(client_id, topic_id, facilitator)
    return payload(
        text,
        [
            section(text),
            actions(
                button(
                    t(lang, "start.anyway", consultants=consultants),
                    ActionId.START_ANYWAY,
                    value,
                    style="primary",
                ),
                button(t(lang, "start.not_now"), ActionId.START_NOT_NOW, "no"),
            ),
        ],
    )


def case_choice(lang: str, choice):
    """The facilitator's private choice among the pitched topics, counts of the vote
    included, and the rotation's suggestion as a hint."""
    title = t(lang, "case.title")
    blocks = [header(title)]
    for option in choice.options[:MAX_TOPICS]:
        line = t(lang, "case.option", topic=quote(option.text, 600), author=user(option.author_id))
        if choice.voting:
            line += "\n" + t(lang, "case.votes", count=option.votes)
        blocks.append(
            section(
                line,
                accessory=button(
                    t(lang, "case.choose"), ActionId.CHOOSE_CASE, str(option.topic_id)
                ),
            )
        )
    if choice.suggested:
        blocks.append(context(t(lang, "case.rotation_hint", client=user(choice.suggested))))
    if not choice.voting:
        blocks.append(actions(button(t(lang, "case.open_vote"), ActionId.OPEN_CASE_VOTE, "vote")))
    blocks.append(context(t(lang, "case.how_to")))
    return payload(title, blocks)


def case_vote(lang: str, options, ref: str, chosen_author: str | None = None):
    """The members' vote in the channel: one button per topic with its count; once the
    case is chosen, the counts stay and the buttons go."""
    title = t(lang, "case.vote_title")
    blocks = [header(title)]
    for option in options[:MAX_TOPICS]:
        line = t(lang, "case.option", topic=quote(option.text, 600), author=user(option.author_id))
        line += "\n" + t(lang, "case.votes", count=option.votes)
        vote = button(t(lang, "case.vote"), ActionId.VOTE_CASE, f"{option.topic_id}:{ref}")
        blocks.append(section(line, accessory=None if chosen_author else vote))
    if chosen_author:
        blocks.append(context(t(lang, "case.vote_closed", client=user(chosen_author))))
    else:
        blocks.append(context(t(lang, "case.vote_how_to")))
    return payload(title, blocks)


def auto_advanced(lang: str, left: int, phase: int | None):
    """In the thread: the deadline passed and the session moved on by itself."""
    text = t(
        lang,
        "workdays.auto_advanced",
        left=phase_name(lang, left),
        phase=phase_name(lang, phase) if phase is not None else "—",
    )
    return payload(text, [context(text)])
