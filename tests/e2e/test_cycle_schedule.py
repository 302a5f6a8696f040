"""The facilitator plans the cycle in the modal; bad plans are refused on their field;
members list, move, cancel, pitch topics, mark absences, accept the charter, get the .ics."""

from __future__ import annotations

from datetime import UTC, datetime

from icalendar import Calendar

from tests.support.flows import (
    add_peers,
    plan_cycle,
    said,
    setup_group,
    start_session,
)
from tests.support.stack import CHANNEL, FACILITATOR, PEERS

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def _plan(stack, **values):
    return plan_cycle(stack, **values)


def _errors(response) -> dict:
    body = response.json() if response.body else {}
    return body.get("errors", {}) if isinstance(body, dict) else {}


def _ready(stack):
    stack.clock.now = NOW
    setup_group(stack)
    add_peers(stack, 3)


def test_the_facilitator_plans_eight_sessions_and_members_list_them(stack):
    _ready(stack)
    submitted = _plan(stack)
    assert submitted.status == 200 and _errors(submitted) == {}
    listed = said(stack.driver.command(PEERS[0], CHANNEL, "schedule list"))
    assert listed.count("planned") >= 8
    assert "16 h planned, 0 h done, 35 h engaged" in listed
    stack.deliver()
    assert any("8 session(s) planned" in m.text for m in stack.emulator.channel_messages(CHANNEL))
    assert stack.emulator.rejected() == []


def test_bad_plans_are_refused_on_their_field(stack):
    _ready(stack)
    assert "past" in _errors(_plan(stack, first_date="2027-02-01"))["first_date"]
    assert (
        "does not exist"
        in _errors(_plan(stack, first_date="2027-03-28", first_time="02:30"))["first_time"]
    )
    too_many = _errors(_plan(stack, count="20"))["count"]
    assert "40 h" in too_many and "35 h" in too_many and "17 more" in too_many
    assert "minutes" in _errors(_plan(stack, duration="abc"))["duration"]
    assert _errors(_plan(stack, reminders="soon"))["reminders"]
    listed = said(stack.driver.command(PEERS[0], CHANNEL, "schedule list"))
    assert "No session yet" in listed
    assert _errors(_plan(stack, count="2")) == {}
    overlapping = _plan(stack, first_date="2027-03-26", first_time="19:00", count="1")
    assert "overlap" in _errors(overlapping)["cadence"]


def test_only_the_facilitator_plans(stack):
    _ready(stack)
    refused = stack.driver.command(PEERS[0], CHANNEL, "schedule")
    assert "facilitator" in said(refused).lower()


def test_moving_and_cancelling_update_the_calendar_file(stack):
    _ready(stack)
    _plan(stack, count="3")
    moved = stack.driver.command(FACILITATOR, CHANNEL, "schedule move 2 2027-03-31 19:30")
    assert "moved" in said(moved)
    assert "cancelled" in said(stack.driver.command(FACILITATOR, CHANNEL, "schedule cancel 3"))
    assert (
        "no planned session"
        in said(stack.driver.command(FACILITATOR, CHANNEL, "schedule cancel 3")).lower()
    )
    assert "calendar" in said(stack.driver.command(PEERS[1], CHANNEL, "calendar")).lower()
    stack.deliver()
    dm = stack.emulator.dm_channel(PEERS[1])
    files = stack.emulator.files(dm)
    assert len(files) == 1
    cal = Calendar.from_ical(files[0]["content"])
    events = sorted(cal.walk("VEVENT"), key=lambda e: str(e["uid"]))
    assert [str(e["uid"]) for e in events] == [f"codev-session-{n}@codev" for n in (1, 2, 3)]
    starts = [e.decoded("dtstart") for e in events]
    assert [s.strftime("%Y-%m-%d %H:%M") for s in starts] == [
        "2027-03-12 18:00",
        "2027-03-31 19:30",
        "2027-04-09 18:00",  # after the DST change: still 18:00 in Paris
    ]
    assert str(starts[2].tzinfo) == "Europe/Paris"
    assert [int(e["sequence"]) for e in events] == [0, 1, 1]
    assert [str(e["status"]) for e in events] == ["CONFIRMED", "CONFIRMED", "CANCELLED"]
    assert stack.emulator.rejected() == []


def test_topics_absences_and_the_charter(stack_fr):
    stack = stack_fr
    stack.clock.now = NOW
    setup_group(stack, lang="fr")
    add_peers(stack, 3, accept_charter=False)
    assert "Sujet noté. 1" in said(stack.driver.command(PEERS[0], CHANNEL, "sujet déléguer"))
    assert "Écrivez le sujet" in said(stack.driver.command(PEERS[0], CHANNEL, "sujet"))
    assert "notée" in said(stack.driver.command(PEERS[1], CHANNEL, "absent 2027-03-12"))
    assert "déjà notée" in said(stack.driver.command(PEERS[1], CHANNEL, "absent 12/03/2027"))
    assert "Indiquez le jour" in said(stack.driver.command(PEERS[1], CHANNEL, "absent demain"))
    charter = stack.driver.command(PEERS[0], CHANNEL, "charte")
    text = said(charter)
    assert "Confidentialité" in text and "J'accepte la charte" in text
    shown = [
        m for m in stack.emulator.ephemerals(PEERS[0], CHANNEL) if "Confidentialit" in str(m.blocks)
    ]
    for _ in range(2):  # a double click keeps the first acceptance
        clicked = stack.driver.click(PEERS[0], CHANNEL, shown[-1].ts, "codev_accept_charter")
        assert clicked.status == 200
    stack.deliver()
    assert any("accepté la charte" in m.text for m in stack.emulator.ephemerals(PEERS[0], CHANNEL))
    again = said(stack.driver.command(PEERS[0], CHANNEL, "charte"))
    assert "Vous avez accepté cette charte" in again and "J'accepte" not in again
    assert stack.emulator.rejected() == []


def test_start_runs_the_planned_session_that_is_due_with_its_suggested_client(stack):
    _ready(stack)
    _plan(stack, count="2")
    stack.clock.now = datetime(2027, 3, 9, 17, 0, tzinfo=UTC)  # 3 days before the first
    assert stack.services.cycle_jobs.suggest_clients() == 1
    stack.deliver()
    suggestion = stack.emulator.dms(FACILITATOR)[-1]
    assert "the rotation suggests" in suggestion.text and PEERS[0] in suggestion.text
    stack.clock.now = datetime(2027, 3, 12, 16, 55, tzinfo=UTC)  # 5 minutes early
    assert PEERS[0] in said(start_session(stack, "start"))  # a small group: confirmed
    stack.deliver()
    started = stack.emulator.ephemerals(FACILITATOR, CHANNEL)[-1].text
    assert "started" in started and PEERS[0] in started
    listed = said(stack.driver.command(PEERS[1], CHANNEL, "schedule list"))
    assert "*1.*" in listed and "running" in listed and "*3.*" not in listed
    assert stack.emulator.rejected() == []


def test_a_french_facilitator_reads_the_refusals_in_french(stack_fr):
    stack = stack_fr
    stack.clock.now = NOW
    setup_group(stack, lang="fr")
    add_peers(stack, 3)
    gap = _errors(_plan(stack, first_date="2027-03-28", first_time="02:30"))["first_time"]
    assert "n'existe pas" in gap and "Europe/Paris" in gap
    assert "déjà passée" in _errors(_plan(stack, first_date="2027-02-01"))["first_date"]
    assert _errors(_plan(stack, count="3")) == {}
    listed = said(stack.driver.command(PEERS[0], CHANNEL, "planifier liste"))
    assert listed.count("· prévue ·") == 3
    assert "6 h prévues, 0 h faites, 35 h engagées" in listed
    moved = said(
        stack.driver.command(FACILITATOR, CHANNEL, "planifier déplacer 2 2027-03-28 02:30")
    )
    assert "n'existe pas" in moved
    assert stack.emulator.rejected() == []


def test_the_facilitator_chooses_another_client_and_the_preparation_follows(stack):
    _ready(stack)
    _plan(stack, count="2")
    stack.clock.now = datetime(2027, 3, 9, 17, 0, tzinfo=UTC)
    stack.services.cycle_jobs.suggest_clients()
    chosen = stack.driver.command(FACILITATOR, CHANNEL, f"schedule client 1 <@{PEERS[2]}|peer3>")
    assert "client of session 1" in said(chosen)
    refused = stack.driver.command(PEERS[0], CHANNEL, f"schedule client 1 <@{PEERS[0]}|peer1>")
    assert "facilitator" in said(refused).lower()
    stack.clock.now = datetime(2027, 3, 10, 17, 0, tzinfo=UTC)  # 2 days before
    stack.deliver()
    assert not any("You are the client" in m.text for m in stack.emulator.dms(PEERS[0]))
    assert any("You are the client" in m.text for m in stack.emulator.dms(PEERS[2]))
    listed = said(stack.driver.command(PEERS[1], CHANNEL, "schedule list"))
    assert f"client: <@{PEERS[2]}>" in listed and "Client turns:" in listed
    stack.clock.now = datetime(2027, 3, 12, 17, 0, tzinfo=UTC)
    assert PEERS[2] in said(start_session(stack, "start"))
    assert stack.emulator.rejected() == []


def test_a_deactivated_member_is_reported_to_the_facilitator_once_and_the_others_get_reminders(
    stack,
):
    _ready(stack)
    _plan(stack, count="1")
    stack.emulator.user(PEERS[2])["deleted"] = True
    for moment in (
        datetime(2027, 3, 11, 17, 0, tzinfo=UTC),
        datetime(2027, 3, 12, 16, 0, tzinfo=UTC),
    ):
        stack.clock.now = moment
        stack.deliver()
    told = [m.text for m in stack.emulator.dms(FACILITATOR) if "cannot receive" in m.text]
    assert len(told) == 1 and PEERS[2] in told[0]
    for peer in PEERS[:2]:
        assert len([m for m in stack.emulator.dms(peer) if m.text.startswith("Reminder")]) == 2
    assert [c for c in stack.emulator.rejected() if c.method != "conversations.open"] == []
