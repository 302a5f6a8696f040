"""Messages of meetings with several cases and of peer-run groups: the case a session
is within its meeting, the offer to start the next case, and the question of who
facilitates a peer-run session."""

from __future__ import annotations

from slack_sdk.models.blocks import PlainTextObject, UserSelectElement

from ...i18n import t
from ..ids import ActionId
from .kit import actions, button, context, payload, section, user


def case_suffix(lang: str, case_number: int, cases: int) -> str:
    """« · cas 1 sur 2 » after a session's number when its meeting holds several cases."""
    return t(lang, "meeting.case_of", case=case_number, cases=cases) if cases > 1 else ""


def meeting_cases(lang: str, cases: int) -> str:
    """« (2 cas) » after a meeting in reminders and the calendar; nothing for one case."""
    return t(lang, "meeting.cases", cases=cases) if cases > 1 else ""


def next_case_offer(offer):
    """Posted in the channel when a case ends and its meeting holds another one."""
    lang = offer.lang
    text = t(
        lang, "meeting.next_case", number=offer.number, case=offer.case_number, cases=offer.cases
    )
    start = button(
        t(lang, "meeting.start_next_case", case=offer.case_number),
        ActionId.START_NEXT_CASE,
        str(offer.meeting_id),
        style="primary",
    )
    return payload(text, [section(text), actions(start), context(t(lang, "meeting.next_hint"))])


def start_value(client_id: str, topic_id: int | None, facilitator_id: str | None = None) -> str:
    """What a start button carries: the client, the chosen topic, the facilitator."""
    topic = "" if topic_id is None else str(topic_id)
    return f"{client_id}:{topic}:{facilitator_id or ''}"


def read_start_value(value: str) -> tuple[str, int | None, str | None]:
    client_id, _, rest = (value or "").partition(":")
    topic, _, facilitator = rest.partition(":")
    return client_id, int(topic) if topic.isdigit() else None, facilitator or None


def who_facilitates(lang: str, client_id: str, suggested: str | None, topic_id: int | None):
    """A peer-run session starts once its facilitator is named: the rotation's
    suggestion with one click, or anyone else with the picker."""
    if suggested:
        text = t(lang, "peer_run.ask", client=user(client_id), suggested=user(suggested))
    else:
        text = t(lang, "peer_run.ask_nobody", client=user(client_id))
    picker = UserSelectElement(
        action_id=ActionId.CHOOSE_FACILITATOR,
        placeholder=PlainTextObject(text=t(lang, "peer_run.choose_another")),
    )
    elements = [picker]
    if suggested:
        elements.insert(
            0,
            button(
                t(lang, "peer_run.start_with_suggested"),
                ActionId.START_FACILITATED,
                start_value(client_id, topic_id, suggested),
                style="primary",
            ),
        )
    block_id = f"facilitator:{start_value(client_id, topic_id)}"
    return payload(
        text,
        [section(text), actions(*elements, block_id=block_id), context(t(lang, "peer_run.hint"))],
    )


def started_notice(lang: str, view):
    """The starter's private confirmation: the case within its meeting, and in a
    peer-run group who facilitates."""
    text = t(lang, "session.started", number=view.number, client=user(view.client_id))
    if view.cases > 1:
        text += "\n" + t(lang, "meeting.case_started", case=view.case_number, cases=view.cases)
    if view.peer_run:
        text += "\n" + t(lang, "peer_run.status", facilitator=user(view.facilitator_id))
    return payload(text, [section(text)])
