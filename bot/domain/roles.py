"""Who someone is in a session, and what they may try to do.

Roles and actions are the two axes (with phases) of the rules table.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """A user's role in one session; a non-member is an outsider."""

    FACILITATOR = "facilitator"
    CLIENT = "client"
    CONSULTANT = "consultant"
    OUTSIDER = "outsider"


class Action(StrEnum):
    """Everything a user can attempt in a session, by command, button or reply."""

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
