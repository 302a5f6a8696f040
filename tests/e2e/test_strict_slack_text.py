"""Text that looks like nothing, or shows something other than it says."""

from __future__ import annotations

import json

from tests.support.flows import in_clarification
from tests.support.stack import CHANNEL, PEERS

RLO, PDF = "\u202e", "\u202c"


def test_a_reply_of_zero_width_characters_only_is_refused_privately(stack):
    root = in_clarification(stack)
    before = len(stack.emulator.thread(CHANNEL, root.ts))
    stack.driver.message(PEERS[1], CHANNEL, "\u200b\u200d\ufeff\u2060 \u200c", thread_ts=root.ts)
    stack.deliver()
    told = [m.text for m in stack.emulator.ephemerals(user=PEERS[1])]
    assert any("invisible characters" in text for text in told), told
    boards = [m for m in stack.emulator.thread(CHANNEL, root.ts) if "Q1" in json.dumps(m.blocks)]
    assert boards == []  # nothing recorded, no board shows a blank question
    assert len(stack.emulator.thread(CHANNEL, root.ts)) == before + 1  # only the reply itself


def test_bidi_overrides_in_a_question_are_not_shown(stack):
    root = in_clarification(stack)
    stack.driver.message(
        PEERS[1], CHANNEL, f"Who pays {RLO}fdp.exe{PDF} in the end?", thread_ts=root.ts
    )
    stack.deliver()
    bot_messages = [m for m in stack.emulator.thread(CHANNEL, root.ts) if m.bot]
    shown = json.dumps([(m.text, m.blocks) for m in bot_messages], ensure_ascii=False)
    assert "fdp.exe" in shown
    assert RLO not in shown and PDF not in shown


def test_the_answer_modal_quotes_a_question_without_bidi_overrides():
    from bot.slack.render.content_modals import answer_modal

    view = answer_modal("en", 1, 1, f"Who pays {RLO}fdp.exe{PDF}?")
    shown = json.dumps(view, ensure_ascii=False)
    assert "fdp.exe" in shown and RLO not in shown and PDF not in shown
