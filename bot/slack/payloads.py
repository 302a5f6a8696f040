"""Reading what Slack sends, in one place: who and where, a click's own key, the typed
values the app put on its buttons, composite action ids, a modal's metadata and the
field its errors go on.

Slack shapes the same facts differently by kind of request: a slash command says
`team_id`/`channel_id`/`user_id`; a click says `team.id`, `channel.id` (or
`container.channel_id` in a DM or a modal) and `user.id`; an event says `team_id` and
`event.channel`/`event.user`. Listeners ask this module rather than the body, so a
change of shape is one change here.

A button's value is the parts the app joined with ":" when it drew the button (for
example `"<session id>:<phase>"`): `values(body, int, int)` reads them back typed. A
composite action id is a base id and a suffix (`codev_harvest_keep`), so one listener
serves every choice of a row of buttons.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..services.notices import Answer

SEPARATOR = ":"


@dataclass(frozen=True)
class Where:
    """Who did it and where: the workspace (and its Enterprise Grid org), the channel,
    the person, and the thread when the request came from one."""

    team: str | None
    channel: str | None
    user: str | None
    enterprise: str | None = None
    thread_ts: str | None = None

    @property
    def ids(self) -> tuple[str, str, str]:
        """(team, channel, user), the arguments most use cases start with."""
        return self.team, self.channel, self.user  # type: ignore[return-value]


def where(body: dict) -> Where:
    """Who and where, whatever the kind of request (command, click, modal, event)."""
    if "command" in body:
        return Where(
            body.get("team_id"),
            body.get("channel_id"),
            body.get("user_id"),
            enterprise=body.get("enterprise_id"),
        )
    event = body.get("event") or {}
    container = body.get("container") or {}
    message = body.get("message") or {}
    team = body.get("team") or {}
    return Where(
        team=team.get("id") or body.get("team_id"),
        channel=(body.get("channel") or {}).get("id")
        or container.get("channel_id")
        or event.get("channel"),
        user=(body.get("user") or {}).get("id") or event.get("user"),
        enterprise=(body.get("enterprise") or {}).get("id")
        or team.get("enterprise_id")
        or body.get("enterprise_id"),
        thread_ts=container.get("thread_ts") or message.get("thread_ts") or event.get("thread_ts"),
    )


def action(body: dict) -> dict:
    """The clicked element (Slack sends one per block_actions request)."""
    return body["actions"][0]


def click_key(body: dict) -> str:
    """The click's own idempotency key: a retry of the same click carries the same
    user, action id and action_ts, a second click a new action_ts."""
    clicked = action(body)
    return f"action:{body['user']['id']}:{clicked['action_id']}:{clicked.get('action_ts')}"


def answer(body: dict, channel: str | None = None) -> Answer:
    """Where the private answer to a click goes: to whoever clicked, in `channel` or
    where they clicked, once per click."""
    here = where(body)
    return Answer(channel or here.channel, here.user, click_key(body))


def event_key(body: dict) -> str:
    """An event's idempotency key: Slack's retry of an event carries the same event id."""
    return f"event:{body.get('event_id')}"


def value(body: dict) -> str:
    """The clicked element's value: a button's, or a select's chosen option."""
    clicked = action(body)
    return (clicked.get("selected_option") or {}).get("value") or clicked.get("value") or ""


def parts(text: str) -> list[str]:
    return text.split(SEPARATOR)


def values(body: dict, *types: Callable[[str], Any]) -> tuple:
    """The value's first parts, each read with its type (`int`, `str`): a value that is
    not what the app drew (forged, or from an older release) raises ValueError, which
    the error handler answers like any unexpected failure."""
    found = parts(value(body))
    if len(found) < len(types):
        raise ValueError(f"a button value has {len(found)} parts, {len(types)} expected")
    return tuple(kind(part) for kind, part in zip(types, found, strict=False))


def number(text: str | None) -> int:
    """A number part that may be missing or not a number: 0, which matches no row."""
    return int(text) if text and text.isdigit() else 0


def join(*items: object) -> str:
    """A button value made of parts, as `values` reads it back."""
    return SEPARATOR.join(str(item) for item in items)


def composite(base: str, suffix: str) -> str:
    """A composite action id: the base id and one choice (`codev_harvest_keep`)."""
    return f"{base}_{suffix}"


def composite_pattern(base: str, suffix: str = r"\w+") -> re.Pattern:
    """The listener's matcher of every composite id of `base` whose suffix matches."""
    return re.compile(rf"^{re.escape(base)}_({suffix})$")


def suffix(action_id: str, base: str) -> str:
    """The choice a composite action id carries after its base."""
    return action_id.removeprefix(f"{base}_")


def block_parts(body: dict) -> list[str]:
    """The clicked element's block id, split like a value (`client:<channel>:<number>`)."""
    return parts(action(body).get("block_id") or "")


def metadata(view: dict) -> dict:
    """A modal's private_metadata: what the app wrote when it opened it."""
    return json.loads(view.get("private_metadata") or "{}")


def text_form(values: dict, form_type: type, **blocks: str):
    """A form of text fields from a submitted modal: each field read from the block of its
    own name, or from the block `blocks` names for it; empty when not filled."""
    names = [field.name for field in dataclasses.fields(form_type)]
    return form_type(**{name: values.get(blocks.get(name, name)) or "" for name in names})


def first_field(view: dict) -> str:
    """The first field of a submitted modal, where a refusal with no field of its own is
    shown."""
    return next(iter((view.get("state") or {}).get("values", {})), "")


def first_input_block(view: dict) -> str | None:
    """The first input block of a modal as drawn (its blocks, not its state)."""
    blocks = view.get("blocks") or []
    return next((b.get("block_id") for b in blocks if b.get("type") == "input"), None)
