"""Numbers as people type them in the modals: "1h30", "35 h", "37,5", « 8 séances »,
"1 day, 1 h", "2 jours": understood, converted to the field's unit, never refused."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.support.flows import change_settings, plan_cycle, said, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, TEAM

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def _plan(stack, **values):
    response = plan_cycle(stack, **values)
    body = response.json() if response.body.strip() else {}
    return (body or {}).get("errors") or {}


def _cycle(stack):
    with stack.services.ctx.uow_factory() as uow:
        group = uow.groups.by_channel(TEAM, CHANNEL)
        cycle = uow.cycle.settings(group.id, NOW)
        return cycle.hours_engaged, list(cycle.reminder_minutes)


def test_the_schedule_modal_reads_hours_and_durations_as_people_write_them(stack):
    stack.clock.now = NOW
    setup_group(stack)
    values = {"duration": "1h30", "count": "8 sessions", "hours": "37,5", "reminders": "1 day, 1 h"}
    assert _plan(stack, **values) == {}
    assert _cycle(stack) == (38, [1440, 60])
    listed = said(stack.driver.command(FACILITATOR, CHANNEL, "schedule list"))
    assert "12 h planned" in listed and "38 h engaged" in listed
    assert "minutes" in _plan(stack, duration="une éternité")["duration"]


def test_the_french_schedule_modal_reads_35_h_and_2_h(stack_fr):
    stack = stack_fr
    stack.clock.now = NOW
    setup_group(stack, lang="fr")
    values = {"duration": "2 h", "count": "8 séances", "hours": "35 h", "reminders": "24h; 30 min"}
    assert _plan(stack, **values) == {}
    assert _cycle(stack) == (35, [1440, 30])


def test_time_boxes_read_minutes_hours_and_days(stack):
    setup_group(stack)
    assert change_settings(stack, {"live_2": "1h30", "live_4": "35 min", "async_3": "2 days"}) == {}
    with stack.services.ctx.uow_factory() as uow:
        group = uow.groups.by_channel(TEAM, CHANNEL)
        assert group.live_minutes["2"] == 90 and group.live_minutes["4"] == 35
        assert group.async_hours["3"] == 48
    errors = change_settings(stack, {"live_2": "a while", "async_3": "3 weeks"})
    assert set(errors) == {"live_2", "async_3"}
    assert "1h30" in errors["live_2"] and "336" in errors["async_3"]
