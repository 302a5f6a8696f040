"""Slack retries an event it thinks was not acknowledged (X-Slack-Retry-Num 1–3): the
app recognises each retry, so no row and no message is ever duplicated."""

from __future__ import annotations

import pytest

from tests.support.flows import add_peers, root_message, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS

from .support import row_counts

pytestmark = pytest.mark.faults


class Recorder:
    """Keeps every event the driver sends, with its id, so it can be sent again."""

    def __init__(self, driver):
        self.sent: list[tuple[dict, str]] = []
        self._send = driver.event
        driver.event = self

    def __call__(self, event, event_id=None, retry_num=None, retry_reason="http_timeout"):
        event_id = event_id or f"Ev{len(self.sent):06d}RETRY"
        if retry_num is None:
            self.sent.append((event, event_id))
        return self._send(event, event_id, retry_num, retry_reason)


def _session_with_replies(stack):
    client, first, second = PEERS[:3]
    start_session(stack, f"start <@{client}|peer1>")
    root = root_message(stack).ts
    say = stack.driver.message
    say(client, CHANNEL, "My situation: a team that stopped talking.", root)
    say(first, CHANNEL, "Too early for a question?", root)  # refused in the exposé
    stack.driver.command(FACILITATOR, CHANNEL, "next")
    _, question = say(first, CHANNEL, "How long has it been going on?", root)
    _, other = say(second, CHANNEL, "Who noticed first?", root)
    say(client, CHANNEL, "Q1 Since the spring.", root)
    stack.driver.edit(first, CHANNEL, question, "How long has it been going on, exactly?")
    stack.deliver()  # the bot's reaction reaches the question before it is deleted
    stack.driver.delete(second, CHANNEL, other)
    stack.driver.message(first, CHANNEL, "chatter outside the thread")
    for _ in range(3):
        stack.driver.command(FACILITATOR, CHANNEL, "next")
        say(first, CHANNEL, "An idea for this phase.", root)
        say(client, CHANNEL, "Noted, thank you.", root)


def test_every_event_replayed_with_retry_numbers_changes_nothing(stack):
    setup_group(stack)
    add_peers(stack, 3)
    recorder = Recorder(stack.driver)
    _session_with_replies(stack)
    stack.deliver()
    rows, calls = row_counts(stack), len(stack.emulator.calls)
    messages = len(stack.emulator.all_messages(CHANNEL)) + len(stack.emulator.ephemerals())
    assert len(recorder.sent) == 14
    assert rows["questions"] and rows["answers"] and rows["thread_notes"]  # replies were kept

    for event, event_id in list(recorder.sent):
        for retry in (1, 2, 3):
            response = recorder(event, event_id, retry_num=retry)
            assert response.status == 200, response.body
    stack.deliver()

    assert row_counts(stack) == rows
    assert len(stack.emulator.calls) == calls
    assert len(stack.emulator.all_messages(CHANNEL)) + len(stack.emulator.ephemerals()) == messages
    assert stack.emulator.rejected() == []
