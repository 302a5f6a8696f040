"""The promises of the foundation: signed requests only, retries applied once,
nothing lost, no ping through the bot."""

from __future__ import annotations

import json
import time

from sqlalchemy import create_engine, func, select

from bot.persistence.models import Base
from tests.support.flows import (
    add_peers,
    in_clarification,
    root_message,
    setup_group,
    start_session,
)
from tests.support.stack import CHANNEL, FACILITATOR, PEERS


def _row_counts(stack) -> dict[str, int]:
    engine = create_engine(stack.runtime.settings.database_url)
    try:
        with engine.connect() as connection:
            return {
                name: connection.execute(select(func.count()).select_from(table)).scalar()
                for name, table in Base.metadata.tables.items()
            }
    finally:
        engine.dispose()


def _command_body() -> bytes:
    return (
        f"team_id=T0CODEV&channel_id={CHANNEL}&user_id={FACILITATOR}&command=%2Fcodev"
        "&text=setup&trigger_id=1.2.3&response_url=http%3A%2F%2F127.0.0.1%2Fx"
    ).encode()


def test_forged_or_stale_signatures_get_401_and_store_nothing(stack):
    before = _row_counts(stack)
    content_type = "application/x-www-form-urlencoded"
    forged = stack.driver.send(_command_body(), content_type, signature="v0=" + "0" * 64)
    wrong_secret = stack.driver.send(_command_body(), content_type, secret="not-the-secret")
    stale = stack.driver.send(_command_body(), content_type, timestamp=int(time.time()) - 600)
    future = stack.driver.send(_command_body(), content_type, timestamp=int(time.time()) + 600)
    assert [r.status for r in (forged, wrong_secret, stale, future)] == [401] * 4
    assert _row_counts(stack) == before
    assert not [c for c in stack.emulator.calls if c.method.startswith("views")]


def _question_event(stack, root_ts: str, text: str) -> dict:
    """A consultant's reply as Slack stores and sends it (without sending it yet)."""
    from bot.emulator import Message

    ts = stack.emulator.clock.next_ts()
    stack.emulator.store(
        Message(ts=ts, channel=CHANNEL, user=PEERS[1], text=text, thread_ts=root_ts)
    )
    return {
        "type": "message",
        "channel": CHANNEL,
        "user": PEERS[1],
        "text": text,
        "ts": ts,
        "thread_ts": root_ts,
        "channel_type": "group",
    }


def test_a_retried_event_is_applied_once(stack):
    root = in_clarification(stack)
    event = _question_event(stack, root.ts, "Who decided the reorganisation?")
    first = stack.driver.event(event, event_id="Ev0RETRY1")
    retries = [stack.driver.event(event, event_id="Ev0RETRY1", retry_num=n) for n in (1, 2, 3)]
    assert first.status == 200 and all(r.status == 200 for r in retries)
    stack.deliver()
    counts = _row_counts(stack)
    assert counts["questions"] == 1
    board = [m for m in stack.emulator.thread(CHANNEL, root.ts) if "Q1" in str(m.blocks)]
    assert len(board) == 1 and "*Q2*" not in str(board[0].blocks)
    assert stack.emulator.rejected() == []


def test_user_text_cannot_ping_the_channel_through_the_bot(stack):
    root = in_clarification(stack)
    stack.driver.message(
        PEERS[1], CHANNEL, "<!channel> <!here> <@U0PEER3> who decided?", thread_ts=root.ts
    )
    stack.deliver()
    bot_messages = [m for m in stack.emulator.thread(CHANNEL, root.ts) if m.bot]
    for message in bot_messages:
        rendered = json.dumps(message.blocks) + message.text
        assert "<!channel>" not in rendered and "<!here>" not in rendered
        assert "<@U0PEER3>" not in rendered


def test_a_reply_that_does_not_belong_to_the_phase_gets_a_private_explanation(stack):
    setup_group(stack)
    add_peers(stack, 3)
    start_session(stack, f"start <@{PEERS[0]}|peer1>")
    root = root_message(stack)
    stack.driver.message(PEERS[1], CHANNEL, "Why now?", thread_ts=root.ts)  # exposé: listen
    stack.deliver()
    notes = [m.text for m in stack.emulator.ephemerals(user=PEERS[1])]
    assert any("consultants listen" in text for text in notes)
    assert _row_counts(stack)["questions"] == 0


def test_a_modal_with_a_missing_field_answers_errors_on_that_field(stack):
    stack.driver.command(FACILITATOR, CHANNEL, "setup")
    view_id = list(stack.emulator.views)[-1]
    response = stack.driver.submit_view(
        FACILITATOR,
        view_id,
        {
            "name": "",
            "lang": "fr",
            "tz": "Mars/Olympus",
            "mode": "live",
            "facilitator": FACILITATOR,
        },
    )
    body = response.json()
    assert body["response_action"] == "errors"
    assert set(body["errors"]) == {"name", "tz"}
    assert _row_counts(stack)["groups"] == 0


def test_someone_joining_the_channel_is_told_privately_how_to_take_part(stack):
    setup_group(stack)
    event = {
        "type": "member_joined_channel",
        "user": PEERS[5],
        "channel": CHANNEL,
        "channel_type": "G",
        "team": "T0CODEV",
    }
    assert stack.driver.event(event, event_id="Ev0JOIN1").status == 200
    assert stack.driver.event(event, event_id="Ev0JOIN1", retry_num=1).status == 200
    stack.deliver()
    hints = [m.text for m in stack.emulator.ephemerals(user=PEERS[5])]
    assert len(hints) == 1 and "/codev join" in hints[0]


def test_every_queued_effect_knows_its_workspace(stack):
    from bot.persistence.models import OutboxRow

    in_clarification(stack)
    stack.driver.command(FACILITATOR, CHANNEL, "status")
    engine = create_engine(stack.runtime.settings.database_url)
    try:
        with engine.connect() as connection:
            teams = set(connection.execute(select(OutboxRow.team_id)).scalars())
    finally:
        engine.dispose()
    assert teams == {"T0CODEV"}
