"""Follow-ups of the action plans, by DM to the client who wrote them.

- On an item's due date (from 09:00 in the group's time zone), a DM names it,
  unless it was marked done or dropped by then.
- A day before the group's next planned session, a recap lists each earlier
  client's items still open or in progress: they report on them in that
  session's follow-up (phase 0).

Both are queued by the periodic cycle job once they are due, so an item closed
in the meantime gets nothing. Dedupe keys name the item and its date, or the
planned session, its plan generation and the person; the recap carries the
planned session's id, so moving or cancelling that session drops it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from . import calendar_math as cm
from .context import Context
from .effects import Effect, EffectKind
from .reader import user_lang
from .reminders import _with_failure_notice

DUE_DAY_HOUR = 9
RECAP_BEFORE = timedelta(hours=24)
OPEN = ("open", "in_progress")


def _active(group, user_id: str) -> bool:
    return any(m.user_id == user_id for m in group.active_members)


def queue_due_items(uow, ctx: Context, now) -> int:
    """DMs for the open items due today in their group's zone."""
    queued = 0
    today = now.date()
    found = uow.cycle.open_items_due(today - timedelta(days=1), today + timedelta(days=1))
    keys = [f"followup:item:{i.id}:{i.due_on.isoformat()}" for i, _ in found]
    known = uow.cycle.known_keys(keys)
    groups: dict[str, Any] = {}  # group id -> its row, read once
    for (item, session), key in zip(found, keys, strict=True):
        if key in known:
            continue
        group = groups.get(session.group_id) or uow.groups.get(session.group_id)
        groups[session.group_id] = group
        local = cm.local_of(now, group.tz)
        if local.date() != item.due_on or local.hour < DUE_DAY_HOUR:
            continue
        if not _active(group, item.owner_id):
            continue
        lang = user_lang(uow, item.owner_id, group, ctx.default_lang)
        payload = ctx.renderer.item_due(lang, group.name, session.number, item.text)
        payload = _with_failure_notice(uow, ctx, group, item.owner_id, payload)
        effect = Effect(EffectKind.DM, payload, key, user_id=item.owner_id, session_id=session.id)
        queued += uow.outbox.add(effect, now)
    return queued


def queue_recaps(uow, ctx: Context, now) -> int:
    """Before each planned session, each earlier client's items still open: phase 0
    reviews them all, not only the last client's."""
    queued = 0
    for planned, plan in uow.cycle.upcoming(now, now + RECAP_BEFORE):
        by_owner: dict[str, list[Any]] = {}
        for item, _ in uow.content.earlier_action_items(planned.group_id):
            if item.status in OPEN:
                due = item.due_on.isoformat() if item.due_on else None
                by_owner.setdefault(item.owner_id, []).append((item.text, due))
        if not by_owner:
            continue
        group = uow.groups.get(planned.group_id)
        for owner, items in by_owner.items():
            key = f"followup:recap:{planned.id}:g{plan.generation}:{owner}"
            if uow.cycle.known_keys([key]) or not _active(group, owner):
                continue
            lang = user_lang(uow, owner, group, ctx.default_lang)
            payload = ctx.renderer.items_recap(
                lang, group.name, planned.number, planned.scheduled_at, items, group.tz
            )
            payload = _with_failure_notice(uow, ctx, group, owner, payload)
            effect = Effect(EffectKind.DM, payload, key, user_id=owner, session_id=planned.id)
            queued += uow.outbox.add(effect, now)
    return queued
