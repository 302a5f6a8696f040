"""A planned meeting's facilitator, named ahead in a peer-run group.

`/codev schedule facilitator N @x` names who facilitates the first case of
planned meeting N. It is kept on the plan and on the planned session row, so the
DM suggesting that session's client goes to them (see `facilitation`), and
`/codev start` uses them without asking. Nobody facilitates their own case: the
planned client is refused, and so is a client chosen later who is the planned
facilitator.
"""

from __future__ import annotations

from ..domain import DomainError
from ..domain.peer_run import check_facilitator
from .records import GroupRecord, PlanRecord, SessionRecord


def group_people(group: GroupRecord) -> set[str]:
    """Who may facilitate a session of the group: its peers and its facilitator."""
    return {m.user_id for m in group.active_members} | {group.facilitator_id}


def plan_facilitator(
    group: GroupRecord, session: SessionRecord, plan: PlanRecord, facilitator_id: str
) -> None:
    """Name who facilitates planned session `session` (a peer-run group only)."""
    if not group.peer_run:
        raise DomainError("peer_run.plan_off")
    check_facilitator(facilitator_id, session.client_id, group_people(group))
    plan.facilitator_id = session.facilitator_id = facilitator_id


def check_planned_client(plan: PlanRecord | None, client_id: str) -> None:
    """The client chosen for a planned session is not the peer planned to facilitate it."""
    if plan is not None and plan.facilitator_id == client_id:
        raise DomainError("peer_run.planned_own_case")


def planned_facilitator(
    group: GroupRecord, planned: SessionRecord | None, plan: PlanRecord | None, client_id: str
) -> str | None:
    """The facilitator planned for the session starting now, if it is still theirs to
    run: a peer-run group, still a member, and not the client chosen at start."""
    if not group.peer_run or planned is None or plan is None or not plan.facilitator_id:
        return None
    named = plan.facilitator_id
    if named == client_id or named not in group_people(group):
        return None
    return named
