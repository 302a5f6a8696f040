"""Boards rendered when they are delivered, not when a request is acknowledged.

A reply that changes the question board queues a small effect that names the board
and its session (`boards.deferred`); the dispatcher renders it from the database as
it stands when it sends it. The ack then renders nothing (a board's render grows with
every question of its session, and it ran while SQLite's write lock was held), a
queued row carries none of the text people typed, and the refreshes of one board
queued before the dispatcher gets to them become one `chat.update`: an update with a
newer one queued behind it is superseded unsent (`delivery.py`), and the newest is
rendered after the commit of every change it follows.
"""

from __future__ import annotations

from .boards import QUESTION_BOARD, RENDER
from .replies import board_payload

BOARDS = {QUESTION_BOARD: board_payload}


def rendered(uow, renderer, payload: dict) -> dict | None:
    """The payload to send: `payload` itself, or the board it names rendered now;
    None when that board's session is gone (nothing is left to show)."""
    wanted = payload.get(RENDER)
    if wanted is None:
        return payload
    row = uow.sessions.get(wanted["session_id"])
    if row is None:
        return None
    return BOARDS[wanted["board"]](uow, renderer, row).as_dict()
