"""Slack effects as data: what to deliver, to whom, and under which dedupe key.

Services never call Slack; they queue `Effect`s in the outbox inside the same
transaction as the change that caused them, so a change and its messages are
committed together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class EffectKind(StrEnum):
    POST = "post"  # chat.postMessage in a channel (optionally in a thread)
    UPDATE = "update"  # chat.update of a message named by its ref
    EPHEMERAL = "ephemeral"  # chat.postEphemeral
    DM = "dm"  # conversations.open + chat.postMessage
    PUBLISH = "publish"  # views.publish (App Home)
    REACT = "react"  # reactions.add: the quiet "noted" on a thread reply
    UPLOAD = "upload"  # files.getUploadURLExternal → upload → files.completeUploadExternal


@dataclass(frozen=True)
class Payload:
    """A rendered message: fallback text and Block Kit blocks as plain dicts."""

    text: str
    blocks: list[dict] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"text": self.text, "blocks": self.blocks, **self.extra}


@dataclass(frozen=True)
class Effect:
    kind: EffectKind
    payload: Payload
    dedupe_key: str
    channel: str | None = None
    user_id: str | None = None
    ref: str | None = None
    thread_ref: str | None = None
    target_ref: str | None = None
    due_at: datetime | None = None
    session_id: int | None = None
    team_id: str | None = None  # found from the session, channel or person when not given


def root_ref(session_id: int) -> str:
    """The name of a session's root message, known before Slack gives it a ts."""
    return f"session:{session_id}:root"
