"""Phase 6: everyone in the session rates it (1–5) and answers the "4 A".

One evaluation per person; submitting again replaces it, so a change of mind
never counts twice in the average. The person is told privately, in the thread,
that it is recorded, and the root message counts who has rated.

The form says, before anyone rates, whether the facilitator's export carries names
(the group's `named_evaluations`; anonymous by default), and asks whether the
person's learnings may be quoted in the cycle report for the sponsor (a member's
`share_learnings`; no by default).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from ..domain import Action, DomainError, check_rating
from .access import acted_on, lang_in, require_action, running_row
from .boards import queue_root_update
from .context import Context
from .forms import InvalidFields, clean_texts
from .membership import group_of, require_group
from .notices import ephemeral
from .pending import pending_for
from .read_models import session_view
from .reader import user_lang

RATING_FIELD = "rating"
YES_WORDS, NO_WORDS = ("on", "yes", "oui"), ("off", "no", "non")
FOUR_A = ("appreciation", "expectations", "learnings", "applications")


@dataclass(frozen=True)
class EvaluationForm:
    session_id: int
    lang: str
    rating: int | None
    answers: dict[str, Any]
    named: bool = False
    share_learnings: bool = False


class EvaluationService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def form(self, team_id, channel_id, user_id, session_id: int | None = None):
        with self.ctx.uow_factory() as uow:
            row = acted_on(uow, team_id, channel_id, user_id, session_id, Action.EVALUATE)
            done = uow.content.evaluation(row.id, user_id)
            answers = {a: getattr(done, a) or "" for a in FOUR_A} if done else {}
            lang = lang_in(uow, row, user_id, self.ctx.default_lang)
            group = group_of(uow, row.group_id)
            member = _member(group, user_id)
            return EvaluationForm(
                row.id,
                lang,
                done.rating if done else None,
                answers,
                named=bool(group.named_evaluations),
                share_learnings=bool(member and member.share_learnings),
            )

    def save(
        self, user_id: str, session_id: int, rating, answers: dict[str, Any], share_learnings=None
    ) -> tuple[int, str]:
        """Record (or replace) the person's evaluation, and their choice about quoting
        their learnings when given; returns the rating and their language."""
        errors = {}
        try:
            rating = check_rating(rating)
        except DomainError as problem:
            errors[RATING_FIELD] = (problem.key, problem.params)
        texts = clean_texts(answers, FOUR_A, errors)
        if errors:
            raise InvalidFields(errors)
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            row = running_row(uow, session_id, lock=True)
            require_action(uow, row, user_id, Action.EVALUATE)
            again = uow.content.evaluation(row.id, user_id) is not None
            uow.content.save_evaluation(row.id, user_id, rating, texts, now)
            group = group_of(uow, row.group_id)
            member = _member(group, user_id)
            if member is not None and share_learnings is not None:
                member.share_learnings = bool(share_learnings)
            lang = lang_in(uow, row, user_id, self.ctx.default_lang)
            named = bool(group.named_evaluations)
            self._queue_feedback(uow, row, user_id, lang, rating, again, now, named)
            uow.commit()
        return rating, lang

    def set_sharing(self, team_id, channel_id, user_id, value: str) -> tuple[str, bool]:
        """`/codev privacy share on|off`: a member gives or withdraws, at any time, their
        consent to have their learnings quoted in the cycle report; returns their
        language and the choice now in force."""
        word = (value or "").strip().lower()
        if word not in YES_WORDS + NO_WORDS:
            raise DomainError("privacy.share_usage")
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            member = _member(group, user_id)
            if member is None:
                raise DomainError("rules.not_member")
            member.share_learnings = word in YES_WORDS
            lang = user_lang(uow, user_id, group, self.ctx.default_lang)
            uow.commit()
            return lang, member.share_learnings

    def _queue_feedback(self, uow, row, user_id, lang, rating, again, now, named) -> None:
        """A private "recorded" in the thread, and the root's count of who has rated."""
        stamp = uuid.uuid4().hex
        recorded = "evaluation.recorded_named" if named else "evaluation.recorded"
        key = "evaluation.updated" if again else recorded
        uow.outbox.add(
            ephemeral(
                row.channel_id,
                user_id,
                self.ctx.renderer.notice(lang, key, rating=rating),
                f"session:{row.id}:rated:{user_id}:{stamp}",
                row.id,
            ),
            now,
        )
        view = session_view(row, uow.groups.get(row.group_id), pending_for(uow, row))
        queue_root_update(uow, self.ctx.renderer, view, now, stamp=f"rated:{stamp}")


def _member(group, user_id: str):
    return next((m for m in group.members if m.user_id == user_id and m.left_at is None), None)
