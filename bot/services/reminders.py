"""Reminders of the cycle, all as outbox rows with a future `due_at` and a `session_id`.

Members (and the facilitator) get a DM before each session at the group's
offsets (default 24 h and 1 h), in their own language. A few days before a
session a periodic job suggests its client to the facilitator (rotation:
fewest turns, longest wait, skipping announced absences) with the pitched
topics, and queues the client's preparation DM (default 2 days before).
Dedupe keys carry the plan's generation, so a moved session's new rows never
collide with the cancelled ones.
"""

from __future__ import annotations

from datetime import timedelta

from ..domain import Turns, rotation_order
from . import calendar_math as cm
from .context import Context
from .effects import Effect, EffectKind, Payload
from .facilitation import facilitator_of
from .ports import UnitOfWork
from .reader import user_lang

REMIND, PREP, SUGGEST = "remind:", "prep:", "suggest:"  # how their dedupe keys begin
SUGGEST_AHEAD_MINUTES = 24 * 60  # the suggestion comes a day before the client's prep DM
LOOK_AHEAD = timedelta(days=60)
REMINDER_HORIZON = timedelta(days=15)  # the longest reminder offset allowed is 14 days


def recipients(group) -> list[str]:
    """Who is reminded: the active peers and the facilitator."""
    people = [m.user_id for m in group.active_members]
    return list(dict.fromkeys([*people, group.facilitator_id]))


def queue_session_reminders(uow, ctx: Context, group, cycle, session, plan, now) -> int:
    """Queue the reminders of one planned session; those already due are skipped.
    Idempotent: the dedupe keys name session, generation, offset and person, and a
    key already used (sent, or cancelled because its member left) is not queued again."""
    queued = 0
    known = uow.cycle.keys_of_session(session.id)
    for minutes in cycle.reminder_minutes:
        due = session.scheduled_at - timedelta(minutes=minutes)
        if due <= now:
            continue
        for user_id in recipients(group):
            key = f"{REMIND}{session.id}:g{plan.generation}:{minutes}:{user_id}"
            if key in known:
                continue
            payload = reminder_payload(uow, ctx, group, session, minutes, user_id)
            effect = Effect(
                EffectKind.DM, payload, key, user_id=user_id, due_at=due, session_id=session.id
            )
            queued += uow.outbox.add(effect, now)
    return queued


def suggestion_ref(session_id: int, generation: int) -> str:
    return f"session:{session_id}:suggest:g{generation}"


def client_suggestion(uow, ctx: Context, group, session) -> tuple[Payload, list[str]]:
    """The facilitator's DM suggesting a planned session's client (rotation order,
    absences, the pitched topics), and that order. In a peer-run group it goes to the
    peer planned to facilitate that session, if one is, who is never suggested."""
    absent = uow.cycle.absent_on(group.id, cm.local_day(session.scheduled_at, group.tz))
    turns = [
        Turns(m.user_id, m.client_turns, m.last_client_at, m.joined_at)
        for m in group.active_members
    ]
    plan = uow.cycle.plan_of(session.id)
    planned = {plan.facilitator_id} if plan is not None and plan.facilitator_id else set()
    order = rotation_order(turns, absent | planned)  # who facilitates is not the client
    topics = [(t.user_id, t.text) for t in uow.cycle.open_topics(group.id)]
    payload = ctx.renderer.client_suggestion(
        user_lang(uow, facilitator_of(group, session), group, ctx.default_lang),
        group.name,
        session.number,
        session.scheduled_at,
        order,
        sorted(absent),
        topics,
        group.tz,
        group.channel_id,
    )
    return payload, order


def queue_prep(
    uow: UnitOfWork, ctx: Context, group, cycle, session, plan, client: str, now, again=""
) -> bool:
    """The client's preparation DM, `prep_minutes` before the session (at once if later).
    False when this person's key is used already (`again` then makes a new one)."""
    due = max(now, session.scheduled_at - timedelta(minutes=cycle.prep_minutes))
    return uow.outbox.add(
        Effect(
            EffectKind.DM,
            prep_payload(uow, ctx, group, session, client),
            f"{prep_prefix(session, plan)}{client}{again}",
            user_id=client,
            due_at=due,
            session_id=session.id,
        ),
        now,
    )


def prep_prefix(session, plan) -> str:
    return f"{PREP}{session.id}:g{plan.generation}:"


def reminder_payload(uow, ctx: Context, group, session, minutes: int, user_id: str) -> Payload:
    """One person's reminder of a session, in their language (and, for a peer, the
    notice their facilitator gets if it cannot be delivered)."""
    lang = user_lang(uow, user_id, group, ctx.default_lang)
    plan = uow.cycle.plan_of(session.id)
    payload = ctx.renderer.session_reminder(
        lang,
        group.name,
        session.number,
        session.scheduled_at,
        minutes,
        group.tz,
        group.video_url,
        plan.cases if plan is not None else 1,
    )
    if user_id != group.facilitator_id:
        payload = _with_failure_notice(uow, ctx, group, user_id, payload)
    return payload


def prep_payload(uow, ctx: Context, group, session, client: str) -> Payload:
    """The client's preparation DM, with the topics they pitched, in their language."""
    own = [t.text for t in uow.cycle.open_topics(group.id) if t.user_id == client]
    lang = user_lang(uow, client, group, ctx.default_lang)
    return ctx.renderer.client_prep(
        lang, group.name, session.number, session.scheduled_at, own, group.tz
    )


def render_queued_again(uow, ctx: Context, user_id: str) -> int:
    """A person's language became known or changed: what waits in the queue for them
    is rendered again in it, so nothing queued earlier reaches them in another
    language. That is the DMs queued ahead of their time (reminders, the client's
    preparation, the facilitator's suggestion) and, for a facilitator, the notice
    each of their peers' queued DMs carries in case it cannot be delivered. Nudges
    and follow-ups are rendered when they fall due, in the language known then.
    Returns how many rows changed."""
    changed = 0
    for row in uow.locales.queued_dms(user_id):
        session = uow.sessions.get(row.session_id)
        group = uow.groups.get(session.group_id) if session else None
        if group is None:
            continue
        payload = _again(uow, ctx, group, session, row.dedupe_key, user_id)
        if payload is not None:
            row.payload = payload.as_dict()
            changed += 1
    for row in uow.locales.queued_dms_facilitated_by(user_id):
        notice = (row.payload or {}).get("failure_notice")
        session = uow.sessions.get(row.session_id)
        if not notice or notice.get("to") != user_id or session is None:
            continue
        group = uow.groups.get(session.group_id)
        body = dict(row.payload)
        body.pop("failure_notice")
        payload = Payload(body.pop("text", ""), body.pop("blocks", []), body)
        row.payload = _with_failure_notice(uow, ctx, group, row.user_id, payload).as_dict()
        changed += 1
    return changed


def _again(uow, ctx: Context, group, session, key: str, user_id: str) -> Payload | None:
    """The payload a queued row of this person would have if queued now (None for
    rows rendered when due, which need nothing)."""
    parts = key.split(":")
    if key.startswith(REMIND) and len(parts) >= 5 and parts[3].isdigit():
        return reminder_payload(uow, ctx, group, session, int(parts[3]), user_id)
    if key.startswith(PREP):
        return prep_payload(uow, ctx, group, session, user_id)
    if key.startswith(SUGGEST) and user_id == facilitator_of(group, session):
        return client_suggestion(uow, ctx, group, session)[0]
    return None


def _with_failure_notice(
    uow, ctx: Context, group, user_id: str, payload: Payload, facilitator: str | None = None
) -> Payload:
    """If this DM cannot be delivered (DMs closed, account deactivated), the outbox tells
    the facilitator (the group's, or `facilitator`: the session's), once per member and
    group; the other reminders go on."""
    facilitator = facilitator or group.facilitator_id
    lang = user_lang(uow, facilitator, group, ctx.default_lang)
    notice = ctx.renderer.unreachable_member(lang, user_id, group.name)
    failure = {
        "to": facilitator,
        "key": f"unreachable:{group.id}:{user_id}",
        "text": notice.text,
        "blocks": notice.blocks,
    }
    return Payload(payload.text, payload.blocks, {**payload.extra, "failure_notice": failure})
