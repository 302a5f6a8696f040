"""The scribe on the in-memory unit of work: who may record, what a recording stores and
replaces, and the client's harvest board held until synthesis."""

from __future__ import annotations

import pytest

from bot.domain import DomainError, Phase
from bot.services.effects import EffectKind
from bot.services.forms import InvalidFields
from bot.services.replies import ReplyService
from bot.services.scribe import ScribeService

from .conftest import CHANNEL, FACILITATOR, TEAM

CLIENT, SCRIBE, OTHER = "UA", "UB", "UC"


@pytest.fixture
def scribe(world):
    return ScribeService(world.ctx)


def _harvest_effects(world, session):
    ref = f"session:{session.id}:harvest"
    return [e for e in world.store.effects() if e.dedupe_key.startswith(ref)]


def test_a_recording_replaces_the_scribes_own_reading_of_the_line(world, scribe):
    session = world.move_to(world.start(CLIENT), Phase.CLARIFICATION)
    scribe.name(TEAM, CHANNEL, FACILITATOR, SCRIBE)
    ts = world.reply(session, SCRIBE, "How long has it lasted?")
    assert [q.author_id for q in world.store.t.questions.values()] == [SCRIBE]

    scribe.record(SCRIBE, session.id, ts, OTHER, "question", "How long has it lasted?")

    (question,) = world.store.t.questions.values()
    assert (question.number, question.author_id, question.recorded_by) == (1, OTHER, SCRIBE)
    assert question.message_ts == ts
    recorded = world.renderer.of("scribe_recorded")[-1].args
    assert recorded == ("en", "question", "", OTHER, 1)


def test_an_answer_recorded_from_the_question_keeps_the_question(world, scribe):
    session = world.move_to(world.start(CLIENT), Phase.CLARIFICATION)
    ts = world.reply(session, OTHER, "What did you try?")
    scribe.record(FACILITATOR, session.id, ts, CLIENT, "answer:1", "A weekly meeting")

    (question,) = world.store.t.questions.values()
    (answer,) = world.store.t.answers.values()
    assert question.author_id == OTHER and answer.question_id == question.id
    assert (answer.author_id, answer.text, answer.recorded_by) == (
        CLIENT,
        "A weekly meeting",
        FACILITATOR,
    )


def test_only_the_scribe_and_the_facilitator_record_and_only_for_the_right_role(world, scribe):
    session = world.move_to(world.start(CLIENT), Phase.EXPLORATION)
    with pytest.raises(DomainError) as refused:
        scribe.form(TEAM, CHANNEL, OTHER, None, "an idea")
    assert refused.value.key == "scribe.not_scribe"

    with pytest.raises(InvalidFields) as wrong:
        scribe.record(FACILITATOR, session.id, None, CLIENT, "contribution:idea", " ")
    assert wrong.value.errors == {
        "record_text": ("text.empty", {}),
        "record_who": ("scribe.role.contribution", {}),
    }
    with pytest.raises(InvalidFields) as wrong:
        scribe.record(FACILITATOR, session.id, None, "UZ", "contribution:gossip", "x")
    assert wrong.value.errors == {
        "record_what": ("scribe.what_missing", {}),
        "record_who": ("scribe.not_member", {}),
    }
    assert world.store.t.contributions == {}


def test_the_facilitator_names_a_consultant_and_the_root_says_so(world, scribe):
    world.start(CLIENT)
    with pytest.raises(DomainError) as refused:
        scribe.name(TEAM, CHANNEL, FACILITATOR, CLIENT)
    assert refused.value.key == "scribe.name_consultant"
    with pytest.raises(DomainError) as refused:
        scribe.name(TEAM, CHANNEL, SCRIBE, SCRIBE)
    assert refused.value.key == "rules.facilitator_only"

    info = scribe.name(TEAM, CHANNEL, FACILITATOR, SCRIBE)
    assert (info.scribe_id, info.named) == (SCRIBE, True)
    assert world.renderer.of("session_root")[-1].args[0].scribe_id == SCRIBE
    assert world.renderer.of("scribe_named")[-1].args == ("en", 1)
    assert scribe.name(TEAM, CHANNEL, FACILITATOR, None).scribe_id == FACILITATOR


@pytest.mark.parametrize(("mode", "held"), [("live", True), ("async", False)])
def test_a_held_harvest_board_reaches_the_client_when_synthesis_opens(world, mode, held):
    world.store.t.groups[world.group.id].hold_harvest = True
    world.store.t.groups[world.group.id].mode = mode
    session = world.move_to(world.start(CLIENT), Phase.EXPLORATION)
    world.reply(session, OTHER, "idea: ask her")
    world.reply(session, SCRIBE, "idea: ask him")
    assert bool(_harvest_effects(world, session)) is not held

    world.move_to(session, Phase.SYNTHESIS)
    effects = _harvest_effects(world, session)
    assert effects and effects[0].kind is EffectKind.DM
    items = world.renderer.of("harvest_board")[-1].args[3]
    assert [item[4] for item in items] == ["ask her", "ask him"]


def test_an_edit_of_a_recorded_answers_line_keeps_who_said_it_and_who_recorded_it(world, scribe):
    session = world.move_to(world.start(CLIENT), Phase.CLARIFICATION)
    world.reply(session, OTHER, "What did you try?")
    ts = world.reply(session, FACILITATOR, "Client: a weekly meeting")
    scribe.record(FACILITATOR, session.id, ts, CLIENT, "answer:1", "A weekly meeting")

    ReplyService(world.ctx).on_edit(
        CHANNEL, world.root_ts(session), ts, "A weekly meeting, then none", f"edit:{ts}"
    )

    (answer,) = world.store.t.answers.values()
    assert (answer.author_id, answer.text, answer.recorded_by) == (
        CLIENT,
        "A weekly meeting, then none",
        FACILITATOR,
    )
