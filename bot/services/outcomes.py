"""The bilan des effets: objectives at the start of a cycle, questionnaires at its
end and some weeks after, and the group's before/after report.

When the facilitator plans the cycle, each participant gets a DM inviting them to
set 1 to 3 objectives and say where they stand (1–5). When the cycle is closed,
each gets the end-of-cycle questionnaire, and the follow-up one is queued in the
outbox for the set number of weeks later (12 by default): where they stand now on
each objective, what changed in their practice (with an example), and where their
action items are. The report gives aggregates only, quotes only people who agreed
that their words may be quoted, and tells the facilitator who has answered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ..domain import ActionStatus, DomainError, clean_text
from ..domain import outcomes as rules
from .context import Context
from .effects import Effect, EffectKind
from .forms import InvalidFields, clean_texts
from .reader import user_lang

CHANGE, EXAMPLE = "change", "example"


def participants(group) -> list[str]:
    """The group's active members, the facilitator aside."""
    return [m.user_id for m in group.active_members if m.user_id != group.facilitator_id]


def objective_field(position: int) -> str:
    return f"objective_{position}"


def level_field(position: int) -> str:
    return f"level_{position}"


def progress_field(position: int) -> str:
    return f"progress_{position}"


def item_field(item_id: int) -> str:
    return f"item_{item_id}"


def invite_objectives(uow, ctx: Context, group, now: datetime) -> int:
    """The DM asking each participant for their objectives (once per group)."""
    queued = 0
    for user_id in participants(group):
        lang = user_lang(uow, user_id, group, ctx.default_lang)
        payload = ctx.renderer.objectives_invitation(lang, group.name, group.id)
        key = f"outcomes:{group.id}:objectives:{user_id}"
        queued += uow.outbox.add(Effect(EffectKind.DM, payload, key, user_id=user_id), now)
    return queued


def queue_questionnaires(uow, ctx: Context, group, now: datetime) -> int:
    """The end-of-cycle questionnaire now, the follow-up one some weeks later."""
    weeks = uow.cycle.settings(group.id, now).follow_up_weeks
    queued = 0
    for user_id in participants(group):
        lang = user_lang(uow, user_id, group, ctx.default_lang)
        for wave, due in ((rules.END, now), (rules.FOLLOW_UP, now + timedelta(weeks=weeks))):
            payload = ctx.renderer.questionnaire_invitation(lang, group.name, group.id, wave)
            key = f"outcomes:{group.id}:{wave}:{user_id}"
            effect = Effect(EffectKind.DM, payload, key, user_id=user_id, due_at=due)
            queued += uow.outbox.add(effect, now)
    return queued


@dataclass(frozen=True)
class ObjectivesForm:
    lang: str
    group_id: int
    group_name: str
    objectives: dict[int, tuple[str, int]]  # {position: (text, level)}


@dataclass(frozen=True)
class QuestionnaireForm:
    lang: str
    group_id: int
    group_name: str
    wave: str
    objectives: list[Any]  # (position, text, baseline, level now or None)
    change: str
    example: str
    items: list[Any]  # (id, text, status)


@dataclass(frozen=True)
class Answered:
    """Who has answered what, for the facilitator."""

    participants: list[str]
    objectives: list[str]
    end: list[str]
    follow_up: list[str]


@dataclass(frozen=True)
class OutcomesReport:
    lang: str
    group_name: str
    figures: rules.BeforeAfter
    answered: Answered
    quotes: list[tuple[str, str]]  # (what changed, the example), from people who agreed


class OutcomeService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def _group(self, uow, group_id: int, user_id: str):
        group = uow.groups.get(group_id)
        if group is None or user_id not in participants(group):
            raise DomainError("rules.not_member")
        return group

    def objectives_form(self, user_id: str, group_id: int) -> ObjectivesForm:
        with self.ctx.uow_factory() as uow:
            group = self._group(uow, group_id, user_id)
            mine = {
                o.position: (o.text, o.baseline) for o in uow.outcomes.objectives(group.id, user_id)
            }
            lang = user_lang(uow, user_id, group, self.ctx.default_lang)
            return ObjectivesForm(lang, group.id, group.name, mine)

    def save_objectives(self, user_id: str, group_id: int, values: dict[str, Any]) -> None:
        now = self.ctx.clock()
        positions = range(1, rules.MAX_OBJECTIVES + 1)
        with self.ctx.uow_factory() as uow:
            group = self._group(uow, group_id, user_id)
            texts = {p: values.get(objective_field(p)) or "" for p in positions}
            levels = {p: values.get(level_field(p)) for p in positions}
            found, problems = rules.read_objectives(texts, levels)
            errors: dict[str, tuple[str, dict[str, Any]]] = {
                (objective_field(p) if key.endswith("none") else level_field(p)): (key, {})
                for p, key in problems.items()
            }
            cleaned = {}
            for position, (text, level) in found.items():
                try:
                    cleaned[position] = (clean_text(text), level)
                except DomainError as problem:
                    errors[objective_field(position)] = (problem.key, problem.params)
            if errors:
                raise InvalidFields(errors)
            uow.outcomes.set_objectives(group.id, user_id, cleaned, now)
            uow.commit()

    def questionnaire_form(self, user_id: str, group_id: int, wave: str) -> QuestionnaireForm:
        if wave not in rules.WAVES:
            raise DomainError("outcomes.error.wave")
        with self.ctx.uow_factory() as uow:
            group = self._group(uow, group_id, user_id)
            done = uow.outcomes.answer(group.id, user_id, wave)
            now_at = (done.progress or {}) if done else {}
            objectives = [
                (o.position, o.text, o.baseline, now_at.get(str(o.position)))
                for o in uow.outcomes.objectives(group.id, user_id)
            ]
            items = [
                (a.id, a.text, a.status) for a in uow.people.action_items_of(user_id, [group.id])
            ]
            return QuestionnaireForm(
                user_lang(uow, user_id, group, self.ctx.default_lang),
                group.id,
                group.name,
                wave,
                objectives,
                (done.change or "") if done else "",
                (done.example or "") if done else "",
                items,
            )

    def answer(self, user_id: str, group_id: int, wave: str, values: dict[str, Any]) -> None:
        now = self.ctx.clock()
        if wave not in rules.WAVES:
            raise DomainError("outcomes.error.wave")
        with self.ctx.uow_factory() as uow:
            group = self._group(uow, group_id, user_id)
            positions = [o.position for o in uow.outcomes.objectives(group.id, user_id)]
            progress, missing = rules.read_progress(
                positions, {p: values.get(progress_field(p)) for p in positions}
            )
            errors: dict[str, tuple[str, dict[str, Any]]] = {
                progress_field(p): ("outcomes.error.level", {}) for p in missing
            }
            texts = clean_texts(values, (CHANGE, EXAMPLE), errors)
            if not texts.get(CHANGE) and CHANGE not in errors:
                errors[CHANGE] = ("outcomes.error.change", {})
            statuses = {}
            for item in uow.people.action_items_of(user_id, [group.id]):
                status = values.get(item_field(item.id))
                if status is not None and status not in {s.value for s in ActionStatus}:
                    errors[item_field(item.id)] = ("outcomes.error.status", {})
                elif status is not None:
                    statuses[item] = status
            if errors:
                raise InvalidFields(errors)
            uow.outcomes.save_answer(
                group.id, user_id, wave, progress, texts[CHANGE], texts[EXAMPLE], now
            )
            for item, status in statuses.items():
                if item.status != status:
                    item.status, item.updated_at = status, now
            uow.commit()


def outcomes_report(uow, group, lang: str) -> OutcomesReport | None:
    """The before/after figures, who answered and the quotes people agreed to; None
    while nobody has set an objective."""
    objectives = uow.outcomes.objectives(group.id)
    if not objectives:
        return None
    baselines = {(o.user_id, o.position): o.baseline for o in objectives}
    waves, answered = {}, {}
    for wave in rules.WAVES:
        rows = uow.outcomes.answers(group.id, wave)
        answered[wave] = [r.user_id for r in rows]
        waves[wave] = {
            (r.user_id, int(p)): int(v) for r in rows for p, v in (r.progress or {}).items()
        }
    sharing = {m.user_id for m in group.members if m.share_learnings}
    quotes = [
        (r.change, r.example or "")
        for r in uow.outcomes.answers(group.id)
        if r.user_id in sharing and r.change
    ]
    return OutcomesReport(
        lang=lang,
        group_name=group.name,
        figures=rules.before_after(baselines, waves),
        answered=Answered(
            participants=participants(group),
            objectives=sorted({o.user_id for o in objectives}),
            end=answered[rules.END],
            follow_up=answered[rules.FOLLOW_UP],
        ),
        quotes=quotes,
    )
