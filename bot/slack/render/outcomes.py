"""The bilan des effets in Slack: the DMs that invite each participant, the
objectives and questionnaire modals, and the group's before/after report (Markdown
and a chart, made when the facilitator's export is delivered)."""

from __future__ import annotations

import io

from slack_sdk.models.blocks import (
    MarkdownTextObject,
    Option,
    SectionBlock,
)

from ...domain import ActionStatus
from ...domain.outcomes import MAX_OBJECTIVES, SCALE
from ...i18n import t
from ...services.outcomes import (
    CHANGE,
    EXAMPLE,
    ObjectivesForm,
    OutcomesReport,
    QuestionnaireForm,
    item_field,
    level_field,
    objective_field,
    progress_field,
)
from ..ids import ActionId, CallbackId
from ..text import escape, markdown, quote
from .kit import actions, button, payload, section
from .modals import form_modal, select_field, short_text, text_field


def objectives_invitation(lang: str, group_name: str, group_id: int):
    text = t(lang, "outcomes.invite", group=escape(group_name))
    label = t(lang, "outcomes.button.objectives")
    return payload(
        text, [section(text), actions(button(label, ActionId.OBJECTIVES, str(group_id)))]
    )


def questionnaire_invitation(lang: str, group_name: str, group_id: int, wave: str):
    text = t(lang, f"outcomes.ask.{wave}", group=escape(group_name))
    label = t(lang, "outcomes.button.questionnaire")
    value = f"{group_id}:{wave}"
    return payload(text, [section(text), actions(button(label, ActionId.QUESTIONNAIRE, value))])


def _levels(lang: str) -> list[Option]:
    return [Option(value=str(n), text=short_text(t(lang, f"outcomes.level.{n}"))) for n in SCALE]


def objectives_modal(form: ObjectivesForm) -> dict:
    """1 to 3 objectives, each with where the person stands today (1–5)."""
    lang, levels = form.lang, _levels(form.lang)
    intro = t(lang, "outcomes.objectives.intro", group=escape(form.group_name))
    blocks = [SectionBlock(text=MarkdownTextObject(text=intro))]
    for position in range(1, MAX_OBJECTIVES + 1):
        text, level = form.objectives.get(position, ("", None))
        optional = position > 1
        label = t(lang, "outcomes.objectives.objective", number=position)
        field = objective_field(position)
        blocks.append(text_field(field, label, text, optional=optional, max_length=1000))
        label = t(lang, "outcomes.objectives.level", number=position)
        blocks.append(select_field(level_field(position), label, levels, level, optional=True))
    return form_modal(
        lang,
        CallbackId.OBJECTIVES,
        "outcomes.objectives.title",
        blocks,
        {"group_id": form.group_id},
    )


def questionnaire_modal(form: QuestionnaireForm) -> dict:
    """Where the person stands now on each objective, what changed (with an
    example), and where their action items are."""
    lang, levels = form.lang, _levels(form.lang)
    intro = t(lang, f"outcomes.questionnaire.intro.{form.wave}", group=escape(form.group_name))
    blocks = [SectionBlock(text=MarkdownTextObject(text=intro))]
    for position, text, baseline, now in form.objectives:
        shown = t(lang, "outcomes.questionnaire.objective", text=quote(text, 2000), level=baseline)
        blocks.append(SectionBlock(text=MarkdownTextObject(text=shown)))
        label = t(lang, "outcomes.questionnaire.now", number=position)
        blocks.append(select_field(progress_field(position), label, levels, now))
    change = t(lang, "outcomes.questionnaire.change")
    blocks.append(text_field(CHANGE, change, form.change, optional=False, max_length=1000))
    example = t(lang, "outcomes.questionnaire.example")
    blocks.append(text_field(EXAMPLE, example, form.example, optional=True, max_length=1000))
    statuses = [
        Option(value=s.value, text=short_text(t(lang, f"outcomes.item.{s.value}")))
        for s in ActionStatus
    ]
    for item_id, text, status in form.items[:20]:
        blocks.append(SectionBlock(text=MarkdownTextObject(text=f"• {quote(text, 2000)}")))
        label = t(lang, "outcomes.questionnaire.item")
        blocks.append(select_field(item_field(item_id), label, statuses, status))
    metadata = {"group_id": form.group_id, "wave": form.wave}
    return form_modal(
        lang, CallbackId.QUESTIONNAIRE, "outcomes.questionnaire.title", blocks, metadata
    )


def _number(value) -> str:
    return "—" if value is None else f"{value:.1f}"


def outcomes_markdown(report: OutcomesReport, names: dict[str, str]) -> str:
    """The before/after report as Markdown: aggregates, who answered (for the
    facilitator), and the quotes of people who agreed."""
    lang, f, a = report.lang, report.figures, report.answered

    def who(ids) -> str:
        return ", ".join(markdown(names.get(u, u)) for u in ids) or "—"

    lines = [f"# {t(lang, 'outcomes.report.title', group=markdown(report.group_name))}", ""]
    lines.append(f"- {t(lang, 'outcomes.report.objectives', count=f.objectives)}")
    lines += ["", f"| | {t(lang, 'outcomes.report.columns')} |", "|---|---|---|---|"]
    lines.append(
        f"| {t(lang, 'outcomes.report.average')} | {_number(f.before)} | {_number(f.end)} | "
        f"{_number(f.follow_up)} |"
    )
    lines.append(
        f"| {t(lang, 'outcomes.report.progressed')} | — | {f.progressed_end} | "
        f"{f.progressed_follow_up} |"
    )
    everyone = len(a.participants)
    lines += ["", f"## {t(lang, 'outcomes.report.answered')}", ""]
    for key, ids in (("objectives", a.objectives), ("end", a.end), ("follow_up", a.follow_up)):
        missing = [u for u in a.participants if u not in ids]
        lines.append(
            "- "
            + t(
                lang,
                f"outcomes.report.answered.{key}",
                count=len(ids),
                total=everyone,
                waiting=who(missing),
            )
        )
    if report.quotes:
        lines += ["", f"## {t(lang, 'outcomes.report.quotes')}", ""]
        for change, example in report.quotes:
            lines.append(f"- {markdown(change)}" + (f" — {markdown(example)}" if example else ""))
    return "\n".join(lines) + "\n"


def outcomes_chart(report: OutcomesReport) -> bytes:
    """Bars of the average self-position before, at the end and at the follow-up.

    matplotlib's object API only (no pyplot: not safe in the dispatcher's thread)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    lang, f = report.lang, report.figures
    labels = [t(lang, f"outcomes.chart.{k}") for k in ("before", "end", "follow_up")]
    values = [v or 0 for v in (f.before, f.end, f.follow_up)]
    figure = Figure(figsize=(6, 3.5), dpi=100)
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.bar(labels, values, color=["#9aa5b1", "#4a90d9", "#2e7d32"])
    axes.set_ylim(0, 5)
    axes.set_ylabel(t(lang, "outcomes.chart.level"))
    axes.set_title(t(lang, "outcomes.report.title", group=report.group_name))
    figure.tight_layout()
    out = io.BytesIO()
    canvas.print_png(out)
    return out.getvalue()
