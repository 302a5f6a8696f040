"""Starting a session as groups do: a small group's start needs the facilitator's
go-ahead, and in the préambule the group chooses the case among the pitched topics,
perhaps after a quick vote whose counts everyone sees."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from tests.support.flows import add_peers, root_message, said, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, TEAM

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _running_client(stack) -> str | None:
    with stack.services.ctx.uow_factory() as uow:
        row = uow.sessions.running(uow.groups.by_channel(TEAM, CHANNEL).id)
        return row.client_id if row is not None else None


def _last_ephemeral(stack, user=FACILITATOR):
    stack.deliver()
    return stack.emulator.ephemerals(user, CHANNEL)[-1]


def _button_value(message, action_id: str, near: str) -> str:
    """The value of the `action_id` button of the block that mentions `near`."""
    for block in message.blocks:
        accessory = block.get("accessory") or {}
        if near in str(block.get("text")) and accessory.get("action_id") == action_id:
            return accessory["value"]
    raise LookupError(f"no {action_id} near {near!r}")


def test_below_four_consultants_the_facilitator_confirms_before_the_session_starts(stack):
    stack.clock.now = T0
    setup_group(stack)
    add_peers(stack, 3)
    warning = said(stack.driver.command(FACILITATOR, CHANNEL, f"start <@{PEERS[0]}|x>"))
    assert "Only 2 consultants" in warning and "5 to 7" in warning and PEERS[0] in warning
    assert _running_client(stack) is None  # nothing started yet
    shown = _last_ephemeral(stack)
    assert stack.driver.click(FACILITATOR, CHANNEL, shown.ts, "codev_start_not_now").status == 200
    assert _running_client(stack) is None
    clicked = stack.driver.click(FACILITATOR, CHANNEL, shown.ts, "codev_start_anyway")
    assert clicked.status == 200
    assert _running_client(stack) == PEERS[0]
    assert "started" in _last_ephemeral(stack).text and root_message(stack)
    again = stack.driver.click(FACILITATOR, CHANNEL, shown.ts, "codev_start_anyway")
    assert again.status == 200 and "already running" in _last_ephemeral(stack).text
    assert stack.emulator.rejected() == []


def test_five_peers_start_at_once_and_a_french_group_is_warned_in_french(stack_fr):
    stack = stack_fr
    setup_group(stack, lang="fr")
    add_peers(stack, 4)
    warning = said(stack.driver.command(FACILITATOR, CHANNEL, f"démarrer <@{PEERS[0]}|x>"))
    assert "Seulement 3 consultants" in warning and "de 5 à 7" in warning
    assert stack.driver.command(FACILITATOR, CHANNEL, "membres ajouter <@U0PEER5|p5>")
    assert "démarrée" in said(
        stack.driver.command(FACILITATOR, CHANNEL, f"démarrer <@{PEERS[0]}|x>")
    )
    assert _running_client(stack) == PEERS[0]


def test_the_group_votes_on_the_pitched_topics_and_the_facilitator_chooses_the_case(stack):
    stack.clock.now = T0
    setup_group(stack)
    add_peers(stack, 6)
    stack.driver.command(PEERS[1], CHANNEL, "topic Delegating to a senior peer")
    stack.driver.command(PEERS[2], CHANNEL, "topic A <!channel> merger to announce")
    choice = said(stack.driver.command(FACILITATOR, CHANNEL, "start"))
    assert "Delegating to a senior peer" in choice and f"<@{PEERS[1]}>" in choice
    assert "merger to announce" in choice and "<!channel>" not in choice  # escaped
    assert "the rotation suggests" in choice  # the hint stays
    assert _running_client(stack) is None
    refused = stack.driver.command(PEERS[3], CHANNEL, "start")
    assert "Only the group's facilitator" in said(refused)

    shown = _last_ephemeral(stack)
    assert stack.driver.click(FACILITATOR, CHANNEL, shown.ts, "codev_open_case_vote").status == 200
    stack.deliver()
    vote = [m for m in stack.emulator.channel_messages(CHANNEL) if "Vote for one topic" in m.text][
        -1
    ]
    merger = _button_value(vote, "codev_vote_case", "merger")
    delegating = _button_value(vote, "codev_vote_case", "Delegating")
    for voter, value in ((PEERS[3], merger), (PEERS[4], delegating), (PEERS[5], merger)):
        assert stack.driver.click(voter, CHANNEL, vote.ts, "codev_vote_case", value).status == 200
    stack.driver.click(PEERS[4], CHANNEL, vote.ts, "codev_vote_case", merger)  # changes her mind
    outsider = stack.driver.click(FACILITATOR, CHANNEL, vote.ts, "codev_vote_case", merger)
    assert outsider.status == 200 and "peers" in _last_ephemeral(stack).text  # not a peer
    stack.deliver()
    counted = str(stack.emulator.message(CHANNEL, vote.ts).blocks)
    assert re.search(r"merger.*?3 vote", counted) and re.search(r"senior peer.*?0 vote", counted)

    choice = said(stack.driver.command(FACILITATOR, CHANNEL, "start"))
    assert "3 vote" in choice  # the facilitator sees the counts
    shown = _last_ephemeral(stack)
    value = _button_value(shown, "codev_choose_case", "merger")
    assert (
        stack.driver.click(FACILITATOR, CHANNEL, shown.ts, "codev_choose_case", value).status == 200
    )
    assert _running_client(stack) == PEERS[2]
    stack.deliver()
    closed = stack.emulator.message(CHANNEL, vote.ts)
    assert "Vote closed" in str(closed.blocks) and "codev_vote_case" not in str(closed.blocks)

    stack.services.sessions.end(TEAM, CHANNEL, FACILITATOR)
    choice = said(stack.driver.command(FACILITATOR, CHANNEL, "start"))
    assert "Delegating" in choice and "merger" not in choice  # a chosen topic is used
    assert "0 vote" not in choice  # no vote is open any more
    assert stack.emulator.rejected() == []


def test_choosing_a_case_in_a_small_group_asks_for_the_go_ahead_too(stack):
    stack.clock.now = T0
    setup_group(stack)
    add_peers(stack, 3)
    stack.driver.command(PEERS[1], CHANNEL, "topic Delegating")
    stack.driver.command(FACILITATOR, CHANNEL, "start")
    shown = _last_ephemeral(stack)
    value = _button_value(shown, "codev_choose_case", "Delegating")
    stack.driver.click(FACILITATOR, CHANNEL, shown.ts, "codev_choose_case", value)
    warning = _last_ephemeral(stack)
    assert "Only 2 consultants" in warning.text and _running_client(stack) is None
    stack.driver.click(FACILITATOR, CHANNEL, warning.ts, "codev_start_anyway")
    assert _running_client(stack) == PEERS[1]
    with stack.services.ctx.uow_factory() as uow:
        assert uow.cycle.open_topics(uow.groups.by_channel(TEAM, CHANNEL).id) == []
