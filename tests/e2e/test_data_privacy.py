"""Each person's control of their data: forget-me erases their text everywhere,
a copy of their data comes by DM as JSON."""

from __future__ import annotations

import io
import json
from datetime import timedelta

from pypdf import PdfReader
from sqlalchemy import select

from bot.persistence.models import Base, EvaluationRow, OutboxRow
from bot.services.effects import Effect, EffectKind, Payload
from tests.support.data import START, hold_session, item, uow
from tests.support.flows import add_peers, said, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, OUTSIDER, PEERS

ME = PEERS[0]
MINE = [f"ZEBRA-{n} private words" for n in range(10)]


def _everything(stack) -> str:
    """Every row of every table, as text."""
    with uow(stack) as u:
        rows = []
        for table in Base.metadata.sorted_tables:
            rows += [str(tuple(r)) for r in u.db.execute(select(table))]
        return "\n".join(rows)


def _store_my_words(stack):
    setup_group(stack)
    add_peers(stack, 4)
    stack.driver.command(ME, CHANNEL, f"topic {MINE[9]}")
    first = hold_session(
        stack,
        ME,
        items=[item(MINE[0])],
        learnings=[(ME, MINE[1]), (PEERS[1], "Someone else's learning")],
        evaluations=[(PEERS[1], 4, ("ok", "ok", "ok", "ok"))],
    )
    second = hold_session(
        stack,
        PEERS[1],
        at=START + timedelta(days=14),
        evaluations=[(ME, 5, (MINE[2], MINE[3], MINE[4], "fine"))],
    )
    now = START + timedelta(days=15)
    with uow(stack) as u:
        u.content.add_note(first, 1, "expose", ME, MINE[5], None, now)
        u.content.set_contract(first, MINE[6], ["ideas"], now)
        question = u.content.add_question(second, ME, MINE[7], None, now)
        u.content.add_answer(question.id, PEERS[1], "An answer to it", None, now)
        u.content.add_contribution(second, ME, "idea", MINE[8], None, now)
        u.outbox.add(
            Effect(EffectKind.POST, Payload(f"Question 1: {MINE[7]}"), "t:board", channel=CHANNEL),
            now,
        )
        u.outbox.add(
            Effect(
                EffectKind.DM,
                Payload("Reminder"),
                "t:reminder",
                user_id=ME,
                due_at=now + timedelta(days=30),
            ),
            now,
        )
        u.commit()
    stack.clock.now = now
    stack.deliver()
    return first, second


def _forget(stack, user):
    answer = stack.driver.command(user, CHANNEL, "oublie-moi")
    assert answer.status == 200
    confirm = stack.emulator.ephemerals(user=user)[-1]
    stack.driver.click(user, CHANNEL, confirm.ts, "codev_forget_confirm", user)
    stack.deliver()
    return answer


def _text(file) -> str:
    """A file as its reader sees it: the text of a PDF, the content of the others."""
    if file["name"].endswith(".pdf"):
        pages = PdfReader(io.BytesIO(file["content"])).pages
        return " ".join(page.extract_text() for page in pages)
    return file["content"].decode()


def test_forget_me_erases_my_text_from_every_table_home_and_later_reports(stack):
    _store_my_words(stack)
    everything = _everything(stack)
    assert all(text in everything for text in MINE)
    answer = _forget(stack, ME)
    assert "cannot be undone" in said(answer)
    assert "your personal data has been erased" in stack.emulator.ephemerals(user=ME)[-1].text

    everything = _everything(stack)
    for text in MINE:
        assert text not in everything
    with uow(stack) as u:
        group = u.groups.by_channel("T0CODEV", CHANNEL)
        assert ME not in [m.user_id for m in group.active_members]
        assert u.prefs.lang(ME) is None
        assert [e.rating for e in u.db.scalars(select(EvaluationRow))] == [4, 5]
        reminder = u.db.scalars(select(OutboxRow).where(OutboxRow.dedupe_key == "t:reminder"))
        assert reminder.one().status == "cancelled"
        assert "Someone else's learning" in everything and "An answer" not in everything

    stack.driver.app_home_opened(ME)
    stack.deliver()
    assert "not in any codéveloppement group" in str(stack.emulator.home(ME)["blocks"])
    stack.driver.command(FACILITATOR, CHANNEL, "report group")
    stack.driver.command(FACILITATOR, CHANNEL, "export")
    stack.deliver()
    later = str([m.blocks for m in stack.emulator.channel_messages(CHANNEL)[-2:]])
    files = " ".join(_text(f) for f in stack.emulator.files(FACILITATOR))
    assert "Sessions held: *2*" in later
    for text in MINE:
        assert text not in later and text not in files
    assert ME not in files
    assert stack.emulator.rejected() == []


def test_forget_me_can_be_cancelled(stack):
    _store_my_words(stack)
    stack.driver.command(ME, CHANNEL, "forget-me")
    confirm = stack.emulator.ephemerals(user=ME)[-1]
    stack.driver.click(ME, CHANNEL, confirm.ts, "codev_forget_cancel", ME)
    stack.deliver()
    assert "Nothing was erased" in stack.emulator.ephemerals(user=ME)[-1].text
    assert MINE[1] in _everything(stack)


def test_a_facilitator_hands_the_group_over_before_being_forgotten(stack):
    setup_group(stack)
    answer = stack.driver.command(FACILITATOR, CHANNEL, "forget-me")
    assert "hand the group over" in said(answer)


def test_an_outsider_may_ask_to_be_forgotten(stack):
    setup_group(stack)
    _forget(stack, OUTSIDER)
    assert "erased" in stack.emulator.ephemerals(user=OUTSIDER)[-1].text


def test_my_data_comes_by_dm_as_json(stack):
    _store_my_words(stack)
    answer = stack.driver.command(ME, CHANNEL, "mes-données")
    assert "on its way by DM" in said(answer)
    stack.deliver()
    files = stack.emulator.files(ME)
    assert len(files) == 1 and files[0]["name"].endswith(".json")
    data = json.loads(files[0]["content"].decode("utf-8"))
    assert data["user_id"] == ME
    assert [row["text"] for row in data["learnings"]] == [MINE[1]]
    assert data["evaluations"][0]["appreciation"] == MINE[2]
    assert data["action_items"][0]["text"] == MINE[0]
    assert data["groups"][0]["name"] == "Managers circle"
    assert "Someone else's learning" not in files[0]["content"].decode("utf-8")
    assert stack.emulator.rejected() == []
