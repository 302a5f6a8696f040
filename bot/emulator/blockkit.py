"""Block Kit validation as strict as Slack's own.

slack_sdk's `validate_json()` checks one object, not what it contains, so a
bad button inside an actions block passes it. This module walks every block,
element, text object and option, validates each with slack_sdk's models and
adds the published limits. Messages follow Slack's format:
`[ERROR] <what> [json-pointer:/blocks/0/text/text]`.
"""

from __future__ import annotations

import json
from typing import Any

from slack_sdk.models.blocks import Block, BlockElement, Option, TextObject

MESSAGE_BLOCKS, VIEW_BLOCKS = 50, 100
_TEXT_TYPES = ("plain_text", "mrkdwn")
_NESTED_TEXTS = {
    "section": {"text": 3000},
    "header": {"text": 150},
    "input": {"label": 2000, "hint": 2000},
    "image": {"title": 2000},
}
_ELEMENT_TEXTS = {"text": 75, "placeholder": 150}


class _Walk:
    """Collects problems while walking one surface."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.block_ids: set[str] = set()

    def err(self, what: str, ptr: str) -> None:
        self.out.append(f"[ERROR] {what} [json-pointer:{ptr}]")

    def model(self, parse: Any, node: Any, ptr: str, kind: str) -> str | None:
        """Parse and validate one node with slack_sdk.

        Returns None when the node cannot be walked further, else the node's own
        validation error ("" when valid). Parents validate their children too,
        so the caller reports its own error only if the walk below did not.
        """
        if not isinstance(node, dict) or not isinstance(node.get("type"), str):
            self.err(f"{kind} must be an object with a type", ptr)
            return None
        try:
            obj = parse(node)
        except Exception as exc:  # slack_sdk raises several kinds; all mean "invalid"
            self.err(str(exc) or type(exc).__name__, ptr)
            return None
        if obj is None:
            self.err(f"unsupported {kind} type: {node['type']}", ptr + "/type")
            return None
        try:
            obj.validate_json()
        except Exception as exc:
            return str(exc) or type(exc).__name__
        return ""

    def own(self, error: str, ptr: str, start: int) -> None:
        """Report a node's own error unless a nested node already said it."""
        if error and not any(error in line for line in self.out[start:]):
            self.err(error, ptr)

    def text(self, node: Any, ptr: str, limit: int, plain: bool = False) -> None:
        error = self.model(TextObject.parse, node, ptr, "text")
        if error is None:
            return
        start = len(self.out)
        kind, text = node["type"], node.get("text")
        if kind not in _TEXT_TYPES or (plain and kind != "plain_text"):
            self.err(f"must be plain_text{'' if plain else ' or mrkdwn'}", ptr + "/type")
        elif not isinstance(text, str) or not text:
            self.err("must be more than 0 characters", ptr + "/text")
        elif len(text) > limit:
            self.err(f"must be less than {limit + 1} characters", ptr + "/text")
        self.own(error, ptr, start)

    def length(self, node: dict, key: str, limit: int, ptr: str) -> None:
        value = node.get(key)
        if isinstance(value, str) and len(value) > limit:
            self.err(f"must be less than {limit + 1} characters", f"{ptr}/{key}")

    def option(self, node: Any, ptr: str) -> None:
        if not isinstance(node, dict):
            self.err("option must be an object", ptr)
            return
        try:
            Option(**node).validate_json()
        except Exception as exc:
            self.err(str(exc) or type(exc).__name__, ptr)
        self.text(node.get("text"), ptr + "/text", 75)
        if "description" in node:
            self.text(node["description"], ptr + "/description", 75)
        if not isinstance(node.get("value"), str):
            self.err("value is required", ptr + "/value")
        self.length(node, "value", 150, ptr)

    def options(self, node: dict, ptr: str) -> None:
        for key in ("options", "initial_options"):
            items = node.get(key)
            if items is None:
                continue
            if not isinstance(items, list) or len(items) > 100:
                self.err("must not have more than 100 items", f"{ptr}/{key}")
                continue
            for i, opt in enumerate(items):
                self.option(opt, f"{ptr}/{key}/{i}")
        if isinstance(node.get("initial_option"), dict):
            self.option(node["initial_option"], ptr + "/initial_option")
        for g, group in enumerate(node.get("option_groups") or []):
            gptr = f"{ptr}/option_groups/{g}"
            if isinstance(group, dict):
                self.text(group.get("label"), gptr + "/label", 75, plain=True)
                self.options(group, gptr)

    def confirm(self, node: Any, ptr: str) -> None:
        if not isinstance(node, dict):
            self.err("confirm must be an object", ptr)
            return
        for key, limit in (("title", 100), ("text", 300), ("confirm", 30), ("deny", 30)):
            if key in node or key in ("title", "text"):
                self.text(node.get(key), f"{ptr}/{key}", limit, plain=key != "text")

    def element(self, node: Any, ptr: str, action_ids: set[str]) -> None:
        error = self.model(BlockElement.parse, node, ptr, "element")
        if error is None:
            return
        start = len(self.out)
        action_id = node.get("action_id")
        if isinstance(action_id, str):
            self.length(node, "action_id", 255, ptr)
            if action_id in action_ids:
                self.err(f"duplicate action_id: {action_id}", ptr + "/action_id")
            action_ids.add(action_id)
        for key, limit in _ELEMENT_TEXTS.items():
            if key in node:
                self.text(
                    node[key],
                    f"{ptr}/{key}",
                    limit,
                    plain=node["type"] != "button" or key != "text",
                )
        if node["type"] == "button":
            self.length(node, "value", 2000, ptr)
            self.length(node, "url", 3000, ptr)
        if "confirm" in node:
            self.confirm(node["confirm"], ptr + "/confirm")
        self.options(node, ptr)
        self.own(error, ptr, start)

    def block(self, node: Any, ptr: str) -> None:
        error = self.model(Block.parse, node, ptr, "block")
        if error is None:
            return
        start = len(self.out)
        self._block(node, ptr)
        self.own(error, ptr, start)

    def _block(self, node: dict, ptr: str) -> None:
        kind = node["type"]
        block_id = node.get("block_id")
        if block_id is not None:
            if not isinstance(block_id, str) or not block_id:
                self.err("block_id must be a non-empty string", ptr + "/block_id")
            else:
                self.length(node, "block_id", 255, ptr)
                if block_id in self.block_ids:
                    self.err(f"duplicate block_id: {block_id}", ptr + "/block_id")
                self.block_ids.add(block_id)
        for key, limit in _NESTED_TEXTS.get(kind, {}).items():
            if key in node or (kind, key) in (("header", "text"), ("input", "label")):
                self.text(node.get(key), f"{ptr}/{key}", limit, plain=kind != "section")
        action_ids: set[str] = set()
        if kind == "section":
            fields = node.get("fields") or []
            if len(fields) > 10:
                self.err("must not have more than 10 items", ptr + "/fields")
            for i, f in enumerate(fields):
                self.text(f, f"{ptr}/fields/{i}", 2000)
            if "text" not in node and not fields:
                self.err("section needs text or fields", ptr)
            if "accessory" in node:
                self.element(node["accessory"], ptr + "/accessory", action_ids)
        elif kind in ("actions", "context"):
            elements, limit = node.get("elements"), 25 if kind == "actions" else 10
            if not isinstance(elements, list) or not elements or len(elements) > limit:
                self.err(f"must have between 1 and {limit} items", ptr + "/elements")
                return
            for i, e in enumerate(elements):
                eptr = f"{ptr}/elements/{i}"
                if kind == "context" and isinstance(e, dict) and e.get("type") in _TEXT_TYPES:
                    self.text(e, eptr, 3000)
                else:
                    self.element(e, eptr, action_ids)
        elif kind == "input":
            self.element(node.get("element"), ptr + "/element", action_ids)


def problems(blocks: list[dict], surface: str = "message") -> list[str]:
    """Everything Slack would refuse in `blocks` on `surface` (message, modal, home)."""
    walk = _Walk()
    if not isinstance(blocks, list):
        walk.err("must be an array", "/blocks")
        return walk.out
    limit = MESSAGE_BLOCKS if surface == "message" else VIEW_BLOCKS
    if len(blocks) > limit:
        walk.err(f"must not have more than {limit} items", "/blocks")
    for i, block in enumerate(blocks):
        walk.block(block, f"/blocks/{i}")
    return walk.out


def view_problems(view: dict) -> list[str]:
    """Everything Slack would refuse in a modal or home tab view."""
    walk = _Walk()
    if not isinstance(view, dict) or view.get("type") not in ("modal", "home"):
        walk.err("type must be modal or home", "/view/type")
        return walk.out
    if view["type"] == "modal":
        walk.text(view.get("title"), "/view/title", 24, plain=True)
        for key in ("submit", "close"):
            if key in view and view[key] is not None:
                walk.text(view[key], f"/view/{key}", 24, plain=True)
        blocks = view.get("blocks") or []
        has_input = any(isinstance(b, dict) and b.get("type") == "input" for b in blocks)
        if has_input and not view.get("submit"):
            walk.err("submit is required when a view has input blocks", "/view/submit")
    walk.length(view, "private_metadata", 3000, "/view")
    walk.length(view, "callback_id", 255, "/view")
    walk.length(view, "external_id", 255, "/view")
    if len(json.dumps(view)) > 250_000:
        walk.err("view must be less than 250 kB", "/view")
    return walk.out + problems(view.get("blocks", []), view["type"])
