"""The client's record, over signed HTTP, after a session written the way people write,
in French and in English: the recap by DM and the client's `/codev report` carry every
question with its answer, every contribution by kind with kept and parked marked, the
plan with its dates in words, and the learnings. Others get the short summary."""

from __future__ import annotations

import pytest

from bot.i18n import t
from bot.slack.render.kit import day_in_words
from bot.slack.text import escape
from tests.e2e.test_natural_session import SCRIPTS, T0
from tests.support.content_flows import (
    buttons,
    click_in_dm,
    click_in_thread,
    last_view,
    latest_with,
    reply,
    submit,
)
from tests.support.flows import add_peers, root_message, said, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, Stack

CLIENT, CONSULTANTS = PEERS[0], PEERS[1:5]
VERDICTS = ("keep", "park", "drop", "keep")
REQUESTS = {
    "fr": "M'aider à ce que l'équipe prenne le planning en main",
    "en": "Help me to get my team to own the planning",
}


@pytest.fixture(params=["fr", "en"])
def natural(request, database_url):
    stack = Stack(database_url, lang=request.param)
    stack.lang = request.param
    yield stack
    stack.close()


def _next(stack, times=1):
    for _ in range(times):
        assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200


def _clarification(stack, root, script):
    for n, question in enumerate(script["questions"]):
        reply(stack, CONSULTANTS[n % len(CONSULTANTS)], root, question)
    for text, _, click in script["replies"]:
        reply(stack, CLIENT, root, text)
        if click is None:
            continue
        stack.deliver()
        asked = [m for m in stack.emulator.ephemerals(CLIENT, CHANNEL) if buttons(m, "codev_place")]
        value = next(v for v in buttons(asked[-1], "codev_place") if v.endswith(f":{click}"))
        action = f"codev_place_answer_{click}"
        assert stack.driver.click(CLIENT, CHANNEL, asked[-1].ts, action, value).status == 200


def _session(stack, lang):
    """One whole session; gives back the verdict of each contribution, in order."""
    script = SCRIPTS[lang]
    stack.clock.now = T0
    setup_group(stack, lang=lang)
    add_peers(stack, 5)
    start_session(stack, f"start <@{CLIENT}|peer1>")
    root = root_message(stack)
    _next(stack)
    _clarification(stack, root, script)

    _next(stack)  # contract
    click_in_thread(stack, CLIENT, root, "codev_write_contract")
    assert submit(stack, CLIENT, {"request": REQUESTS[lang], "help_kinds": ["ideas"]}) == {}

    _next(stack)  # exploration
    for n, (text, _) in enumerate(script["contributions"]):
        reply(stack, CONSULTANTS[n % len(CONSULTANTS)], root, text)
    stack.deliver()
    harvest = latest_with(stack.emulator.dms(CLIENT), "codev_harvest")
    verdicts = []
    for n, value in enumerate(v for v in buttons(harvest, "codev_harvest") if v.endswith(":keep")):
        verdict = VERDICTS[n % len(VERDICTS)]
        click_in_dm(stack, CLIENT, "codev_harvest", value.replace(":keep", f":{verdict}"))
        verdicts.append(verdict)

    _next(stack)  # synthesis: the plan written in words, learnings in the thread
    click_in_thread(stack, CLIENT, root, "codev_write_action_plan")
    rows = [
        b["block_id"] for b in last_view(stack)["blocks"] if b.get("block_id", "").endswith("_what")
    ]
    assert len(rows) == verdicts.count("keep")  # pre-filled with what the client kept
    lines = [line for line, _ in script["plan"]]
    # the rows take the first actions (their dates in words), the free box the rest
    values = {row: (lines[n] if n < len(lines) else "") for n, row in enumerate(rows)}
    values["actions_text"] = "\n".join(lines[len(rows) :])
    assert submit(stack, CLIENT, values) == {}
    reply(stack, CONSULTANTS[0], root, "learning: listening before advising")
    _next(stack)
    reply(stack, CLIENT, root, "learning: I can let go")
    _next(stack)  # the end
    stack.deliver()
    return verdicts


def _plan(stack):
    with stack.services.ctx.uow_factory() as uow:
        return [(i.text, i.due_on) for i in uow.content.action_items(1)]


def _assert_the_whole_record(shown: str, stack, lang: str, verdicts) -> dict:
    script = SCRIPTS[lang]
    for n, question in enumerate(script["questions"], 1):
        assert f"*Q{n}* {escape(question)}" in shown, question
        assert f"> {escape(script['answers'][n])}" in shown, n
    with stack.services.ctx.uow_factory() as uow:
        stored = [c.text for c in uow.content.contributions(1)]
    assert len(stored) == len(script["contributions"])
    for n, (text, verdict) in enumerate(zip(stored, verdicts, strict=True), 1):
        mark = t(lang, f"record.mark.{verdict}")
        assert f"*{mark}* · #{n} {escape(text)}" in shown, text
    for kind in {kind for _, kind in script["contributions"]}:
        assert t(lang, f"contribution.{kind}").capitalize() in shown
    items = _plan(stack)
    assert len(items) == len(script["plan"])
    for what, due in items:
        assert escape(what) in shown
        if due:
            assert day_in_words(due, lang, T0.date()) in shown
    assert "listening before advising" in shown and "I can let go" in shown
    assert escape(REQUESTS[lang]) in shown
    return {
        "questions": len(script["questions"]),
        "answers": len(script["answers"]),
        "contributions": len(verdicts),
        "plan items": len(items),
        "dated": sum(1 for _, due in items if due),
    }


def _text(messages) -> str:
    return _texts([b for m in messages for b in m.blocks])


def _texts(blocks) -> str:
    """What the blocks say, as the reader reads it."""
    return "\n".join(b["text"]["text"] for b in blocks if isinstance(b.get("text"), dict))


def test_the_client_gets_every_answer_contribution_and_action_by_dm(natural):
    stack, lang = natural, natural.lang
    verdicts = _session(stack, lang)
    title = t(lang, "recap.title", number=1, group="")
    record = [m for m in stack.emulator.dms(CLIENT) if m.text.startswith(title.split("—")[0])]
    assert record, "no record in the client's DMs"
    counts = _assert_the_whole_record(_text(record), stack, lang, verdicts)
    assert counts == {
        "questions": 7,
        "answers": 7,
        "contributions": 8,
        "plan items": 5,
        "dated": 4,
    }
    assert stack.emulator.rejected() == []


def test_the_clients_report_is_their_record_and_a_consultants_the_summary(natural):
    stack, lang = natural, natural.lang
    verdicts = _session(stack, lang)
    answer = stack.driver.command(CLIENT, CHANNEL, "report").json()
    stack.deliver()
    later = stack.emulator.ephemerals(CLIENT, CHANNEL)
    shown = _texts(answer["blocks"]) + _text(later)
    _assert_the_whole_record(shown, stack, lang, verdicts)

    other = said(stack.driver.command(CONSULTANTS[0], CHANNEL, "report"))
    assert t(lang, "summary.questions", count=7, answered=7) in other
    assert escape(SCRIPTS[lang]["answers"][1]) not in other
    assert stack.emulator.rejected() == []


def _long_session(stack, lang):
    """Seven questions, each answered at length: a record longer than one message."""
    stack.clock.now = T0
    setup_group(stack, lang=lang)
    add_peers(stack, 5)
    start_session(stack, f"start <@{CLIENT}|peer1>")
    root = root_message(stack)
    _next(stack)
    for n in range(1, 8):
        reply(stack, CONSULTANTS[n % 2], root, f"MKQUESTION{n} of {CONSULTANTS[n % 2]}?")
    for n in range(1, 8):
        long = f"MKANSWER{n} " + " ".join(f"word{n}x{k}" for k in range(250))
        reply(stack, CLIENT, root, f"Q{n} : {long}")
    _next(stack, 5)
    stack.deliver()


def _record_parts(stack, lang):
    title = t(lang, "recap.title", number=1, group="Managers circle")
    return [m for m in stack.emulator.dms(CLIENT) if m.text.startswith(title)]


def test_a_long_record_comes_in_parts_and_forgetting_someone_reaches_every_part(natural):
    stack, lang = natural, natural.lang
    _long_session(stack, lang)
    parts = _record_parts(stack, lang)
    assert len(parts) >= 2
    assert all(f"({n}/{len(parts)})" in m.text for n, m in enumerate(parts, 1))
    shown = _text(parts)
    for n in range(1, 8):
        assert f"MKANSWER{n} " in shown and f"word{n}x249" in shown
        assert f"MKQUESTION{n} of" in shown

    # the client's report: the first part as the answer, the rest privately after it
    answer = stack.driver.command(CLIENT, CHANNEL, "report").json()
    assert answer["blocks"] == parts[0].blocks
    stack.deliver()
    seen = [m for m in stack.emulator.ephemerals(CLIENT, CHANNEL) if m.text == parts[0].text]
    later = stack.emulator.ephemerals(CLIENT, CHANNEL)[-(len(parts) - 1) :]
    assert len(seen) == 1 and [m.text for m in later] == [m.text for m in parts[1:]]
    assert _text([*seen, *later]) == shown

    # a consultant forgets themselves: every part of the record is rendered again
    gone = CONSULTANTS[1]
    stack.driver.command(gone, CHANNEL, "forget-me")
    confirm = stack.emulator.ephemerals(user=gone)[-1]
    stack.driver.click(gone, CHANNEL, confirm.ts, "codev_forget_confirm", gone)
    stack.deliver()
    shown = _text(_record_parts(stack, lang))
    assert f"of {gone}" not in shown
    assert "MKANSWER7" not in shown  # an answer goes with its question
    assert f"MKQUESTION6 of {CONSULTANTS[0]}" in shown and "word6x249" in shown
    assert stack.emulator.rejected() == []
