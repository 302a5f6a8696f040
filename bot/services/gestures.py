"""Gestures: emoji reactions that do what a button does (see `domain/gestures.py`),
and a raised hand (🙋) that asks for the floor in clarification.

A reaction is quiet by nature: people add emoji for many reasons. So a reaction
that is not a gesture of this group, that comes from outside the group, lands on
a message the app does not track, or would be refused on the button, changes
nothing and says nothing. What a gesture records is exactly what the button
records, so the client's board, the contract card, the summary and the exports
cannot tell the two apart; removing the reaction undoes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import Action, ConfirmStatus, DomainError, Harvest
from ..domain.gestures import Gesture, effective, gesture_for, parse_gestures
from .access import require_action
from .context import Context
from .contract import queue_card
from .harvest import queue_board
from .membership import require_group, require_right
from .reader import user_lang
from .replies import FLOOR, queue_question_board


@dataclass(frozen=True)
class GestureSettings:
    lang: str  # the reader's language
    gestures: dict[str, str]  # {emoji name: gesture} in force
    custom: bool  # the group's own mapping, not the defaults


class GestureService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def on_reaction(
        self,
        team_id: str,
        channel_id: str,
        user_id: str,
        item_ts: str,
        reaction: str,
        added: bool,
        event_key: str,
    ) -> bool:
        """Apply a reaction if it is one of the group's gestures; True if it did."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = uow.groups.by_channel(team_id, channel_id)
            gesture = gesture_for(reaction, group.gestures) if group else None
            if group is None or gesture is None:
                return False
            row = uow.sessions.running(group.id, lock=True)
            if row is None or not uow.request_keys.claim(event_key, now):
                return False  # no session, or a retry of a reaction already applied
            try:
                require_right(group, user_id, Action.TAKE_PART)
                require_action(uow, row, user_id, gesture.action)
            except DomainError:
                return False  # the button would refuse it: the reaction records nothing
            if gesture is Gesture.KEEP:
                done = _keep(uow, row, item_ts, added)
                if done:
                    queue_board(uow, self.ctx.renderer, row, now)
            elif gesture is Gesture.FLOOR:
                done = _floor(uow, row, channel_id, item_ts, user_id, added, now)
                if done:
                    queue_question_board(uow, self.ctx.renderer, row, now)
            else:
                done = _confirm(uow, row, channel_id, item_ts, user_id, added, now)
                if done:
                    queue_card(uow, self.ctx.renderer, row, now)
            uow.commit()
            return done

    def settings(self, team_id: str, channel_id: str, user_id: str) -> GestureSettings:
        """The gestures in force in this channel's group (members may read them)."""
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.VIEW_GROUP)
            lang = user_lang(uow, user_id, group, self.ctx.default_lang)
            return GestureSettings(lang, effective(group.gestures), group.gestures is not None)

    def change(self, team_id: str, channel_id: str, user_id: str, text: str) -> GestureSettings:
        """The facilitator sets the group's gestures (`off`, `default`, or pairs)."""
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.MANAGE_GROUP)
            group.gestures = parse_gestures(text)
            group.updated_at = self.ctx.clock()
            lang = user_lang(uow, user_id, group, self.ctx.default_lang)
            uow.commit()
            return GestureSettings(lang, effective(group.gestures), group.gestures is not None)


def _keep(uow, row, item_ts: str, added: bool) -> bool:
    """⭐ on a contribution keeps it; taking the ⭐ back leaves it unsorted again
    (unless the client sorted it otherwise on the board since)."""
    item = uow.content.by_message_ts(row.id, item_ts)
    if item is None or not hasattr(item, "harvest"):
        return False  # not a contribution of this session
    if added:
        item.harvest = str(Harvest.KEEP)
    elif item.harvest == Harvest.KEEP:
        item.harvest = None
    else:
        return False
    return True


def _confirm(uow, row, channel_id, item_ts, user_id, added, now) -> bool:
    """👍 on the contract card confirms its current wording; taking it back
    withdraws that confirmation (a request to reword is left as it is)."""
    card = uow.outbox.location(f"session:{row.id}:contract")
    contract = uow.content.contract(row.id)
    if card is None or contract is None or (card.channel, card.ts) != (channel_id, item_ts):
        return False
    if added:
        uow.content.set_confirmation(contract, user_id, str(ConfirmStatus.CONFIRMED), now)
        return True
    for confirmation in uow.content.confirmations(contract.id):
        if (
            confirmation.user_id == user_id
            and confirmation.revision == contract.revision
            and confirmation.status == ConfirmStatus.CONFIRMED
        ):
            uow.content.remove(confirmation)
            return True
    return False


def _floor(uow, row, channel_id, item_ts, user_id, added, now) -> bool:
    """🙋 on a question (or on the question board) asks for the floor: the board lists
    raised hands in order, with the question the hand was raised on; taking the 🙋
    back lowers the hand. One hand per person per question."""
    on = _question_label(uow, row, channel_id, item_ts)
    if on is None:
        return False
    mine = [n for n in uow.content.notes(row.id, FLOOR) if n.author_id == user_id and n.text == on]
    if added and not mine:
        uow.content.add_note(row.id, row.phase, FLOOR, user_id, on, None, now)
        return True
    if not added and mine:
        for note in mine:
            uow.content.remove(note)
        return True
    return False


def _question_label(uow, row, channel_id, item_ts) -> str | None:
    """ "Q3" for a question of this session, "" for its question board, else None."""
    item = uow.content.by_message_ts(row.id, item_ts)
    if item is not None and hasattr(item, "number") and not hasattr(item, "harvest"):
        return f"Q{item.number}"
    board = uow.outbox.location(f"session:{row.id}:board")
    if board is not None and (board.channel, board.ts) == (channel_id, item_ts):
        return ""
    return None
