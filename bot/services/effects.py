"""Slack effects as data: what to deliver, to whom, and under which dedupe key.

Services never call Slack; they queue `Effect`s in the outbox inside the same
transaction as the change that caused them, so a change and its messages are
committed together or not at all.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class EffectKind(StrEnum):
    POST = "post"  # chat.postMessage in a channel (optionally in a thread)
    UPDATE = "update"  # chat.update of a message named by its ref
    EPHEMERAL = "ephemeral"  # chat.postEphemeral
    DM = "dm"  # conversations.open + chat.postMessage
    PUBLISH = "publish"  # views.publish (App Home)
    REACT = "react"  # reactions.add: the quiet "noted" on a thread reply
    UPLOAD = "upload"  # files.getUploadURLExternal → upload → files.completeUploadExternal
    # users.info for the names not known yet, then the files built and queued as an UPLOAD
    EXPORT = "export"


@dataclass(frozen=True)
class Payload:
    """A rendered message: fallback text and Block Kit blocks as plain dicts."""

    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
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
    team_id: str | None = None  # found from the session, channel or request when not given
    enterprise_id: str | None = None  # the Enterprise Grid organisation of that workspace


@dataclass(frozen=True)
class Workspace:
    """The Slack workspace (and Enterprise Grid organisation) a request came from."""

    team_id: str | None
    enterprise_id: str | None = None


# Set by the Slack layer at the start of every request (`bot/slack/workspace.py`): an
# effect queued while answering it belongs to that workspace unless its session or
# channel says otherwise, so a DM to someone outside every group (their data file,
# the forget-me confirmation) still has a token to be sent with.
_REQUEST_WORKSPACE: ContextVar[Workspace | None] = ContextVar("codev_workspace", default=None)


def enter_workspace(workspace: Workspace | None):
    """Name the workspace of the request being answered; returns a token for `leave_workspace`."""
    return _REQUEST_WORKSPACE.set(workspace)


def leave_workspace(token) -> None:
    _REQUEST_WORKSPACE.reset(token)


def request_workspace() -> Workspace | None:
    return _REQUEST_WORKSPACE.get()


def root_ref(session_id: int) -> str:
    """The name of a session's root message, known before Slack gives it a ts."""
    return f"session:{session_id}:root"


def thread_post(session: Any, payload: Payload, key: str, **more: Any) -> Effect:
    """A message in a session's thread; `session` is its row or view (its id and
    channel). `more` adds the rest: a `ref` to update it by later, a `due_at`."""
    return Effect(
        EffectKind.POST,
        payload,
        key,
        channel=session.channel_id,
        thread_ref=root_ref(session.id),
        session_id=session.id,
        **more,
    )
