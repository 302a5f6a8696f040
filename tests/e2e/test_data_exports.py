"""`/codev export`: the facilitator's CSV files and cycle report, by DM, parse back
to the stored figures."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from tests.support.data import START, hold_session, item, uow
from tests.support.flows import add_peers, said, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, OUTSIDER, PEERS

GOOD = ("Kind group", "Clear contract", "Listening first", "Try it Monday")


def _two_sessions(stack):
    setup_group(stack)
    add_peers(stack, 4)
    first = hold_session(
        stack,
        PEERS[0],
        items=[item("Call the union rep"), item("Draft the rota, with care", 21)],
        evaluations=[(PEERS[1], 4, GOOD), (PEERS[2], 5, ("Bien", None, None, None))],
        absent=[PEERS[3]],
    )
    second = hold_session(
        stack,
        PEERS[1],
        at=START + timedelta(days=14),
        minutes=90,
        items=[item("Ask for feedback")],
        evaluations=[(PEERS[0], 3, GOOD)],
    )
    return first, second


def _files(stack, user):
    stack.deliver()
    return {f["name"].rsplit("-", 3)[0]: f for f in stack.emulator.files(user)}


def _csv(file):
    return list(csv.DictReader(io.StringIO(file["content"].decode("utf-8-sig"))))


def test_export_sends_csv_files_that_parse_back_to_the_stored_figures(stack):
    first, second = _two_sessions(stack)
    answer = stack.driver.command(FACILITATOR, CHANNEL, "export")
    assert "on its way" in said(answer)
    files = _files(stack, FACILITATOR)
    assert set(files) == {
        "attendance",
        "hours",
        "evaluations",
        "action-plans",
        "cycle-report",
        "regulation",
        "attestation",  # one per participant who attended (see test_attendance_export)
    }

    attendance = _csv(files["attendance"])
    assert list(attendance[0]) == [
        "session",
        "date",
        "started_at",
        "ended_at",
        "user_id",
        "name",
        "role",
        "present",
        "status",
        "arrived_at",
        "left_at",
        "minutes",
        "source",
    ]
    # live sessions: present are those who checked in or took part (here: who rated)
    absent = [r for r in attendance if r["present"] == "no"]
    assert [(r["session"], r["user_id"]) for r in absent] == [
        ("1", PEERS[3]),
        ("2", PEERS[2]),
        ("2", PEERS[3]),
    ]
    assert {r["user_id"] for r in attendance if r["role"] == "client"} == {PEERS[0], PEERS[1]}
    assert attendance[0]["date"] == "2026-12-01"
    assert attendance[0]["started_at"].startswith("2026-12-01T09:00:00")

    evaluations = _csv(files["evaluations"])
    with uow(stack) as u:
        stored = [(e.user_id, e.rating) for s in (first, second) for e in u.content.evaluations(s)]
        plans = [(a.text, a.due_on) for s in (first, second) for a in u.content.action_items(s)]
    assert {r["user_id"] for r in evaluations} == {""}  # anonymous unless chosen otherwise
    assert sorted(int(r["rating"]) for r in evaluations) == sorted(r for _, r in stored)
    assert evaluations[0]["learnings"] == "Listening first"
    assert evaluations[1]["expectations"] == ""

    action_plans = _csv(files["action-plans"])
    assert [(r["text"], r["due_on"]) for r in action_plans] == [
        (text, due.isoformat()) for text, due in plans
    ]
    report = files["cycle-report"]["content"].decode("utf-8")
    assert report.startswith("# Cycle assessment — Managers circle")
    assert "Sessions held: *2*" in report
    dm = stack.emulator.dms(FACILITATOR)
    assert any("attendance (" in m.text for m in dm)
    assert stack.emulator.rejected() == []


def test_only_the_facilitator_may_export_and_outsiders_are_told_why(stack):
    _two_sessions(stack)
    member = stack.driver.command(PEERS[0], CHANNEL, "exporter")
    outsider = stack.driver.command(OUTSIDER, CHANNEL, "export")
    assert "Only the group's facilitator" in said(member)
    assert "Only the group's facilitator" in said(outsider)
    stack.deliver()
    assert stack.emulator.files(PEERS[0]) == [] and stack.emulator.files(OUTSIDER) == []


def test_export_in_a_channel_without_a_group_says_so(stack):
    answer = stack.driver.command(FACILITATOR, CHANNEL, "export")
    assert "/codev setup" in said(answer)


def test_an_export_with_nothing_to_export_says_so(stack):
    setup_group(stack)
    add_peers(stack, 3)
    answer = stack.driver.command(FACILITATOR, CHANNEL, "export")
    assert "Nothing to export yet" in said(answer)
    stack.deliver()
    assert stack.emulator.files(FACILITATOR) == []


def test_an_upload_failure_is_retried_through_the_outbox(stack):
    _two_sessions(stack)
    stack.emulator.fail_next("files.completeUploadExternal", status=500)
    stack.driver.command(FACILITATOR, CHANNEL, "export")
    stack.deliver()
    assert stack.emulator.files(FACILITATOR) == []
    stack.clock.now += timedelta(seconds=30)
    assert {"attendance", "evaluations", "action-plans", "cycle-report"} <= set(
        _files(stack, FACILITATOR)
    )
    assert stack.emulator.rejected() == []


def test_the_facilitator_is_told_when_an_upload_finally_fails(stack):
    _two_sessions(stack)
    stack.emulator.fail_next("files.getUploadURLExternal", status=200, error="invalid_arguments")
    stack.driver.command(FACILITATOR, CHANNEL, "export")
    stack.deliver()
    assert stack.emulator.files(FACILITATOR) == []
    assert any("could not send the files" in m.text for m in stack.emulator.dms(FACILITATOR))
