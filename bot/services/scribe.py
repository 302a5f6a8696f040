"""The scribe: what the group says aloud on a video call, recorded for whoever said it.

Most groups talk on video with Slack beside it, so the thread stays empty unless
someone writes down what is said. Each running session has a scribe: the
facilitator, or a consultant the facilitator names. The scribe (or the
facilitator) picks a message, says who said it and what it is; the item is then
stored exactly as if that person had typed it — a question, an answer to one
question, a contribution of a kind, a learning — with who recorded it beside it.
So the board, the harvest, the summary, the exports and the App Home credit the
person who spoke.

The message the scribe picked may itself have been read as their own reply when
it was posted in the thread (a consultant's line in clarification becomes their
question): the recording replaces that reading, so nothing is counted twice.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from ..domain import RULES, Action, ContributionKind, DomainError, Phase, Role, clean_text
from ..domain.errors import InvalidText
from ..domain.rules import may_steer
from .access import current_row, lang_in, role_in, running_row
from .boards import queue_root_update
from .context import Context
from .effects import Effect, EffectKind, root_ref
from .facilitation import require_session_facilitator
from .forms import InvalidFields
from .harvest import contribution_kind, queue_board, split_kind_tag
from .notices import queue_private
from .ports import UnitOfWork
from .read_models import session_view
from .records import SessionRecord
from .replies import FLOOR, queue_question_board

QUESTION, ANSWER, CONTRIBUTION, LEARNING = "question", "answer", "contribution", "learning"
# What an item is → the rules table's action: its roles are whom it may be credited to.
CREDITED = {
    QUESTION: Action.ASK_QUESTION,
    ANSWER: Action.ANSWER_QUESTION,
    CONTRIBUTION: Action.CONTRIBUTE,
    LEARNING: Action.SHARE_LEARNING,
}
# Naming the scribe is steering the session: judged as moving its phases is.
STEERING = Action.MOVE_PHASE
# The form's fields (the modal's block ids).
TEXT, WHO, WHAT = "record_text", "record_who", "record_what"


@dataclass(frozen=True)
class RecordForm:
    """What the scribe's modal starts from."""

    session_id: int
    number: int
    lang: str
    text: str
    said_by: str | None  # the message's writer, when it is someone else taking part
    questions: tuple[tuple[int, str, bool], ...]  # (number, text, answered)
    suggested: str | None  # "question", "answer:3", "contribution:idea", "learning"


@dataclass(frozen=True)
class ScribeInfo:
    """Who records in the running session (the facilitator when nobody was named)."""

    lang: str
    session_id: int
    number: int
    facilitator_id: str
    scribe_id: str

    @property
    def named(self) -> bool:
        return self.scribe_id != self.facilitator_id


def scribe_of(row: SessionRecord) -> str:
    return row.scribe_id or row.facilitator_id


def may_record(uow, row, user_id: str) -> bool:
    """Whoever facilitates the session (or the group's facilitator standing in) always
    may; so may the scribe they named."""
    group = uow.groups.get(row.group_id)
    return user_id == scribe_of(row) or may_steer(user_id, row.facilitator_id, group.facilitator_id)


class ScribeService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    # --- naming the scribe
    def current(self, team_id: str, channel_id: str, user_id: str) -> ScribeInfo:
        with self.ctx.uow_factory(read_only=True) as uow:
            row = current_row(uow, team_id, channel_id)
            if role_in(uow, row, user_id) is Role.OUTSIDER:
                raise DomainError("rules.not_member")
            return self._info(uow, row, user_id)

    def name(self, team_id, channel_id, user_id, scribe_id: str | None) -> ScribeInfo:
        """`/codev scribe @someone`: as `name_in`, for the channel's running session."""
        with self.ctx.uow_factory(read_only=True) as uow:
            session_id = current_row(uow, team_id, channel_id).id
        return self.name_in(user_id, session_id, scribe_id)

    def name_in(self, user_id, session_id: int, scribe_id: str | None) -> ScribeInfo:
        """The facilitator names a consultant of the running session, or takes the pen
        back (`scribe_id` None or themselves). The root message says who it is, and the
        new scribe is told privately how to record."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            row = running_row(uow, session_id, lock=True)
            require_session_facilitator(uow.groups.get(row.group_id), row, user_id, STEERING)
            chosen = None if scribe_id in (None, row.facilitator_id) else scribe_id
            if chosen is not None and role_in(uow, row, chosen) is not Role.CONSULTANT:
                raise DomainError("scribe.name_consultant")
            if chosen != row.scribe_id:
                row.scribe_id = chosen
                group = uow.groups.get(row.group_id)
                stamp = f"scribe:{uuid.uuid4().hex}"
                queue_root_update(uow, self.ctx.renderer, session_view(row, group), now, stamp)
                if chosen is not None:
                    told = self.ctx.renderer.scribe_named(
                        lang_in(uow, row, chosen, self.ctx.default_lang), row.number
                    )
                    queue_private(uow, row, chosen, told, stamp, now)
            info = self._info(uow, row, user_id)
            uow.commit()
            return info

    def naming_form(self, user_id, session_id: int) -> ScribeInfo:
        """The root message's *Scribe* button: the facilitator's, on a running session."""
        with self.ctx.uow_factory(read_only=True) as uow:
            row = running_row(uow, session_id)
            require_session_facilitator(uow.groups.get(row.group_id), row, user_id, STEERING)
            return self._info(uow, row, user_id)

    def _info(self, uow, row, reader: str) -> ScribeInfo:
        lang = lang_in(uow, row, reader, self.ctx.default_lang)
        return ScribeInfo(lang, row.id, row.number, row.facilitator_id, scribe_of(row))

    # --- the shortcut's modal
    def form(self, team_id, channel_id, user_id, said_by: str | None, text: str) -> RecordForm:
        """Check the person may record in this channel's running session; what the
        modal starts from (the message's text, its writer, the questions)."""
        with self.ctx.uow_factory(read_only=True) as uow:
            row = current_row(uow, team_id, channel_id)
            if not may_record(uow, row, user_id):
                raise DomainError("scribe.not_scribe")
            answered = {a.question_id for a in uow.content.answers(row.id)}
            questions = tuple(
                (q.number, q.text, q.id in answered) for q in uow.content.questions(row.id)
            )
            taking_part = said_by and role_in(uow, row, said_by) is not Role.OUTSIDER
            who = said_by if taking_part and said_by != user_id else None
            return RecordForm(
                session_id=row.id,
                number=row.number,
                lang=lang_in(uow, row, user_id, self.ctx.default_lang),
                text=text,
                said_by=who,
                questions=questions,
                suggested=self._suggested(uow, row, who, text, questions),
            )

    @staticmethod
    def _suggested(uow, row, who, text, questions) -> str | None:
        """What the item most likely is, from the phase (and who said it)."""
        if row.phase == Phase.CLARIFICATION:
            waiting = [n for n, _, answered in questions if not answered]
            if who == row.client_id and waiting:
                return f"{ANSWER}:{waiting[0]}"
            return QUESTION
        if row.phase == Phase.EXPLORATION:
            return f"{CONTRIBUTION}:{contribution_kind(uow, row.id, text)[0]}"
        if row.phase in (Phase.SYNTHESIS, Phase.LEARNING):
            return LEARNING
        return None

    def refuse(self, team_id, channel_id, user_id, refusal: DomainError, key: str) -> None:
        """Say why the shortcut opened nothing: privately in a group's channel, by DM
        elsewhere (a shortcut works on any message, where the app may not be)."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = uow.groups.by_channel(team_id, channel_id) if channel_id else None
            lang = uow.prefs.lang_for(user_id, team_id, channel_id) or self.ctx.default_lang
            told = self.ctx.renderer.notice(lang, refusal.key, **refusal.params)
            row = uow.sessions.running(group.id) if group is not None else None
            uow.outbox.add(
                Effect(
                    EffectKind.EPHEMERAL if group is not None else EffectKind.DM,
                    told,
                    f"notice:{key}",
                    channel=channel_id if group is not None else None,
                    user_id=user_id,
                    thread_ref=root_ref(row.id) if row is not None else None,
                    session_id=row.id if row is not None else None,
                ),
                now,
            )
            uow.commit()

    # --- recording
    def record(self, user_id, session_id, source_ts, who, what, text) -> None:
        """Store the item for `who`, as if they had typed it, or say on the form's
        fields what is wrong (the modal stays open: nothing typed is lost)."""
        errors: dict[str, tuple[str, dict[str, Any]]] = {}
        try:
            body = clean_text(text)
        except InvalidText as problem:
            errors[TEXT] = (problem.key, problem.params)
        kind, _, detail = (what or "").partition(":")
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            row = running_row(uow, session_id, lock=True)
            if not may_record(uow, row, user_id):
                raise DomainError("scribe.not_scribe")
            self._check(uow, row, who, kind, detail, errors)
            if errors:
                raise InvalidFields(errors)
            kept = uow.content.question(row.id, int(detail)) if kind == ANSWER else None
            boards = self._supersede(uow, row, source_ts, kept)
            number = self._store(uow, row, user_id, who, kind, detail, body, source_ts, now)
            boards.add(QUESTION if kind in (QUESTION, ANSWER) else kind)
            self._refresh(uow, row, boards, source_ts, now)
            lang = lang_in(uow, row, user_id, self.ctx.default_lang)
            told = self.ctx.renderer.scribe_recorded(lang, kind, detail, who, number)
            queue_private(uow, row, user_id, told, f"recorded:{uuid.uuid4().hex}", now)
            uow.commit()

    def _check(self, uow, row, who, kind, detail, errors) -> None:
        if kind not in CREDITED:
            errors[WHAT] = ("scribe.what_missing", {})
        elif kind == ANSWER and (
            not detail.isdigit() or uow.content.question(row.id, int(detail)) is None
        ):
            errors[WHAT] = ("reply.no_such_question", {"number": detail})
        elif kind == CONTRIBUTION and detail not in set(ContributionKind):
            errors[WHAT] = ("scribe.what_missing", {})
        if not who:
            errors[WHO] = ("scribe.who_missing", {})
            return
        role = role_in(uow, row, who)
        if role is Role.OUTSIDER:
            member = uow.groups.is_active_member(row.group_id, who)
            errors[WHO] = ("scribe.not_taking_part" if member else "scribe.not_member", {})
        elif kind in CREDITED and role not in RULES[CREDITED[kind]]:
            errors[WHO] = (f"scribe.role.{kind}", {})

    def _store(
        self, uow: UnitOfWork, row: SessionRecord, user_id, who, kind, detail, body, ts, now
    ) -> int | None:
        """The same rows a typed reply makes, credited to `who`; the item's number."""
        content = uow.content
        if kind == QUESTION:
            return content.add_question(row.id, who, body, ts, now, recorded_by=user_id).number
        if kind == ANSWER:
            question = content.question(row.id, int(detail))
            assert question is not None  # checked with the form
            content.add_answer(question.id, who, body, ts, now, recorded_by=user_id)
            return question.number
        if kind == CONTRIBUTION:
            _, body = split_kind_tag(body)  # the kind chosen in the form wins over a tag
            item = content.add_contribution(row.id, who, detail, body, ts, now, recorded_by=user_id)
            return item.number
        phase = row.phase if row.phase is not None else Phase.LEARNING  # running: it has one
        content.add_learning(row.id, phase, who, body, ts, now, recorded_by=user_id)
        return None

    @staticmethod
    def _supersede(uow, row, ts, kept=None) -> set[str]:
        """What the picked message became when it was posted (its writer's own reply)
        gives way to the recording; a question already answered stays, and so does the
        question being answered (`kept`)."""
        if not ts:
            return set()
        content, changed = uow.content, set()
        answered = {a.question_id for a in content.answers(row.id)}
        found = [
            *((n, None) for n in content.notes(row.id) if n.kind != FLOOR),
            *((q, QUESTION) for q in content.questions(row.id) if q.id not in answered),
            *((a, QUESTION) for a in content.answers(row.id)),
            *((c, CONTRIBUTION) for c in content.contributions(row.id)),
            *((m, None) for m in content.learnings(row.id)),
        ]
        for item, board in found:
            recorded = getattr(item, "recorded_by", None)
            if item is not kept and item.message_ts == ts and recorded is None:
                content.remove(item)
                if board:
                    changed.add(board)
        return changed

    def _refresh(self, uow, row, boards: set[str], ts, now) -> None:
        renderer = self.ctx.renderer
        if QUESTION in boards:
            queue_question_board(uow, renderer, row, now)
        if CONTRIBUTION in boards:
            queue_board(uow, renderer, row, now)
        if boards & {CONTRIBUTION, LEARNING} and ts:  # what a board does not show is marked
            uow.outbox.add(
                Effect(
                    EffectKind.REACT,
                    renderer.reaction("white_check_mark", ts),
                    f"react:{row.channel_id}:{ts}",
                    channel=row.channel_id,
                    session_id=row.id,
                ),
                now,
            )
