"""Finding the session a click or a modal is about, and checking who may act on it.

Buttons and modals carry the session id they were made for; the rules table
(phase × role × action) decides whether the person may act now.
"""

from __future__ import annotations

from ..domain import Action, DomainError, Phase, Role, Session, require
from ..domain.session import Status
from .facilitation import require_session_facilitator
from .membership import require_group
from .ports import UnitOfWork
from .reader import user_lang
from .records import GroupRecord, SessionRecord


def running_row(uow, session_id: int, lock: bool = False):
    """The running session with this id, or a refusal that says none is running."""
    row = uow.sessions.locked(session_id) if lock else uow.sessions.get(session_id)
    if row is None or row.status != Status.RUNNING:
        raise DomainError("session.not_running")
    return row


def started_row(uow, session_id: int, group=None):
    """A session that has started (running or since ended), of `group` when given."""
    row = uow.sessions.get(session_id)
    if row is None or row.started_at is None or (group is not None and row.group_id != group.id):
        raise DomainError("session.not_running")
    return row


def facilitated_row(uow, session_id: int, user_id: str):
    """A started session and its group, for whoever keeps its records: the session's own
    facilitator in a peer-run group, else the group's (see `facilitation`)."""
    row = started_row(uow, session_id)
    group = uow.groups.get(row.group_id)
    if group is None:
        raise DomainError("session.not_running")
    require_session_facilitator(group, row, user_id, Action.KEEP_RECORDS)
    return row, group


def facilitated_here(uow, team_id: str, channel_id: str, user_id: str, session_id: int):
    """A started session of this channel's group and the group, for whoever keeps its records
    (the group is checked first: a button of another channel says so)."""
    group = require_group(uow, team_id, channel_id)
    row = started_row(uow, session_id, group)
    require_session_facilitator(group, row, user_id, Action.KEEP_RECORDS)
    return row, group


def role_in(
    uow: UnitOfWork, row: SessionRecord, user_id: str, group: GroupRecord | None = None
) -> Role:
    """The person's role in the session: the one taken at its start, for as long as they
    stay in the group. A client or consultant who left it, or was removed, is an outsider
    from that moment (and takes their place again if they come back). With the session's
    `group` at hand, its members (loaded already) say so without another query."""
    role = uow.sessions.state(row).role_of(user_id)
    if role not in (Role.CLIENT, Role.CONSULTANT):
        return role
    if group is not None:
        active = any(m.user_id == user_id for m in group.active_members)
    else:
        active = uow.groups.is_active_member(row.group_id, user_id)
    return role if active else Role.OUTSIDER


def phase_of(session: Session) -> Phase:
    """The phase of a running session (one that is not running has none)."""
    if session.phase is None:
        raise DomainError("session.not_running")
    return session.phase


def require_action(uow, row, user_id: str, action: Action) -> None:
    """Refuse with the rules table's reason unless `user_id` may do `action` now."""
    require(phase_of(uow.sessions.state(row)), role_in(uow, row, user_id), action)


def current_row(uow, team_id: str, channel_id: str):
    """The running session of the channel's group (for slash commands)."""
    group = uow.groups.by_channel(team_id, channel_id)
    if group is None:
        raise DomainError("group.none_here")
    row = uow.sessions.running(group.id)
    if row is None:
        raise DomainError("session.not_running")
    return row


def acted_on(uow, team_id: str, channel_id: str, user_id: str, session_id: int | None, action):
    """The running session a button (its `session_id`) or a command (the channel's) is
    about, once the rules table lets the person do `action` in it now."""
    if session_id is not None:
        row = running_row(uow, session_id)
    else:
        row = current_row(uow, team_id, channel_id)
    require_action(uow, row, user_id, action)
    return row


def lang_in(uow, row, user_id: str, default: str) -> str:
    group = uow.groups.get(row.group_id)
    return user_lang(uow, user_id, group, default)
