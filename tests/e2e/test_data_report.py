"""`/codev report group`: the cycle assessment in the channel, with its chart."""

from __future__ import annotations

from datetime import timedelta

from bot.emulator import problems
from tests.support.data import START, group_row, hold_session, item, set_item_status, uow
from tests.support.flows import add_peers, said, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, OUTSIDER, PEERS

GOOD = ("Kind", "Met", "Listening first", "Monday")


def _cycle(stack):
    setup_group(stack)
    add_peers(stack, 4)
    with uow(stack) as u:  # every member agreed to have their learnings quoted
        for member in group_row(u).members:
            member.share_learnings = True
        u.commit()
    first = hold_session(
        stack,
        PEERS[0],
        items=[item("Call the rep"), item("Draft the rota")],
        learnings=[(PEERS[1], "Listening first!"), (PEERS[2], "Silence helps")],
        evaluations=[(PEERS[1], 3, GOOD), (PEERS[2], 4, GOOD)],
        absent=[PEERS[3]],
    )
    set_item_status(stack, first, "done")
    hold_session(
        stack,
        PEERS[1],
        at=START + timedelta(days=14),
        minutes=90,
        items=[item("Ask for feedback")],
        learnings=[(PEERS[0], "listening FIRST")],
        evaluations=[(PEERS[0], 5, ("Great", "", "", ""))],
    )


def _posted(stack):
    stack.deliver()
    return [m for m in stack.emulator.channel_messages(CHANNEL) if "assessment" in m.text.lower()]


def test_a_member_gets_the_cycle_assessment_with_its_chart(stack):
    _cycle(stack)
    answer = stack.driver.command(PEERS[2], CHANNEL, "report group")
    assert "being posted" in said(answer)
    posted = _posted(stack)
    assert len(posted) == 1
    text = str(posted[0].blocks)
    assert problems(posted[0].blocks, "message") == []
    assert "Sessions held: *2*" in text
    assert "Hours done: *3.5 h* of 35 h engaged" in text or "Hours done: *3.5 h*" in text
    assert f"<@{PEERS[0]}> 1" in text and f"<@{PEERS[2]}> 0" in text
    assert "Attendance: *88 %*" in text  # 7 present of 8 expected
    assert "Action items: 2 done, 1 open, 0 dropped" in text
    assert "#1 3.5 · #2 5.0" in text and "rising" in text
    assert "Listening first! (×4)" in text  # 2 replies + 2 evaluations
    charts = [f for f in stack.emulator.files(CHANNEL) if f["name"].endswith(".png")]
    assert len(charts) == 1 and charts[0]["content"].startswith(b"\x89PNG")
    assert stack.emulator.rejected() == []


def test_rapport_groupe_speaks_french_in_a_french_group(stack_fr):
    stack = stack_fr
    setup_group(stack, lang="fr")
    add_peers(stack, 3)
    hold_session(stack, PEERS[0], evaluations=[(PEERS[1], 4, GOOD)])
    stack.driver.command(FACILITATOR, CHANNEL, "rapport groupe")
    stack.deliver()
    texts = [str(m.blocks) for m in stack.emulator.channel_messages(CHANNEL)]
    assert any("Bilan du cycle" in t and "Séances tenues : *1*" in t for t in texts)
    assert stack.emulator.rejected() == []


def test_before_any_session_ends_the_assessment_says_so_without_a_chart(stack):
    setup_group(stack)
    add_peers(stack, 2)
    stack.driver.command(FACILITATOR, CHANNEL, "report group")
    stack.deliver()
    assert any("No session of" in m.text for m in stack.emulator.channel_messages(CHANNEL))
    assert stack.emulator.files(CHANNEL) == []


def test_an_outsider_or_a_channel_without_group_gets_a_private_refusal(stack):
    assert "/codev setup" in said(stack.driver.command(OUTSIDER, CHANNEL, "report group"))
    _cycle(stack)
    refused = stack.driver.command(OUTSIDER, CHANNEL, "report group")
    assert "not a member" in said(refused).lower() or "member" in said(refused).lower()
    assert _posted(stack) == []


def test_plain_report_still_goes_to_the_session_summary(stack):
    _cycle(stack)
    answer = stack.driver.command(PEERS[0], CHANNEL, "report")
    assert "Cycle assessment" not in said(answer)
    assert _posted(stack) == []
