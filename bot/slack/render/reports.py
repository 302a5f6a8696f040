"""The cycle assessment (Block Kit, a PNG chart, a Markdown report) and the
private answers of the data commands: language, exports, erasure.

The chart is queued as what it shows and drawn when its upload is delivered
(`charts`), never while a request waits.
"""

from __future__ import annotations

from ...i18n import t
from ...services.assessment import Assessment
from ...services.effects import Payload
from ..ids import ActionId
from ..text import escape, markdown, quote
from .charts import chart_spec
from .kit import actions, button, context, decimal, divider, header, number, payload, section, user

TRENDS = {"up": "↗", "down": "↘", "flat": "→"}


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.0f} %"


def _hours(a: Assessment) -> str:
    engaged = a.hours_engaged if a.hours_engaged is not None else "—"
    return t(
        a.lang,
        "report.hours",
        done=number(a.hours_done, a.lang),
        engaged=number(engaged, a.lang),
    )


def _lines(a: Assessment) -> dict[str, str]:
    lang = a.lang
    turns = ", ".join(f"{user(u)} {n}" for u, n in a.turns) or "—"
    ratings = " · ".join(f"#{s.number} {decimal(s.average_rating, lang)}" for s in a.rated)
    ratings = ratings or "—"
    trend = t(lang, f"report.trend.{a.trend}") + f" {TRENDS[a.trend]}" if a.trend else "—"
    items = t(
        lang,
        "report.items",
        done=a.items.get("done", 0),
        open=a.items.get("open", 0) + a.items.get("in_progress", 0),
        dropped=a.items.get("dropped", 0),
    )
    return {
        "sessions": t(lang, "report.sessions", held=a.held, planned=a.planned),
        "hours": _hours(a),
        "turns": t(lang, "report.turns", turns=turns),
        "attendance": t(lang, "report.attendance", rate=_percent(a.attendance_rate)),
        "items": items,
        "ratings": t(lang, "report.ratings", ratings=ratings, trend=trend),
    }


def assessment(a: Assessment) -> Payload:
    lang = a.lang
    title = t(lang, "report.title", name=escape(a.group_name))
    if not a.held:
        text = t(lang, "report.empty", name=escape(a.group_name), planned=a.planned)
        return payload(text, [header(title), section(text)])
    lines = _lines(a)
    blocks = [header(title), section("\n".join(f"• {line}" for line in lines.values()))]
    if a.top_learnings:
        cited = "\n".join(f"• {quote(text, 400)} (×{n})" for text, n in a.top_learnings)
        blocks += [divider(), section(f"*{t(lang, 'report.learnings')}*\n{cited}")]
    blocks.append(context(t(lang, "report.chart_follows")))
    return payload(title, blocks)


def assessment_chart(a: Assessment) -> Payload:
    """The chart as an upload payload: what it shows, drawn at delivery, and its title."""
    lang = a.lang
    spec = chart_spec(
        title=t(lang, "report.chart.title", name=a.group_name),  # drawn: shown as typed
        rating_label=t(lang, "report.chart.rating"),
        attendance_label=t(lang, "report.chart.attendance"),
        labels=[f"#{s.number}" for s in a.sessions],
        ratings=[s.average_rating or 0 for s in a.sessions],
        attendance=[
            100 * len(s.present) / len(s.expected) if s.expected else 0 for s in a.sessions
        ],
    )
    title = t(lang, "report.chart.title", name=escape(a.group_name))
    file = {"filename": "cycle-assessment.png", "title": title, "chart": spec}
    return Payload(title, [], {"files": [file]})


def cycle_markdown(a: Assessment) -> Payload:
    """The assessment as a Markdown file for the client organisation; what people
    wrote (the group's name, shared learnings) is escaped for Markdown."""
    lang = a.lang
    name = markdown(a.group_name)
    lines = [f"# {t(lang, 'report.title', name=name)}", ""]
    if not a.held:
        lines.append(t(lang, "report.empty", name=name, planned=a.planned))
    else:
        plain = _lines(a)
        plain["turns"] = t(
            lang, "report.turns", turns=", ".join(f"{u} {n}" for u, n in a.turns) or "—"
        )
        lines += [f"- {line}" for line in plain.values()]
        lines += ["", f"## {t(lang, 'report.md.sessions')}", ""]
        lines += [f"| # | {t(lang, 'report.md.columns')} |", "|---|---|---|---|---|"]
        for s in a.sessions:
            rating = decimal(s.average_rating, lang) if s.average_rating is not None else "—"
            lines.append(
                f"| {s.number} | {s.started_at.date().isoformat()} | {s.minutes} | "
                f"{len(s.present)}/{len(s.expected)} | {rating} |"
            )
        if a.top_learnings:
            lines += ["", f"## {t(lang, 'report.learnings')}", ""]
            lines += [f"- {markdown(text)} (×{n})" for text, n in a.top_learnings]
    return Payload("\n".join(lines) + "\n")


# --- private answers of the data commands -------------------------------------
def notice(lang: str, key: str, /, **params) -> Payload:
    text = t(lang, key, **params)
    return payload(text, [section(text)])


def lang_set(lang: str, scope: str, group_name: str | None = None, chosen: str = "") -> Payload:
    """Said in the reader's language (`lang`) about the language chosen."""
    name = escape(group_name or "")
    language = t(lang, f"lang.name.{chosen or lang}")
    return notice(lang, f"lang.set.{scope}", language=language, name=name)


def lang_current(lang: str, group_lang: str | None) -> Payload:
    group = t(lang, f"lang.name.{group_lang}") if group_lang else "—"
    return notice(lang, "lang.current", mine=t(lang, f"lang.name.{lang}"), group=group)


def export_ready(lang: str, group_name: str, counts: dict[str, int]) -> Payload:
    return notice(
        lang,
        "export.ready",
        name=escape(group_name),
        attendance=counts.get("attendance", 0),
        evaluations=counts.get("evaluations", 0),
        plans=counts.get("action_plans", 0),
    )


def export_failed(lang: str, name: str) -> Payload:
    return notice(lang, "export.failed", name=escape(name))


def my_data_ready(lang: str) -> Payload:
    return notice(lang, "mydata.ready")


def forget_confirmation(lang: str, user_id: str) -> Payload:
    text = t(lang, "forget.confirm")
    return payload(
        text,
        [
            section(text),
            actions(
                button(t(lang, "forget.yes"), ActionId.FORGET_CONFIRM, user_id, "danger"),
                button(t(lang, "forget.no"), ActionId.FORGET_CANCEL, user_id),
            ),
        ],
    )


def privacy_settings(found) -> Payload:
    lang = found.lang
    retention = (
        t(lang, "privacy.retention.months", months=found.retention_months)
        if found.retention_months
        else t(lang, "privacy.retention.none")
    )
    return notice(
        lang,
        "privacy.show",
        name=escape(found.group_name),
        retention=retention,
        mode=t(lang, f"privacy.mode.{found.erase_mode}"),
    )


def forget_done(lang: str) -> Payload:
    return notice(lang, "forget.done")
