"""A half-day meeting holds two cases, one after the other: each case has its own
thread, client and summary, the facilitator is offered the next case when one ends,
reminders, the .ics and the status speak of the meeting's cases, and the meeting's
hours count once."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime

from icalendar import Calendar

from tests.support.flows import add_peers, plan_cycle, said, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, TEAM

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
DAY_BEFORE = datetime(2027, 3, 11, 17, 1, tzinfo=UTC)  # the 24 h reminder is due
MEETING = datetime(2027, 3, 12, 17, 0, tzinfo=UTC)  # 18:00 in Paris


def _plan(stack, cases: str):
    """One three-hour meeting on 2027-03-12 at 18:00 (Paris) holding `cases` cases."""
    return plan_cycle(stack, duration="180", count="1", cases=cases)


def _sessions(stack) -> list[dict]:
    with stack.services.ctx.uow_factory() as uow:
        group = uow.groups.by_channel(TEAM, CHANNEL)
        fields = ("id", "number", "case_number", "meeting_id", "client_id")
        return [
            {f: getattr(s, f) for f in fields} | {"phases": [p.phase for p in s.phases]}
            for s, _ in uow.cycle.slots(group.id)
        ]


def _walk_to_the_end(stack, user=FACILITATOR) -> None:
    """`/codev next` until the session is finished (its summary is posted)."""
    for _ in range(8):
        if re.search("finished|terminée", said(stack.driver.command(user, CHANNEL, "next"))):
            return
    raise AssertionError("the session never finished")


def _summaries(stack) -> list[str]:
    stack.deliver()
    return [
        str(m.blocks)
        for m in stack.emulator.all_messages(CHANNEL)
        if m.bot and "Summary of session" in m.text
    ]


def _group_of_six(stack, lang="en") -> None:
    stack.clock.now = NOW
    setup_group(stack, lang=lang)
    add_peers(stack, 6)


def test_a_two_case_meeting_runs_both_cases_and_counts_its_hours_once(stack):
    _group_of_six(stack)
    planned = _plan(stack, "2")
    assert planned.status == 200 and "errors" not in planned.body, planned.body
    listed = said(stack.driver.command(PEERS[0], CHANNEL, "schedule list"))
    assert "2 cases" in listed and "3 h planned, 0 h done, 35 h engaged" in listed

    stack.clock.now = DAY_BEFORE
    stack.deliver()
    reminder = " ".join(m.text for m in stack.emulator.dms(PEERS[2]))
    assert "Reminder" in reminder and "holds 2 cases" in reminder
    stack.driver.command(PEERS[2], CHANNEL, "calendar")
    stack.deliver()
    files = stack.emulator.files(stack.emulator.dm_channel(PEERS[2]))
    event = Calendar.from_ical(files[-1]["content"]).walk("VEVENT")[0]
    assert "2 cases" in str(event["summary"])

    stack.clock.now = MEETING
    started = said(stack.driver.command(FACILITATOR, CHANNEL, f"start <@{PEERS[0]}|p1>"))
    assert "Case 1 of 2" in started
    assert "case 1 of 2" in said(stack.driver.command(PEERS[3], CHANNEL, "status"))
    _walk_to_the_end(stack)
    assert len(_summaries(stack)) == 1

    offers = [
        m for m in stack.emulator.channel_messages(CHANNEL) if "Start case 2" in str(m.blocks)
    ]
    assert len(offers) == 1 and "case 2 comes next" in offers[0].text
    refused = stack.driver.click(PEERS[3], CHANNEL, offers[0].ts, "codev_start_next_case")
    assert refused.status == 200
    stack.deliver()
    assert "facilitator" in stack.emulator.ephemerals(PEERS[3], CHANNEL)[-1].text
    clicked = stack.driver.click(FACILITATOR, CHANNEL, offers[0].ts, "codev_start_next_case")
    assert clicked.status == 200
    stack.deliver()
    assert "Case 2 of 2" in stack.emulator.ephemerals(FACILITATOR, CHANNEL)[-1].text

    first, second = _sessions(stack)
    assert (first["number"], first["case_number"]) == (second["number"], 1)
    assert second["case_number"] == 2 and second["meeting_id"] == first["id"]
    assert second["client_id"] not in ("", PEERS[0])
    assert second["phases"] == [1]  # no phase 0: the meeting's first case held it
    roots = [
        m for m in stack.emulator.channel_messages(CHANNEL) if m.bot and "Codev session" in m.text
    ]
    assert len(roots) == 2 and "case 2 of 2" in roots[-1].text  # a thread of its own
    _walk_to_the_end(stack)
    summaries = _summaries(stack)
    assert len(summaries) == 2 and "case 1 of 2" in summaries[0] and "case 2 of 2" in summaries[1]
    assert f"<@{PEERS[0]}>" in summaries[0] and f"<@{second['client_id']}>" in summaries[1]
    offers = [m for m in stack.emulator.channel_messages(CHANNEL) if "Start case" in str(m.blocks)]
    assert len(offers) == 1  # the meeting held its two cases: nothing more to offer
    stack.driver.click(FACILITATOR, CHANNEL, offers[0].ts, "codev_start_next_case")
    stack.deliver()  # an old button starts nothing
    assert "held all its cases" in stack.emulator.ephemerals(FACILITATOR, CHANNEL)[-1].text
    assert len(_sessions(stack)) == 2

    listed = said(stack.driver.command(PEERS[0], CHANNEL, "schedule list"))
    assert "3 h planned, 3 h done, 35 h engaged" in listed  # once, not once per case
    assert listed.count("*1.*") == 1  # the meeting is one line
    # Each case stands for its share of the meeting in the hours of its participants.
    stack.driver.command(FACILITATOR, CHANNEL, "export")
    stack.deliver()
    exported = {f["name"]: f for f in stack.emulator.files(FACILITATOR)}
    (hours_file,) = [f for name, f in exported.items() if name.startswith("hours-")]
    text = hours_file["content"].decode("utf-8-sig")
    hours = {r["user_id"]: r for r in csv.DictReader(io.StringIO(text))}
    assert hours[PEERS[0]]["minutes"] == "90" and hours[second["client_id"]]["minutes"] == "90"
    again = said(stack.driver.command(FACILITATOR, CHANNEL, "start"))
    assert re.search(r"Session #2 started", again)  # a third case is a new session
    assert stack.emulator.rejected() == []


def test_one_case_meetings_are_as_before_in_french(stack_fr):
    _group_of_six(stack_fr, "fr")
    stack = stack_fr
    assert "errors" not in _plan(stack, "1").body
    listed = said(stack.driver.command(PEERS[0], CHANNEL, "planifier liste"))
    assert " cas" not in listed and "3 h prévues" in listed
    stack.clock.now = MEETING
    started = said(stack.driver.command(FACILITATOR, CHANNEL, f"démarrer <@{PEERS[0]}|p1>"))
    assert "démarrée" in started and "Cas 1" not in started
    _walk_to_the_end(stack)
    stack.deliver()
    assert not [
        m for m in stack.emulator.channel_messages(CHANNEL) if "Démarrer le cas" in str(m.blocks)
    ]
    assert stack.emulator.rejected() == []
