"""The bilan des effets, end to end: objectives set when the cycle is planned, the
end-of-cycle questionnaire when it is closed and the follow-up one 12 weeks later
(both through the outbox), and the before/after report in the facilitator's
export: aggregates, who answered, and quotes only from people who agreed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import DomainError
from tests.support.content_flows import action_of, latest_with, submit
from tests.support.data import group_row, hold_session, item, uow
from tests.support.flows import add_peers, open_view_id, said, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, OUTSIDER, PEERS

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
FIRST = datetime(2027, 3, 12, 17, 0, tzinfo=UTC)  # 18:00 in Paris
SHARER, PRIVATE = PEERS[:2]  # the third peer never answers


def _plan(stack):
    stack.driver.command(FACILITATOR, CHANNEL, "schedule")
    fields = {
        "first_date": "2027-03-12",
        "first_time": "18:00",
        "cadence": "w2",
        "duration": "120",
        "count": "2",
        "hours": "35",
        "reminders": "60",
    }
    response = stack.driver.submit_view(FACILITATOR, open_view_id(stack), fields)
    assert response.status == 200 and "errors" not in response.body, response.body


def _click_dm(stack, user, action_id):
    stack.deliver()
    message = latest_with(stack.emulator.dms(user), action_id)
    value = message.blocks[-1]["elements"][0]["value"]
    channel = stack.emulator.dm_channel(user)
    exact = action_of(message, action_id, value)
    response = stack.driver.click(user, channel, message.ts, exact, value)
    assert response.status == 200, response.body
    return message


def _close(stack):
    stack.driver.command(FACILITATOR, CHANNEL, "schedule close")
    refusal = [
        m
        for m in stack.emulator.ephemerals(FACILITATOR, CHANNEL)
        if "codev_close_cycle" in str(m.blocks)
    ][-1]
    assert stack.driver.click(FACILITATOR, CHANNEL, refusal.ts, "codev_close_cycle").status == 200


def _cycle(stack):
    stack.clock.now = NOW
    setup_group(stack)
    add_peers(stack, 3)
    assert "quoted" in said(stack.driver.command(SHARER, CHANNEL, "privacy share on")).lower()
    _plan(stack)
    invitation = _click_dm(stack, SHARER, "codev_objectives")
    assert "Set 1 to 3 objectives" in invitation.text
    saved = submit(
        stack,
        SHARER,
        {
            "objective_1": "Say no without guilt",
            "level_1": "2",
            "objective_2": "Delegate the weekly reporting",
            "level_2": "1",
        },
    )
    assert saved == {}
    _click_dm(stack, PRIVATE, "codev_objectives")
    assert submit(stack, PRIVATE, {"objective_1": "Run shorter meetings"}) == {
        "level_1": "Choose where you stand, from 1 to 5."
    }
    assert submit(stack, PRIVATE, {"objective_1": "Run shorter meetings", "level_1": "3"}) == {}

    hold_session(stack, SHARER, at=FIRST, items=[item("Decline the Q3 audit")])
    closed_at = FIRST + timedelta(days=1)
    stack.clock.now = closed_at
    _close(stack)

    _click_dm(stack, SHARER, "codev_questionnaire")
    with uow(stack) as u:
        (item_row,) = u.people.action_items_of(SHARER, [group_row(u).id])
        item_id = item_row.id
    item_field = f"item_{item_id}"
    answered = submit(
        stack,
        SHARER,
        {
            "progress_1": "4",
            "progress_2": "3",
            "change": "I say no to side projects",
            "example": "Declined the Q3 audit",
            item_field: "done",
        },
    )
    assert answered == {}
    _click_dm(stack, PRIVATE, "codev_questionnaire")
    assert submit(stack, PRIVATE, {"progress_1": "3"}) == {
        "change": "Say in a few words what changed (or that nothing did)."
    }
    assert submit(stack, PRIVATE, {"progress_1": "3", "change": "Nothing private yet"}) == {}

    stack.clock.now = closed_at + timedelta(weeks=12) - timedelta(minutes=1)
    stack.deliver()
    assert not any("Some weeks" in m.text for m in stack.emulator.dms(SHARER))
    stack.clock.now = closed_at + timedelta(weeks=12)
    follow_up = _click_dm(stack, SHARER, "codev_questionnaire")
    assert "Some weeks have passed" in follow_up.text
    again = {"progress_1": "5", "progress_2": "4", "change": "I delegate the reporting"}
    assert submit(stack, SHARER, again) == {}
    return item_id


def test_objectives_questionnaires_and_the_before_after_report(stack):
    item_id = _cycle(stack)
    with uow(stack) as u:
        assert [i.status for i in u.people.action_items_of(SHARER, [group_row(u).id])] == ["done"]
        assert item_id
    stack.driver.command(FACILITATOR, CHANNEL, "export")
    stack.deliver()
    files = {f["name"]: f for f in stack.emulator.files(FACILITATOR)}
    (report,) = [f for n, f in files.items() if n.startswith("outcomes-") and n.endswith(".md")]
    (chart,) = [f for n, f in files.items() if n.startswith("outcomes-") and n.endswith(".png")]
    text = report["content"].decode()
    assert text.startswith("# Bilan des effets — Managers circle")
    assert "Objectives set: 3" in text
    assert "| average level (1–5) | 2.0 | 3.3 | 4.5 |" in text
    assert "| objectives that progressed | — | 2 | 2 |" in text
    assert "objectives: 2/3 (waiting: Peer3)" in text
    assert "end of cycle: 2/3 (waiting: Peer3)" in text
    assert "follow-up: 1/3 (waiting: Peer2, Peer3)" in text
    assert "I say no to side projects — Declined the Q3 audit" in text
    assert "I delegate the reporting" in text
    assert "Nothing private yet" not in text and "Run shorter meetings" not in text
    assert chart["content"].startswith(b"\x89PNG")
    assert stack.emulator.rejected() == []


def test_only_the_groups_participants_open_its_questionnaires(stack):
    _cycle(stack)
    message = latest_with(stack.emulator.dms(SHARER), "codev_questionnaire")
    value = message.blocks[-1]["elements"][0]["value"]
    channel = stack.emulator.dm_channel(SHARER)
    views = len(stack.emulator.views)
    stack.driver.click(FACILITATOR, channel, message.ts, "codev_questionnaire", value)
    assert len(stack.emulator.views) == views
    with uow(stack) as u:
        group_id = group_row(u).id
    for outsider, wave in ((FACILITATOR, "end"), (OUTSIDER, "end"), (SHARER, "later")):
        with pytest.raises(DomainError):
            stack.services.outcomes.questionnaire_form(outsider, group_id, wave)
