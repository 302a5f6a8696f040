"""The end of a session: the summary in its thread and the client's own DM."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .effects import Effect, EffectKind, root_ref


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
    extras: dict = field(default_factory=dict)


def build_summary(uow, row, group) -> SessionSummary:
    content = uow.content
    contract = content.contract(row.id)
    contributions = content.contributions(row.id)
    evaluations = content.evaluations(row.id)
    questions = content.questions(row.id)
    answered = {a.question_id for a in content.answers(row.id)}
    ratings = [e.rating for e in evaluations]
    return SessionSummary(
        session_id=row.id,
        number=row.number,
        group_name=group.name,
        lang=row.lang,
        client_id=row.client_id,
        status=row.status,
        contract_request=contract.request if contract else None,
        help_kinds=list(contract.help_kinds) if contract else [],
        contributions_by_kind=dict(Counter(c.kind for c in contributions)),
        kept=[c.text for c in contributions if c.harvest == "keep"],
        actions=[
            (a.text, a.due_on.isoformat() if a.due_on else None)
            for a in content.action_items(row.id)
        ],
        learnings=[(item.author_id, item.text) for item in content.learnings(row.id)],
        average_rating=round(sum(ratings) / len(ratings), 1) if ratings else None,
        ratings=len(ratings),
        questions=len(questions),
        answered=sum(1 for q in questions if q.id in answered),
    )


def summary_ref(session_id: int) -> str:
    return f"session:{session_id}:summary"


def recap_ref(session_id: int) -> str:
    return f"session:{session_id}:client-recap"


def queue_summary(uow, renderer, row, group, now) -> SessionSummary:
    """Post the summary in the thread and DM the client their contract and plan."""
    summary = build_summary(uow, row, group)
    uow.outbox.add(
        Effect(
            EffectKind.POST,
            renderer.session_summary(summary),
            f"session:{row.id}:summary",
            channel=row.channel_id,
            ref=summary_ref(row.id),  # named, so an erasure can re-render it
            thread_ref=root_ref(row.id),
            session_id=row.id,
        ),
        now,
    )
    client_lang = uow.prefs.lang(row.client_id) or row.lang
    uow.outbox.add(
        Effect(
            EffectKind.DM,
            renderer.client_recap(summary, client_lang),
            f"session:{row.id}:client-recap",
            user_id=row.client_id,
            ref=recap_ref(row.id),
            session_id=row.id,
        ),
        now,
    )
    return summary
