"""The cycle assessment ("bilan des effets"): what a coach hands to the client
organisation at the end of a cycle, computed from what the sessions stored.

`/codev report group` posts it in the group's channel with one chart; the
facilitator's export carries the same figures as a Markdown report.

Nothing a member wrote leaves the group without their consent: the report shows
aggregates, and quotes only the learnings of members who chose to share them (a
member's `share_learnings`, asked in the rating form; no by default).
"""

from __future__ import annotations

import re
import secrets
from collections import Counter
from dataclasses import dataclass, field

from ..domain import Action, ActionStatus
from ..domain.session import Status
from .attendance import expected as expected_members
from .context import Context
from .effects import Effect, EffectKind
from .membership import require_group, require_right
from .reader import reader_lang

TREND_STEP = 0.2
TOP_LEARNINGS = 5


@dataclass(frozen=True)
class SessionFigures:
    number: int
    started_at: object
    ended_at: object
    minutes: int
    client_id: str
    present: list[str]
    expected: list[str]
    average_rating: float | None
    ratings: int


@dataclass(frozen=True)
class Assessment:
    group_id: int
    group_name: str
    channel_id: str
    lang: str
    held: int
    planned: int
    hours_done: float
    hours_engaged: int | None
    turns: list[tuple[str, int]]
    attendance_rate: float | None
    items: dict[str, int]
    sessions: list[SessionFigures] = field(default_factory=list)
    trend: str | None = None
    top_learnings: list[tuple[str, int]] = field(default_factory=list)

    @property
    def rated(self) -> list[SessionFigures]:
        return [s for s in self.sessions if s.average_rating is not None]


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.casefold())).strip()


def _trend(rated: list[SessionFigures]) -> str | None:
    if len(rated) < 2:
        return None
    first, last = rated[0].average_rating, rated[-1].average_rating
    if first is None or last is None:
        return None  # `rated` holds only rated sessions
    change = last - first
    return "up" if change > TREND_STEP else "down" if change < -TREND_STEP else "flat"


def build_assessment(uow, group) -> Assessment:
    rows = uow.people.sessions_of([group.id])
    held = [s for s in rows if s.status == Status.DONE and s.started_at is not None]
    sharing = {m.user_id for m in group.members if m.share_learnings}
    plans = uow.people.planned_minutes([s.id for s in held])
    figures, texts = [], []
    items: Counter[str] = Counter({status.value: 0 for status in ActionStatus})
    for s in held:
        evaluations = uow.content.evaluations(s.id)
        ratings = [e.rating for e in evaluations]
        learnt = uow.content.learnings(s.id)
        texts += [item.text for item in learnt if item.author_id in sharing]
        texts += [e.learnings for e in evaluations if e.learnings and e.user_id in sharing]
        items.update(a.status for a in uow.content.action_items(s.id))
        elapsed = int(((s.ended_at or s.started_at) - s.started_at).total_seconds() // 60)
        minutes = plans.get(s.id) or (elapsed if s.mode == "live" else 0)
        expected = expected_members(group, s)
        present = [u for u in expected if u == s.client_id or u in (s.consultants or [])]
        figures.append(
            SessionFigures(
                number=s.number,
                started_at=s.started_at,
                ended_at=s.ended_at,
                minutes=minutes,
                client_id=s.client_id,
                present=present,
                expected=expected,
                average_rating=round(sum(ratings) / len(ratings), 2) if ratings else None,
                ratings=len(ratings),
            )
        )
    expected_total = sum(len(f.expected) for f in figures)
    active = [m.user_id for m in group.active_members]
    turns = Counter(s.client_id for s in held)
    seen: dict[str, tuple[str, int]] = {}
    for text in texts:
        key = _normal(text)
        if key:
            first, count = seen.get(key, (text, 0))
            seen[key] = (first, count + 1)
    ranked = sorted(seen.values(), key=lambda pair: -pair[1])[:TOP_LEARNINGS]
    rated = [f for f in figures if f.average_rating is not None]
    return Assessment(
        group_id=group.id,
        group_name=group.name,
        channel_id=group.channel_id,
        lang=group.lang,
        held=len(held),
        planned=sum(1 for s in rows if s.status == Status.PLANNED),
        hours_done=round(sum(f.minutes for f in figures) / 60, 1),
        hours_engaged=uow.people.hours_engaged(group.id),
        turns=[(u, turns.get(u, 0)) for u in active],
        attendance_rate=(
            round(sum(len(f.present) for f in figures) / expected_total, 3)
            if expected_total
            else None
        ),
        items=dict(items),
        sessions=figures,
        trend=_trend(rated),
        top_learnings=ranked,
    )


class AssessmentService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def post(self, team_id: str, channel_id: str, user_id: str) -> tuple[Assessment, str]:
        """Post the assessment in the group's channel, then its chart as a file; returns
        it and the poster's language."""
        now = self.ctx.clock()
        renderer = self.ctx.renderer
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.VIEW_GROUP)
            found = build_assessment(uow, group)
            stamp = f"{now.isoformat()}:{secrets.token_hex(3)}"
            key = f"group:{group.id}:assessment:{stamp}"
            uow.outbox.add(
                Effect(EffectKind.POST, renderer.assessment(found), key, channel=channel_id), now
            )
            if found.held:
                uow.outbox.add(
                    Effect(
                        EffectKind.UPLOAD,
                        renderer.assessment_chart(found),
                        f"{key}:chart",
                        channel=channel_id,
                    ),
                    now,
                )
            lang = reader_lang(uow, user_id, team_id, channel_id, self.ctx.default_lang)
            uow.commit()
            return found, lang
