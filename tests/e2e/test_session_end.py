"""`/codev end` (`fin`): the facilitator confirms, then the session ends with its summary;
everyone else is told why not, in their language."""

from __future__ import annotations

from tests.support.flows import add_peers, root_message, said, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, OUTSIDER, PEERS


def test_the_facilitator_confirms_and_the_session_ends_with_its_summary(stack):
    setup_group(stack)
    add_peers(stack, 3)
    start_session(stack, f"start <@{PEERS[0]}|x>")
    root = root_message(stack)
    asked = stack.driver.command(FACILITATOR, CHANNEL, "fin")
    assert "End session #1 now?" in said(asked)
    question = stack.emulator.ephemerals(user=FACILITATOR)[-1]
    value = next(
        e["value"]
        for b in question.blocks
        for e in b.get("elements") or []
        if e.get("action_id") == "codev_end_confirm"
    )
    assert stack.driver.click(FACILITATOR, CHANNEL, question.ts, "codev_end_confirm", value).status
    stack.deliver()
    assert "Session finished" in str(stack.emulator.message(CHANNEL, root.ts).blocks)
    assert "No session is running" in said(stack.driver.command(FACILITATOR, CHANNEL, "end"))
    assert stack.emulator.rejected() == []


def test_end_is_refused_to_peers_outsiders_and_without_a_running_session(stack_fr):
    stack = stack_fr
    assert "pas de groupe" in said(stack.driver.command(FACILITATOR, CHANNEL, "end"))
    setup_group(stack, lang="fr")
    add_peers(stack, 3)
    assert "Aucune séance" in said(stack.driver.command(FACILITATOR, CHANNEL, "end"))
    start_session(stack, f"démarrer <@{PEERS[0]}|x>")
    assert "Seul l'animateur" in said(stack.driver.command(PEERS[1], CHANNEL, "fin"))
    assert "Seuls les membres" in said(stack.driver.command(OUTSIDER, CHANNEL, "fin"))
    with stack.services.ctx.uow_factory() as uow:
        assert uow.sessions.running(uow.groups.by_channel(stack.emulator.team_id, CHANNEL).id)
    assert stack.emulator.rejected() == []
