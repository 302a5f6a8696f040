"""Steps of a whole session with its content, as people do them in Slack."""

from __future__ import annotations

import json

from .flows import open_view_id
from .stack import CHANNEL


def buttons(message, action_id: str) -> list[str]:
    """Values of the `action_id` elements in a message (buttons and select options)."""
    found = []
    for block in message.blocks or []:
        elements = block.get("elements") or []
        if block.get("accessory"):
            elements = [*elements, block["accessory"]]
        for element in elements:
            if not isinstance(element, dict) or not _named(element, action_id):
                continue
            if "value" in element:
                found.append(element["value"])
            found += [o["value"] for o in element.get("options") or []]
    return found


def _named(element, action_id: str) -> bool:
    """An element's action id is `action_id`, or `action_id_<choice>` in a row of choices."""
    name = element.get("action_id") or ""
    return name == action_id or name.startswith(action_id + "_")


def action_of(message, action_id: str, value: str) -> str:
    """The exact action id of the element carrying `value`."""
    for block in message.blocks or []:
        for element in block.get("elements") or []:
            if isinstance(element, dict) and _named(element, action_id):
                values = [element.get("value")] + [o["value"] for o in element.get("options") or []]
                if value in values:
                    return element["action_id"]
    raise LookupError(f"no {action_id} with {value}")


def latest_with(messages, action_id: str):
    """The last message offering `action_id`."""
    return [m for m in messages if buttons(m, action_id)][-1]


def thread(stack, root):
    stack.deliver()
    return stack.emulator.thread(CHANNEL, root.ts)


def reply(stack, user, root, text):
    response, ts = stack.driver.message(user, CHANNEL, text, thread_ts=root.ts)
    assert response.status == 200, response.body
    return ts


def click_in_thread(stack, user, root, action_id, value=None, ends_with=None):
    message = latest_with(thread(stack, root), action_id)
    if value is None:
        value = next(v for v in buttons(message, action_id) if v.endswith(ends_with or ""))
    response = stack.driver.click(user, CHANNEL, message.ts, action_id, value)
    assert response.status == 200, response.body
    return response


def click_in_dm(stack, user, action_id, value):
    stack.deliver()
    message = latest_with(stack.emulator.dms(user), action_id)
    channel = stack.emulator.dm_channel(user)
    exact = action_of(message, action_id, value)
    response = stack.driver.click(user, channel, message.ts, exact, value)
    assert response.status == 200, response.body
    return response


def submit(stack, user, values: dict):
    """Submit the modal that was opened last; returns its field errors (empty when saved)."""
    view_id = open_view_id(stack)
    response = stack.driver.submit_view(user, view_id, values)
    assert response.status == 200, response.body
    body = response.json() if response.body.strip() else {}
    return (body or {}).get("errors") or {}


def last_view(stack) -> dict:
    return stack.emulator.view(open_view_id(stack))


def everything_said(messages) -> str:
    return "\n".join(m.text + json.dumps(m.blocks, ensure_ascii=False) for m in messages)
