"""Pieces of the payloads Slack sends: found elements, typed values, view state.

Kept apart from the driver's HTTP code so the shapes (taken from Slack's own
samples) can be read in one place.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

_SELECTED = {
    "users_select": ("selected_user", "initial_user"),
    "multi_users_select": ("selected_users", "initial_users"),
    "conversations_select": ("selected_conversation", "initial_conversation"),
    "multi_conversations_select": ("selected_conversations", "initial_conversations"),
    "channels_select": ("selected_channel", "initial_channel"),
    "multi_channels_select": ("selected_channels", "initial_channels"),
    "datepicker": ("selected_date", "initial_date"),
    "timepicker": ("selected_time", "initial_time"),
    "datetimepicker": ("selected_date_time", "initial_date_time"),
    "plain_text_input": ("value", "initial_value"),
    "number_input": ("value", "initial_value"),
    "email_text_input": ("value", "initial_value"),
    "url_text_input": ("value", "initial_value"),
}
_ONE_OPTION = ("static_select", "external_select", "radio_buttons", "overflow")
_MANY_OPTIONS = ("checkboxes", "multi_static_select", "multi_external_select")
_MANY = ("multi_users_select", "multi_conversations_select", "multi_channels_select")


def block_id_of(index: int, block: dict) -> str:
    """The block's id, or the stable one Slack would have generated for it."""
    if block.get("block_id"):
        return block["block_id"]
    digest = hashlib.sha1(f"{index}:{json.dumps(block, sort_keys=True)}".encode()).hexdigest()
    return digest[:5]


def elements(blocks: list[dict]) -> Iterator[tuple[str, dict, str]]:
    """(block_id, element, block type) for every interactive element."""
    for i, block in enumerate(blocks or []):
        found = [
            block.get("accessory"),
            block.get("element"),
            *(block.get("elements") or [] if block.get("type") == "actions" else []),
        ]
        for el in found:
            if isinstance(el, dict) and el.get("action_id"):
                yield block_id_of(i, block), el, block.get("type", "")


def options(element: dict) -> list[dict]:
    opts = list(element.get("options") or [])
    for group in element.get("option_groups") or []:
        opts += group.get("options") or []
    return opts


def _option(element: dict, value: Any) -> dict:
    for opt in options(element):
        if opt.get("value") == value:
            return opt
    raise LookupError(f"{element.get('action_id')!r} has no option with value {value!r}")


def accepts(element: dict, value: Any) -> bool:
    """Whether a person could pick `value` in this element."""
    if value is None:
        return True
    kind = element.get("type")
    if kind == "button":
        return element.get("value") == value
    if kind in _ONE_OPTION or kind in _MANY_OPTIONS:
        wanted = value if isinstance(value, list) else [value]
        return all(any(o.get("value") == v for o in options(element)) for v in wanted)
    return True


def typed(element: dict, value: Any = None, use_initial: bool = False) -> dict:
    """The element's value as it appears in state.values and actions."""
    kind = element.get("type", "")
    out: dict[str, Any] = {"type": kind}
    if kind in _ONE_OPTION:
        if value is None and use_initial and element.get("initial_option"):
            value = element["initial_option"].get("value")
        out["selected_option"] = None if value is None else _option(element, value)
    elif kind in _MANY_OPTIONS:
        if value is None and use_initial:
            value = [o.get("value") for o in element.get("initial_options") or []]
        value = value if isinstance(value, list) else ([] if value is None else [value])
        out["selected_options"] = [_option(element, v) for v in value]
    elif kind in _SELECTED:
        key, initial = _SELECTED[kind]
        if value is None and use_initial:
            value = element.get(initial)
        if kind in _MANY and value is not None and not isinstance(value, list):
            value = [value]
        out[key] = [] if kind in _MANY and value is None else value
        if kind == "number_input" and value is not None:
            out[key] = str(value)
    elif kind == "button":
        out.update(text=element.get("text"), value=element.get("value"))
    else:
        out["value"] = value
    return out


def action(block_id: str, element: dict, value: Any, action_ts: str) -> dict:
    out = {
        "action_id": element["action_id"],
        "block_id": block_id,
        **typed(element, value),
        "action_ts": action_ts,
    }
    if element.get("type") == "button" and element.get("style"):
        out["style"] = element["style"]
    if element.get("placeholder"):
        out["placeholder"] = element["placeholder"]
    return out


def view_state(view: dict, values: dict[str, Any]) -> dict:
    """state.values of a submitted view; unknown block ids are a test's mistake."""
    state: dict[str, dict] = {}
    inputs = {bid: el for bid, el, kind in elements(view.get("blocks", [])) if kind == "input"}
    unknown = set(values) - set(inputs)
    if unknown:
        raise KeyError(f"no input block {sorted(unknown)} in view {view.get('id')}")
    kept = (view.get("state") or {}).get("values") or {}
    for bid, el in inputs.items():
        if bid in values:
            entry = typed(el, values[bid])
        elif el["action_id"] in kept.get(bid, {}):
            entry = kept[bid][el["action_id"]]
        else:
            entry = typed(el, None, use_initial=True)
        state[bid] = {el["action_id"]: entry}
    return state
