"""Every cell of the rules table, checked against a table written here by hand."""

from itertools import product

import pytest

from bot.domain import (
    REASON_KEYS,
    Action,
    Group,
    NotAllowed,
    Phase,
    Role,
    authorize,
    check,
    permit,
    reply_action,
    require,
)
from bot.domain.rules import ANY_PHASE

# Which phases each role may do each action in; an absent role never may.
EVERY_MEMBER = {role: "0123456" for role in ("facilitator", "member", "client", "consultant")}
EXPECTED_ALLOWED: dict[str, dict[str, str]] = {
    "move_phase": {"facilitator": "0123456"},
    "end_session": {"facilitator": "0123456"},
    "view_status": EVERY_MEMBER,
    "facilitator_note": {"facilitator": "0123456"},
    "report_follow_up": {"client": "0", "consultant": "0"},
    "post_expose": {"client": "1"},
    "ask_question": {"consultant": "2"},
    "answer_question": {"client": "2"},
    "write_contract": {"client": "3"},
    "confirm_contract": {"consultant": "3"},
    "offer_reformulation": {"consultant": "3"},
    "contribute": {"consultant": "4"},
    "clarifying_reply": {"client": "4"},
    "harvest": {"client": "45"},
    "state_synthesis": {"client": "5"},
    "write_action_plan": {"client": "5"},
    "share_learning": {"facilitator": "56", "client": "6", "consultant": "56"},
    "evaluate": {"facilitator": "6", "client": "6", "consultant": "6"},
    # about the group: whatever the phase, for the facilitator or for every member
    "start_session": {"facilitator": "0123456"},
    "start_peer_run_session": EVERY_MEMBER,
    "steer_session": {"facilitator": "0123456"},
    "manage_group": {"facilitator": "0123456"},
    "view_group": EVERY_MEMBER,
    "take_part": EVERY_MEMBER,
    "plan_cycle": {"facilitator": "0123456"},
    "keep_records": {"facilitator": "0123456"},
    "export": {"facilitator": "0123456"},
}

F, CL, CO, OUT = Role.FACILITATOR, Role.CLIENT, Role.CONSULTANT, Role.OUTSIDER
M = Role.MEMBER
ALL_CELLS = list(product(Phase, Role, Action))


def expected_allowed(phase: Phase, role: Role, action: Action) -> bool:
    return str(int(phase)) in EXPECTED_ALLOWED[action.value].get(role.value, "")


def test_the_expected_table_names_every_action():
    assert set(EXPECTED_ALLOWED) == {a.value for a in Action}


def test_the_grid_has_every_cell():
    assert len(ALL_CELLS) == 7 * 5 * 27


@pytest.mark.parametrize(("phase", "role", "action"), ALL_CELLS)
def test_each_cell_matches_the_method(phase, role, action):
    decision = check(phase, role, action)
    assert decision.allowed is expected_allowed(phase, role, action)
    if decision.allowed:
        assert decision.reason is None
    else:
        assert decision.reason in REASON_KEYS


@pytest.mark.parametrize(("phase", "role", "action"), ALL_CELLS)
def test_require_raises_exactly_when_check_refuses(phase, role, action):
    decision = check(phase, role, action)
    if decision.allowed:
        require(phase, role, action)
    else:
        with pytest.raises(NotAllowed) as refused:
            require(phase, role, action)
        assert refused.value.key == decision.reason


@pytest.mark.parametrize(("phase", "action"), list(product(Phase, Action)))
def test_outsiders_may_do_nothing_because_they_are_not_members(phase, action):
    assert check(phase, Role.OUTSIDER, action).reason == "rules.not_member"


@pytest.mark.parametrize("phase", list(Phase))
@pytest.mark.parametrize("role", [Role.CLIENT, Role.CONSULTANT, Role.MEMBER])
@pytest.mark.parametrize("action", [Action.MOVE_PHASE, Action.END_SESSION])
def test_only_the_facilitator_moves_and_ends(phase, role, action):
    assert check(phase, role, action).reason == "rules.facilitator_only"


@pytest.mark.parametrize(
    ("phase", "role", "action", "reason"),
    [
        (Phase.EXPOSE, CO, Action.ASK_QUESTION, "rules.listen_during_expose"),
        (Phase.EXPOSE, CO, Action.CONTRIBUTE, "rules.listen_during_expose"),
        (Phase.CONTRACT, CO, Action.ASK_QUESTION, "rules.contract_use_buttons"),
        (Phase.EXPLORATION, CL, Action.CONTRIBUTE, "rules.client_listens"),
        (Phase.EXPLORATION, CL, Action.ANSWER_QUESTION, "rules.client_listens"),
        (
            Phase.EXPLORATION,
            CO,
            Action.ASK_QUESTION,
            "rules.questions_in_clarification",
        ),
        (Phase.CLARIFICATION, CO, Action.ANSWER_QUESTION, "rules.client_answers"),
        (Phase.CONTRACT, F, Action.WRITE_CONTRACT, "rules.contract_by_client"),
        (
            Phase.CLARIFICATION,
            CO,
            Action.CONTRIBUTE,
            "rules.contributions_in_exploration",
        ),
        (Phase.SYNTHESIS, CL, Action.FACILITATOR_NOTE, "rules.facilitator_only"),
    ],
)
def test_refusals_say_what_to_do_instead(phase, role, action, reason):
    assert check(phase, role, action).reason == reason


def test_every_reason_key_is_reachable():
    returned = {check(*cell).reason for cell in ALL_CELLS} - {None}
    assert returned <= REASON_KEYS
    assert REASON_KEYS - returned <= {"rules.not_now"}


# What a thread reply becomes, by phase and role; a string is a refusal reason.
EXPECTED_REPLY: dict[tuple[Phase, Role], Action | str] = {
    (Phase.FOLLOW_UP, F): Action.FACILITATOR_NOTE,
    (Phase.FOLLOW_UP, CL): Action.REPORT_FOLLOW_UP,
    (Phase.FOLLOW_UP, CO): Action.REPORT_FOLLOW_UP,
    (Phase.EXPOSE, F): Action.FACILITATOR_NOTE,
    (Phase.EXPOSE, CL): Action.POST_EXPOSE,
    (Phase.EXPOSE, CO): "rules.listen_during_expose",
    (Phase.CLARIFICATION, F): Action.FACILITATOR_NOTE,
    (Phase.CLARIFICATION, CL): Action.ANSWER_QUESTION,
    (Phase.CLARIFICATION, CO): Action.ASK_QUESTION,
    (Phase.CONTRACT, F): Action.FACILITATOR_NOTE,
    (Phase.CONTRACT, CL): Action.WRITE_CONTRACT,
    (Phase.CONTRACT, CO): Action.OFFER_REFORMULATION,
    (Phase.EXPLORATION, F): Action.FACILITATOR_NOTE,
    (Phase.EXPLORATION, CL): Action.CLARIFYING_REPLY,
    (Phase.EXPLORATION, CO): Action.CONTRIBUTE,
    (Phase.SYNTHESIS, F): Action.FACILITATOR_NOTE,
    (Phase.SYNTHESIS, CL): Action.STATE_SYNTHESIS,
    (Phase.SYNTHESIS, CO): Action.SHARE_LEARNING,
    (Phase.LEARNING, F): Action.SHARE_LEARNING,
    (Phase.LEARNING, CL): Action.SHARE_LEARNING,
    (Phase.LEARNING, CO): Action.SHARE_LEARNING,
    **{(phase, OUT): "rules.not_member" for phase in Phase},
    # a member is judged so only outside a session: in a thread they are client or consultant
    **{(phase, M): "rules.not_now" for phase in Phase},
}


def expected_reply(phase: Phase, role: Role, strict: bool) -> Action | str:
    if strict and (phase, role) == (Phase.EXPLORATION, CL):
        return "rules.client_listens"
    return EXPECTED_REPLY[(phase, role)]


@pytest.mark.parametrize(("phase", "role", "strict"), list(product(Phase, Role, [False, True])))
def test_each_thread_reply_becomes_the_expected_action(phase, role, strict):
    expected = expected_reply(phase, role, strict)
    if isinstance(expected, Action):
        action = reply_action(phase, role, strict)
        assert action is expected
        assert check(phase, role, action).allowed
    else:
        with pytest.raises(NotAllowed) as refused:
            reply_action(phase, role, strict)
        assert refused.value.key == expected
        assert refused.value.key in REASON_KEYS


def test_consultant_reply_in_clarification_is_a_question():
    assert reply_action(Phase.CLARIFICATION, Role.CONSULTANT, False) is Action.ASK_QUESTION


def test_client_reply_in_clarification_is_an_answer():
    assert reply_action(Phase.CLARIFICATION, Role.CLIENT, False) is Action.ANSWER_QUESTION


def test_client_reply_in_strict_exploration_is_refused_because_the_client_listens():
    with pytest.raises(NotAllowed) as refused:
        reply_action(Phase.EXPLORATION, Role.CLIENT, True)
    assert refused.value.key == "rules.client_listens"


# Outside a session (a command about the group) there is no phase: each (role, action)
# cell, with the reason a refusal gives. A facilitator's prerogative is refused as such
# to everyone else, outsiders included; the rest is refused to outsiders as non-members.
ANY_PHASE_ACTIONS = {
    Action.MOVE_PHASE: "facilitator",
    Action.END_SESSION: "facilitator",
    Action.START_SESSION: "facilitator",
    Action.STEER_SESSION: "session's facilitator",
    Action.START_PEER_RUN_SESSION: "members",
    Action.MANAGE_GROUP: "facilitator",
    Action.PLAN_CYCLE: "facilitator",
    Action.KEEP_RECORDS: "facilitator",
    Action.EXPORT: "facilitator",
    Action.FACILITATOR_NOTE: "facilitator",
    Action.VIEW_STATUS: "members",
    Action.VIEW_GROUP: "members",
    Action.TAKE_PART: "members",
}
GROUP_ROLES = [F, M, OUT]


def expected_outside_a_session(action: Action, role: Role) -> str | None:
    if ANY_PHASE_ACTIONS[action] == "facilitator":
        return None if role is F else "rules.facilitator_only"
    if ANY_PHASE_ACTIONS[action] == "session's facilitator":
        return None if role is F else "rules.session_facilitator_only"
    return None if role in (F, M) else "rules.not_member"


@pytest.mark.parametrize(("role", "action"), list(product(GROUP_ROLES, ANY_PHASE_ACTIONS)))
def test_each_group_cell_outside_a_session(role, action):
    expected = expected_outside_a_session(action, role)
    decision = authorize(action, role)
    assert decision.allowed is (expected is None)
    assert decision.reason == expected
    if expected is None:
        permit(action, role)
    else:
        with pytest.raises(NotAllowed) as refused:
            permit(action, role)
        assert refused.value.key == expected


def test_the_actions_judged_outside_a_session_are_those_that_ignore_the_phase():
    assert set(ANY_PHASE) == set(ANY_PHASE_ACTIONS)


@pytest.mark.parametrize("action", sorted(set(Action) - set(ANY_PHASE_ACTIONS)))
def test_an_action_that_depends_on_the_phase_needs_one(action):
    with pytest.raises(ValueError):
        authorize(action, F)


@pytest.mark.parametrize(("phase", "role", "action"), ALL_CELLS)
def test_authorize_in_a_phase_is_the_cell_of_the_table(phase, role, action):
    assert authorize(action, role, phase) == check(phase, role, action)


@pytest.mark.parametrize(("user", "role"), [("U_F", F), ("U_P", M), ("U_X", OUT)])
def test_a_group_tells_the_role_it_is_judged_by(user, role):
    assert Group(facilitator_id="U_F", peers=["U_P"]).role_of(user) is role
