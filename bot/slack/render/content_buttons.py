"""The buttons a phase prompt offers besides "next phase": they open the phase's modal."""

from __future__ import annotations

from ...domain import Phase
from ...i18n import t
from ..ids import ActionId
from .kit import button

PHASE_BUTTONS = {
    Phase.CONTRACT: ("button.write_contract", ActionId.WRITE_CONTRACT),
    Phase.SYNTHESIS: ("button.write_action_plan", ActionId.WRITE_ACTION_PLAN),
    Phase.LEARNING: ("button.evaluate", ActionId.EVALUATE),
}


def phase_buttons(lang: str, view) -> list:
    """The prompt's own button for the phase, if it has one (value: the session id)."""
    found = PHASE_BUTTONS.get(Phase(view.phase)) if view.phase is not None else None
    if found is None:
        return []
    key, action_id = found
    return [button(t(lang, key), action_id, str(view.id), style="primary")]
