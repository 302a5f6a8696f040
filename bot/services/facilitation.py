"""Who a session's facilitator is, for everything meant for "the facilitator".

In a peer-run group each session names its own facilitator; what concerns that
session (its attendance sheet and journal, the notice its nudges carry, the DM
suggesting its client, the moves made at its deadlines) goes to them, while the
group's settings, members, schedule and cycle export stay with the group's
facilitator. This module imports nothing of the services so that the reminders,
nudges and exports can all ask it.
"""

from __future__ import annotations

from ..domain import Action
from ..domain.rules import require_steer
from .membership import require_right
from .records import GroupRecord, SessionRecord


def facilitator_of(group: GroupRecord, row: SessionRecord) -> str:
    """Who what is meant for "the facilitator" of one session goes to: its own
    facilitator in a peer-run group (the peer named at start, or planned for it),
    else the group's. Its attendance sheet and journal, its nudges' notices, the
    DM suggesting its client and the moves made at its deadlines follow this."""
    if group.peer_run and row.facilitator_id:
        return row.facilitator_id
    return group.facilitator_id


def require_session_facilitator(group, row: SessionRecord, user_id: str, action: Action) -> None:
    """Doing `action` about `row` (moving or ending it, correcting its attendance,
    writing its journal, answering its client suggestion) is its own facilitator's
    (or the group's facilitator's). A group with one facilitator words the refusal
    as it always did, by the rules table's cell for `action`."""
    if not group.peer_run:
        require_right(group, user_id, action)
    require_steer(user_id, facilitator_of(group, row), group.facilitator_id)
