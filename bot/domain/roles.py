"""Who someone is in a session or a group, and what they may try to do.

Roles and actions are the two axes (with phases) of the rules table.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """A user's role in one session; a non-member is an outsider. Outside a session
    (a command about the group), a peer is a member."""

    FACILITATOR = "facilitator"
    CLIENT = "client"
    CONSULTANT = "consultant"
    MEMBER = "member"
    OUTSIDER = "outsider"


class Action(StrEnum):
    """Everything a user can attempt in a session or a group, by command, button or reply."""

    MOVE_PHASE = "move_phase"
    END_SESSION = "end_session"
    VIEW_STATUS = "view_status"
    FACILITATOR_NOTE = "facilitator_note"
    REPORT_FOLLOW_UP = "report_follow_up"
    POST_EXPOSE = "post_expose"
    ASK_QUESTION = "ask_question"
    ANSWER_QUESTION = "answer_question"
    WRITE_CONTRACT = "write_contract"
    CONFIRM_CONTRACT = "confirm_contract"
    OFFER_REFORMULATION = "offer_reformulation"  # « si je comprends bien, tu voudrais… »
    CONTRIBUTE = "contribute"
    CLARIFYING_REPLY = "clarifying_reply"
    HARVEST = "harvest"
    STATE_SYNTHESIS = "state_synthesis"
    WRITE_ACTION_PLAN = "write_action_plan"
    SHARE_LEARNING = "share_learning"
    EVALUATE = "evaluate"
    # About the group rather than one session's phase:
    START_SESSION = "start_session"
    START_PEER_RUN_SESSION = "start_peer_run_session"
    STEER_SESSION = "steer_session"  # move the phases of, or end, the session one facilitates
    MANAGE_GROUP = "manage_group"  # setup, settings, members, language, charter
    VIEW_GROUP = "view_group"  # members, settings, charter, reports, the cycle's calendar
    TAKE_PART = "take_part"  # check in, a reaction that stands for a gesture
    PLAN_CYCLE = "plan_cycle"  # the calendar, the case of a coming session, closing the cycle
    KEEP_RECORDS = "keep_records"  # the regulation journal, attendance corrections
    EXPORT = "export"
