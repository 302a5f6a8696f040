"""Phase 4, the client's harvest: sorting contributions and changing their kind."""

from __future__ import annotations

import pytest

from bot.domain import DomainError, Phase
from bot.services.contract import ContractService
from bot.services.effects import EffectKind
from bot.services.harvest import HarvestService, split_kind_tag


@pytest.fixture
def session(world):
    return world.move_to(world.start("UA"), Phase.EXPLORATION)


def contribution(world, session, user_id="UB", text="idea: ask her"):
    world.reply(session, user_id, text)
    return max(world.store.t.contributions.values(), key=lambda c: c.id)


def test_the_client_keeps_a_contribution_and_the_board_is_updated_in_place(world, session):
    item = contribution(world, session)
    HarvestService(world.ctx).sort("UA", session.id, item.id, "keep")

    assert world.store.t.contributions[item.id].harvest == "keep"
    ref = f"session:{session.id}:harvest"
    board = [e for e in world.store.effects() if e.dedupe_key.startswith(ref)]
    assert [e.kind for e in board] == [EffectKind.DM, EffectKind.UPDATE]
    assert board[1].target_ref == ref and board[1].channel == "UA"
    items = world.renderer.of("harvest_board")[-1].args[3]
    assert items == [(item.id, 1, "UB", "idea", "ask her", "keep")]


def test_a_consultant_cannot_sort_the_clients_harvest(world, session):
    item = contribution(world, session)
    with pytest.raises(DomainError) as refused:
        HarvestService(world.ctx).sort("UB", session.id, item.id, "drop")

    assert refused.value.key == "rules.harvest_by_client"
    assert world.store.t.contributions[item.id].harvest is None


def test_the_client_may_change_a_contributions_kind(world, session):
    item = contribution(world, session)
    HarvestService(world.ctx).set_kind("UA", session.id, item.id, "experience")

    assert world.store.t.contributions[item.id].kind == "experience"
    with pytest.raises(ValueError):
        HarvestService(world.ctx).set_kind("UA", session.id, item.id, "gossip")


def test_a_contribution_of_another_session_is_gone(world, session):
    item = contribution(world, session)
    with pytest.raises(DomainError) as gone:
        HarvestService(world.ctx).sort("UA", session.id, item.id + 1000, "keep")

    assert gone.value.key == "harvest.gone"


def test_sorting_waits_for_the_exploration(world):
    session = world.move_to(world.start("UA"), Phase.CLARIFICATION)
    with pytest.raises(DomainError) as early:
        HarvestService(world.ctx).sort("UA", session.id, 1, "keep")

    assert early.value.key == "rules.harvest_in_exploration"


def test_a_finished_session_is_not_harvested(world, session):
    item = contribution(world, session)
    world.store.session(session.id).status = "done"
    with pytest.raises(DomainError) as over:
        HarvestService(world.ctx).sort("UA", session.id, item.id, "keep")

    assert over.value.key == "session.not_running"


def test_an_untagged_contribution_takes_the_first_kind_of_help_asked(world):
    session = world.move_to(world.start("UA"), Phase.CONTRACT)
    ContractService(world.ctx).write("UA", session.id, "Help me", ["resources", "ideas"])
    world.move_to(session, Phase.EXPLORATION)
    item = contribution(world, session, text="The union has people for this")

    assert (item.kind, item.text) == ("resource", "The union has people for this")


@pytest.mark.parametrize(
    ("text", "kind", "rest"),
    [
        ("idée : parle-lui", "idea", "parle-lui"),
        ("[Ressource]: le guide", "resource", "le guide"),
        ("vécu: la même chose", "experience", "la même chose"),
        ("note: not a kind", None, "note: not a kind"),
        ("idea:", None, "idea:"),
    ],
)
def test_kind_tags_in_both_languages(text, kind, rest):
    tagged, body = split_kind_tag(text)
    assert (tagged, body) == (kind, rest)
