"""Use cases of a group: set it up, manage its peers, join and leave."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..domain import Action, DomainError, Mode
from ..domain.content import looks_written
from ..domain.session import Status
from .context import Context
from .effects import Effect, EffectKind, root_ref
from .forms import InvalidFields
from .group_settings import GroupSettings, SettingsForm, apply_settings, read_settings
from .membership import (
    as_domain_group,
    require_group,
    require_right,
)
from .notices import ephemeral
from .reader import LANGS, reader_lang, user_lang
from .reminders import recipients, render_queued_again
from .timing import on_phase_left

MAX_NAME = 80
# Slack's answers that mean a channel cannot take the session's first message, and
# what the group becomes then (None: nothing to pause, the bot just has to be invited).
UNPOSTABLE = {"is_archived": "archived", "not_in_channel": None, "channel_not_found": None}


def group_payload_key(group_id: int, what: str, stamp: str) -> str:
    """Dedupe keys for group-level messages, unique per change."""
    return f"group:{group_id}:{what}:{stamp}"


@dataclass(frozen=True)
class SetupForm:
    name: str
    lang: str
    tz: str
    mode: str
    facilitator_id: str


@dataclass(frozen=True)
class SetupPlace:
    """The channel as Slack sees it when a group is set up there (the listener asks
    `conversations.info` and `conversations.members`): the bot must be in it to post,
    and whoever sets a group up must belong to it, whatever the modal says."""

    bot_is_member: bool
    submitter_is_member: bool
    is_private: bool


@dataclass(frozen=True)
class GroupInfo:
    name: str
    lang: str
    tz: str
    mode: str
    facilitator_id: str
    peers: list[str]
    public_channel: bool = False


@dataclass(frozen=True)
class MembersChange:
    """What a members command changed, for the answer to whoever asked."""

    lang: str
    changed: list[str]
    unchanged: list[str]
    peers: list[str]
    facilitator_id: str


def _info(group, public: bool = False) -> GroupInfo:
    return GroupInfo(
        name=group.name,
        lang=group.lang,
        tz=group.tz,
        mode=group.mode,
        facilitator_id=group.facilitator_id,
        peers=[m.user_id for m in group.active_members],
        public_channel=public,
    )


def validate_setup(form: SetupForm) -> SetupForm:
    """Every field checked at once, so the modal shows every problem together."""
    errors: dict[str, tuple[str, dict[str, Any]]] = {}
    name = (form.name or "").strip()
    if not name:
        errors["name"] = ("setup.error.name_missing", {})
    elif len(name) > MAX_NAME:
        errors["name"] = ("setup.error.name_too_long", {"limit": MAX_NAME})
    elif not looks_written(name):
        errors["name"] = ("text.blank", {})
    if form.lang not in LANGS:
        errors["lang"] = ("setup.error.lang", {})
    tz = (form.tz or "").strip()
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        errors["tz"] = ("setup.error.tz", {"example": "Europe/Paris"})
    if form.mode not in (Mode.LIVE, Mode.ASYNC):
        errors["mode"] = ("setup.error.mode", {})
    if not form.facilitator_id:
        errors["facilitator"] = ("setup.error.facilitator", {})
    if errors:
        raise InvalidFields(errors)
    return SetupForm(name, form.lang, tz, form.mode, form.facilitator_id)


class GroupService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def setup_form(
        self, team_id: str, channel_id: str, user_id: str
    ) -> tuple[GroupInfo | None, str]:
        """What the setup modal starts from: this channel's group (None: a new one, which
        anyone creates; only its facilitator edits one), and the reader's language."""
        with self.ctx.uow_factory(read_only=True) as uow:
            group = uow.groups.by_channel(team_id, channel_id)
            if group is not None:
                require_right(group, user_id, Action.MANAGE_GROUP)
            lang = reader_lang(uow, user_id, team_id, channel_id, self.ctx.default_lang)
            return (_info(group) if group else None), lang

    def setup(
        self,
        team_id: str,
        channel_id: str,
        user_id: str,
        form: SetupForm,
        place: SetupPlace | None = None,
    ) -> GroupInfo:
        """Create this channel's group, or (its facilitator) change it.

        `place` refuses a channel the bot is not in (nothing could be posted) and a
        submitter who is not in the channel; a public channel is allowed, with a word."""
        form = validate_setup(form)
        if place is not None and not place.submitter_is_member:
            raise DomainError("setup.error.not_in_channel")
        if place is not None and not place.bot_is_member:
            raise DomainError("setup.error.invite_bot")
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = uow.groups.by_channel(team_id, channel_id)
            if group is not None and group.facilitator_id != user_id:
                # Two people set the channel up at once, and the other one won.
                raise DomainError("setup.error.taken")
            created = group is None
            if group is None:
                group = uow.groups.create_once(
                    team_id=team_id,
                    channel_id=channel_id,
                    created_at=now,
                    with_follow_up=True,  # « retour sur la séance précédente »
                    strict_exploration=False,  # the client may ask for precision
                    name=form.name,
                    lang=form.lang,
                    tz=form.tz,
                    mode=form.mode,
                    facilitator_id=form.facilitator_id,
                    updated_at=now,
                )
                if group is None:  # created by someone else since we looked
                    raise DomainError("setup.error.taken")
            else:
                group.name, group.lang, group.tz = form.name, form.lang, form.tz
                group.mode, group.facilitator_id = form.mode, form.facilitator_id
                group.updated_at = now
            # The facilitator runs sessions; they are not one of the (at most 8) peers.
            for member in group.active_members:
                if member.user_id == form.facilitator_id:
                    member.left_at = now
            info = _info(group, public=place is not None and not place.is_private)
            payload = self.ctx.renderer.group_ready(info, created)
            uow.outbox.add(
                Effect(
                    EffectKind.POST,
                    payload,
                    group_payload_key(group.id, "setup", now.isoformat()),
                    channel=channel_id,
                ),
                now,
            )
            uow.commit()
            return info

    # -- the channel as Slack tells of it ---------------------------------------------
    def pause(self, team_id: str, channel_id: str, reason: str) -> None:
        """The channel was archived or deleted: the group starts no session (it says why)."""
        with self.ctx.uow_factory() as uow:
            group = uow.groups.by_channel(team_id, channel_id)
            if group is not None and group.paused_reason != "deleted":
                group.paused_reason = reason
                uow.commit()

    def resume(self, team_id: str, channel_id: str) -> None:
        """The channel was unarchived: sessions may start again."""
        with self.ctx.uow_factory() as uow:
            group = uow.groups.by_channel(team_id, channel_id)
            if group is not None and group.paused_reason == "archived":
                group.paused_reason = None
                uow.commit()

    def on_undelivered(self, uow, row, now) -> None:
        """The outbox gave a row up. If it was a session's first message and Slack
        refused the channel, the session never showed: it is called off (else
        "already running" would block the group for good) and its facilitator is
        told by DM why, and what to do."""
        error = row.last_error or ""
        if row.kind != EffectKind.POST or not row.session_id or row.ref != root_ref(row.session_id):
            return
        if error not in UNPOSTABLE:
            return
        session_row = uow.sessions.locked(row.session_id)
        group = uow.groups.get(session_row.group_id) if session_row is not None else None
        if group is None or session_row.status != Status.RUNNING:
            return
        session = uow.sessions.state(session_row)
        on_phase_left(uow, session_row.id, session.phase)
        session.cancel(now)
        uow.sessions.save_state(session, session_row)
        uow.sessions.record_phase(session_row, now)
        uow.outbox.cancel_for_session(session_row.id, after=session_row.created_at)
        for member in group.active_members:  # the turn was never taken
            if member.user_id == session_row.client_id and member.client_turns:
                member.client_turns -= 1
        if UNPOSTABLE[error] and not group.paused_reason:
            group.paused_reason = UNPOSTABLE[error]
        lang = user_lang(uow, group.facilitator_id, group, self.ctx.default_lang)
        notice = self.ctx.renderer.root_not_posted(lang, group.name, group.channel_id, error)
        key = f"session:{session_row.id}:root_not_posted"
        uow.outbox.add(Effect(EffectKind.DM, notice, key, user_id=group.facilitator_id), now)

    def settings(self, team_id: str, channel_id: str, user_id: str) -> GroupSettings:
        """The session settings, for the facilitator's settings modal."""
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.MANAGE_GROUP)
            return read_settings(group, user_lang(uow, user_id, group, self.ctx.default_lang))

    def save_settings(self, team_id, channel_id, user_id, form: SettingsForm) -> GroupSettings:
        """Save the settings; the facilitator reads what was saved, privately."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.MANAGE_GROUP)
            video_before = group.video_url
            apply_settings(group, form, now)
            if group.video_url != video_before:  # reminders queued ahead carry the link
                uow.flush()
                for person in recipients(group):
                    render_queued_again(uow, self.ctx, person)
            saved = read_settings(group, user_lang(uow, user_id, group, self.ctx.default_lang))
            payload = self.ctx.renderer.settings_saved(saved)
            key = group_payload_key(group.id, "settings", f"{now.isoformat()}:{user_id}")
            uow.outbox.add(
                ephemeral(channel_id, user_id, payload, key),
                now,
            )
            uow.commit()
            return saved

    def add_members(self, team_id, channel_id, by_user, user_ids: list[str]) -> MembersChange:
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, by_user, Action.MANAGE_GROUP)
            if not user_ids:
                raise DomainError("members.none_given")
            asked = [u for u in dict.fromkeys(user_ids) if u != group.facilitator_id]
            domain_group = as_domain_group(group)
            added = domain_group.add_peers(asked)  # raises GroupFull before any change
            for user_id in added:
                uow.groups.add_member(group, user_id, now)
            change = self._change(uow, group, by_user, added, [u for u in asked if u not in added])
            if added:
                payload = self.ctx.renderer.members_added(change)
                key = group_payload_key(group.id, "members", f"{now.isoformat()}:{by_user}")
                uow.outbox.add(Effect(EffectKind.POST, payload, key, channel=channel_id), now)
            uow.commit()
            return change

    def remove_member(self, team_id, channel_id, by_user, user_id: str) -> MembersChange:
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            if user_id != by_user:
                require_right(group, by_user, Action.MANAGE_GROUP)
            self._leave(uow, group, user_id, now)
            change = self._change(uow, group, by_user, [user_id], [])
            uow.commit()
            return change

    def join(self, team_id, channel_id, user_id) -> MembersChange:
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            if user_id == group.facilitator_id:
                raise DomainError("members.facilitator_is_not_peer")
            added = as_domain_group(group).add_peers([user_id])
            if not added:
                raise DomainError("members.already_member")
            uow.groups.add_member(group, user_id, now)
            change = self._change(uow, group, user_id, added, [])
            payload = self.ctx.renderer.members_added(change)
            key = group_payload_key(group.id, "join", f"{now.isoformat()}:{user_id}")
            uow.outbox.add(Effect(EffectKind.POST, payload, key, channel=channel_id), now)
            uow.commit()
            return change

    def leave(self, team_id, channel_id, user_id) -> MembersChange:
        return self.remove_member(team_id, channel_id, user_id, user_id)

    def members(self, team_id, channel_id, user_id) -> MembersChange:
        with self.ctx.uow_factory(read_only=True) as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.VIEW_GROUP)
            return self._change(uow, group, user_id, [], [])

    def _leave(self, uow, group, user_id, now) -> None:
        domain_group = as_domain_group(group)
        domain_group.remove_peer(user_id)  # raises NotAMember
        running = uow.sessions.running(group.id)
        if running is not None and user_id == running.client_id:
            raise DomainError("members.client_cannot_leave")
        for member in group.active_members:
            if member.user_id == user_id:
                member.left_at = now
        uow.cycle.drop_member_rows(group.id, user_id)  # a member who left gets nothing more

    def _change(self, uow, group, by_user, changed, unchanged) -> MembersChange:
        return MembersChange(
            lang=user_lang(uow, by_user, group, self.ctx.default_lang),
            changed=list(changed),
            unchanged=list(unchanged),
            peers=[m.user_id for m in group.active_members],
            facilitator_id=group.facilitator_id,
        )
