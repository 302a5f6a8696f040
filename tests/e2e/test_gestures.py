"""Gestures: a client's ⭐ keeps a contribution, a consultant's 👍 confirms the
contract, exactly as their buttons do, and taking the reaction back undoes it.
Reactions from outside the group, on untracked messages, or that the button
would refuse change nothing."""

from __future__ import annotations

from tests.support.content_flows import (
    click_in_dm,
    click_in_thread,
    latest_with,
    reply,
    thread,
)
from tests.support.flows import add_peers, root_message, said, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, OUTSIDER, PEERS

CLIENT, ALICE, BOB = PEERS[0], PEERS[1], PEERS[2]


def _session_in(stack, phase_moves: int):
    setup_group(stack)
    add_peers(stack, 4)
    start_session(stack, f"start <@{CLIENT}|x>")
    root = root_message(stack)
    for _ in range(phase_moves):
        assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200
    return root


def _harvest(stack):
    with stack.services.ctx.uow_factory() as uow:
        return {c.text: c.harvest for c in uow.content.contributions(1)}


def _confirmations(stack):
    with stack.services.ctx.uow_factory() as uow:
        contract = uow.content.contract(1)
        return {c.user_id: c.status for c in uow.content.confirmations(contract.id)}


def _board_text(stack):
    stack.deliver()
    board = latest_with(stack.emulator.dms(CLIENT), "codev_harvest")
    return str(board.blocks)


def test_the_clients_star_keeps_a_contribution_and_taking_it_back_undoes_it(stack):
    root = _session_in(stack, 3)  # exploration
    idea = reply(stack, ALICE, root, "Talk to the sponsor first")
    reply(stack, BOB, root, "Try a weekly one-to-one")
    stack.deliver()

    assert stack.driver.react(CLIENT, CHANNEL, idea, "star").status == 200
    assert _harvest(stack) == {"Talk to the sponsor first": "keep", "Try a weekly one-to-one": None}
    kept_board = _board_text(stack)

    # the board's Keep button on the other one gives the same state and the same board line
    click_in_dm(stack, CLIENT, "codev_harvest", "1:2:keep")
    assert set(_harvest(stack).values()) == {"keep"}
    board = _board_text(stack)
    assert board.count("Talk to the sponsor first") == board.count("Try a weekly one-to-one")

    stack.driver.react(CLIENT, CHANNEL, idea, "star", added=False)
    assert _harvest(stack)["Talk to the sponsor first"] is None
    assert _board_text(stack) != kept_board


def test_a_star_from_anyone_but_the_client_or_on_an_untracked_message_changes_nothing(stack):
    root = _session_in(stack, 3)
    idea = reply(stack, ALICE, root, "Talk to the sponsor first")
    stack.deliver()
    calls_before = len(stack.emulator.calls)

    for user in (ALICE, BOB, OUTSIDER, FACILITATOR):
        assert stack.driver.react(user, CHANNEL, idea, "star").status == 200
    stack.driver.react(CLIENT, CHANNEL, root.ts, "star")  # the root is not a contribution
    stack.driver.react(CLIENT, CHANNEL, idea, "heart")  # not a gesture
    stack.deliver()

    assert _harvest(stack) == {"Talk to the sponsor first": None}
    assert len(stack.emulator.calls) == calls_before  # nothing said, nothing re-rendered
    assert not [m for m in stack.emulator.ephemerals() if m.to in (ALICE, BOB, OUTSIDER)]


def test_a_retried_reaction_event_is_applied_once(stack):
    root = _session_in(stack, 3)
    idea = reply(stack, ALICE, root, "Talk to the sponsor first")
    stack.driver.react(CLIENT, CHANNEL, idea, "star", event_id="EvSTAR1")
    stack.driver.react(CLIENT, CHANNEL, idea, "star", added=False)
    # Slack retries the first delivery: the star was already taken back
    response = stack.driver.react(CLIENT, CHANNEL, idea, "star", event_id="EvSTAR1", retry_num=1)
    assert response.status == 200
    assert _harvest(stack) == {"Talk to the sponsor first": None}


def test_a_consultants_thumbs_up_on_the_card_confirms_the_contract_like_the_button(stack):
    root = _session_in(stack, 2)  # contract
    reply(stack, CLIENT, root, "Help me to prepare the talk with my sponsor")
    card = latest_with(thread(stack, root), "codev_confirm_contract")

    assert stack.driver.react(ALICE, CHANNEL, card.ts, "+1::skin-tone-3").status == 200
    click_in_thread(stack, BOB, root, "codev_confirm_contract")
    assert _confirmations(stack) == {ALICE: "confirmed", BOB: "confirmed"}
    card_text = str(latest_with(thread(stack, root), "codev_confirm_contract").blocks)
    assert card_text.count(ALICE) == card_text.count(BOB) >= 1

    stack.driver.react(ALICE, CHANNEL, card.ts, "+1::skin-tone-3", added=False)
    assert _confirmations(stack) == {BOB: "confirmed"}

    # the client and the facilitator may not confirm on the button: nor by reaction
    stack.driver.react(CLIENT, CHANNEL, card.ts, "+1")
    stack.driver.react(FACILITATOR, CHANNEL, card.ts, "+1")
    assert _confirmations(stack) == {BOB: "confirmed"}


def test_a_thumbs_up_elsewhere_or_in_another_phase_confirms_nothing(stack):
    root = _session_in(stack, 2)
    reply(stack, CLIENT, root, "Help me to prepare the talk with my sponsor")
    card = latest_with(thread(stack, root), "codev_confirm_contract")
    stack.driver.react(ALICE, CHANNEL, root.ts, "+1")
    assert _confirmations(stack) == {}
    stack.driver.command(FACILITATOR, CHANNEL, "next")  # exploration: confirming is over
    stack.driver.react(ALICE, CHANNEL, card.ts, "+1")
    assert _confirmations(stack) == {}


def test_the_facilitator_sets_the_groups_gestures_as_people_write_them(stack):
    root = _session_in(stack, 3)
    idea = reply(stack, ALICE, root, "Talk to the sponsor first")

    shown = said(stack.driver.command(ALICE, CHANNEL, "gestures"))
    assert ":star:" in shown and ":+1:" in shown

    refused = said(stack.driver.command(ALICE, CHANNEL, "gestures off"))
    assert "facilitator" in refused.lower()
    unread = said(stack.driver.command(FACILITATOR, CHANNEL, "gestures heart=love"))
    assert "heart love" in unread and "gestures star=keep" in unread

    changed = said(stack.driver.command(FACILITATOR, CHANNEL, "gestes 🌟 garder, 👍 confirmer"))
    assert ":star2:" in changed
    stack.driver.react(CLIENT, CHANNEL, idea, "star")
    assert _harvest(stack) == {"Talk to the sponsor first": None}
    stack.driver.react(CLIENT, CHANNEL, idea, "star2")
    assert _harvest(stack) == {"Talk to the sponsor first": "keep"}

    off = said(stack.driver.command(FACILITATOR, CHANNEL, "gestures off"))
    assert "use the buttons" in off
    stack.driver.react(CLIENT, CHANNEL, idea, "star2", added=False)
    assert _harvest(stack) == {"Talk to the sponsor first": "keep"}


def _hands(stack):
    with stack.services.ctx.uow_factory() as uow:
        return [(n.author_id, n.text) for n in uow.content.notes(1, "floor")]


def test_a_consultants_raised_hand_on_a_question_asks_for_the_floor_on_the_board(stack):
    root = _session_in(stack, 1)  # clarification
    question = reply(stack, ALICE, root, "Who decides on the budget?")
    board = latest_with(thread(stack, root), "codev_answer_question")

    assert stack.driver.react(BOB, CHANNEL, question, "raising_hand").status == 200
    stack.driver.react(ALICE, CHANNEL, board.ts, "raising_hand::skin-tone-2")
    assert _hands(stack) == [(BOB, "Q1"), (ALICE, "")]
    shown = str(latest_with(thread(stack, root), "codev_answer_question").blocks)
    assert f"Asking for the floor: <@{BOB}> (Q1), <@{ALICE}>" in shown

    stack.driver.react(BOB, CHANNEL, question, "raising_hand", added=False)
    assert _hands(stack) == [(ALICE, "")]
    # the client, an outsider, or a hand raised once clarification is over: nothing
    stack.driver.react(CLIENT, CHANNEL, question, "raising_hand")
    stack.driver.react(OUTSIDER, CHANNEL, question, "raising_hand")
    stack.driver.command(FACILITATOR, CHANNEL, "next")
    stack.driver.react(BOB, CHANNEL, question, "raising_hand")
    assert _hands(stack) == [(ALICE, "")]
