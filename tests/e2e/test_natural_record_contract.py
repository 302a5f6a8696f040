"""The contract as the method has it, over signed HTTP: consultants offer a reformulation
in the thread, the client adopts one on the card; « À reformuler » asks the group for a
reformulation; by default the client may ask for precision during exploration."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.i18n import t
from tests.support.content_flows import (
    buttons,
    click_in_thread,
    everything_said,
    latest_with,
    reply,
    thread,
)
from tests.support.flows import add_peers, ephemeral_texts, root_message, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, Stack

CLIENT, CONSULTANTS = PEERS[0], PEERS[1:4]
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
WORDS = {
    "fr": (
        "Aidez-moi à déléguer le planning",
        "Si je comprends bien, tu voudrais que l'équipe prenne le planning en main ?",
        "Tu parles de quelle équipe exactement ?",
    ),
    "en": (
        "Help me to delegate the planning",
        "If I understand you, you would like the team to own the planning?",
        "Which team do you mean exactly?",
    ),
}


@pytest.fixture(params=["fr", "en"])
def group(request, database_url):
    stack = Stack(database_url, lang=request.param)
    stack.lang = request.param
    yield stack
    stack.close()


def _next(stack, times=1):
    for _ in range(times):
        assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200


def _contract(stack):
    with stack.services.ctx.uow_factory() as uow:
        contract = uow.content.contract(1)
        return contract.request, contract.revision


def _notes(stack, kind):
    with stack.services.ctx.uow_factory() as uow:
        return [(n.author_id, n.text) for n in uow.content.notes(1, kind)]


def test_the_group_offers_reformulations_and_the_client_adopts_one(group):
    stack, lang = group, group.lang
    request, offer, precision = WORDS[lang]
    stack.clock.now = T0
    setup_group(stack, lang=lang)
    add_peers(stack, 4)
    start_session(stack, f"start <@{CLIENT}|peer1>")
    root = root_message(stack)
    _next(stack, 2)  # clarification, then the contract
    reply(stack, CLIENT, root, request)
    assert _contract(stack) == (request, 1)

    # a consultant asks for a reformulation: the group is invited, once for this wording
    click_in_thread(stack, CONSULTANTS[0], root, "codev_reword_contract", ends_with=":1")
    click_in_thread(stack, CONSULTANTS[1], root, "codev_reword_contract", ends_with=":1")
    invite = t(
        lang,
        "contract.invite_reformulation",
        people=f"<@{CONSULTANTS[0]}>",
        client=f"<@{CLIENT}>",
    )
    assert [m.text for m in thread(stack, root) if m.text == invite] == [invite]

    # a consultant's reply offers a reformulation: kept, shown on the card with its button
    reply(stack, CONSULTANTS[2], root, offer)
    assert _notes(stack, "reformulation") == [(CONSULTANTS[2], offer)]
    card = latest_with(thread(stack, root), "codev_adopt_reformulation")
    assert offer in everything_said([card])
    value = buttons(card, "codev_adopt_reformulation")[0]

    # only the client adopts it
    response = stack.driver.click(
        CONSULTANTS[0], CHANNEL, card.ts, "codev_adopt_reformulation_1", value
    )
    assert response.status == 200
    assert _contract(stack) == (request, 1)
    response = stack.driver.click(CLIENT, CHANNEL, card.ts, "codev_adopt_reformulation_1", value)
    assert response.status == 200
    assert _contract(stack) == (offer, 2)
    stack.deliver()
    assert t(lang, "contract.you_adopted") in ephemeral_texts(stack, CLIENT)
    card = latest_with(thread(stack, root), "codev_confirm_contract")
    assert "(0)" in str(card.blocks) or "0/" in card.text  # everyone confirms again

    # by default the client may ask for precision in exploration: kept, not refused
    _next(stack)
    reply(stack, CONSULTANTS[0], root, "idea: a weekly rota")
    reply(stack, CLIENT, root, precision)
    assert _notes(stack, "clarifying") == [(CLIENT, precision)]
    stack.deliver()
    assert t(lang, "rules.client_listens") not in ephemeral_texts(stack, CLIENT)
    assert stack.emulator.rejected() == []
