"""The charter: a peer who has not accepted it does not take part yet (their reply is
held and they get the charter with its button), a client whose session starts gets
it by DM, each session's root recalls it, and the facilitator edits it in a modal."""

from __future__ import annotations

from tests.support.content_flows import reply
from tests.support.flows import (
    add_peers,
    open_view_id,
    root_message,
    said,
    setup_group,
    start_session,
)
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, TEAM

CLIENT, ASKER = PEERS[0], PEERS[1]


def _questions(stack) -> list[str]:
    with stack.services.ctx.uow_factory() as uow:
        session = uow.sessions.running(uow.groups.by_channel(TEAM, CHANNEL).id)
        return [q.text for q in uow.content.questions(session.id)]


def _accepted(stack, user) -> bool:
    with stack.services.ctx.uow_factory() as uow:
        group = uow.groups.by_channel(TEAM, CHANNEL)
        return any(m.user_id == user and m.charter_accepted_at for m in group.members)


def test_a_reply_before_accepting_the_charter_is_held_and_the_charter_is_offered(stack):
    setup_group(stack)
    add_peers(stack, 3, accept_charter=False)
    start_session(stack, f"start <@{CLIENT}|x>")
    root = root_message(stack)
    assert "Charter:" in str(root.blocks)  # recalled in the session's root message
    stack.driver.command(FACILITATOR, CHANNEL, "next")  # clarification
    reply(stack, ASKER, root, "What did you try already?")
    stack.deliver()
    assert _questions(stack) == []
    offered = [
        m
        for m in stack.emulator.ephemerals(ASKER, CHANNEL)
        if "codev_accept_charter" in str(m.blocks)
    ][-1]
    assert "Your reply was not recorded" in offered.text and "Confidentiality" in str(
        offered.blocks
    )
    assert stack.driver.click(ASKER, CHANNEL, offered.ts, "codev_accept_charter").status == 200
    assert _accepted(stack, ASKER)
    reply(stack, ASKER, root, "What did you try already?")
    stack.deliver()
    assert _questions(stack) == ["What did you try already?"]
    assert stack.emulator.rejected() == []


def test_a_client_whose_session_starts_gets_the_charter_by_dm_and_accepts_it_there(stack_fr):
    stack = stack_fr
    setup_group(stack, lang="fr")
    add_peers(stack, 3, accept_charter=False)
    start_session(stack, f"démarrer <@{CLIENT}|x>")
    stack.deliver()
    dm = [m for m in stack.emulator.dms(CLIENT) if "charte" in m.text][-1]
    assert "acceptez la charte" in dm.text and "J'accepte la charte" in str(dm.blocks)
    assert not any("charte" in m.text for m in stack.emulator.dms(ASKER))
    channel = stack.emulator.dm_channel(CLIENT)
    assert stack.driver.click(CLIENT, channel, dm.ts, "codev_accept_charter").status == 200
    assert _accepted(stack, CLIENT)
    stack.driver.command(FACILITATOR, CHANNEL, "fin")
    assert stack.emulator.rejected() == []


def test_the_facilitator_edits_the_charter_and_members_read_it_as_written(stack):
    setup_group(stack)
    add_peers(stack, 3)
    refused = stack.driver.command(PEERS[0], CHANNEL, "charter edit")
    assert "facilitator" in said(refused).lower()
    assert "charter edit" in said(stack.driver.command(PEERS[0], CHANNEL, "charter rewrite"))
    assert stack.driver.command(FACILITATOR, CHANNEL, "charter edit").status == 200
    view_id = open_view_id(stack)
    assert "*Confidentiality*" in str(stack.emulator.view(view_id))
    empty = stack.driver.submit_view(FACILITATOR, view_id, {"charter_text": "   "})
    assert "charter_text" in empty.json().get("errors", {})
    ours = "We start on time. <!channel> stays out. Phones away."
    saved = stack.driver.submit_view(FACILITATOR, view_id, {"charter_text": ours})
    assert saved.status == 200 and "errors" not in (saved.body or "")
    stack.deliver()
    messages = stack.emulator.channel_messages(CHANNEL)
    posted = [m for m in messages if "updated the charter" in m.text]
    assert len(posted) == 1 and "We start on time." in str(posted[0].blocks)
    assert "<!channel>" not in str(posted[0].blocks)
    stack.driver.command(PEERS[1], CHANNEL, "lang fr")
    shown = said(stack.driver.command(PEERS[1], CHANNEL, "charte"))
    assert "We start on time." in shown and "Confidentialité" not in shown
    assert "Vous avez accepté" in shown  # acceptances given stay
    stack.driver.command(FACILITATOR, CHANNEL, "charte modifier")
    default = str(stack.emulator.view(open_view_id(stack)))
    assert "We start on time." in default
    start_session(stack, f"start <@{PEERS[0]}|x>")
    recalled = str(root_message(stack).blocks)
    assert "Charter: We start on time." in recalled and "kindness" not in recalled
    assert stack.emulator.rejected() == []


def test_the_default_charter_saved_unchanged_stays_in_each_reader_s_language(stack):
    setup_group(stack)
    add_peers(stack, 2)
    stack.driver.command(FACILITATOR, CHANNEL, "charter edit")
    view = stack.emulator.view(open_view_id(stack))
    text = view["blocks"][0]["element"]["initial_value"]
    stack.driver.submit_view(FACILITATOR, view["id"], {"charter_text": text})
    stack.driver.command(PEERS[1], CHANNEL, "lang fr")
    assert "Confidentialité" in said(stack.driver.command(PEERS[1], CHANNEL, "charte"))
    assert stack.emulator.rejected() == []
