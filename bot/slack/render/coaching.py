"""What the method coach shows the facilitator: slip counts per phase, contract coverage.

Read from `view.pending` (`services/coaching.coaching_pending`); never a name.
"""

from __future__ import annotations

from ...domain import Phase
from ...i18n import t
from ...services.read_models import SessionView
from ..ids import ActionId
from .kit import actions, button, payload, section


def coaching_hint(lang: str, slip: str, session_id: int, number: int | None = None):
    """The private hint in the thread; disguised advice comes with the offer to keep the
    idea for exploration (a button that only its author sees)."""
    text = t(lang, f"coaching.hint.{slip}")
    blocks = [section(text)]
    if number is not None:
        blocks.append(
            actions(
                button(t(lang, "coaching.keep_idea"), ActionId.KEEP_IDEA, f"{session_id}:{number}")
            )
        )
    return payload(text, blocks)


def counts_line(view: SessionView, lang: str) -> str:
    """« Repères de méthode donnés : Clarification : 2 conseil(s) déguisé(s) »; "" when off."""
    counts = view.pending.get("coaching")
    if counts is None:
        return ""
    parts = []
    for phase in sorted(counts):
        items = ", ".join(
            t(lang, f"coaching.slip.{slip}", count=n) for slip, n in sorted(counts[phase].items())
        )
        name = t(lang, f"phase.{Phase(phase).key}.name")
        parts.append(t(lang, "coaching.counts_phase", phase=name, items=items))
    if not parts:
        return t(lang, "coaching.counts_none")
    return t(lang, "coaching.counts", counts=" · ".join(parts))


def coverage_line(view: SessionView, lang: str, exact: bool = True) -> str:
    """« Aide demandée : expériences demandées : 0 reçue(s) · idées … »; "" outside
    exploration. Not `exact` (the root message): a kind received is only ticked, so the
    root changes once per kind, not with every contribution."""
    found = view.pending.get("coverage")
    if not found:
        return ""
    items = " · ".join(
        t(lang, "coaching.coverage_item", kind=t(lang, f"help.{kind}"), count=count)
        if exact or not count
        else t(lang, "coaching.coverage_done", kind=t(lang, f"help.{kind}"))
        for kind, count in found
    )
    return t(lang, "coaching.coverage", items=items)


def phase_pending(view: SessionView) -> dict:
    """The phase's own pending items, without what the coach adds."""
    return {k: v for k, v in view.pending.items() if k not in ("coaching", "coverage")}


def status_lines(view: SessionView, lang: str) -> list[str]:
    return [line for line in (coverage_line(view, lang), counts_line(view, lang)) if line]
