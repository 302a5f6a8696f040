"""Boards and home tabs rendered when they are delivered, not when a request is acked.

A reply that changes the question board queues a small effect that names the board
and its session (`boards.deferred`), and a change seen on people's home tabs (a
session started or ended) one naming each person (`boards.deferred_home`); the
dispatcher renders them from the database as it stands when it sends them. The ack
then renders nothing (a board's render grows with every question of its session, and
it ran while SQLite's write lock was held), a queued row carries none of the text
people typed, and the refreshes queued before the dispatcher gets to them become one
Slack call: an update (or a home) with a newer one queued behind it is superseded
unsent (`delivery.py`), and the newest is rendered after the commit of every change
it follows.
"""

from __future__ import annotations

from typing import Any

from .boards import HOME, QUESTION_BOARD, RENDER
from .effects import Payload
from .home import build_home
from .replies import board_payload

BOARDS = {QUESTION_BOARD: board_payload}


def rendered(uow, ctx, payload: dict[str, Any]) -> dict[str, Any] | None:
    """The payload to send: `payload` itself, or the board or home it names rendered
    now; None when that board's session is gone (nothing is left to show)."""
    wanted = payload.get(RENDER)
    if wanted is None:
        return payload
    if wanted["board"] == HOME:
        view = build_home(uow, wanted["team_id"], wanted["user_id"], ctx.clock(), ctx.default_lang)
        home: Payload = ctx.renderer.home_view(view)
        return home.as_dict()
    row = uow.sessions.get(wanted["session_id"])
    if row is None:
        return None
    board: Payload = BOARDS[wanted["board"]](uow, ctx.renderer, row)
    return board.as_dict()
