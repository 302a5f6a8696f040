"""Phase 3, the contract: the client's request, the consultants' answers, reformulations."""

from __future__ import annotations

import pytest

from bot.domain import DomainError, Phase
from bot.services.contract import ContractService
from bot.services.effects import EffectKind
from bot.services.forms import InvalidFields

from .conftest import CHANNEL, TEAM


@pytest.fixture
def session(world):
    return world.move_to(world.start("UA"), Phase.CONTRACT)


def card_calls(world):
    return world.renderer.of("contract_card")


def test_the_client_writes_the_request_and_the_card_is_posted_in_the_thread(world, session):
    ContractService(world.ctx).write("UA", session.id, "Help me to delegate", ["ideas"])

    (contract,) = world.store.t.contracts.values()
    assert (contract.request, contract.help_kinds, contract.revision) == (
        "Help me to delegate",
        ["ideas"],
        1,
    )
    (card,) = [e for e in world.store.effects() if ":contract:" in e.dedupe_key]
    assert card.kind == EffectKind.POST and card.ref == f"session:{session.id}:contract"
    assert card_calls(world)[-1].kwargs["consultants"] == ["UB", "UC", "UD", "UE"]


def test_a_consultant_cannot_write_the_request(world, session):
    with pytest.raises(DomainError) as refused:
        ContractService(world.ctx).write("UB", session.id, "Help her to delegate", ["ideas"])

    assert refused.value.key == "rules.contract_use_buttons"
    assert world.store.t.contracts == {}


def test_every_problem_of_the_form_is_named_at_once(world, session):
    opened = len(world.factory.units)
    with pytest.raises(InvalidFields) as invalid:
        ContractService(world.ctx).write("UA", session.id, "   ", ["nonsense"])

    assert set(invalid.value.errors) == {"request", "help_kinds"}
    assert invalid.value.errors["help_kinds"][0] == "contract.kinds_missing"
    assert len(world.factory.units) == opened  # checked before any transaction


def test_confirmations_count_for_the_current_revision_only(world, session):
    service = ContractService(world.ctx)
    service.write("UA", session.id, "Help me to delegate", ["ideas"])
    assert service.respond("UB", session.id, 1, "confirmed") == "en"
    assert card_calls(world)[-1].kwargs["confirmed"] == ["UB"]

    service.write("UA", session.id, "Help me to delegate more", ["ideas", "experience"])
    (contract,) = world.store.t.contracts.values()
    assert contract.revision == 2
    assert card_calls(world)[-1].kwargs["confirmed"] == []  # UB confirmed the old wording
    with pytest.raises(DomainError) as stale:
        service.respond("UC", session.id, 1, "confirmed")
    assert stale.value.key == "contract.stale"

    service.respond("UC", session.id, 2, "confirmed")
    assert card_calls(world)[-1].kwargs["confirmed"] == ["UC"]
    updates = [e for e in world.store.effects(EffectKind.UPDATE) if e.target_ref]
    assert {e.target_ref for e in updates} >= {f"session:{session.id}:contract"}


def test_the_client_does_not_confirm_their_own_request(world, session):
    service = ContractService(world.ctx)
    service.write("UA", session.id, "Help me to delegate", ["ideas"])
    with pytest.raises(DomainError) as refused:
        service.respond("UA", session.id, 1, "confirmed")

    assert refused.value.key == "rules.contract_confirmed_by_consultants"
    assert world.store.t.confirmations == {}


def test_asking_to_reword_invites_reformulations_once_per_revision(world, session):
    service = ContractService(world.ctx)
    service.write("UA", session.id, "Help me to delegate", ["ideas"])
    service.respond("UB", session.id, 1, "reword")
    service.respond("UC", session.id, 1, "reword")

    invites = [e for e in world.store.effects() if ":reword-invite:" in e.dedupe_key]
    assert [e.dedupe_key for e in invites] == [f"session:{session.id}:reword-invite:1"]
    assert world.renderer.of("reformulation_invite")[0].args[2] == ["UB"]
    assert card_calls(world)[-1].kwargs["reword"] == ["UB", "UC"]


def test_the_client_adopts_a_consultants_reformulation_as_a_new_revision(world, session):
    service = ContractService(world.ctx)
    service.write("UA", session.id, "Help me to delegate", ["ideas"])
    world.reply(session, "UB", "If I understand, you want to trust your team more?")
    (offer,) = [n for n in world.store.t.notes.values() if n.kind == "reformulation"]
    assert card_calls(world)[-1].kwargs["offers"] == [(offer.id, "UB", offer.text)]

    assert service.adopt("UA", session.id, offer.id) == "en"
    (contract,) = world.store.t.contracts.values()
    assert (contract.request, contract.revision, contract.help_kinds) == (
        "If I understand, you want to trust your team more?",
        2,
        ["ideas"],
    )
    with pytest.raises(DomainError) as gone:
        service.adopt("UA", session.id, offer.id + 1000)
    assert gone.value.key == "contract.offer_gone"


def test_the_form_opens_with_the_request_so_far_and_only_in_the_contract_phase(world):
    session = world.move_to(world.start("UA"), Phase.CLARIFICATION)
    service = ContractService(world.ctx)
    with pytest.raises(DomainError) as early:
        service.form(TEAM, CHANNEL, "UA")
    assert early.value.key == "rules.contract_in_contract"

    world.move_to(session, Phase.CONTRACT)
    service.write("UA", session.id, "Help me to delegate", ["ideas", "resources"])
    form = service.form(TEAM, CHANNEL, "UA")
    assert (form.session_id, form.request, form.help_kinds) == (
        session.id,
        "Help me to delegate",
        ["ideas", "resources"],
    )
    assert service.form(TEAM, CHANNEL, "UA", draft="A new draft").request == "A new draft"
