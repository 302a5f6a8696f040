"""Messages kept up to date in place: posted once under a ref, then updated.

The question board, the contract card, the client's harvest board, the action
plan and the follow-up board all work this way, so a thread never fills up
with copies of the same message.
"""

from __future__ import annotations

import uuid

from .effects import Effect, EffectKind, Payload, root_ref
from .read_models import SessionView

# A payload naming a board to render at delivery (`deferred.py`) instead of its blocks.
RENDER = "render"
QUESTION_BOARD = "questions"
HOME = "home"


def deferred(board: str, session_id: int) -> Payload:
    """The payload of a board the dispatcher renders from the database when it sends it."""
    return Payload(text="", extra={RENDER: {"board": board, "session_id": session_id}})


def deferred_home(team_id: str | None, user_id: str) -> Payload:
    """The payload of a person's home tab, built from the database when it is published."""
    return Payload(text="", extra={RENDER: {"board": HOME, "team_id": team_id, "user_id": user_id}})


def post_or_update(uow, payload, ref: str, now, *, row, channel=None, user_id=None) -> None:
    """Queue the first post of `ref` (in the session thread, or by DM when
    `user_id` is given), or an update of it when it was already queued."""
    if user_id is not None:
        first = Effect(
            EffectKind.DM, payload, f"{ref}:post", user_id=user_id, ref=ref, session_id=row.id
        )
    else:
        first = Effect(
            EffectKind.POST,
            payload,
            f"{ref}:post",
            channel=channel or row.channel_id,
            ref=ref,
            thread_ref=root_ref(row.id),
            session_id=row.id,
        )
    # Posted already: its first row may have been pruned since, and must not post again.
    if uow.outbox.location(ref) is None and uow.outbox.add(first, now):
        return
    uow.outbox.add(
        Effect(
            EffectKind.UPDATE,
            payload,
            f"{ref}:{uuid.uuid4().hex}",
            channel=user_id or channel or row.channel_id,
            target_ref=ref,
            session_id=row.id,
        ),
        now,
    )


def queue_root_update(uow, renderer, view: SessionView, now, stamp: str = "") -> None:
    """Re-render a session's root message (phase, who has rated…) in place."""
    suffix = f":{stamp}" if stamp else ""
    uow.outbox.add(
        Effect(
            EffectKind.UPDATE,
            renderer.session_root(view),
            f"{root_ref(view.id)}:v{view.version}{suffix}",
            channel=view.channel_id,
            target_ref=root_ref(view.id),
            session_id=view.id,
        ),
        now,
    )
