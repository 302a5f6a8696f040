"""Meetings of several cases, and who facilitates each session.

A planned meeting holds 1 to 3 consecutive cases. Its first case is the planned
session row; `/codev start` (or the *Start case 2* button) after a case ends runs
the next case of the same meeting: its own thread, client and summary, the same
session number, and no hours of its own (the meeting's length counts once).

In a peer-run group each session names its facilitator: the peer named at start,
else the question with the rotation's suggestion; in other groups it is the
group's facilitator.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import Action
from ..domain.peer_run import (
    FacilitatorTurns,
    NeedsFacilitator,
    check_facilitator,
    suggest_facilitator,
)
from .effects import Effect, EffectKind
from .membership import require_right
from .records import GroupRecord
from .schedule import EARLY, LATE, start_row


@dataclass(frozen=True)
class NextCase:
    """What the offer after a case says: the meeting's number and the next case."""

    meeting_id: int  # the meeting's first session
    number: int
    case_number: int
    cases: int
    lang: str
    channel_id: str


def require_starter(group, user_id: str) -> None:
    """The group's facilitator starts sessions; in a peer-run group any member does."""
    start = Action.START_PEER_RUN_SESSION if group.peer_run else Action.START_SESSION
    require_right(group, user_id, start)


def session_facilitator(group: GroupRecord, client_id: str, named: str | None, away) -> str:
    """Who facilitates a session about to start. In a peer-run group without a name,
    raises NeedsFacilitator with the rotation's suggestion (never the client)."""
    if not group.peer_run:
        return group.facilitator_id
    members = {m.user_id for m in group.active_members} | {group.facilitator_id}
    if named is not None:
        check_facilitator(named, client_id, members)
        return named
    turns = [
        FacilitatorTurns(m.user_id, m.facilitator_turns, m.last_facilitated_at, m.joined_at)
        for m in group.active_members
    ]
    suggested = suggest_facilitator(turns, client_id, away)
    raise NeedsFacilitator("peer_run.who_facilitates", client=client_id, suggested=suggested)


def count_facilitation(group, facilitator_id: str, now) -> None:
    """A peer's turn as facilitator, for the rotation."""
    for member in group.active_members:
        if member.user_id == facilitator_id:
            member.facilitator_turns += 1
            member.last_facilitated_at = now


def case_ahead(uow, group_id: int, now):
    """The meeting under way (up to 2 h early or 12 h late around its slot) with a
    case still to hold: (its first session, its plan), else None."""
    return uow.meetings.with_case_left(group_id, now - LATE, now + EARLY)


def start_case_row(uow, now, found, **fields):
    """The row a starting session runs in: the next case of the meeting under way
    (`found`, from `case_ahead`), else the planned session due now, else a new one."""
    if found is None:
        row = start_row(uow, now, **fields)
        plan = uow.cycle.plan_of(row.id)
        row.case_count = plan.cases if plan is not None else 1
        return row
    first, plan = found
    return uow.sessions.create(
        number=first.number,
        meeting_id=first.id,
        case_number=uow.meetings.cases_held(first.id) + 1,
        case_count=plan.cases,
        **fields,
    )


def next_case_ref(session_id: int) -> str:
    return f"session:{session_id}:next-case"


def offer_next_case(uow, renderer, row, now) -> None:
    """When a case of a meeting ends with a case still to hold, the channel is offered
    the next one (a button for the facilitator)."""
    if row.case_number >= row.case_count:
        return
    offer = NextCase(
        row.meeting_id or row.id,
        row.number,
        row.case_number + 1,
        row.case_count,
        row.lang,
        row.channel_id,
    )
    uow.outbox.add(
        Effect(
            EffectKind.POST,
            renderer.next_case_offer(offer),
            next_case_ref(row.id),
            channel=row.channel_id,
            session_id=row.id,
        ),
        now,
    )
