"""After an erasure or a retention purge: the bot's own messages that quoted the
removed text are rendered again from what is left, and updated in place.

Every message a session keeps up to date has a ref (root, question board,
contract card, harvest board, action plan, follow-up board, summary, the
client's recap), and so has the facilitator's DM suggesting a planned session's
client with the pitched topics. A message already posted gets a `chat.update`; a first post
still queued is given the new render, so the old one is never sent (one being
sent, which may have reached Slack, is also updated once it lands); a message
never posted is left alone. Ephemerals, files and unnamed DMs cannot be changed
afterwards; the finished rows that carried them have lost their payloads.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import cache, partial

from ..domain.session import Status
from .action_plan import follow_up_sections
from .contract import card_payload
from .effects import Effect, EffectKind, Payload, root_ref
from .outbox_states import OutboxStatus
from .pending import pending_for
from .ports import Renderer, UnitOfWork
from .read_models import session_view
from .records import SessionRecord
from .reminders import client_suggestion, suggestion_ref
from .replies import board_payload
from .summary import MAX_RECORD_PARTS, build_summary, recap_ref, summary_ref

PURGED = "—"


def rerender_sessions(uow, renderer, session_ids, now) -> int:
    """Queue the re-render of every named message of these sessions; returns how
    many messages were re-rendered."""
    done = 0
    for session_id in sorted(set(session_ids)):
        row = uow.sessions.get(session_id)
        if row is None or row.status == Status.PLANNED:
            continue
        group = uow.groups.get(row.group_id)
        for ref, render in _messages(uow, renderer, row, group):
            done += _replace(uow, ref, render, row, now)
    return done


def rerender_suggestions(uow, ctx, groups, now) -> int:
    """The facilitator's DMs suggesting the client of the groups' planned sessions
    list members and their topics: render them again."""
    done = 0
    for group in groups:
        for session, plan in uow.cycle.slots(group.id):
            if session.status != Status.PLANNED or plan is None or plan.suggested_at is None:
                continue
            ref = suggestion_ref(session.id, plan.generation)
            render = lambda s=session, g=group: client_suggestion(uow, ctx, g, s)[0]  # noqa: E731
            done += _replace(uow, ref, render, session, now)
    return done


def _messages(uow, renderer, row, group):
    """(ref, a function rendering it now) for each message a session keeps named."""
    base = f"session:{row.id}"
    yield (
        root_ref(row.id),
        lambda: renderer.session_root(session_view(row, group, pending_for(uow, row))),
    )
    yield (
        f"{base}:board",
        lambda: board_payload(uow, renderer, row),
    )
    yield f"{base}:contract", lambda: card_payload(uow, renderer, row, PURGED)
    yield (
        f"{base}:harvest",
        lambda: renderer.harvest_board(
            uow.prefs.lang(row.client_id) or row.lang,
            row.id,
            row.number,
            [
                (c.id, c.number, c.author_id, c.kind, c.text, c.harvest)
                for c in uow.content.contributions(row.id)
            ],
        ),
    )
    yield (
        f"{base}:plan",
        lambda: renderer.action_plan(
            row.lang,
            [
                (i.text, i.due_on.isoformat() if i.due_on else None)
                for i in uow.content.action_items(row.id)
            ],
        ),
    )
    yield f"{base}:follow-up", lambda: _follow_up(uow, renderer, row)
    yield summary_ref(row.id), lambda: renderer.session_summary(build_summary(uow, row, group))
    record = cache(
        lambda: renderer.client_record(
            build_summary(uow, row, group), uow.prefs.lang(row.client_id) or row.lang
        )
    )
    for part in range(1, MAX_RECORD_PARTS + 1):
        yield recap_ref(row.id, part), partial(_record_part, record, part)


def _record_part(record: Callable[[], list[Payload]], part: int) -> Payload:
    """Part `part` of the client's record as it reads now; a part the record no longer
    needs (what filled it was erased) keeps only its title."""
    parts = record()
    if part <= len(parts):
        return parts[part - 1]
    last = parts[-1]
    return Payload(text=last.text, blocks=last.blocks[:1])


def _follow_up(uow: UnitOfWork, renderer: Renderer, row: SessionRecord) -> Payload:
    """The follow-up board of `row`: the earlier sessions' items it reviews."""
    return renderer.follow_up_board(row.lang, row.id, follow_up_sections(uow, row))


def _replace(uow, ref: str, render, row, now) -> int:
    outbox = uow.outbox
    located = outbox.location(ref)
    if located is None and not outbox.ref_is_coming(ref):
        return 0  # never posted, nothing will post it: nothing quotes anything
    payload = render()
    channel = located.channel if located else None
    if located is None:
        queued = outbox.rewrite_queued(ref, payload.as_dict())
        if all(r.status == OutboxStatus.PENDING for r in queued):
            return 1  # not sent yet: it will be posted as rendered now
        channel = queued[0].channel  # perhaps posted already: updated once it is
    outbox.add(
        Effect(
            EffectKind.UPDATE,
            payload,
            f"{ref}:erased:{uuid.uuid4().hex}",
            channel=channel,
            target_ref=ref,
            session_id=row.id,
        ),
        now,
    )
    return 1
