"""Modals (views.open) and how their submitted values are read back."""

from __future__ import annotations

import json

from slack_sdk.models.blocks import (
    CheckboxesElement,
    InputBlock,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    RadioButtonsElement,
    StaticSelectElement,
    UserSelectElement,
)
from slack_sdk.models.views import View

from ...i18n import t
from ..ids import INPUT, BlockId, CallbackId
from .kit import number

LANG_LABELS = {"fr": "Français", "en": "English"}


def _plain(text: str) -> PlainTextObject:
    return PlainTextObject(text=text[:75] if len(text) > 75 else text)


def short_text(text: str) -> PlainTextObject:
    """A label or option text within Slack's 75 characters, cut with an ellipsis."""
    return PlainTextObject(text=text if len(text) <= 75 else text[:74] + "…")


def text_field(
    block_id: str,
    label: str,
    initial: str | None = None,
    hint: str | None = None,
    optional: bool | None = False,
    multiline: bool | None = True,
    max_length: int = 3000,
) -> InputBlock:
    """A field to type text in, holding `initial` when there is one; `hint` shows
    under it. A None `optional` or `multiline` leaves Slack's default."""
    return InputBlock(
        block_id=block_id,
        label=short_text(label),
        hint=short_text(hint) if hint else None,
        optional=optional,
        element=PlainTextInputElement(
            action_id=INPUT,
            multiline=multiline,
            initial_value=initial or None,
            max_length=max_length,
        ),
    )


def form_modal(lang: str, callback_id: str, title_key: str, blocks, metadata: dict) -> dict:
    """A form in a modal: its title, Save and Cancel, and what the app needs back when it
    is submitted (`private_metadata`)."""
    return View(
        type="modal",
        callback_id=callback_id,
        title=_plain(t(lang, title_key)),
        submit=_plain(t(lang, "button.save")),
        close=_plain(t(lang, "button.cancel")),
        private_metadata=json.dumps(metadata),
        blocks=blocks,
    ).to_dict()


def select_field(block_id: str, label: str, options: list[Option], current, optional=None):
    """A field to pick one of `options`, the one whose value is `current` chosen."""
    return InputBlock(
        block_id=block_id,
        label=_plain(label),
        optional=optional,
        element=StaticSelectElement(
            action_id=INPUT,
            options=options,
            initial_option=next((o for o in options if o.value == str(current)), None),
        ),
    )


def checkboxes_field(block_id: str, label: str, options, chosen, hint=None, optional=None):
    """A field of boxes to tick, `chosen` ticked (none: `chosen` empty or None)."""
    return InputBlock(
        block_id=block_id,
        label=_plain(label),
        hint=_plain(hint) if hint else None,
        optional=optional,
        element=CheckboxesElement(action_id=INPUT, options=options, initial_options=chosen or None),
    )


def _options(pairs) -> list[Option]:
    return [Option(value=value, text=_plain(label)) for value, label in pairs]


def _pick(options: list[Option], value: str | None) -> Option | None:
    return next((o for o in options if o.value == value), None)


def setup_modal(lang: str, channel_id: str, current, user_id: str) -> dict:
    """Create or edit this channel's group; `current` pre-fills the fields."""
    langs = _options(LANG_LABELS.items())
    modes = _options((m, t(lang, f"mode.{m}")) for m in ("live", "async"))
    name = current.name if current else ""
    blocks = [
        InputBlock(
            block_id=BlockId.NAME,
            label=_plain(t(lang, "setup.name")),
            element=PlainTextInputElement(
                action_id=INPUT, initial_value=name or None, max_length=80
            ),
        ),
        select_field(BlockId.LANG, t(lang, "setup.lang"), langs, current.lang if current else lang),
        InputBlock(
            block_id=BlockId.TZ,
            label=_plain(t(lang, "setup.tz")),
            hint=_plain(t(lang, "setup.tz_hint")),
            element=PlainTextInputElement(
                action_id=INPUT, initial_value=current.tz if current else "Europe/Paris"
            ),
        ),
        InputBlock(
            block_id=BlockId.MODE,
            label=_plain(t(lang, "setup.mode")),
            element=RadioButtonsElement(
                action_id=INPUT,
                options=modes,
                initial_option=_pick(modes, current.mode if current else "live"),
            ),
        ),
        InputBlock(
            block_id=BlockId.FACILITATOR,
            label=_plain(t(lang, "setup.facilitator")),
            element=UserSelectElement(
                action_id=INPUT,
                initial_user=current.facilitator_id if current else user_id,
            ),
        ),
    ]
    return form_modal(lang, CallbackId.SETUP, "setup.title", blocks, {"channel_id": channel_id})


def submitted(view: dict) -> dict[str, object]:
    """Values of a submitted modal by block id (one input element per block)."""
    values = {}
    for block_id, elements in (view.get("state") or {}).get("values", {}).items():
        element = elements.get(INPUT) or next(iter(elements.values()), {})
        kind = element.get("type")
        if kind in ("static_select", "radio_buttons"):
            values[block_id] = (element.get("selected_option") or {}).get("value")
        elif kind == "checkboxes" or kind == "multi_static_select":
            values[block_id] = [o["value"] for o in element.get("selected_options") or []]
        elif kind == "users_select":
            values[block_id] = element.get("selected_user")
        elif kind == "datepicker":
            values[block_id] = element.get("selected_date")
        elif kind == "timepicker":
            values[block_id] = element.get("selected_time")
        else:
            value = element.get("value")
            # NUL cannot be stored in a PostgreSQL text column, and never means anything
            values[block_id] = value.replace("\x00", "") if isinstance(value, str) else value
    return values


def field_errors(lang: str, errors: dict[str, tuple[str, dict]]) -> dict[str, str]:
    """`response_action: errors` content: each problem in words, on its field (a number
    with a fraction as the reader writes it: 10,5 in French)."""
    return {
        block: t(lang, key, **{k: _shown(v, lang) for k, v in params.items()})
        for block, (key, params) in errors.items()
    }


def _shown(value, lang: str):
    return number(value, lang) if isinstance(value, float) else value
