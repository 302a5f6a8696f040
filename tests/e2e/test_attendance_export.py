"""Truthful attendance, end to end: a declared absence keeps a peer out of the
session, the live check-in counts who came, the facilitator notes a late arrival,
and the export shows the right people present with their names and minutes, plus
one attestation of attendance (PDF) per participant who attended."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from pypdf import PdfReader

from tests.support.data import START, group_row, uow
from tests.support.flows import (
    add_peers,
    open_view_id,
    root_message,
    said,
    setup_group,
    start_session,
)
from tests.support.stack import CHANNEL, EPOCH, FACILITATOR, PEERS

CLIENT, ON_TIME, LATE, AWAY = PEERS[:4]


def _csv(file) -> list[dict]:
    return list(csv.DictReader(io.StringIO(file["content"].decode("utf-8-sig"))))


def _files(stack, user) -> dict[str, dict]:
    stack.deliver()
    return {f["name"]: f for f in stack.emulator.files(user)}


def _one(files, prefix) -> dict:
    (found,) = [f for name, f in files.items() if name.startswith(prefix)]
    return found


def _running(stack) -> tuple[int, list[str]]:
    with uow(stack) as u:
        row = u.sessions.running(group_row(u).id)
        return row.id, list(row.consultants)


def _ephemerals(stack, user) -> list[str]:
    stack.deliver()
    return [m.text for m in stack.emulator.ephemerals(user=user)]


def _late_arrival_cycle(stack):
    """One live session on START (10:00 in Paris): AWAY declared an absence,
    ON_TIME checks in, LATE comes at 10:30 and the facilitator notes it."""
    stack.clock.now = EPOCH
    setup_group(stack)
    add_peers(stack, 4)
    answer = stack.driver.command(AWAY, CHANNEL, f"absent {START.date().isoformat()}")
    assert "absence" in said(answer).lower(), said(answer)

    stack.clock.now = START
    assert start_session(stack, f"start <@{CLIENT}|client>").status == 200
    session_id, consultants = _running(stack)
    assert consultants == [ON_TIME, LATE]  # the declared absence is no consultant
    root = root_message(stack)
    assert AWAY not in str(root.blocks)

    stack.clock.now = START + timedelta(minutes=5)
    assert stack.driver.click(ON_TIME, CHANNEL, root.ts, "codev_check_in").status == 200
    assert any("checked in" in text for text in _ephemerals(stack, ON_TIME))

    stack.clock.now = START + timedelta(minutes=31)
    assert stack.driver.click(LATE, CHANNEL, root.ts, "codev_check_in").status == 200
    assert any("check-in closed at 10:15" in text for text in _ephemerals(stack, LATE))

    assert stack.driver.click(FACILITATOR, CHANNEL, root.ts, "codev_attendance").status == 200
    view_id = open_view_id(stack)
    saved = stack.driver.submit_view(
        FACILITATOR, view_id, {f"att:{LATE}:status": "late", f"att:{LATE}:arrived": "10:30"}
    )
    assert saved.status == 200 and "errors" not in saved.body, saved.body

    with uow(stack) as u:  # the session ends two hours after its start
        running = u.sessions.running(group_row(u).id)
        running.status, running.phase = "done", None
        running.ended_at = START + timedelta(minutes=120)
        u.commit()
    stack.clock.now = START + timedelta(minutes=121)
    return session_id


def test_the_export_shows_who_was_present_with_names_and_minutes(stack):
    _late_arrival_cycle(stack)
    assert stack.driver.command(FACILITATOR, CHANNEL, "export").status == 200
    files = _files(stack, FACILITATOR)

    sheet = {r["user_id"]: r for r in _csv(_one(files, "attendance-"))}
    assert set(sheet) == {FACILITATOR, CLIENT, ON_TIME, LATE, AWAY}
    assert {u: r["name"] for u, r in sheet.items()} == {
        FACILITATOR: "Fanny",
        CLIENT: "Peer1",
        ON_TIME: "Peer2",
        LATE: "Peer3",
        AWAY: "Peer4",
    }
    seen = {u: (r["present"], r["status"], r["minutes"], r["source"]) for u, r in sheet.items()}
    assert seen == {
        FACILITATOR: ("yes", "present", "120", "role"),
        CLIENT: ("yes", "present", "120", "role"),
        ON_TIME: ("yes", "present", "120", "checkin"),
        LATE: ("yes", "late", "90", "facilitator"),
        AWAY: ("no", "absent", "0", "declared"),
    }
    assert sheet[LATE]["arrived_at"].startswith((START + timedelta(minutes=30)).isoformat()[:16])

    hours = {r["user_id"]: r for r in _csv(_one(files, "hours-"))}
    assert FACILITATOR not in hours
    assert (hours[LATE]["sessions_attended"], hours[LATE]["hours"]) == ("1", "1.5")
    assert (hours[AWAY]["sessions_attended"], hours[AWAY]["minutes"]) == ("0", "0")
    assert {r["hours_engaged"] for r in hours.values()} == {"35"}
    assert stack.emulator.rejected() == []


def test_each_participant_who_attended_gets_an_attestation_that_reads_back(stack):
    _late_arrival_cycle(stack)
    stack.driver.command(FACILITATOR, CHANNEL, "export")
    files = _files(stack, FACILITATOR)
    pdfs = {name: f for name, f in files.items() if name.endswith(".pdf")}
    assert sorted(pdfs) == sorted(
        f"attestation-Peer{n}-{PEERS[n - 1]}.pdf" for n in (1, 2, 3)
    )  # none for the absent peer, none for the facilitator
    text = PdfReader(io.BytesIO(pdfs[f"attestation-Peer3-{LATE}.pdf"]["content"]))
    words = " ".join(page.extract_text() for page in text.pages)
    assert "Certificate of attendance" in words
    assert "Peer3" in words and "Fanny" in words and "Managers circle" in words
    assert "Session #1 — 2026-12-01 — 90 min" in words
    assert "1.5 h out of 35 h engaged" in words
    assert text.metadata.title == "Certificate of attendance"


def test_the_attestation_is_in_the_participants_language(stack):
    _late_arrival_cycle(stack)
    assert stack.driver.command(ON_TIME, CHANNEL, "lang fr").status == 200
    stack.driver.command(FACILITATOR, CHANNEL, "export")
    pdf = _files(stack, FACILITATOR)[f"attestation-Peer2-{ON_TIME}.pdf"]
    words = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf["content"])).pages)
    assert "Certificat de réalisation" in words
    assert "Séance n° 1 — 01/12/2026 — 120 min" in words
    assert "2 h sur 35 h engagées" in words


def test_names_are_looked_up_once_and_kept_with_the_ids(stack):
    _late_arrival_cycle(stack)
    stack.driver.command(FACILITATOR, CHANNEL, "export")
    stack.deliver()
    first = len([c for c in stack.emulator.calls if c.method == "users.info"])
    stack.clock.now += timedelta(minutes=1)
    stack.driver.command(FACILITATOR, CHANNEL, "export")
    stack.deliver()
    again = len([c for c in stack.emulator.calls if c.method == "users.info"])
    assert first == 5 and again == first
    with uow(stack) as u:
        assert u.attendance.names("T0CODEV", [LATE]) == {LATE: "Peer3"}


def test_forget_me_erases_the_name_and_keeps_the_minutes_under_a_stand_in(stack):
    _late_arrival_cycle(stack)
    stack.driver.command(FACILITATOR, CHANNEL, "export")
    stack.deliver()
    assert stack.driver.command(LATE, CHANNEL, "forget-me").status == 200
    confirm = stack.emulator.ephemerals(user=LATE)[-1]
    stack.driver.click(LATE, CHANNEL, confirm.ts, "codev_forget_confirm", LATE)
    stack.deliver()
    with uow(stack) as u:
        assert u.attendance.names("T0CODEV", [LATE]) == {}

    stack.clock.now += timedelta(minutes=1)
    before = len(stack.emulator.files(FACILITATOR))
    stack.driver.command(FACILITATOR, CHANNEL, "export")
    stack.deliver()
    files = {f["name"]: f for f in stack.emulator.files(FACILITATOR)[before:]}
    sheet = _csv(_one(files, "attendance-"))
    assert LATE not in {r["user_id"] for r in sheet} and "Peer3" not in str(sheet)
    stand_in = [r for r in sheet if r["status"] == "late"]
    assert [(r["name"], r["minutes"]) for r in stand_in] == [("", "90")]
    assert sorted(n for n in files if n.endswith(".pdf")) == [
        f"attestation-Peer1-{CLIENT}.pdf",
        f"attestation-Peer2-{ON_TIME}.pdf",
    ]
    assert stack.emulator.rejected() == []
