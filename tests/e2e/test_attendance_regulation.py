"""Régulation in phase 6 and the facilitator's journal, end to end: the poll's votes
come out of the export only as averages (per session and over the cycle), and the
journal stays the facilitator's."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

from tests.support.content_flows import click_in_thread, submit
from tests.support.data import group_row, uow
from tests.support.flows import add_peers, root_message, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS

START = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
CLIENT, ASKER, OTHER = PEERS[:3]


def _to_phase_six(stack):
    stack.clock.now = START - timedelta(days=1)
    setup_group(stack)
    add_peers(stack, 3)
    stack.clock.now = START
    start_session(stack, f"start <@{CLIENT}|x>")
    for _ in range(5):
        assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200
    return root_message(stack)


def _vote(stack, user, root, values):
    click_in_thread(stack, user, root, "codev_regulation")
    return submit(stack, user, values)


def test_the_regulation_poll_is_exported_as_averages_per_session_and_over_the_cycle(stack):
    root = _to_phase_six(stack)
    assert _vote(stack, CLIENT, root, {"time": "4", "listening": "5", "method": "3"}) == {}
    assert _vote(stack, ASKER, root, {"time": "2", "listening": "3", "method": "4"}) == {}
    assert _vote(stack, ASKER, root, {"time": "3", "listening": "3", "method": "4"}) == {}
    stack.deliver()
    assert any("only averages" in m.text for m in stack.emulator.ephemerals(user=CLIENT))
    with uow(stack) as u:
        row = u.sessions.running(group_row(u).id)
        row.status, row.phase, row.ended_at = "done", None, START + timedelta(hours=2)
        u.commit()
    stack.driver.command(FACILITATOR, CHANNEL, "export")
    stack.deliver()
    files = {f["name"].split("-")[0]: f for f in stack.emulator.files(FACILITATOR)}
    rows = list(csv.reader(io.StringIO(files["regulation"]["content"].decode("utf-8-sig"))))
    assert rows == [
        ["session", "date", "answers", "time", "listening", "method"],
        ["1", "2027-03-01", "2", "3.5", "4.0", "3.5"],
        ["cycle", "", "2", "3.5", "4.0", "3.5"],
    ]
    assert CLIENT not in files["regulation"]["content"].decode()
    report = files["cycle"]["content"].decode()
    assert "## Régulation" in report
    assert "| 1 | 2 | 3.5 | 4.0 | 3.5 |" in report and "| cycle | 2 | 3.5 | 4.0 | 3.5 |" in report


def test_a_vote_left_out_is_shown_on_its_field(stack):
    root = _to_phase_six(stack)
    click_in_thread(stack, OTHER, root, "codev_regulation")
    errors = submit(stack, OTHER, {"time": "4"})
    assert errors == {"listening": "Choose from 1 to 5.", "method": "Choose from 1 to 5."}
    with uow(stack) as u:
        assert u.attendance.votes(u.sessions.running(group_row(u).id).id) == []


def test_the_journal_is_the_facilitators_and_comes_with_their_export(stack):
    root = _to_phase_six(stack)
    stack.driver.click(ASKER, CHANNEL, root.ts, "codev_journal")
    stack.deliver()
    assert any(
        "Only the group's facilitator" in m.text for m in stack.emulator.ephemerals(user=ASKER)
    )
    assert stack.driver.click(FACILITATOR, CHANNEL, root.ts, "codev_journal").status == 200
    saved = submit(
        stack,
        FACILITATOR,
        {"incidents": "A *heated* moment <!channel>", "adaptations": "Shorter exploration"},
    )
    assert saved == {}
    stack.driver.command(FACILITATOR, CHANNEL, "export")
    stack.deliver()
    files = {f["name"].split("-")[0]: f for f in stack.emulator.files(FACILITATOR)}
    journal = files["journal"]["content"].decode()
    assert journal.startswith("# Facilitator's journal — Managers circle")
    assert "## Session #1 — 2027-03-01" in journal
    assert "Shorter exploration" in journal and "\\*heated\\*" in journal
    assert stack.emulator.files(ASKER) == []
