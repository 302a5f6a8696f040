"""A peer-run group: the facilitator role rotates. Each session names its facilitator
(in the command, or from the rotation's suggestion), who alone moves its phases;
the facilitator of one case is the client of the next."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.support.flows import add_peers, change_settings, root_message, said, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, TEAM

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
A, B, C = PEERS[0], PEERS[1], PEERS[2]


def _running(stack) -> tuple[str, str, list[str]] | None:
    with stack.services.ctx.uow_factory() as uow:
        row = uow.sessions.running(uow.groups.by_channel(TEAM, CHANNEL).id)
        return None if row is None else (row.client_id, row.facilitator_id, list(row.consultants))


def _phase(stack) -> int | None:
    with stack.services.ctx.uow_factory() as uow:
        row = uow.sessions.running(uow.groups.by_channel(TEAM, CHANNEL).id)
        return None if row is None else row.phase


def _peer_run_group(stack, lang="en"):
    stack.clock.now = T0
    setup_group(stack, lang=lang)
    add_peers(stack, 6)
    assert change_settings(stack, {"peer_run": ["on"]}) == {}


def _end(stack, user) -> None:
    asked = stack.driver.command(user, CHANNEL, "end")
    assert "codev_end_confirm" in asked.body, said(asked)
    stack.deliver()
    shown = stack.emulator.ephemerals(user, CHANNEL)[-1]
    assert stack.driver.click(user, CHANNEL, shown.ts, "codev_end_confirm").status == 200


def test_a_facilitates_b_then_b_facilitates_a_and_only_they_move_the_phases(stack):
    _peer_run_group(stack)
    started = said(stack.driver.command(A, CHANNEL, f"start <@{B}|b> facilitated by <@{A}|a>"))
    assert "started" in started and f"Facilitated by <@{A}>" in started
    client, facilitator, consultants = _running(stack)
    assert (client, facilitator) == (B, A) and A not in consultants and B not in consultants
    assert f"<@{A}>" in str(root_message(stack).blocks)
    assert f"Facilitated by <@{A}>" in said(stack.driver.command(C, CHANNEL, "status"))

    phase = _phase(stack)
    for refused in (B, C):  # the client, a consultant
        answer = said(stack.driver.command(refused, CHANNEL, "next"))
        assert "Only this session's facilitator" in answer
    root = root_message(stack)
    stack.driver.click(C, CHANNEL, root.ts, "codev_next_phase")  # the button too
    assert "Only this session's facilitator" in said(stack.driver.command(B, CHANNEL, "end"))
    assert _phase(stack) == phase
    assert "moved" in said(stack.driver.command(A, CHANNEL, "next")).lower()
    assert _phase(stack) == phase + 1
    assert "moved" in said(stack.driver.command(FACILITATOR, CHANNEL, "back")).lower()
    assert _phase(stack) == phase  # the group's facilitator may stand in
    _end(stack, A)
    assert _running(stack) is None

    # B starts A's case without naming a facilitator: the rotation suggests B
    # (A facilitated once; B, never; ties go to the longest wait, then the id).
    asked = said(stack.driver.command(B, CHANNEL, f"start <@{A}|a>"))
    assert f"Who facilitates <@{A}>'s case" in asked and f"suggests <@{B}>" in asked
    assert _running(stack) is None
    stack.deliver()
    shown = stack.emulator.ephemerals(B, CHANNEL)[-1]
    clicked = stack.driver.click(B, CHANNEL, shown.ts, "codev_start_facilitated")
    assert clicked.status == 200
    client, facilitator, consultants = _running(stack)
    assert (client, facilitator) == (A, B) and B not in consultants
    assert "Only this session's facilitator" in said(stack.driver.command(A, CHANNEL, "next"))
    phase = _phase(stack)
    stack.driver.click(B, CHANNEL, root_message(stack).ts, "codev_next_phase")
    assert _phase(stack) == phase + 1
    _end(stack, B)
    with stack.services.ctx.uow_factory() as uow:
        turns = {
            m.user_id: m.facilitator_turns
            for m in uow.groups.by_channel(TEAM, CHANNEL).active_members
        }
    assert turns[A] == 1 and turns[B] == 1 and turns[C] == 0
    assert stack.emulator.rejected() == []


def test_nobody_facilitates_their_own_case_and_the_picker_names_someone_else(stack_fr):
    stack = stack_fr
    _peer_run_group(stack, lang="fr")
    own = said(stack.driver.command(C, CHANNEL, f"démarrer <@{A}|a> animé par <@{A}|a>"))
    assert "n'anime pas son propre cas" in own and _running(stack) is None
    asked = said(stack.driver.command(C, CHANNEL, f"démarrer <@{A}|a>"))
    assert "Qui anime le cas" in asked and f"<@{B}>" in asked  # never the client A
    stack.deliver()
    shown = stack.emulator.ephemerals(C, CHANNEL)[-1]
    picked = stack.driver.click(C, CHANNEL, shown.ts, "codev_choose_facilitator", PEERS[4])
    assert picked.status == 200
    assert _running(stack)[:2] == (A, PEERS[4])
    stack.deliver()
    assert f"Animée par <@{PEERS[4]}>" in stack.emulator.ephemerals(C, CHANNEL)[-1].text


def test_a_group_with_one_facilitator_keeps_it(stack):
    stack.clock.now = T0
    setup_group(stack)
    add_peers(stack, 6)
    assert "Only the group's facilitator" in said(stack.driver.command(A, CHANNEL, "start"))
    stack.driver.command(FACILITATOR, CHANNEL, f"start <@{B}|b>")
    assert _running(stack)[:2] == (B, FACILITATOR)
    assert "Only the group's facilitator" in said(stack.driver.command(A, CHANNEL, "next"))


def test_in_a_peer_run_group_any_peer_chooses_the_case_then_names_its_facilitator(stack):
    _peer_run_group(stack)
    stack.driver.command(PEERS[3], CHANNEL, "topic Delegating to a senior peer")
    choice = said(stack.driver.command(C, CHANNEL, "start"))
    assert "Delegating to a senior peer" in choice and "codev_choose_case" in choice
    stack.deliver()
    shown = stack.emulator.ephemerals(C, CHANNEL)[-1]
    stack.driver.click(C, CHANNEL, shown.ts, "codev_choose_case")
    stack.deliver()
    asked = stack.emulator.ephemerals(C, CHANNEL)[-1]
    assert f"Who facilitates <@{PEERS[3]}>'s case" in asked.text and _running(stack) is None
    stack.driver.click(C, CHANNEL, asked.ts, "codev_start_facilitated")
    client, facilitator, _ = _running(stack)
    assert client == PEERS[3] and facilitator not in (PEERS[3], "", FACILITATOR)
    with stack.services.ctx.uow_factory() as uow:
        assert uow.cycle.open_topics(uow.groups.by_channel(TEAM, CHANNEL).id) == []
