"""Phase 6's régulation and the facilitator's journal.

Everyone in the session says, 1 to 5, how the group worked: time, listening,
method. Voting again replaces one's votes; only averages ever leave the session
(per session and over the cycle, in the export). The facilitator keeps a private
journal per session: incidents and adaptations, read only by the facilitator.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..domain import Action
from ..domain import regulation as rules
from .access import facilitated_here, facilitated_row, lang_in, require_action, running_row
from .context import Context
from .forms import InvalidFields, clean_texts
from .notices import ephemeral
from .reader import user_lang


@dataclass(frozen=True)
class RegulationForm:
    lang: str
    session_id: int
    votes: dict[str, Any]


@dataclass(frozen=True)
class JournalForm:
    lang: str
    session_id: int
    number: int
    incidents: str
    adaptations: str


JOURNAL_FIELDS = ("incidents", "adaptations")


class RegulationService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def form(self, user_id: str, session_id: int) -> RegulationForm:
        with self.ctx.uow_factory() as uow:
            row = running_row(uow, session_id)
            require_action(uow, row, user_id, Action.EVALUATE)  # the session's people, in phase 6
            done = uow.attendance.vote_of(row.id, user_id)
            votes = {c: getattr(done, c) for c in rules.CRITERIA} if done else {}
            return RegulationForm(lang_in(uow, row, user_id, self.ctx.default_lang), row.id, votes)

    def vote(self, user_id: str, session_id: int, values: dict[str, Any]) -> None:
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            row = running_row(uow, session_id)
            require_action(uow, row, user_id, Action.EVALUATE)
            votes, bad = rules.read_votes(values)
            if bad:
                raise InvalidFields({c: ("regulation.error.vote", {}) for c in bad})
            uow.attendance.save_vote(row.id, user_id, votes, now)
            lang = lang_in(uow, row, user_id, self.ctx.default_lang)
            uow.outbox.add(
                ephemeral(
                    row.channel_id,
                    user_id,
                    self.ctx.renderer.notice(lang, "regulation.noted"),
                    f"regulation:{row.id}:{user_id}:{now.isoformat()}",
                    row.id,
                ),
                now,
            )
            uow.commit()

    def journal_form(self, team_id, channel_id, user_id, session_id: int) -> JournalForm:
        with self.ctx.uow_factory() as uow:
            row, group = facilitated_here(uow, team_id, channel_id, user_id, session_id)
            entry = uow.attendance.journal(row.id)
            return JournalForm(
                user_lang(uow, user_id, group, self.ctx.default_lang),
                row.id,
                row.number,
                (entry.incidents or "") if entry else "",
                (entry.adaptations or "") if entry else "",
            )

    def save_journal(self, user_id: str, session_id: int, values: dict[str, Any]) -> None:
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            row, group = facilitated_row(uow, session_id, user_id)
            errors: dict[str, tuple[str, dict[str, Any]]] = {}
            texts = clean_texts(values, JOURNAL_FIELDS, errors)
            if errors:
                raise InvalidFields(errors)
            uow.attendance.save_journal(
                row.id, user_id, texts["incidents"], texts["adaptations"], now
            )
            uow.commit()
