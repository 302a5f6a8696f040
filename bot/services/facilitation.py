"""Who a session's facilitator is, for everything meant for "the facilitator".

In a peer-run group each session names its own facilitator; what concerns that
session (its attendance sheet and journal, the notice its nudges carry, the DM
suggesting its client, the moves made at its deadlines) goes to them, while the
group's settings, members, schedule and cycle export stay with the group's
facilitator. This module imports nothing of the services so that the reminders,
nudges and exports can all ask it.
"""

from __future__ import annotations

from ..domain.rules import require_steer
from .common import require_facilitator


def facilitator_of(group, row) -> str:
    """Who what is meant for "the facilitator" of one session goes to: its own
    facilitator in a peer-run group (the peer named at start, or planned for it),
    else the group's. Its attendance sheet and journal, its nudges' notices, the
    DM suggesting its client and the moves made at its deadlines follow this."""
    if group.peer_run and row.facilitator_id:
        return row.facilitator_id
    return group.facilitator_id


def require_session_facilitator(group, row, user_id: str) -> None:
    """Moving or ending `row`, correcting its attendance or writing its journal is its
    own facilitator's (or the group's facilitator's). A group with one facilitator
    words the refusal as it always did."""
    if not group.peer_run:
        require_facilitator(group, user_id)
    require_steer(user_id, facilitator_of(group, row), group.facilitator_id)
