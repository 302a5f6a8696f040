"""slack_sdk's SQLAlchemy stores over our tables, with tokens encrypted at rest.

slack_sdk keeps tokens in clear; this wrapper seals every token field before a
save and opens it after a find, so a database dump holds no usable token. Rows
are looked up by (enterprise_id, team_id): one workspace never gets another's bot.
"""

from __future__ import annotations

import copy

from slack_sdk.oauth.installation_store import InstallationStore
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import select, update

from ..persistence.models import BOTS, INSTALLATIONS, STATES
from .crypto import TokenCipher

TOKEN_FIELDS = ("bot_token", "bot_refresh_token", "user_token", "user_refresh_token")


class EncryptedInstallationStore(InstallationStore):
    def __init__(self, engine, cipher: TokenCipher, client_id: str):
        inner = SQLAlchemyInstallationStore(client_id=client_id, engine=engine)
        inner.metadata, inner.installations, inner.bots = (
            INSTALLATIONS.metadata,
            INSTALLATIONS,
            BOTS,
        )
        self.inner, self.cipher, self.engine = inner, cipher, engine

    @property
    def logger(self):
        return self.inner.logger

    def _map(self, entity, fn):
        if entity is None:
            return None
        entity = copy.copy(entity)
        for field in TOKEN_FIELDS:
            if hasattr(entity, field):
                setattr(entity, field, fn(getattr(entity, field)))
        return entity

    def save(self, installation):
        self.inner.save(self._map(installation, self.cipher.encrypt))

    def save_bot(self, bot):
        self.inner.save_bot(self._map(bot, self.cipher.encrypt))

    def find_bot(self, *, enterprise_id, team_id, is_enterprise_install=False):
        found = self.inner.find_bot(
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=is_enterprise_install,
        )
        return self._map(found, self.cipher.decrypt)

    def find_installation(
        self, *, enterprise_id, team_id, user_id=None, is_enterprise_install=False
    ):
        found = self.inner.find_installation(
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
            is_enterprise_install=is_enterprise_install,
        )
        return self._map(found, self.cipher.decrypt)

    def delete_bot(self, *, enterprise_id, team_id):
        self.inner.delete_bot(enterprise_id=enterprise_id, team_id=team_id)

    def delete_installation(self, *, enterprise_id, team_id, user_id=None):
        self.inner.delete_installation(
            enterprise_id=enterprise_id, team_id=team_id, user_id=user_id
        )

    def delete_all(self, *, enterprise_id, team_id):
        self.inner.delete_bot(enterprise_id=enterprise_id, team_id=team_id)
        self.inner.delete_installation(enterprise_id=enterprise_id, team_id=team_id)

    def rotate(self) -> int:
        """Re-encrypt every stored token with the first key; returns the rows touched."""
        touched = 0
        with self.engine.begin() as connection:
            for table in (INSTALLATIONS, BOTS):
                fields = [f for f in TOKEN_FIELDS if f in table.c]
                for row in connection.execute(select(table.c.id, *[table.c[f] for f in fields])):
                    values = {f: self.cipher.rotate(getattr(row, f)) for f in fields}
                    connection.execute(update(table).where(table.c.id == row.id).values(**values))
                    touched += 1
        return touched


def state_store(engine, expiration_seconds: int = 600) -> SQLAlchemyOAuthStateStore:
    """States live 10 minutes and are deleted when used: a replayed state is refused."""
    store = SQLAlchemyOAuthStateStore(expiration_seconds=expiration_seconds, engine=engine)
    store.metadata, store.oauth_states = STATES.metadata, STATES
    return store
