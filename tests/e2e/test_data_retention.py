"""A group's data-protection settings: free text purged after N months, and
forget-me keeping text without a name where the group chose so."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.persistence.models import EvaluationRow, LearningRow
from tests.support.data import START, hold_session, item, uow
from tests.support.flows import add_peers, said, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, PEERS

WORDS = ("Kind", "Met", "Listening", "Monday")


def _held(stack):
    setup_group(stack)
    add_peers(stack, 3)
    return hold_session(
        stack,
        PEERS[0],
        items=[item("Call the rep")],
        learnings=[(PEERS[1], "A learning to purge")],
        evaluations=[(PEERS[1], 4, WORDS)],
    )


def test_only_the_facilitator_sets_the_retention_and_bad_values_are_explained(stack):
    setup_group(stack)
    add_peers(stack, 2)
    assert "Only the group's facilitator" in said(
        stack.driver.command(PEERS[0], CHANNEL, "privacy retention 6")
    )
    assert "from 1 to 120" in said(
        stack.driver.command(FACILITATOR, CHANNEL, "privacy retention x")
    )
    assert "`delete` or `anonymise`" in said(
        stack.driver.command(FACILITATOR, CHANNEL, "privacy erase maybe")
    )
    done = stack.driver.command(FACILITATOR, CHANNEL, "privacy retention 6")
    assert "purged 6 months after" in said(done)
    shown = stack.driver.command(PEERS[0], CHANNEL, "confidentialité")
    assert "purged 6 months after" in said(shown) and "deleted" in said(shown)


def test_free_text_is_purged_once_the_retention_has_passed_and_figures_stay(stack):
    session_id = _held(stack)
    stack.driver.command(FACILITATOR, CHANNEL, "privacy retention 6")
    stack.clock.now = START + timedelta(days=150)
    assert stack.services.privacy.purge_expired() == 0
    stack.clock.now = START + timedelta(days=190)
    assert stack.services.privacy.purge_expired() > 0
    with uow(stack) as u:
        assert u.content.learnings(session_id) == []
        evaluation = u.db.scalars(select(EvaluationRow)).one()
        assert evaluation.rating == 4 and evaluation.appreciation is None
        assert [a.text for a in u.content.action_items(session_id)] == ["—"]
    assert stack.services.privacy.purge_expired() == 0
    stack.driver.command(FACILITATOR, CHANNEL, "report group")
    stack.deliver()
    assert "Sessions held: *1*" in str(stack.emulator.channel_messages(CHANNEL)[-2].blocks)


def test_in_an_anonymising_group_forget_me_keeps_the_text_without_the_name(stack):
    session_id = _held(stack)
    stack.driver.command(FACILITATOR, CHANNEL, "confidentialité effacement anonymiser")
    stack.driver.command(PEERS[1], CHANNEL, "forget-me")
    confirm = stack.emulator.ephemerals(user=PEERS[1])[-1]
    stack.driver.click(PEERS[1], CHANNEL, confirm.ts, "codev_forget_confirm", PEERS[1])
    with uow(stack) as u:
        learning = u.db.scalars(select(LearningRow)).one()
        evaluation = u.db.scalars(select(EvaluationRow)).one()
        assert learning.text == "A learning to purge" and learning.author_id != PEERS[1]
        assert evaluation.appreciation == "Kind" and evaluation.user_id == learning.author_id
        assert PEERS[1] not in u.sessions.get(session_id).consultants
