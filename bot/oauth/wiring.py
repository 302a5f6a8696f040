"""OAuth wiring: Bolt's OAuth settings over our stores, and a sender per workspace.

Each outbox row names its workspace (team, and Enterprise Grid organisation):
the sender sends with that workspace's bot token. A row without one (queued before
they were stored) is sent with the token of its channel's or person's group. A
workspace with no installation (uninstalled since) gets a permanent failure: its
rows are not retried.
"""

from __future__ import annotations

import logging
import threading

from slack_bolt.oauth.oauth_settings import OAuthSettings
from sqlalchemy import or_, select

from ..manifest import SCOPES
from ..services.ports import DeliveryFailed
from ..slack.sender import web_client
from .crypto import TokenCipher
from .store import EncryptedInstallationStore, state_store

log = logging.getLogger("codev.oauth")


def build_oauth_settings(settings, engine) -> OAuthSettings:
    if not settings.codev_token_keys:
        raise ValueError("set CODEV_TOKEN_KEYS — tokens are encrypted at rest with it")
    cipher = TokenCipher(settings.codev_token_keys)
    return OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=list(SCOPES),
        installation_store=EncryptedInstallationStore(engine, cipher, settings.slack_client_id),
        state_store=state_store(engine),
        install_path="/slack/install",
        redirect_uri_path="/slack/oauth_redirect",
        authorization_url=settings.slack_oauth_authorize_url,
    )


class TeamTokenSender:
    """The Sender port, choosing the bot token of the row's workspace.

    Enterprise Grid: a workspace of an organisation has its own installation
    (enterprise and team ids) or shares the organisation-wide one (team id None,
    `is_enterprise_install`); both are found. Token rotation must stay off (the
    manifest says so): a rotating token expires after 12 hours and is not refreshed here.
    """

    def __init__(self, engine, installation_store, api_url: str, sender_factory):
        self.engine, self.store, self.api_url = engine, installation_store, api_url
        self.make_sender = sender_factory
        self._senders: dict[str, object] = {}
        self._dm_teams: dict[str, tuple[str | None, str | None]] = {}  # DM channel -> workspace
        self._lock = threading.Lock()

    def team_of(self, channel_or_user: str | None) -> tuple[str | None, str | None]:
        """(team, enterprise) of the group of a channel or person."""
        from ..persistence.models import GroupRow, MemberRow

        if not channel_or_user:
            return None, None
        query = (
            select(GroupRow.team_id, GroupRow.enterprise_id)
            .outerjoin(MemberRow, MemberRow.group_id == GroupRow.id)
            .where(
                or_(
                    GroupRow.channel_id == channel_or_user,
                    MemberRow.user_id == channel_or_user,
                    GroupRow.facilitator_id == channel_or_user,
                )
            )
            .limit(1)
        )
        with self.engine.connect() as connection:
            found = connection.execute(query).first()
        return (found.team_id, found.enterprise_id) if found else (None, None)

    def for_team(self, team_id: str | None, enterprise_id: str | None = None):
        """Outbox rows know their workspace: use its token directly."""
        return self._sender_of(team_id, enterprise_id)

    def _for(self, channel_or_user: str | None):
        workspace = self._dm_teams.get(channel_or_user or "") or self.team_of(channel_or_user)
        return self._sender_of(*workspace)

    def find_bot(self, team_id: str | None, enterprise_id: str | None):
        """The installation that serves this workspace: its own, else its organisation's."""
        store = self.store
        if team_id and (bot := store.find_bot(enterprise_id=enterprise_id, team_id=team_id)):
            return bot
        if enterprise_id:
            return store.find_bot(
                enterprise_id=enterprise_id, team_id=None, is_enterprise_install=True
            )
        if team_id:  # a row from before enterprise ids were stored: the team's own install
            known = self._enterprise_of_install(team_id)
            if known:
                return store.find_bot(enterprise_id=known, team_id=team_id)
        return None

    def _enterprise_of_install(self, team_id: str) -> str | None:
        from ..persistence.models import BOTS

        query = (
            select(BOTS.c.enterprise_id)
            .where(BOTS.c.team_id == team_id, BOTS.c.enterprise_id.is_not(None))
            .order_by(BOTS.c.installed_at.desc())
            .limit(1)
        )
        with self.engine.connect() as connection:
            return connection.execute(query).scalar()

    def _sender_of(self, team: str | None, enterprise: str | None = None):
        bot = self.find_bot(team, enterprise) if team or enterprise else None
        if bot is None or not bot.bot_token:
            log.warning(
                "no installation for the workspace of an outbox row",
                extra={"team": team, "enterprise": enterprise},
            )
            raise DeliveryFailed("no_installation", permanent=True)
        with self._lock:
            sender = self._senders.get(bot.bot_token)
            if sender is None:
                if getattr(bot, "bot_token_expires_at", None):
                    log.warning(
                        "token rotation is on for this workspace: codev does not refresh "
                        "tokens; turn it off in the app settings and reinstall",
                        extra={"team": team, "enterprise": enterprise},
                    )
                client = web_client(bot.bot_token, self.api_url)
                sender = self._senders[bot.bot_token] = self.make_sender(client)
            return sender

    def post(self, channel, payload, thread_ts):
        return self._for(channel).post(channel, payload, thread_ts)

    def find_posted(self, channel, user_id, key, oldest, thread_ts, cursor=None):
        return self._for(channel or user_id).find_posted(
            channel, user_id, key, oldest, thread_ts, cursor
        )

    def update(self, channel, ts, payload):
        return self._for(channel).update(channel, ts, payload)

    def ephemeral(self, channel, user_id, payload, thread_ts):
        return self._for(channel).ephemeral(channel, user_id, payload, thread_ts)

    def dm(self, user_id, payload):
        posted = self._for(user_id).dm(user_id, payload)
        workspace = self.team_of(user_id)
        if posted and workspace[0]:
            self._dm_teams[posted[0]] = workspace
        return posted

    def react(self, channel, name, timestamp):
        return self._for(channel).react(channel, name, timestamp)

    def publish(self, user_id, payload):
        return self._for(user_id).publish(user_id, payload)

    def upload(self, channel, user_id, payload):
        return self._for(channel or user_id).upload(channel, user_id, payload)

    def user_names(self, user_ids):
        return self._for(next(iter(user_ids), None)).user_names(user_ids)


def register_single_workspace_lifecycle(app) -> None:
    """Without OAuth the token is SLACK_BOT_TOKEN: say loudly when Slack revokes it
    (the events are still acknowledged, so Slack does not retry them)."""
    for event, warning in TOKEN_LOST.items():
        app.event(event)(_warn_token_lost(warning))


TOKEN_LOST = {
    "app_uninstalled": "the app was uninstalled: SLACK_BOT_TOKEN no longer works",
    "tokens_revoked": "Slack revoked tokens of this app: check SLACK_BOT_TOKEN",
}


def _warn_token_lost(warning: str):
    def token_lost(ack, body):
        ack()
        log.warning(warning, extra={"team": body.get("team_id")})

    return token_lost
