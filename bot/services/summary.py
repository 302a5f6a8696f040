"""The end of a session: the summary in its thread and the client's own DM."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .effects import Effect, EffectKind, thread_post


@dataclass(frozen=True)
class SessionSummary:
    session_id: int
    number: int
    group_name: str
    lang: str
    client_id: str
    status: str
    contract_request: str | None
    help_kinds: list[str]
    contributions_by_kind: dict[str, int]
    kept: list[str]
    actions: list[tuple[str, str | None]]
    learnings: list[tuple[str, str]]
    average_rating: float | None
    ratings: int
    questions: int = 0
    answered: int = 0
    extras: dict[str, Any] = field(default_factory=dict)
    # The client's record: everything, not counts.
    qa: list[tuple[int, str, list[str]]] = field(default_factory=list)
    items: list[tuple[int, str, str, str | None]] = field(default_factory=list)
    plan: list[PlanLine] = field(default_factory=list)
    held_on: str | None = None  # the session's date (ISO): a due date that year needs no year
    case_number: int = 1  # which case of its meeting
    cases: int = 1


@dataclass(frozen=True)
class PlanLine:
    """One action of the plan as the record shows it."""

    text: str
    due: str | None = None  # ISO date
    partner: str | None = None  # who with
    sign: str | None = None  # how the client will know it worked


def build_summary(uow, row, group) -> SessionSummary:
    content = uow.content
    contract = content.contract(row.id)
    contributions = content.contributions(row.id)
    evaluations = content.evaluations(row.id)
    questions = content.questions(row.id)
    answers: dict[int, list[str]] = {}
    for answer in content.answers(row.id):
        answers.setdefault(answer.question_id, []).append(answer.text)
    items = content.action_items(row.id)
    held = row.started_at or row.scheduled_at
    ratings = [e.rating for e in evaluations]
    return SessionSummary(
        session_id=row.id,
        number=row.number,
        case_number=row.case_number or 1,
        cases=row.case_count or 1,
        group_name=group.name,
        lang=row.lang,
        client_id=row.client_id,
        status=row.status,
        contract_request=contract.request if contract else None,
        help_kinds=list(contract.help_kinds) if contract else [],
        contributions_by_kind=dict(Counter(c.kind for c in contributions)),
        kept=[c.text for c in contributions if c.harvest == "keep"],
        actions=[(a.text, a.due_on.isoformat() if a.due_on else None) for a in items],
        learnings=[(item.author_id, item.text) for item in content.learnings(row.id)],
        average_rating=round(sum(ratings) / len(ratings), 1) if ratings else None,
        ratings=len(ratings),
        questions=len(questions),
        answered=sum(1 for q in questions if q.id in answers),
        qa=[(q.number, q.text, answers.get(q.id, [])) for q in questions],
        items=[(c.number, c.kind, c.text, c.harvest) for c in contributions],
        plan=[plan_line(i) for i in items],
        held_on=held.date().isoformat() if held else None,
    )


def plan_line(item) -> PlanLine:
    """An action item as shown: its partner and sign of success live in its note."""
    details = action_details(item.note)
    return PlanLine(
        text=item.text,
        due=item.due_on.isoformat() if item.due_on else None,
        partner=details.get("with"),
        sign=details.get("sign"),
    )


def action_details(note: str | None) -> dict[str, str]:
    """The optional parts of an action (who with, how the client will know it worked),
    kept as a small JSON object in the item's note; a note that is plain text is ignored."""
    if not note:
        return {}
    try:
        value = json.loads(note)
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {k: str(v) for k, v in value.items() if k in ("with", "sign") and v}


def summary_ref(session_id: int) -> str:
    return f"session:{session_id}:summary"


MAX_RECORD_PARTS = 20  # how many parts of a client's record an erasure looks for


def recap_ref(session_id: int, part: int = 1) -> str:
    """The client's record, in one message or several: part 1 keeps the old name."""
    base = f"session:{session_id}:client-recap"
    return base if part == 1 else f"{base}:{part}"


def queue_summary(uow, renderer, row, group, now) -> SessionSummary:
    """Post the summary in the thread and DM the client their contract and plan."""
    summary = build_summary(uow, row, group)
    uow.outbox.add(
        thread_post(
            row,
            renderer.session_summary(summary),
            f"session:{row.id}:summary",
            ref=summary_ref(row.id),  # named, so an erasure can re-render it
        ),
        now,
    )
    client_lang = uow.prefs.lang(row.client_id) or row.lang
    for n, part in enumerate(renderer.client_record(summary, client_lang), 1):
        uow.outbox.add(
            Effect(
                EffectKind.DM,
                part,
                recap_ref(row.id, n),  # the dedupe key: once per part
                user_id=row.client_id,
                ref=recap_ref(row.id, n),
                session_id=row.id,
            ),
            now,
        )
    return summary
