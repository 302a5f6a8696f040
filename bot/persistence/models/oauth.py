"""slack_sdk's installation and state tables, on our metadata so Alembic owns them.

slack_sdk builds them with its class methods; registering them on `Base.metadata`
keeps `alembic check` honest (migration 0003 creates them). Every row carries
`team_id` (and `enterprise_id`): each workspace's installation is found by its ids.
"""

from __future__ import annotations

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import String

from .base import Base

INSTALLATIONS = SQLAlchemyInstallationStore.build_installations_table(
    Base.metadata, "slack_installations"
)
BOTS = SQLAlchemyInstallationStore.build_bots_table(Base.metadata, "slack_bots")
STATES = SQLAlchemyOAuthStateStore.build_oauth_states_table(Base.metadata, "slack_oauth_states")

# Encrypted tokens are longer than the clear ones slack_sdk sizes its columns for
# (a rotating token sealed with Fernet exceeds 200 characters).
for _table in (INSTALLATIONS, BOTS):
    for _field in ("bot_token", "bot_refresh_token", "user_token", "user_refresh_token"):
        if _field in _table.c:
            _table.c[_field].type = String(1000)
