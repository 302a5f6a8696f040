"""Who may do what, when: the rules table of the method (phase × role × action).

It is the only judge: a session's replies and buttons are checked in their phase
(`check`), and a command about the group (setup, members, the calendar, exports…)
is checked outside any phase (`authorize` without a phase) against the same table.

The table lists only the allowed cells; everything else is refused. A refusal
carries a reason key chosen to tell the user *what to do instead* ("the client
listens during exploration") rather than a bare "not allowed". Keeping the
rules as data lets the tests check every cell against an independent table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .errors import NotAllowed
from .phases import Phase
from .roles import Action, Role

F, CL, CO, M = Role.FACILITATOR, Role.CLIENT, Role.CONSULTANT, Role.MEMBER
EVERY_PHASE = frozenset(Phase)
# The facilitator, and every peer whatever their part in today's session.
MEMBERS = {F: EVERY_PHASE, M: EVERY_PHASE, CL: EVERY_PHASE, CO: EVERY_PHASE}


def _in(*phases: Phase) -> frozenset[Phase]:
    return frozenset(phases)


# The allowed cells: action → role → phases where that role may do it.
RULES: Mapping[Action, Mapping[Role, frozenset[Phase]]] = {
    Action.MOVE_PHASE: {F: EVERY_PHASE},
    Action.END_SESSION: {F: EVERY_PHASE},
    Action.VIEW_STATUS: MEMBERS,
    Action.FACILITATOR_NOTE: {F: EVERY_PHASE},
    # The previous client may be a consultant today, so both roles may report.
    Action.REPORT_FOLLOW_UP: {CL: _in(Phase.FOLLOW_UP), CO: _in(Phase.FOLLOW_UP)},
    Action.POST_EXPOSE: {CL: _in(Phase.EXPOSE)},
    Action.ASK_QUESTION: {CO: _in(Phase.CLARIFICATION)},
    Action.ANSWER_QUESTION: {CL: _in(Phase.CLARIFICATION)},
    Action.WRITE_CONTRACT: {CL: _in(Phase.CONTRACT)},
    Action.CONFIRM_CONTRACT: {CO: _in(Phase.CONTRACT)},
    # Consultants may offer the client a reformulation of the request before it is settled.
    Action.OFFER_REFORMULATION: {CO: _in(Phase.CONTRACT)},
    Action.CONTRIBUTE: {CO: _in(Phase.EXPLORATION)},
    # The service also refuses this when the group runs a strict exploration.
    Action.CLARIFYING_REPLY: {CL: _in(Phase.EXPLORATION)},
    Action.HARVEST: {CL: _in(Phase.EXPLORATION, Phase.SYNTHESIS)},
    Action.STATE_SYNTHESIS: {CL: _in(Phase.SYNTHESIS)},
    Action.WRITE_ACTION_PLAN: {CL: _in(Phase.SYNTHESIS)},
    Action.SHARE_LEARNING: {
        F: _in(Phase.SYNTHESIS, Phase.LEARNING),
        CL: _in(Phase.LEARNING),
        CO: _in(Phase.SYNTHESIS, Phase.LEARNING),
    },
    Action.EVALUATE: {F: _in(Phase.LEARNING), CL: _in(Phase.LEARNING), CO: _in(Phase.LEARNING)},
    # About the group, whatever the phase of a running session:
    Action.START_SESSION: {F: EVERY_PHASE},
    # In a peer-run group any member opens a session, and its own facilitator steers it.
    Action.START_PEER_RUN_SESSION: MEMBERS,
    Action.STEER_SESSION: {F: EVERY_PHASE},
    Action.MANAGE_GROUP: {F: EVERY_PHASE},
    Action.VIEW_GROUP: MEMBERS,
    Action.TAKE_PART: MEMBERS,
    Action.PLAN_CYCLE: {F: EVERY_PHASE},
    Action.KEEP_RECORDS: {F: EVERY_PHASE},
    Action.EXPORT: {F: EVERY_PHASE},
}

# The actions a role may take in every phase or none: these are also judged outside
# a session, where there is no phase.
ANY_PHASE: frozenset[Action] = frozenset(
    action
    for action, roles in RULES.items()
    if all(phases == EVERY_PHASE for phases in roles.values())
)

NOT_MEMBER = "rules.not_member"
FACILITATOR_ONLY = "rules.facilitator_only"
SESSION_FACILITATOR_ONLY = "rules.session_facilitator_only"
# The refusals of what only a facilitator does: said as such to anyone else.
PREROGATIVES = frozenset({FACILITATOR_ONLY, SESSION_FACILITATOR_ONLY})
NOT_NOW = "rules.not_now"

# What a role is doing in a phase explains most refusals better than the action:
# a consultant listens during the exposé, confirms the contract with buttons,
# and the client listens while consultants explore.
PHASE_ROLE_REASONS: Mapping[tuple[Phase, Role], str] = {
    (Phase.EXPOSE, CO): "rules.listen_during_expose",
    (Phase.CONTRACT, CO): "rules.contract_use_buttons",
    (Phase.EXPLORATION, CL): "rules.client_listens",
}

# Refusal when the role may never do the action: say who does it.
WRONG_ROLE_REASONS: Mapping[Action, str] = {
    Action.MOVE_PHASE: FACILITATOR_ONLY,
    Action.END_SESSION: FACILITATOR_ONLY,
    Action.FACILITATOR_NOTE: FACILITATOR_ONLY,
    Action.START_SESSION: FACILITATOR_ONLY,
    Action.STEER_SESSION: SESSION_FACILITATOR_ONLY,
    Action.MANAGE_GROUP: FACILITATOR_ONLY,
    Action.PLAN_CYCLE: FACILITATOR_ONLY,
    Action.KEEP_RECORDS: FACILITATOR_ONLY,
    Action.EXPORT: FACILITATOR_ONLY,
    Action.REPORT_FOLLOW_UP: "rules.follow_up_by_peers",
    Action.POST_EXPOSE: "rules.expose_by_client",
    Action.ASK_QUESTION: "rules.questions_by_consultants",
    Action.ANSWER_QUESTION: "rules.client_answers",
    Action.WRITE_CONTRACT: "rules.contract_by_client",
    Action.CONFIRM_CONTRACT: "rules.contract_confirmed_by_consultants",
    Action.OFFER_REFORMULATION: "rules.contract_confirmed_by_consultants",
    Action.CONTRIBUTE: "rules.contributions_by_consultants",
    Action.CLARIFYING_REPLY: "rules.clarifying_by_client",
    Action.HARVEST: "rules.harvest_by_client",
    Action.STATE_SYNTHESIS: "rules.synthesis_by_client",
    Action.WRITE_ACTION_PLAN: "rules.action_plan_by_client",
}

# Refusal when the role may do the action, but not in this phase: say when.
WRONG_PHASE_REASONS: Mapping[Action, str] = {
    Action.REPORT_FOLLOW_UP: "rules.follow_up_in_follow_up",
    Action.POST_EXPOSE: "rules.expose_in_expose",
    Action.ASK_QUESTION: "rules.questions_in_clarification",
    Action.ANSWER_QUESTION: "rules.answers_in_clarification",
    Action.WRITE_CONTRACT: "rules.contract_in_contract",
    Action.CONFIRM_CONTRACT: "rules.contract_in_contract",
    Action.OFFER_REFORMULATION: "rules.contract_in_contract",
    Action.CONTRIBUTE: "rules.contributions_in_exploration",
    Action.CLARIFYING_REPLY: "rules.clarifying_in_exploration",
    Action.HARVEST: "rules.harvest_in_exploration",
    Action.STATE_SYNTHESIS: "rules.synthesis_in_synthesis",
    Action.WRITE_ACTION_PLAN: "rules.synthesis_in_synthesis",
    Action.SHARE_LEARNING: "rules.learning_at_the_end",
    Action.EVALUATE: "rules.evaluation_in_learning",
}

REASON_KEYS: frozenset[str] = frozenset(
    {NOT_MEMBER, FACILITATOR_ONLY, NOT_NOW}
    | set(PHASE_ROLE_REASONS.values())
    | set(WRONG_ROLE_REASONS.values())
    | set(WRONG_PHASE_REASONS.values())
)


@dataclass(frozen=True)
class Decision:
    """The verdict for one cell; `reason` is an i18n key when refused."""

    allowed: bool
    reason: str | None = None


ALLOWED = Decision(allowed=True, reason=None)


def is_allowed(phase: Phase, role: Role, action: Action) -> bool:
    """True when the table has this cell."""
    return phase in RULES.get(action, {}).get(role, frozenset())


def check(phase: Phase, role: Role, action: Action) -> Decision:
    """Look the cell up; when refused, pick the most helpful reason.

    Order matters: membership first, then the facilitator's prerogatives, then
    what the role is expected to be doing in this phase, then who does the
    action, then when it happens.
    """
    if role is Role.OUTSIDER:
        return Decision(False, NOT_MEMBER)
    if is_allowed(phase, role, action):
        return ALLOWED
    if (reason := WRONG_ROLE_REASONS.get(action)) in PREROGATIVES:
        return Decision(False, reason)
    if (phase, role) in PHASE_ROLE_REASONS:
        return Decision(False, PHASE_ROLE_REASONS[(phase, role)])
    if role not in RULES.get(action, {}):
        return Decision(False, WRONG_ROLE_REASONS.get(action, NOT_NOW))
    return Decision(False, WRONG_PHASE_REASONS.get(action, NOT_NOW))


def authorize(action: Action, role: Role, phase: Phase | None = None) -> Decision:
    """The one judge. In a session's phase, see `check`. Without a phase (a command
    about the group), only the actions of `ANY_PHASE` are judged: a member may do them
    if the table lets their role do them at all. Outside a session a facilitator's
    prerogative is refused as such to anyone else, member or not; every other action
    is refused to non-members."""
    if phase is not None:
        return check(phase, role, action)
    if action not in ANY_PHASE:
        raise ValueError(f"{action} depends on the phase: name it")
    if role in RULES[action]:
        return ALLOWED
    if (reason := WRONG_ROLE_REASONS.get(action)) in PREROGATIVES:
        return Decision(False, reason)
    return Decision(False, NOT_MEMBER)


def permit(action: Action, role: Role, phase: Phase | None = None) -> None:
    """Raise NotAllowed with the reason key unless `authorize` allows it."""
    decision = authorize(action, role, phase)
    if not decision.allowed:
        raise NotAllowed(decision.reason or NOT_NOW)


def require(phase: Phase, role: Role, action: Action) -> None:
    """Raise NotAllowed with the reason key unless the cell is allowed."""
    permit(action, role, phase)


# What a plain reply in the session thread means, by phase and role. The
# facilitator's replies are notes, except in the learning phase where
# everyone, the facilitator included, shares what they learned.
REPLY_ACTIONS: Mapping[tuple[Phase, Role], Action] = {
    (Phase.FOLLOW_UP, CL): Action.REPORT_FOLLOW_UP,
    (Phase.FOLLOW_UP, CO): Action.REPORT_FOLLOW_UP,
    (Phase.EXPOSE, CL): Action.POST_EXPOSE,
    (Phase.CLARIFICATION, CO): Action.ASK_QUESTION,
    (Phase.CLARIFICATION, CL): Action.ANSWER_QUESTION,
    (Phase.CONTRACT, CL): Action.WRITE_CONTRACT,
    (Phase.CONTRACT, CO): Action.OFFER_REFORMULATION,
    (Phase.EXPLORATION, CO): Action.CONTRIBUTE,
    (Phase.EXPLORATION, CL): Action.CLARIFYING_REPLY,
    (Phase.SYNTHESIS, CL): Action.STATE_SYNTHESIS,
    (Phase.SYNTHESIS, CO): Action.SHARE_LEARNING,
    (Phase.LEARNING, CL): Action.SHARE_LEARNING,
    (Phase.LEARNING, CO): Action.SHARE_LEARNING,
    (Phase.LEARNING, F): Action.SHARE_LEARNING,
}


def reply_action(phase: Phase, role: Role, strict_exploration: bool) -> Action:
    """Turn a thread reply into the action it stands for, or refuse it.

    In a strict exploration the client only listens, so even a clarifying
    reply is refused.
    """
    if role is Role.OUTSIDER:
        raise NotAllowed(NOT_MEMBER)
    action = REPLY_ACTIONS.get((phase, role))
    if action is None and role is Role.FACILITATOR:
        action = Action.FACILITATOR_NOTE
    if action is Action.CLARIFYING_REPLY and strict_exploration:
        raise NotAllowed(PHASE_ROLE_REASONS[(Phase.EXPLORATION, CL)])
    if action is None:
        raise NotAllowed(PHASE_ROLE_REASONS.get((phase, role), NOT_NOW))
    return action


# Moving a session's phases and ending it belong to whoever facilitates *that*
# session: in a peer-run group the peer named for the case, who may be the client
# of another one. The group's facilitator, who keeps the group, may stand in.
def steering_role(user_id: str, session_facilitator: str, group_facilitator: str) -> Role:
    """The role STEER_SESSION is judged by: facilitator of this session, or not."""
    if user_id in (session_facilitator, group_facilitator):
        return Role.FACILITATOR
    return Role.MEMBER


def may_steer(user_id: str, session_facilitator: str, group_facilitator: str) -> bool:
    """True when `user_id` may move this session's phases or end it."""
    role = steering_role(user_id, session_facilitator, group_facilitator)
    return authorize(Action.STEER_SESSION, role).allowed


def require_steer(user_id: str, session_facilitator: str, group_facilitator: str) -> None:
    """Raise NotAllowed unless `user_id` facilitates this session (or the group)."""
    permit(Action.STEER_SESSION, steering_role(user_id, session_facilitator, group_facilitator))
