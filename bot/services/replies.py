"""Thread replies: what a person's reply in a session thread becomes.

The rules table decides (phase × role): a question, an answer, the exposé, a
contribution, a learning… A reply that does not belong to the phase is not
stored as content, and its author gets a private explanation. The event id is
recorded in the same transaction, so a retried event changes nothing.
"""

from __future__ import annotations

from typing import Any, cast

from ..domain import Action, DomainError, Phase, clean_text, reply_action
from ..domain.answers import QuestionRef, place_answer, reference, split_answers
from ..domain.session import Status
from .access import lang_in, phase_of, require_action, role_in, running_row
from .boards import QUESTION_BOARD, deferred, post_or_update
from .charter import needs_charter, queue_charter_prompt
from .coaching import coach_reply
from .context import Context
from .contract import REFORMULATION, queue_card
from .effects import Effect, EffectKind
from .forms import InvalidFields
from .harvest import contribution_kind, queue_board, split_kind_tag
from .membership import group_of
from .notices import queue_private
from .reader import user_lang
from .records import ContributionRecord

NOTE_KINDS = {
    Action.REPORT_FOLLOW_UP: "follow_up",
    Action.POST_EXPOSE: "expose",
    Action.CLARIFYING_REPLY: "clarifying",
    Action.STATE_SYNTHESIS: "synthesis",
    Action.FACILITATOR_NOTE: "facilitation",
    Action.OFFER_REFORMULATION: REFORMULATION,
}
# Replies whose board or card is updated in the thread: that update is their acknowledgement,
# a ✅ reaction on top would be one more Slack call for nothing.
SHOWN_ON_A_BOARD = frozenset(
    {
        Action.ASK_QUESTION,
        Action.ANSWER_QUESTION,
        Action.WRITE_CONTRACT,
        Action.OFFER_REFORMULATION,
    }
)
# A client's reply the app could not place on a question yet, kept until they say which one;
# what they say is "not an answer" stays as a note of theirs.
PENDING_ANSWER, CLIENT_NOTE = "pending_answer", "client_note"
MAX_CHOICES = 24  # question buttons in the private "which question?" message, besides "none"


class ReplyService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def on_reply(self, team_id, channel_id, thread_ts, user_id, text, ts, event_key) -> None:
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            row = uow.sessions.by_root_message(channel_id, thread_ts)
            if row is None or not uow.request_keys.claim(event_key, now):
                return  # not a session thread, or a retry of a reply already applied
            group = group_of(uow, row.group_id)
            try:
                if row.status != Status.RUNNING:
                    raise DomainError("reply.session_over")
                if needs_charter(group, user_id):  # not recorded: the charter comes first
                    key = f"charter:{event_key}"
                    queue_charter_prompt(uow, self.ctx, group, user_id, key, now, row)
                    uow.commit()
                    return
                session = uow.sessions.state(row)
                role = role_in(uow, row, user_id, group)
                action = reply_action(phase_of(session), role, group.strict_exploration)
                body = clean_text(text)
                self._store(uow, row, action, user_id, body, ts, now)
                coach_reply(
                    uow, self.ctx, row, group, session.role_of(user_id), user_id, body, ts, now
                )
            except DomainError as refusal:  # the language is read only to say why
                lang = user_lang(uow, user_id, group, self.ctx.default_lang)
                self._notice(uow, row, user_id, lang, refusal, event_key, now)
            uow.commit()

    def on_edit(self, channel_id, thread_ts, ts, text, event_key) -> None:
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            row, item = _reply_in_thread(uow, channel_id, thread_ts, ts, event_key, now)
            if item is None:
                return
            try:
                body = clean_text(text)
                if hasattr(item, "harvest"):  # a contribution: its tag may have changed
                    contribution = cast(ContributionRecord, item)
                    tagged, body = split_kind_tag(body)
                    contribution.kind = str(tagged) if tagged else contribution.kind
                if hasattr(item, "question_id") or getattr(item, "kind", None) == PENDING_ANSWER:
                    self._replace_answers(uow, row, item, body, now)  # its pointer may have changed
                else:
                    item.text = body
            except DomainError:
                for same in self._same_reply(uow, row, item):
                    uow.content.remove(same)  # an emptied reply is a withdrawn one
            self._refresh_boards(uow, row, now, f"edit:{event_key}")
            uow.commit()

    def on_delete(self, channel_id, thread_ts, ts, event_key) -> None:
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            row, item = _reply_in_thread(uow, channel_id, thread_ts, ts, event_key, now)
            if row is None:
                return
            uow.outbox.cancel_by_prefix(f"react:{channel_id}:{ts}")  # nothing left to mark
            if item is not None:
                for same in self._same_reply(uow, row, item):
                    uow.content.remove(same)
                self._refresh_boards(uow, row, now, f"delete:{event_key}")
            uow.commit()

    # --- storing each kind of reply
    def _store(self, uow, row, action, user_id, text, ts, now) -> None:
        content = uow.content
        if action in NOTE_KINDS:
            content.add_note(row.id, row.phase, NOTE_KINDS[action], user_id, text, ts, now)
            if action == Action.OFFER_REFORMULATION:  # shown on the card, for the client
                queue_card(uow, self.ctx.renderer, row, now)
        elif action == Action.ASK_QUESTION:
            content.add_question(row.id, user_id, text, ts, now)
            self._refresh_board(uow, row, now, f"q:{ts}")
        elif action == Action.ANSWER_QUESTION:
            self._answer(uow, row, user_id, text, ts, now)
        elif action == Action.WRITE_CONTRACT:
            content.set_contract(row.id, text, None, now)
            queue_card(uow, self.ctx.renderer, row, now)
        elif action == Action.CONTRIBUTE:
            kind, text = contribution_kind(uow, row.id, text)
            content.add_contribution(row.id, user_id, kind, text, ts, now)
            queue_board(uow, self.ctx.renderer, row, now)
        elif action == Action.SHARE_LEARNING:
            content.add_learning(row.id, row.phase, user_id, text, ts, now)
        if action not in SHOWN_ON_A_BOARD:
            self._acknowledge(uow, row, ts, now)

    def _answer(self, uow, row, user_id, text, ts, now) -> None:
        """Place the client's reply on the question it answers; when that is unclear,
        keep it as pending and ask them, privately, with a button per question."""
        questions = uow.content.questions(row.id)
        answered = {a.question_id for a in uow.content.answers(row.id)}
        refs = [QuestionRef(q.number, q.text, q.id in answered) for q in questions]
        by_number = {q.number: q for q in questions}
        several = split_answers(text, refs)  # « R1 : oui\nR2 : non »
        if several:
            for number, body in several:
                self.answer(uow, row, by_number[number], user_id, clean_text(body), ts, now)
            return
        placed = place_answer(text, refs)
        if placed.number is not None:
            question = by_number[placed.number]
            self.answer(uow, row, question, user_id, clean_text(placed.text), ts, now)
            return
        lang = lang_in(uow, row, user_id, self.ctx.default_lang)
        if not questions:  # nothing to answer yet: kept as the client's note
            uow.content.add_note(row.id, row.phase, CLIENT_NOTE, user_id, text, ts, now)
            told = self.ctx.renderer.notice(lang, "answer.kept_no_question")
            self._private(uow, row, user_id, told, f"kept:{row.id}:{ts}", now)
            return
        note = uow.content.add_note(row.id, row.phase, PENDING_ANSWER, user_id, text, ts, now)
        choices = [(n, by_number[n].text) for n in placed.candidates[:MAX_CHOICES]]
        ask = self.ctx.renderer.answer_choice(lang, row.id, note.id, text, choices, placed.missing)
        self._private(uow, row, user_id, ask, f"which:{row.id}:{ts}", now)

    def _replace_answers(self, uow, row, item, body, now) -> None:
        """An answer (or a reply kept pending) was edited: its text, and the question it
        points to, are read again. With no pointer, an answer stays on its question."""
        questions = uow.content.questions(row.id)
        by_id = {q.id: q for q in questions}
        refs = [QuestionRef(q.number, q.text) for q in questions]
        parts = split_answers(body, refs)
        pointed = reference(body)
        numbers = {q.number for q in questions}
        if parts is None and pointed is not None and pointed[2] and pointed[0] in numbers:
            parts = [(pointed[0], pointed[1] or body)]
        if parts is None and getattr(item, "question_id", None) in by_id:
            parts = [(by_id[item.question_id].number, body)]
        if parts is None:  # still pending (the buttons still attach it), or its question is gone
            item.text = body
            return
        author, ts = item.author_id, item.message_ts
        recorded_by = getattr(item, "recorded_by", None)  # the scribe who recorded it, if any
        for same in self._same_reply(uow, row, item):
            uow.content.remove(same)
        by_number = {q.number: q for q in questions}
        for number, text in parts:
            uow.content.add_answer(
                by_number[number].id, author, clean_text(text), ts, now, recorded_by=recorded_by
            )

    @staticmethod
    def _same_reply(uow, row, item) -> list[Any]:
        """Everything one thread reply became: several answers share its ts."""
        if not hasattr(item, "question_id") or not item.message_ts:
            return [item]
        return [a for a in uow.content.answers(row.id) if a.message_ts == item.message_ts]

    def answer(self, uow, row, question, user_id, text, ts, now) -> None:
        uow.content.add_answer(question.id, user_id, text, ts, now)
        self._refresh_board(uow, row, now, f"a:{ts or now.isoformat()}")

    # --- the Answer button's modal
    def answer_form(self, user_id: str, session_id: int, number: int) -> tuple[str, str]:
        """Check the client may answer question `number` now; its text and their language."""
        with self.ctx.uow_factory() as uow:
            row = running_row(uow, session_id)
            require_action(uow, row, user_id, Action.ANSWER_QUESTION)
            question = uow.content.question(row.id, number)
            if question is None:
                raise DomainError("reply.no_such_question", number=number)
            return question.text, lang_in(uow, row, user_id, self.ctx.default_lang)

    def answer_from_modal(self, user_id: str, session_id: int, number: int, text: str) -> None:
        try:
            body = clean_text(text)
        except DomainError as problem:
            raise InvalidFields({"answer": (problem.key, problem.params)}) from problem
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            row = running_row(uow, session_id, lock=True)
            require_action(uow, row, user_id, Action.ANSWER_QUESTION)
            question = uow.content.question(row.id, number)
            if question is None:
                raise DomainError("reply.no_such_question", number=number)
            self.answer(uow, row, question, user_id, body, None, now)
            uow.commit()

    # --- the private "which question?" buttons
    def place_pending(self, user_id, session_id, note_id, choice, key) -> None:
        """Attach a kept reply to question `choice` (a number), or keep it as the
        client's note ("none"). A second click finds the reply already placed."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            row = running_row(uow, session_id, lock=True)
            if user_id != row.client_id:
                raise DomainError("answer.client_only")
            pending = uow.content.notes(row.id, PENDING_ANSWER)
            note = next((n for n in pending if n.id == note_id), None)
            if note is None:
                raise DomainError("answer.already_placed")
            lang = lang_in(uow, row, user_id, self.ctx.default_lang)
            if choice == "none":
                note.kind = CLIENT_NOTE
                message = self.ctx.renderer.notice(lang, "answer.kept_as_note")
            else:
                question = uow.content.question(row.id, int(choice))
                if question is None:
                    raise DomainError("reply.no_such_question", number=choice)
                text, ts = note.text, note.message_ts
                uow.content.remove(note)
                self.answer(uow, row, question, user_id, text, ts, now)
                message = self.ctx.renderer.notice(lang, "answer.placed", number=question.number)
            self._private(uow, row, user_id, message, key, now)
            uow.commit()

    # --- effects
    def _private(self, uow, row, user_id, payload, key, now) -> None:
        queue_private(uow, row, user_id, payload, key, now)

    def _refresh_boards(self, uow, row, now, stamp: str) -> None:
        self._refresh_board(uow, row, now, stamp)
        if uow.content.contributions(row.id) or row.phase == Phase.EXPLORATION:
            queue_board(uow, self.ctx.renderer, row, now)

    def _acknowledge(self, uow, row, ts, now) -> None:
        uow.outbox.add(
            Effect(
                EffectKind.REACT,
                self.ctx.renderer.reaction("white_check_mark", ts),
                f"react:{row.channel_id}:{ts}",
                channel=row.channel_id,
                session_id=row.id,
            ),
            now,
        )

    def _refresh_board(self, uow, row, now, stamp: str) -> None:
        if row.phase != Phase.CLARIFICATION and not uow.content.questions(row.id):
            return
        queue_question_board(uow, self.ctx.renderer, row, now)

    def _notice(self, uow, row, user_id, lang, refusal: DomainError, key, now) -> None:
        payload = self.ctx.renderer.notice(lang, refusal.key, **refusal.params)
        self._private(uow, row, user_id, payload, key, now)


FLOOR = "floor"  # a thread note: a consultant's raised hand (🙋), its text the question's Qn


def board_payload(uow, renderer, row):
    """The question board as it stands: questions, answers, and who asks for the floor."""
    hands = [(n.author_id, n.text) for n in uow.content.notes(row.id, FLOOR)]
    return renderer.question_board(row.lang, row.id, _board_items(uow, row), row.client_id, hands)


def queue_question_board(uow, renderer, row, now) -> None:
    """Queue the board's post or update, rendered when it is delivered (`deferred.py`)."""
    board = deferred(QUESTION_BOARD, row.id)
    post_or_update(uow, board, f"session:{row.id}:board", now, row=row)


def _board_items(uow, row) -> list[tuple[int, str, str, list[str]]]:
    answers: dict[int, list[str]] = {}
    for answer in uow.content.answers(row.id):
        answers.setdefault(answer.question_id, []).append(answer.text)
    return [
        (q.number, q.author_id, q.text, answers.get(q.id, []))
        for q in uow.content.questions(row.id)
    ]


def _reply_in_thread(uow, channel_id, thread_ts, ts, event_key: str, now):
    """The session whose thread an edited or deleted reply is in, and what the reply
    became there: (None, None) when it is in no session's thread or the event was seen
    already (a retry); (session, None) when the reply was not kept as content."""
    row = uow.sessions.by_root_message(channel_id, thread_ts)
    if row is None or not uow.request_keys.claim(event_key, now):
        return None, None
    return row, uow.content.by_message_ts(row.id, ts)
