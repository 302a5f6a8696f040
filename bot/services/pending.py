"""What is still awaited in the current phase, for `/codev status` and nudges."""

from __future__ import annotations

from typing import Any

from ..domain import Phase
from .coaching import coaching_pending


def pending_for(uow, row, reader: str | None = None) -> dict[str, Any]:
    """The phase's pending items, and what the method coach shows the facilitator (not
    counted when the one `reader` is someone else)."""
    slips = reader is None or reader == row.facilitator_id
    return {**_phase_pending(uow, row), **coaching_pending(uow, row, slips=slips)}


def _phase_pending(uow, row) -> dict[str, Any]:
    """Pending items of the running phase: unanswered questions, missing
    confirmations, people who have not rated yet."""
    if row.phase == Phase.CLARIFICATION:
        answered = {a.question_id for a in uow.content.answers(row.id)}
        open_questions = [q.number for q in uow.content.questions(row.id) if q.id not in answered]
        return {"unanswered": open_questions}
    if row.phase == Phase.CONTRACT:
        contract = uow.content.contract(row.id)
        if contract is None:
            return {"no_contract": True}
        confirmed = {
            c.user_id
            for c in uow.content.confirmations(contract.id)
            if c.status == "confirmed" and c.revision == contract.revision
        }
        return {"unconfirmed": [u for u in row.consultants if u not in confirmed]}
    if row.phase == Phase.LEARNING:
        rated = {e.user_id for e in uow.content.evaluations(row.id)}
        everyone = [row.client_id, *row.consultants, row.facilitator_id]
        return {"not_rated": [u for u in dict.fromkeys(everyone) if u not in rated]}
    return {}
