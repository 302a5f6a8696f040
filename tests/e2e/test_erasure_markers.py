"""Erased means erased: a whole session whose every kind of text carries a marker of
its author; after forget-me none of that person's markers is left in any table nor
in the bot's messages in Slack, and after the retention purge no marker of the
cycle is left in any table, the queue included."""

from __future__ import annotations

import json
import re
from datetime import timedelta

from sqlalchemy import select

from bot.persistence.models import Base
from tests.support.content_flows import (
    buttons,
    click_in_dm,
    click_in_thread,
    last_view,
    latest_with,
    reply,
    submit,
)
from tests.support.data import START, uow
from tests.support.flows import add_peers, root_message, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, NAMES, PEERS

CLIENT, GONE, STAYS = PEERS[0], PEERS[1], PEERS[2]
T0 = START  # a day after the test world begins
TAG = {CLIENT: "MKCLIENT", GONE: "MKGONE", STAYS: "MKSTAYS", FACILITATOR: "MKFACIL"}


def mark(person: str, kind: str) -> str:
    """A text carrying its author's marker, with what Slack and JSON escape around it."""
    return f'{TAG[person]}{kind.upper()} "{kind}" & <{kind}> of {NAMES[person]}'


def _tables(stack) -> str:
    with uow(stack) as u:
        return "\n".join(
            json.dumps([str(v) for v in row], ensure_ascii=False)
            for table in Base.metadata.sorted_tables
            for row in u.db.execute(select(table))
        )


def _bot_messages(stack) -> str:
    """Every message of the bot as Slack shows it now: channel, threads, DMs, homes."""
    emulator = stack.emulator
    messages = [m for m in emulator.all_messages(CHANNEL) if m.bot]
    for person in NAMES:
        messages += [m for m in emulator.dms(person) if m.bot]
    shown = [m.text + json.dumps(m.blocks, ensure_ascii=False) for m in messages]
    shown += [json.dumps(emulator.home(p), ensure_ascii=False) for p in NAMES]
    return "\n".join(shown)


def _next(stack):
    assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200


def _hold_a_marked_session(stack):
    stack.clock.now = T0
    setup_group(stack)
    add_peers(stack, 3)
    for person in (CLIENT, GONE, STAYS):
        stack.driver.command(person, CHANNEL, f"topic {mark(person, 'topic')}")
    start_session(stack, f"start <@{CLIENT}|peer1>")
    root = root_message(stack)
    for person in (CLIENT, GONE, STAYS):
        stack.driver.app_home_opened(person)

    reply(stack, CLIENT, root, mark(CLIENT, "expose"))
    _next(stack)  # clarification
    reply(stack, GONE, root, mark(GONE, "question"))
    reply(stack, STAYS, root, mark(STAYS, "question"))
    reply(stack, CLIENT, root, f"Q1 {mark(CLIENT, 'answerone')}")
    reply(stack, CLIENT, root, f"Q2 {mark(CLIENT, 'answertwo')}")
    _next(stack)  # contract
    stack.driver.command(CLIENT, CHANNEL, f"contract {mark(CLIENT, 'contract')}")
    assert submit(stack, CLIENT, {"help_kinds": ["ideas", "experience"]}) == {}
    for consultant in (GONE, STAYS):
        click_in_thread(stack, consultant, root, "codev_confirm_contract", ends_with=":1")
    _next(stack)  # exploration
    reply(stack, GONE, root, f"idea: {mark(GONE, 'contribution')}")
    reply(stack, STAYS, root, f"experience: {mark(STAYS, 'contribution')}")
    stack.deliver()
    harvest = latest_with(stack.emulator.dms(CLIENT), "codev_harvest")
    for value in [v for v in buttons(harvest, "codev_harvest") if v.endswith(":keep")]:
        click_in_dm(stack, CLIENT, "codev_harvest", value)
    _next(stack)  # synthesis
    reply(stack, GONE, root, mark(GONE, "learning"))
    click_in_thread(stack, CLIENT, root, "codev_write_action_plan")
    # the rows come pre-filled with the kept contributions: the client empties them and
    # writes their own plan
    emptied = {
        b["block_id"]: ""
        for b in last_view(stack)["blocks"]
        if b.get("block_id", "").endswith("_what")
    }
    plan = {**emptied, "actions_text": f"{mark(CLIENT, 'plan')} — 2026-12-20"}
    assert submit(stack, CLIENT, plan) == {}
    _next(stack)  # learning & regulation
    reply(stack, CLIENT, root, mark(CLIENT, "learning"))
    reply(stack, STAYS, root, mark(STAYS, "learning"))
    for person in (CLIENT, GONE, STAYS):
        click_in_thread(stack, person, root, "codev_evaluate")
        answers = {
            field: mark(person, f"eval{field}")
            for field in ("appreciation", "expectations", "learnings", "applications")
        }
        assert submit(stack, person, {"rating": "4", **answers}) == {}
    _next(stack)  # the end: summary in the thread, recap to the client
    stack.deliver()


def _forget(stack, person):
    """forget-me, confirmed; then the queue's retention job passes (delivered rows
    lose their recipient and payload)."""
    stack.driver.command(person, CHANNEL, "forget-me")
    confirm = stack.emulator.ephemerals(user=person)[-1]
    stack.driver.click(person, CHANNEL, confirm.ts, "codev_forget_confirm", person)
    stack.deliver()
    stack.services.privacy.prune_outbox(keep_hours=48)


def test_forget_me_then_the_purge_leave_no_marker_in_the_tables_nor_in_slack(stack):
    _hold_a_marked_session(stack)
    tables, slack = _tables(stack), _bot_messages(stack)
    for person in (CLIENT, GONE, STAYS):  # every kind of text was stored and shown
        for kind in ("topic", "learning", "evalappreciation"):
            assert f"{TAG[person]}{kind.upper()}" in tables
    for kind in ("EXPOSE", "ANSWERONE", "CONTRACT", "PLAN"):
        assert f"MKCLIENT{kind}" in tables
    for kind in ("QUESTION", "CONTRIBUTION"):
        assert f"MKGONE{kind}" in tables and f"MKGONE{kind}" in slack
    assert "MKCLIENTCONTRACT" in slack and "MKCLIENTPLAN" in slack

    _forget(stack, GONE)
    tables, slack = _tables(stack), _bot_messages(stack)
    assert "MKGONE" not in tables and GONE not in tables
    assert "MKGONE" not in slack
    assert "MKSTAYSQUESTION" in slack and "MKSTAYSCONTRIBUTION" in tables

    _forget(stack, CLIENT)
    tables, slack = _tables(stack), _bot_messages(stack)
    assert "MKCLIENT" not in tables and CLIENT not in tables and "MKCLIENT" not in slack
    assert "MKSTAYSQUESTION" in slack and "MKSTAYSLEARNING" in tables
    assert stack.emulator.rejected() == []

    assert stack.driver.command(FACILITATOR, CHANNEL, "privacy retention 1").status == 200
    stack.clock.now = T0 + timedelta(days=40)
    assert stack.services.privacy.purge_expired() > 0
    stack.deliver()
    tables, slack = _tables(stack), _bot_messages(stack)
    assert "MKSTAYS" not in tables and "MK" not in _markers_only(tables)
    assert "MKSTAYS" not in slack
    assert stack.emulator.rejected() == []


def _markers_only(text: str) -> str:
    """The markers found in `text` (MK followed by capitals): a helpful failure."""
    return " ".join(re.findall(r"MK[A-Z]+", text))


def test_in_an_anonymising_group_the_boards_keep_the_text_under_a_stand_in(stack):
    stack.clock.now = T0
    setup_group(stack)
    add_peers(stack, 3)
    stack.driver.command(FACILITATOR, CHANNEL, "privacy erase anonymise")
    start_session(stack, f"start <@{CLIENT}|peer1>")
    root = root_message(stack)
    _next(stack)
    reply(stack, STAYS, root, mark(STAYS, "question"))
    stack.deliver()
    reply(stack, GONE, root, mark(GONE, "question"))  # its board update is still queued
    _forget(stack, GONE)
    tables = _tables(stack)
    assert "MKGONEQUESTION" in tables and GONE not in tables
    board = [
        m for m in stack.emulator.thread(CHANNEL, root.ts) if "MKSTAYSQUESTION" in str(m.blocks)
    ]
    assert len(board) == 1 and "MKGONEQUESTION" in str(board[0].blocks)
    assert GONE not in str(board[0].blocks)
    assert stack.emulator.rejected() == []
