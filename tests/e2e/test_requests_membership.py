"""A peer removed from the group, or who leaves it, while a session runs takes part no
more from that moment: their replies and clicks are refused, privately, in their
language; the others go on as before. Coming back (`/codev join`) gives them their
place again."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from bot.i18n import t
from tests.support.content_flows import click_in_thread, reply, submit
from tests.support.flows import add_peers, ephemeral_texts, root_message, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, Stack

CLIENT, REMOVED, LEAVER, STAYER = PEERS[:4]
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(params=["en", "fr"])
def group_stack(request, database_url):
    stack = Stack(database_url, lang=request.param)
    stack.lang = request.param
    yield stack
    stack.close()


def _count(stack, table: str, user_column: str, user: str) -> int:
    with stack.runtime.engine.connect() as connection:
        return connection.scalar(
            text(f"SELECT count(*) FROM {table} WHERE {user_column} = :user"), {"user": user}
        )


def _next(stack):
    assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200


def test_a_removed_or_departed_peer_is_refused_privately_from_the_moment_they_leave(
    group_stack,
):
    stack, lang = group_stack, group_stack.lang
    stack.clock.now = T0
    setup_group(stack, lang=lang)
    add_peers(stack, 4)
    assert start_session(stack, f"start <@{CLIENT}|peer1>").status == 200
    root = root_message(stack)
    _next(stack)  # clarification

    for peer in (REMOVED, LEAVER, STAYER):
        reply(stack, peer, root, "Question: how long has it been so?")
    assert [_count(stack, "questions", "author_id", p) for p in (REMOVED, LEAVER)] == [1, 1]

    mention = f"<@{REMOVED}|peer2>"
    assert stack.driver.command(FACILITATOR, CHANNEL, f"members remove {mention}").status == 200
    assert stack.driver.command(LEAVER, CHANNEL, "leave").status == 200
    refusal = t(lang, "rules.not_member")
    for peer in (REMOVED, LEAVER, STAYER):
        reply(stack, peer, root, "Question: and who decides?")
    stack.deliver()
    assert [_count(stack, "questions", "author_id", p) for p in (REMOVED, LEAVER)] == [1, 1]
    assert _count(stack, "questions", "author_id", STAYER) == 2
    for peer in (REMOVED, LEAVER):
        assert refusal in ephemeral_texts(stack, peer)
        assert "Question: and who decides?" not in str(stack.emulator.channel_messages(CHANNEL))
    assert refusal not in ephemeral_texts(stack, STAYER)

    _next(stack)  # contract: the client writes it, the consultants confirm it
    click_in_thread(stack, CLIENT, root, "codev_write_contract")
    assert submit(stack, CLIENT, {"request": "Help me to plan", "help_kinds": ["ideas"]}) == {}
    before = len(ephemeral_texts(stack, REMOVED))
    for peer in (REMOVED, LEAVER, STAYER):
        click_in_thread(stack, peer, root, "codev_confirm_contract")
    stack.deliver()
    confirmed = "SELECT user_id FROM contract_confirmations"
    with stack.runtime.engine.connect() as connection:
        assert {r[0] for r in connection.execute(text(confirmed))} == {STAYER}
    assert ephemeral_texts(stack, REMOVED)[before:].count(refusal) == 1
    assert refusal in ephemeral_texts(stack, LEAVER)

    assert stack.driver.command(LEAVER, CHANNEL, "join").status == 200  # back: their place too
    click_in_thread(stack, LEAVER, root, "codev_confirm_contract")
    with stack.runtime.engine.connect() as connection:
        assert {r[0] for r in connection.execute(text(confirmed))} == {STAYER, LEAVER}
