"""A group is set up, peers are added and a session walks all six phases over signed HTTP."""

from __future__ import annotations

from tests.support.flows import (
    add_peers,
    ephemeral_texts,
    root_message,
    said,
    setup_group,
    start_session,
)
from tests.support.stack import CHANNEL, FACILITATOR, OUTSIDER, PEERS


def _phase_prompts(stack, root_ts):
    return [m.text for m in stack.emulator.thread(CHANNEL, root_ts) if m.text.startswith("Phase")]


def test_a_session_walks_through_all_six_phases_with_next(stack):
    setup_group(stack)
    add_peers(stack, 8)
    started = start_session(stack, f"start <@{PEERS[0]}|peer1>")
    assert started.status == 200
    assert "started" in said(started)
    root = root_message(stack)
    assert "Exposé" in str(root.blocks)

    for _ in range(5):
        assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200
    stack.deliver()
    prompts = _phase_prompts(stack, root.ts)
    assert [p.split(" — ")[0] for p in prompts] == [f"Phase {n}" for n in range(1, 7)]
    assert "Learning" in str(stack.emulator.message(CHANNEL, root.ts).blocks)

    finished = stack.driver.command(FACILITATOR, CHANNEL, "next")
    assert "finished" in said(finished)
    stack.deliver()
    thread = stack.emulator.thread(CHANNEL, root.ts)
    assert thread[-1].text.startswith("Summary of session #1")
    assert stack.emulator.message(CHANNEL, root.ts).edited
    assert any("recap" in m.text.lower() for m in stack.emulator.dms(PEERS[0]))
    assert stack.emulator.rejected() == []


def test_a_double_click_on_next_phase_moves_only_once(stack):
    setup_group(stack)
    add_peers(stack, 3)
    start_session(stack, "start")
    root = root_message(stack)
    first = stack.driver.click(FACILITATOR, CHANNEL, root.ts, "codev_next_phase", "1:1")
    second = stack.driver.click(FACILITATOR, CHANNEL, root.ts, "codev_next_phase", "1:1")
    assert first.status == second.status == 200
    stack.deliver()
    status = stack.driver.command(FACILITATOR, CHANNEL, "status")
    assert "Clarification" in said(status)
    assert any("out of date" in text for text in ephemeral_texts(stack, FACILITATOR))


def test_outsiders_and_consultants_cannot_move_phases(stack):
    setup_group(stack)
    add_peers(stack, 3)
    start_session(stack, "start")
    outsider = stack.driver.command(OUTSIDER, CHANNEL, "next")
    consultant = stack.driver.command(PEERS[1], CHANNEL, "suivant")
    assert "Only the group's facilitator" in said(outsider)
    assert "Only the group's facilitator" in said(consultant)
    assert "Exposé" in said(stack.driver.command(FACILITATOR, CHANNEL, "status"))


def test_next_outside_a_group_or_without_a_session_says_what_to_do(stack):
    no_group = stack.driver.command(FACILITATOR, CHANNEL, "next")
    assert "/codev setup" in said(no_group)
    setup_group(stack)
    add_peers(stack, 2)
    no_session = stack.driver.command(FACILITATOR, CHANNEL, "next")
    assert "No session is running" in said(no_session)


def test_a_ninth_peer_is_refused_with_the_reason(stack):
    setup_group(stack)
    add_peers(stack, 8)
    ninth = stack.driver.command(FACILITATOR, CHANNEL, f"members add <@{PEERS[8]}|peer9>")
    assert "8 peers at most" in said(ninth)
    listing = stack.driver.command(PEERS[0], CHANNEL, "members")
    assert "(8/8)" in said(listing)


def test_unknown_subcommand_shows_help(stack):
    response = stack.driver.command(OUTSIDER, CHANNEL, "frobnicate")
    assert "/codev start" in said(response)
