"""Phase 4: contributions' kinds, and the client's private harvest board.

A contribution's kind comes from a leading tag ("idea:", "idée :", "resource:"…),
else from how it is written (« j'ai l'impression », "what if", a link…: see
`bot/domain/kinds.py`), else from the kind of help the client asked for first.
The client sorts each contribution (keep / park / drop) on a board sent by DM
and kept up to date in place; the kind can be changed there too.
"""

from __future__ import annotations

import re
import unicodedata

from ..domain import (
    Action,
    ContributionKind,
    DomainError,
    Harvest,
    Mode,
    Phase,
    default_contribution_kind,
)
from ..domain.kinds import classify
from .access import require_action, running_row
from .boards import post_or_update
from .context import Context

# Leading words people type to say what their contribution is, in both languages.
KIND_TAGS: dict[str, ContributionKind] = {
    "impression": ContributionKind.IMPRESSION,
    "ressenti": ContributionKind.IMPRESSION,
    "question": ContributionKind.QUESTION,
    "idea": ContributionKind.IDEA,
    "idee": ContributionKind.IDEA,
    "suggestion": ContributionKind.SUGGESTION,
    "piste": ContributionKind.SUGGESTION,
    "experience": ContributionKind.EXPERIENCE,
    "vecu": ContributionKind.EXPERIENCE,
    "resource": ContributionKind.RESOURCE,
    "ressource": ContributionKind.RESOURCE,
}
TAG = re.compile(r"^\s*\[?([^\W\d_]{3,12})\]?\s*:\s*", re.UNICODE)


def _plain(word: str) -> str:
    folded = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def split_kind_tag(text: str) -> tuple[ContributionKind | None, str]:
    """("idée : parle-lui") → (IDEA, "parle-lui"); text without a known tag is unchanged."""
    match = TAG.match(text)
    if match:
        kind = KIND_TAGS.get(_plain(match.group(1)))
        rest = text[match.end() :].strip()
        if kind is not None and rest:
            return kind, rest
    return None, text


def contribution_kind(uow, session_id: int, text: str) -> tuple[str, str]:
    """The kind a reply is filed under, and its text without the tag."""
    tagged, body = split_kind_tag(text)
    if tagged is not None:
        return str(tagged), body
    read = classify(text)
    if read is not None:
        return str(read), text
    contract = uow.content.contract(session_id)
    return str(default_contribution_kind(contract.help_kinds if contract else [])), text


class HarvestService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def sort(self, user_id: str, session_id: int, contribution_id: int, verdict: str) -> None:
        """The client keeps, parks or drops a contribution."""
        self._change(user_id, session_id, contribution_id, "harvest", str(Harvest(verdict)))

    def set_kind(self, user_id: str, session_id: int, contribution_id: int, kind: str) -> None:
        """The client corrects the kind a contribution was read as."""
        self._change(user_id, session_id, contribution_id, "kind", str(ContributionKind(kind)))

    def _change(self, user_id, session_id: int, contribution_id: int, field: str, value) -> None:
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            row = running_row(uow, session_id, lock=True)
            require_action(uow, row, user_id, Action.HARVEST)
            setattr(_contribution(uow, row, contribution_id), field, value)
            queue_board(uow, self.ctx.renderer, row, now)
            uow.commit()


def _contribution(uow, row, contribution_id: int):
    item = uow.content.contribution(row.id, contribution_id)
    if item is None:
        raise DomainError("harvest.gone")
    return item


def board_held(uow, row) -> bool:
    """Whether the client's board waits for synthesis: a live session of a group that
    chose to hold it (the client listens during exploration instead of sorting)."""
    if row.mode != Mode.LIVE or row.phase is None or row.phase >= Phase.SYNTHESIS:
        return False
    group = uow.groups.get(row.group_id)
    return bool(group is not None and group.hold_harvest)


def release_board(uow, renderer, row, now) -> None:
    """Synthesis opens: a board held until now reaches the client, with every
    contribution so far."""
    group = uow.groups.get(row.group_id)
    if group is not None and group.hold_harvest and uow.content.contributions(row.id):
        queue_board(uow, renderer, row, now)


def queue_board(uow, renderer, row, now) -> None:
    """Send or refresh the client's harvest board (by DM: it is theirs only), unless
    the group holds it until synthesis."""
    if board_held(uow, row):
        return
    items = [
        (c.id, c.number, c.author_id, c.kind, c.text, c.harvest)
        for c in uow.content.contributions(row.id)
    ]
    lang = uow.prefs.lang(row.client_id) or row.lang
    board = renderer.harvest_board(lang, row.id, row.number, items)
    post_or_update(uow, board, f"session:{row.id}:harvest", now, row=row, user_id=row.client_id)
