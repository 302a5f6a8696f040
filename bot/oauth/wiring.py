"""OAuth wiring: Bolt's OAuth settings over our stores, and a sender per workspace.

The outbox rows name a channel or a user, not a workspace; a group's channel
(and its members) belong to exactly one team, so the sender finds the team from
the groups table and sends with that workspace's bot token. A workspace with no
installation (uninstalled since) gets a permanent failure: its rows are not retried.
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
    """The Sender port, choosing the bot token of the row's workspace."""

    def __init__(self, engine, installation_store, api_url: str, sender_factory):
        self.engine, self.store, self.api_url = engine, installation_store, api_url
        self.make_sender = sender_factory
        self._senders: dict[str, object] = {}
        self._dm_teams: dict[str, str] = {}  # DM channel id -> team, learnt when posting
        self._lock = threading.Lock()

    def team_of(self, channel_or_user: str | None) -> str | None:
        from ..persistence.models import GroupRow, MemberRow

        if not channel_or_user:
            return None
        query = (
            select(GroupRow.team_id)
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
            return connection.execute(query).scalar()

    def for_team(self, team_id: str):
        """Outbox rows know their workspace: use its token directly."""
        return self._sender_of(team_id)

    def _for(self, channel_or_user: str | None):
        team = self._dm_teams.get(channel_or_user or "") or self.team_of(channel_or_user)
        return self._sender_of(team)

    def _sender_of(self, team: str | None):
        bot = self.store.find_bot(enterprise_id=None, team_id=team) if team else None
        if bot is None or not bot.bot_token:
            log.warning("no installation for the workspace of an outbox row", extra={"team": team})
            raise DeliveryFailed("no_installation", permanent=True)
        with self._lock:
            sender = self._senders.get(bot.bot_token)
            if sender is None:
                client = web_client(bot.bot_token, self.api_url)
                sender = self._senders[bot.bot_token] = self.make_sender(client)
            return sender

    def post(self, channel, payload, thread_ts):
        return self._for(channel).post(channel, payload, thread_ts)

    def find_posted(self, channel, user_id, key, oldest, thread_ts):
        return self._for(channel or user_id).find_posted(channel, user_id, key, oldest, thread_ts)

    def update(self, channel, ts, payload):
        return self._for(channel).update(channel, ts, payload)

    def ephemeral(self, channel, user_id, payload, thread_ts):
        return self._for(channel).ephemeral(channel, user_id, payload, thread_ts)

    def dm(self, user_id, payload):
        posted = self._for(user_id).dm(user_id, payload)
        team = self.team_of(user_id)
        if posted and team:
            self._dm_teams[posted[0]] = team
        return posted

    def react(self, channel, name, timestamp):
        return self._for(channel).react(channel, name, timestamp)

    def publish(self, user_id, payload):
        return self._for(user_id).publish(user_id, payload)

    def upload(self, channel, user_id, payload):
        return self._for(channel or user_id).upload(channel, user_id, payload)


def register_single_workspace_lifecycle(app) -> None:
    """Without OAuth the token is SLACK_BOT_TOKEN: say loudly when Slack revokes it
    (the events are still acknowledged, so Slack does not retry them)."""

    @app.event("app_uninstalled")
    def uninstalled(ack, body):
        ack()
        log.warning(
            "the app was uninstalled: SLACK_BOT_TOKEN no longer works",
            extra={"team": body.get("team_id")},
        )

    @app.event("tokens_revoked")
    def revoked(ack, body):
        ack()
        log.warning(
            "Slack revoked tokens of this app: check SLACK_BOT_TOKEN",
            extra={"team": body.get("team_id")},
        )
