"""Thread replies: what each person's reply becomes in each phase, on the in-memory store."""

from __future__ import annotations

import pytest

from bot.domain import DomainError, Phase
from bot.services.effects import EffectKind, root_ref
from bot.services.replies import CLIENT_NOTE, PENDING_ANSWER, ReplyService
from bot.services.sessions import SessionService

from .conftest import CHANNEL, TEAM


def notices(world, user_id: str) -> list[str]:
    """The keys of the notices rendered, once each private notice queued went to `user_id`."""
    private = world.store.effects(EffectKind.EPHEMERAL)
    assert private and {e.user_id for e in private} == {user_id}
    return [call.args[1] for call in world.renderer.of("notice")]


def test_a_consultants_reply_in_clarification_is_a_numbered_question_on_the_board(world):
    session = world.move_to(world.start("UA"), Phase.CLARIFICATION)
    world.reply(session, "UB", "What did you try already?")
    world.reply(session, "UC", "Who else knows?")

    questions = world.store.t.questions.values()
    assert [(q.number, q.author_id, q.text) for q in questions] == [
        (1, "UB", "What did you try already?"),
        (2, "UC", "Who else knows?"),
    ]
    board = [e for e in world.store.effects() if f"session:{session.id}:board" in e.dedupe_key]
    assert [e.kind for e in board] == [EffectKind.POST, EffectKind.UPDATE]
    assert board[0].thread_ref == root_ref(session.id)
    assert board[1].target_ref == f"session:{session.id}:board"
    assert world.renderer.of("question_board") == []  # rendered when it is sent, not at the ack
    world.sent(board[-1])
    items = world.renderer.of("question_board")[-1].args[2]
    assert [(n, author) for n, author, _, _ in items] == [(1, "UB"), (2, "UC")]
    assert world.store.effects(EffectKind.REACT) == []  # the board is the acknowledgement


def test_the_clients_numbered_replies_answer_their_questions(world):
    session = world.move_to(world.start("UA"), Phase.CLARIFICATION)
    world.reply(session, "UB", "What did you try already?")
    world.reply(session, "UC", "Who else knows?")
    world.reply(session, "UA", "R1 : a meeting\nR2 : nobody")

    by_question = {
        world.store.t.questions[a.question_id].number: a.text
        for a in world.store.t.answers.values()
    }
    assert by_question == {1: "a meeting", 2: "nobody"}
    world.sent(world.store.effects(EffectKind.UPDATE)[-1])
    assert world.renderer.of("question_board")[-1].args[2][0][3] == ["a meeting"]


def test_an_unclear_answer_is_kept_and_the_client_asked_which_question(world):
    session = world.move_to(world.start("UA"), Phase.CLARIFICATION)
    world.reply(session, "UB", "What did you try already?")
    world.reply(session, "UC", "Who else knows?")
    world.reply(session, "UA", "Not much, honestly")

    assert world.store.t.answers == {}
    (pending,) = [n for n in world.store.t.notes.values() if n.kind == PENDING_ANSWER]
    assert pending.text == "Not much, honestly"
    (ask,) = world.store.effects(EffectKind.EPHEMERAL)
    assert ask.user_id == "UA" and ask.thread_ref == root_ref(session.id)
    choice = world.renderer.of("answer_choice")[-1]
    assert choice.args[2] == pending.id and [n for n, _ in choice.args[4]] == [1, 2]

    service = ReplyService(world.ctx)
    service.place_pending("UA", session.id, pending.id, "2", "click-1")
    (answer,) = world.store.t.answers.values()
    assert (world.store.t.questions[answer.question_id].number, answer.text) == (
        2,
        "Not much, honestly",
    )
    with pytest.raises(DomainError) as again:  # the same button, clicked twice
        service.place_pending("UA", session.id, pending.id, "2", "click-2")
    assert again.value.key == "answer.already_placed"


def test_only_the_client_places_a_kept_reply(world):
    session = world.move_to(world.start("UA"), Phase.CLARIFICATION)
    world.reply(session, "UB", "What did you try already?")
    world.reply(session, "UC", "Who else knows?")
    world.reply(session, "UA", "Not much")
    (pending,) = [n for n in world.store.t.notes.values() if n.kind == PENDING_ANSWER]

    with pytest.raises(DomainError) as refused:
        ReplyService(world.ctx).place_pending("UB", session.id, pending.id, "1", "click")
    assert refused.value.key == "answer.client_only"


def test_a_clients_reply_before_any_question_is_kept_as_their_note(world):
    session = world.move_to(world.start("UA"), Phase.CLARIFICATION)
    world.reply(session, "UA", "One more thing about the context")

    (note,) = world.store.t.notes.values()
    assert (note.kind, note.author_id, note.phase) == (CLIENT_NOTE, "UA", Phase.CLARIFICATION)
    assert notices(world, "UA")[-1] == "answer.kept_no_question"


def test_a_retried_event_changes_nothing(world):
    session = world.move_to(world.start("UA"), Phase.CLARIFICATION)
    ts = world.reply(session, "UB", "What did you try?", key="Ev1")
    effects = len(world.store.t.outbox)
    ReplyService(world.ctx).on_reply(
        TEAM, CHANNEL, world.root_ts(session), "UB", "What did you try?", ts, "Ev1"
    )

    assert len(world.store.t.questions) == 1
    assert len(world.store.t.outbox) == effects


def test_a_reply_in_another_thread_is_ignored(world):
    world.start("UA")
    ReplyService(world.ctx).on_reply(
        TEAM, CHANNEL, "some.other.thread", "UB", "hello", world.ts(), "Ev9"
    )

    assert world.store.t.request_keys == {}  # not even the event is recorded
    assert world.store.t.notes == {} and world.store.t.questions == {}


def test_the_exposé_is_the_clients_and_a_consultant_is_told_to_listen(world):
    session = world.start("UA")
    ts = world.reply(session, "UA", "Here is my situation")
    world.reply(session, "UB", "Have you thought of…")

    (note,) = world.store.t.notes.values()
    assert (note.kind, note.author_id, note.message_ts) == ("expose", "UA", ts)
    (react,) = world.store.effects(EffectKind.REACT)
    assert react.dedupe_key == f"react:{CHANNEL}:{ts}"
    assert notices(world, "UB") == ["rules.listen_during_expose"]
    (refusal,) = world.store.effects(EffectKind.EPHEMERAL)
    assert refusal.user_id == "UB"


def test_an_outsiders_reply_is_refused_and_not_stored(world):
    session = world.move_to(world.start("UA"), Phase.CLARIFICATION)
    world.reply(session, "UZ", "Can I ask something?")

    assert world.store.t.questions == {}
    assert notices(world, "UZ") == ["rules.not_member"]


def test_a_peer_who_left_the_group_becomes_an_outsider(world):
    session = world.move_to(world.start("UA"), Phase.CLARIFICATION)
    world.member("UB").left_at = world.clock()
    world.reply(session, "UB", "Still here?")

    assert world.store.t.questions == {}
    assert notices(world, "UB") == ["rules.not_member"]


def test_a_reply_is_held_until_the_peer_accepts_the_charter(world):
    session = world.move_to(world.start("UA"), Phase.CLARIFICATION)
    world.member("UC").charter_accepted_at = None
    world.reply(session, "UC", "My question")

    assert world.store.t.questions == {}
    (prompt,) = world.renderer.of("charter_prompt")
    assert prompt.args[1] is True  # held in the thread, not a DM
    assert [e.user_id for e in world.store.effects(EffectKind.EPHEMERAL)] == ["UC"]


def test_contributions_take_their_tag_as_kind_and_go_to_the_clients_board(world):
    session = world.move_to(world.start("UA"), Phase.EXPLORATION)
    world.reply(session, "UB", "idée : parle-lui directement")
    world.reply(session, "UC", "ressource: https://example.org/guide")

    assert [(c.number, c.kind, c.text) for c in world.store.t.contributions.values()] == [
        (1, "idea", "parle-lui directement"),
        (2, "resource", "https://example.org/guide"),
    ]
    board = [e for e in world.store.effects() if ":harvest" in e.dedupe_key]
    assert [e.kind for e in board] == [EffectKind.DM, EffectKind.UPDATE]
    assert board[0].user_id == "UA"  # the harvest board is the client's alone


def test_a_clients_reply_in_exploration_is_a_clarifying_note_unless_strict(world):
    session = world.move_to(world.start("UA"), Phase.EXPLORATION)
    world.reply(session, "UA", "To be precise: it is my team")
    assert [n.kind for n in world.store.t.notes.values()] == ["clarifying"]

    world.group.strict_exploration = True
    world.reply(session, "UA", "And another thing")
    assert [n.kind for n in world.store.t.notes.values()] == ["clarifying"]
    assert notices(world, "UA")[-1] == "rules.client_listens"


def test_replies_in_the_learning_phase_are_learnings_for_everyone(world):
    session = world.move_to(world.start("UA"), Phase.LEARNING)
    for user_id in ("UA", "UB", "UF"):
        world.reply(session, user_id, f"What {user_id} learned")

    learnings = world.store.t.learnings.values()
    assert [(item.author_id, item.phase) for item in learnings] == [
        ("UA", Phase.LEARNING),
        ("UB", Phase.LEARNING),
        ("UF", Phase.LEARNING),
    ]
    assert len(world.store.effects(EffectKind.REACT)) == 3


def test_a_reply_after_the_session_ended_is_told_so(world):
    session = world.start("UA")
    SessionService(world.ctx).end(TEAM, CHANNEL, "UF")
    world.reply(session, "UB", "Too late?")

    assert notices(world, "UB")[-1] == "reply.session_over"
    assert world.store.t.notes == {}


def test_editing_a_question_rewrites_it_and_deleting_it_removes_it(world):
    session = world.move_to(world.start("UA"), Phase.CLARIFICATION)
    ts = world.reply(session, "UB", "What did you try?")
    service = ReplyService(world.ctx)

    service.on_edit(CHANNEL, world.root_ts(session), ts, "What did you try first?", "Ev-edit")
    (question,) = world.store.t.questions.values()
    assert question.text == "What did you try first?"

    service.on_delete(CHANNEL, world.root_ts(session), ts, "Ev-delete")
    assert world.store.t.questions == {}
    world.sent(world.store.effects(EffectKind.UPDATE)[-1])
    assert world.renderer.of("question_board")[-1].args[2] == []
