"""A group's channel as Slack changes it: the bot removed, the channel archived or
deleted. Nothing is left running unseen, and the facilitator is told why."""

from __future__ import annotations

from tests.support.flows import add_peers, said, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS


def _running(stack) -> list[str]:
    with stack.services.ctx.uow_factory(read_only=True) as uow:
        group = uow.groups.by_channel("T0CODEV", CHANNEL)
        row = uow.sessions.running(group.id)
        return [row.status] if row else []


def _ready(stack):
    setup_group(stack)
    add_peers(stack, 3)
    stack.deliver()


def test_a_session_whose_first_message_is_refused_is_called_off_and_the_facilitator_told(stack):
    _ready(stack)
    stack.emulator.set_bot_member(CHANNEL, False)  # someone removed the bot from the channel
    assert start_session(stack, f"start <@{PEERS[0]}|peer1>").status == 200
    stack.deliver()
    assert _running(stack) == []  # not left running where nobody can see it
    told = " ".join(m.text for m in stack.emulator.dms(FACILITATOR))
    assert "could not start" in told and "/invite @codev" in told
    stack.driver.invite_bot(FACILITATOR, CHANNEL)
    again = start_session(stack, f"start <@{PEERS[0]}|peer1>")
    assert "already running" not in said(again)
    stack.deliver()
    assert _running(stack) == ["running"]


def test_an_archived_channel_pauses_the_group_until_it_is_unarchived(stack):
    _ready(stack)
    assert stack.driver.archive_channel(FACILITATOR, CHANNEL).status == 200
    refused = start_session(stack, "start")
    assert "archived" in said(refused)
    assert _running(stack) == []
    assert stack.driver.unarchive_channel(FACILITATOR, CHANNEL).status == 200
    start_session(stack, f"start <@{PEERS[0]}|peer1>")
    stack.deliver()
    assert _running(stack) == ["running"]


def test_a_deleted_channel_pauses_the_group_for_good(stack):
    _ready(stack)
    assert stack.driver.delete_channel(CHANNEL).status == 200
    with stack.services.ctx.uow_factory(read_only=True) as uow:
        assert uow.groups.by_channel("T0CODEV", CHANNEL).paused_reason == "deleted"
    assert stack.driver.event({"type": "group_unarchive", "channel": CHANNEL}).status == 200
    with stack.services.ctx.uow_factory(read_only=True) as uow:
        assert uow.groups.by_channel("T0CODEV", CHANNEL).paused_reason == "deleted"


def test_a_session_refused_as_archived_also_pauses_the_group(stack):
    _ready(stack)
    stack.emulator.archive(CHANNEL)  # archived while the app was not listening
    start_session(stack, f"start <@{PEERS[0]}|peer1>")
    stack.deliver()
    assert _running(stack) == []
    assert "Unarchive" in " ".join(m.text for m in stack.emulator.dms(FACILITATOR))
    assert "archived" in said(start_session(stack, "start"))
