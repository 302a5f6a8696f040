"""A peer-run group, session by session: what is meant for "the facilitator" of a
session (its attendance sheet, its journal, the notice its nudges carry) goes to the
peer who facilitates it, and the group's cycle export keeps their journal."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

from bot.services.attendance import session_sheet
from bot.services.nudges import NudgeJobs
from tests.e2e.test_formats_peer_run import T0, _end, _running
from tests.support.content_flows import last_view, reply, submit
from tests.support.data import group_row, uow
from tests.support.flows import (
    add_peers,
    change_settings,
    plan_cycle,
    root_message,
    said,
    setup_group,
)
from tests.support.stack import CHANNEL, FACILITATOR, PEERS

A, B, C = PEERS[0], PEERS[1], PEERS[2]
PLANNED_AT = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
SUGGESTED_AT = datetime(2027, 3, 9, 17, 0, tzinfo=UTC)  # 3 days before session 1
SESSION_AT = datetime(2027, 3, 12, 17, 0, tzinfo=UTC)  # 18:00 in Paris


def _a_facilitates_b(stack, mode="live"):
    stack.clock.now = T0
    setup_group(stack, mode=mode)
    add_peers(stack, 6)
    assert change_settings(stack, {"peer_run": ["on"]}) == {}
    started = said(stack.driver.command(A, CHANNEL, f"start <@{B}|b> facilitated by <@{A}|a>"))
    assert "started" in started and _running(stack)[:2] == (B, A)
    return root_message(stack)


def _refused(stack, user, action) -> bool:
    """Clicking `action` on the root opens nothing for `user` and says why."""
    views = len(stack.emulator.views)
    stack.driver.click(user, CHANNEL, root_message(stack).ts, action)
    stack.deliver()
    shown = [m.text for m in stack.emulator.ephemerals(user=user)]
    return len(stack.emulator.views) == views and any(
        "Only this session's facilitator" in text for text in shown
    )


def test_the_peer_who_facilitates_keeps_the_sheet_and_the_journal_of_their_session(stack):
    root = _a_facilitates_b(stack)
    assert _refused(stack, C, "codev_attendance")  # a consultant
    assert stack.driver.click(A, CHANNEL, root.ts, "codev_attendance").status == 200
    fields = str(last_view(stack)["blocks"])
    assert f"att:{C}:status" in fields and f"att:{B}:status" in fields
    assert f"att:{A}:status" not in fields  # the facilitator is no line to correct
    assert submit(stack, A, {f"att:{C}:status": "present"}) == {}
    with uow(stack) as u:
        group = group_row(u)
        row = u.sessions.running(group.id)
        assert u.attendance.get(row.id, C).status == "present"
        sheet = {x.user_id: x.role for x in session_sheet(u, group, row, None)}
    assert sheet[A] == "facilitator" and sheet[B] == "client" and sheet[C] == "consultant"
    assert FACILITATOR not in sheet  # the group's facilitator did not run this one

    for _ in range(5):
        assert "moved" in said(stack.driver.command(A, CHANNEL, "next")).lower()
    assert _refused(stack, B, "codev_journal")  # the client
    assert stack.driver.click(A, CHANNEL, root.ts, "codev_journal").status == 200
    journal = {"incidents": "A long silence in phase 3", "adaptations": "Shorter exploration"}
    assert submit(stack, A, journal) == {}
    _end(stack, A)

    stack.driver.command(FACILITATOR, CHANNEL, "export")  # the cycle export: the group's
    stack.deliver()
    files = {f["name"].split("-")[0]: f for f in stack.emulator.files(FACILITATOR)}
    written = files["journal"]["content"].decode()
    assert "## Session #1 — 2026-12-01" in written and "A long silence in phase 3" in written
    hours = csv.reader(io.StringIO(files["hours"]["content"].decode("utf-8-sig")))
    attended = {row[0]: row[2] for row in hours}
    assert attended[A] == "1" and FACILITATOR not in attended  # A's turn counts for A
    attested = [f["name"] for f in stack.emulator.files(FACILITATOR) if f["name"].endswith(".pdf")]
    assert any(name.endswith(f"-{A}.pdf") for name in attested)  # facilitating is attending
    assert stack.emulator.files(A) == []
    assert stack.emulator.rejected() == []


def test_an_unreachable_peer_is_reported_to_the_session_facilitator(stack):
    _a_facilitates_b(stack, mode="async")
    assert "moved" in said(stack.driver.command(A, CHANNEL, "next")).lower()  # clarification
    stack.emulator.user(C)["deleted"] = True
    stack.clock.now = T0 + timedelta(hours=40)  # in the clarification's nudge window
    assert NudgeJobs(stack.services.ctx).run() >= 3  # the consultants who asked nothing
    stack.deliver()
    told = [m.text for m in stack.emulator.dms(A) if "cannot receive" in m.text]
    assert len(told) == 1 and C in told[0]
    assert not any("cannot receive" in m.text for m in stack.emulator.dms(FACILITATOR))
    assert any("clarification" in m.text for m in stack.emulator.dms(PEERS[3]))


def _planned_peer_run(stack, lang="en"):
    stack.clock.now = PLANNED_AT
    setup_group(stack, lang=lang)
    add_peers(stack, 6)
    assert change_settings(stack, {"peer_run": ["on"]}) == {}
    assert plan_cycle(stack, count="2").status == 200


def test_a_planned_facilitator_gets_the_client_suggestion_and_start_asks_nobody(stack):
    _planned_peer_run(stack)
    answer = said(stack.driver.command(FACILITATOR, CHANNEL, f"schedule facilitator 1 <@{A}|a>"))
    assert f"<@{A}> will facilitate session 1" in answer
    assert f"facilitated by <@{A}>" in said(stack.driver.command(C, CHANNEL, "schedule list"))
    refused = said(stack.driver.command(A, CHANNEL, f"schedule facilitator 1 <@{C}|c>"))
    assert "Only the group's facilitator" in refused  # planning is the group's

    stack.clock.now = SUGGESTED_AT
    assert stack.services.cycle_jobs.suggest_clients() == 1
    stack.deliver()
    assert not any("rotation" in m.text for m in stack.emulator.dms(FACILITATOR))
    suggestion = [m for m in stack.emulator.dms(A) if "rotation" in m.text][-1]
    dm = stack.emulator.dm_channel(A)
    stack.driver.click(A, dm, suggestion.ts, "codev_choose_client", A)  # their own case
    stack.deliver()
    assert "cannot be its client" in stack.emulator.ephemerals(user=A)[-1].text
    assert stack.driver.click(A, dm, suggestion.ts, "codev_confirm_client").status == 200
    stack.deliver()
    assert f"<@{B}> will be the client of session 1" in stack.emulator.dms(A)[-1].text
    own = said(stack.driver.command(FACILITATOR, CHANNEL, f"schedule facilitator 1 <@{B}|b>"))
    assert "does not facilitate their own case" in own

    stack.clock.now = SESSION_AT
    started = said(stack.driver.command(C, CHANNEL, "start"))
    assert "started" in started and f"Facilitated by <@{A}>" in started
    client, facilitator, consultants = _running(stack)
    assert (client, facilitator) == (B, A) and A not in consultants
    assert stack.emulator.rejected() == []


def test_only_a_peer_run_group_plans_its_facilitators_in_french_too(stack_fr):
    stack = stack_fr
    stack.clock.now = PLANNED_AT
    setup_group(stack, lang="fr")
    add_peers(stack, 6)
    assert plan_cycle(stack, count="2").status == 200
    off = said(stack.driver.command(FACILITATOR, CHANNEL, f"planifier animateur 2 <@{C}|c>"))
    assert "Seul un groupe en animation tournante" in off
    assert change_settings(stack, {"peer_run": ["on"]}) == {}
    on = said(stack.driver.command(FACILITATOR, CHANNEL, f"planifier animateur 2 <@{C}|c>"))
    assert f"<@{C}> animera la séance 2" in on
    listed = said(stack.driver.command(A, CHANNEL, "planifier liste"))
    assert f"animée par <@{C}>" in listed and listed.count("animée par") == 1
    help_text = said(stack.driver.command(A, CHANNEL, "aide"))
    assert "planifier animateur N @nom" in help_text


def test_the_home_shows_the_running_session_to_the_peer_who_facilitates_it(stack):
    _a_facilitates_b(stack)
    texts = {}
    for user in (A, C):
        assert stack.driver.app_home_opened(user).status == 200
        stack.services.locales.run()
        stack.deliver()
        texts[user] = str(stack.emulator.home(user)["blocks"])
    assert "Groups you run" in texts[A] and "session #1 running, phase" in texts[A]
    assert "Groups you run" not in texts[C]  # a consultant of that session


def test_the_method_counts_of_a_session_are_its_facilitators_to_read(stack):
    root = _a_facilitates_b(stack)
    assert "moved" in said(stack.driver.command(A, CHANNEL, "next")).lower()  # clarification
    reply(stack, C, root, "Have you considered talking to her one-on-one?")
    assert "Clarification: 1 disguised advice" in said(stack.driver.command(A, CHANNEL, "status"))
    for reader in (C, PEERS[3]):  # the one who slipped, another consultant
        assert "Method hints" not in said(stack.driver.command(reader, CHANNEL, "status"))


def test_a_forgotten_planned_facilitator_leaves_the_plan_to_the_group(stack):
    _planned_peer_run(stack)
    stack.driver.command(FACILITATOR, CHANNEL, f"schedule facilitator 1 <@{A}|a>")
    stack.driver.command(A, CHANNEL, "forget-me")
    confirm = stack.emulator.ephemerals(user=A)[-1]
    stack.driver.click(A, CHANNEL, confirm.ts, "codev_forget_confirm", A)
    stack.deliver()
    assert "facilitated by" not in said(stack.driver.command(C, CHANNEL, "schedule list"))
    with uow(stack) as u:
        session, plan = u.cycle.slot(group_row(u).id, 1)
        assert plan.facilitator_id is None and session.facilitator_id == FACILITATOR
    stack.clock.now = SUGGESTED_AT
    assert stack.services.cycle_jobs.suggest_clients() == 1
    stack.deliver()
    assert any("rotation" in m.text for m in stack.emulator.dms(FACILITATOR))
