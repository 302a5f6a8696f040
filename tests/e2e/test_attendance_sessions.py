"""Attendance during sessions: a declared absence is neither nudged nor waited for,
an async session has no check-in (taking part counts), and the attendance sheet is
the facilitator's, with its problems shown on their fields."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.services.attendance import session_sheet
from bot.services.nudges import NudgeJobs
from tests.support.content_flows import reply
from tests.support.data import group_row, uow
from tests.support.flows import add_peers, open_view_id, root_message, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS

START = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)  # 10:00 in Paris
CLIENT, ASKER, SILENT, AWAY = PEERS[:4]


def _actions(message) -> list[str]:
    return [
        e["action_id"]
        for b in message.blocks
        if b["type"] == "actions"
        for e in b.get("elements", [])
    ]


def test_a_declared_absence_is_neither_nudged_nor_waited_for_and_taking_part_is_presence(
    stack,
):
    stack.clock.now = START - timedelta(days=1)
    setup_group(stack, mode="async")
    add_peers(stack, 4)
    stack.driver.command(AWAY, CHANNEL, "absent 2027-03-01")
    stack.clock.now = START
    start_session(stack, f"start <@{CLIENT}|x>")
    root = root_message(stack)
    assert "codev_check_in" not in _actions(root)  # async: taking part counts
    stack.driver.command(FACILITATOR, CHANNEL, "next")
    reply(stack, ASKER, root, "What did you try already?")
    stack.clock.now = START + timedelta(hours=36)
    assert NudgeJobs(stack.services.ctx).run() == 2  # the silent consultant and the client
    stack.deliver()
    assert any("clarification" in m.text for m in stack.emulator.dms(SILENT))
    assert not any("clarification" in m.text for m in stack.emulator.dms(AWAY))

    with uow(stack) as u:
        group = group_row(u)
        row = u.sessions.running(group.id)
        assert row.consultants == [ASKER, SILENT]
        sheet = {x.user_id: (x.status, x.source) for x in session_sheet(u, group, row, None)}
    assert sheet[ASKER] == ("present", "participation")
    assert sheet[SILENT] == ("absent", "none")
    assert sheet[AWAY] == ("absent", "declared")


def test_the_check_in_button_is_on_a_live_root_and_answers_the_clicker(stack):
    stack.clock.now = START - timedelta(days=1)
    setup_group(stack)
    add_peers(stack, 3)
    stack.clock.now = START
    start_session(stack, f"start <@{CLIENT}|x>")
    root = root_message(stack)
    assert {"codev_check_in", "codev_attendance"} <= set(_actions(root))
    stack.clock.now = START + timedelta(minutes=2)
    stack.driver.click(ASKER, CHANNEL, root.ts, "codev_check_in")
    stack.driver.click(ASKER, CHANNEL, root.ts, "codev_check_in")
    stack.deliver()
    said = [m.text for m in stack.emulator.ephemerals(user=ASKER)]
    assert said[-2:] == [
        "You are checked in for this session. Welcome!",
        "You were already checked in for this session.",
    ]
    assert stack.emulator.rejected() == []


def test_only_the_facilitator_opens_the_attendance_sheet(stack):
    stack.clock.now = START - timedelta(days=1)
    setup_group(stack)
    add_peers(stack, 3)
    stack.clock.now = START
    start_session(stack, f"start <@{CLIENT}|x>")
    root = root_message(stack)
    views_before = len(stack.emulator.views)
    assert stack.driver.click(ASKER, CHANNEL, root.ts, "codev_attendance").status == 200
    stack.deliver()
    assert len(stack.emulator.views) == views_before
    assert any(
        "Only the group's facilitator" in m.text for m in stack.emulator.ephemerals(user=ASKER)
    )


def test_a_late_arrival_without_its_time_is_refused_on_its_field_in_the_readers_language(
    stack,
):
    stack.clock.now = START - timedelta(days=1)
    setup_group(stack)
    add_peers(stack, 3)
    stack.driver.command(FACILITATOR, CHANNEL, "lang fr")
    stack.clock.now = START
    start_session(stack, f"start <@{CLIENT}|x>")
    root = root_message(stack)
    stack.driver.click(FACILITATOR, CHANNEL, root.ts, "codev_attendance")
    view_id = open_view_id(stack)
    refused = stack.driver.submit_view(
        FACILITATOR,
        view_id,
        {f"att:{ASKER}:status": "late", f"att:{SILENT}:status": "early"},
    )
    errors = refused.json()["errors"]
    assert errors == {
        f"att:{ASKER}:arrived": "Une arrivée tardive demande son heure d'arrivée.",
        f"att:{SILENT}:left": "Un départ anticipé demande son heure de départ.",
    }
    early = stack.driver.submit_view(
        FACILITATOR, view_id, {f"att:{ASKER}:status": "late", f"att:{ASKER}:arrived": "09:30"}
    )
    assert early.json()["errors"] == {
        f"att:{ASKER}:arrived": "L'arrivée est avant le début de la séance."
    }
    with uow(stack) as u:
        assert u.attendance.of(u.sessions.running(group_row(u).id).id) == []


def _plan(stack, checkin: str):
    stack.driver.command(FACILITATOR, CHANNEL, "schedule")
    fields = {
        "first_date": "2027-03-01",
        "first_time": "10:00",
        "cadence": "w2",
        "duration": "120",
        "count": "2",
        "hours": "35",
        "reminders": "60",
        "checkin": checkin,
    }
    response = stack.driver.submit_view(FACILITATOR, open_view_id(stack), fields)
    body = response.json() if response.body.strip() else {}
    return (body or {}).get("errors") or {}


def test_the_facilitator_sets_how_long_the_check_in_stays_open_when_planning(stack):
    stack.clock.now = START - timedelta(days=1)
    setup_group(stack)
    add_peers(stack, 3)
    assert _plan(stack, "3 h") == {"checkin": "Give from 0 to 120 minutes, e.g. 15 or 20 min."}
    assert _plan(stack, "25 min") == {}
    stack.clock.now = START
    start_session(stack, f"start <@{CLIENT}|x>")
    root = root_message(stack)
    stack.clock.now = START + timedelta(minutes=24)
    stack.driver.click(ASKER, CHANNEL, root.ts, "codev_check_in")
    stack.clock.now = START + timedelta(minutes=26)
    stack.driver.click(SILENT, CHANNEL, root.ts, "codev_check_in")
    stack.deliver()
    assert "checked in" in stack.emulator.ephemerals(user=ASKER)[-1].text
    assert "closed at 10:25" in stack.emulator.ephemerals(user=SILENT)[-1].text
