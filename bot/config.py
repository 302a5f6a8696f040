"""One validated settings object, read from the environment and an optional `.env`.

Alembic's `env.py`, the CLI and the app all read the same `Settings`, so a value
cannot mean one thing to the migrations and another to the server.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SQLITE_FILE = "codev.db"


class Settings(BaseSettings):
    """Every knob of the app; names match the environment variables."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    # OAuth v2 (several workspaces): set both to serve /slack/install and
    # /slack/oauth_redirect; SLACK_BOT_TOKEN is then not used. Tokens are stored
    # encrypted with CODEV_TOKEN_KEYS (comma-separated Fernet keys, first one encrypts).
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    codev_token_keys: str | None = None
    slack_oauth_authorize_url: str = "https://slack.com/oauth/v2/authorize"

    @property
    def oauth_enabled(self) -> bool:
        return bool(self.slack_client_id and self.slack_client_secret)

    database_url: str = Field(
        default_factory=lambda: f"sqlite:///{Path.cwd() / DEFAULT_SQLITE_FILE}"
    )
    slack_api_url: str = "https://slack.com/api/"
    codev_default_lang: str = "fr"
    # Outbox delivery: seconds between two messages to the same channel (Slack allows
    # about one per second), attempts before a row is given up, and the dispatcher tick.
    codev_channel_pace_seconds: float = 1.0
    codev_outbox_max_attempts: int = 8
    codev_dispatch_interval_seconds: float = 1.0
    # Deliver what a request queued as soon as it commits (off: only at the interval).
    codev_dispatch_wake: bool = True
    # Hours a delivered outbox row (its key and ref, without its payload) and a
    # processed request key are kept: retried requests and late events are
    # recognised within it, and a reminder's key (due-day DMs, nudges, recaps the
    # day before) outlives the window in which it could be queued again; after it
    # they are deleted.
    codev_outbox_keep_hours: float = Field(default=48.0, ge=48)
    # Reminders found due more than this many seconds ago (the app was down) are
    # dropped with a log line instead of being sent late; the cycle job's period.
    codev_reminder_grace_seconds: float = 3600.0
    codev_cycle_job_interval_seconds: float = 60.0
    # HTTP serving under gunicorn (`codev serve --http`): worker processes, threads per
    # worker, seconds a request may take, and seconds to finish in-flight requests on
    # SIGTERM before a worker is stopped.
    codev_http_workers: int = Field(default=2, ge=1)
    codev_http_threads: int = Field(default=4, ge=1)
    codev_http_timeout: int = Field(default=30, ge=1)
    codev_graceful_timeout: int = Field(default=20, ge=1)
    # Logs: "json" (one object per line, for production) or "text" (a terminal).
    codev_log_format: str = "json"
    # When set, GET /metrics needs "Authorization: Bearer <this>" (else it is open:
    # expose it only on a private network).
    codev_metrics_token: str | None = None
    codev_log_level: str = "INFO"

    @field_validator("codev_default_lang")
    @classmethod
    def _known_lang(cls, value: str) -> str:
        if value not in ("fr", "en"):
            raise ValueError("CODEV_DEFAULT_LANG must be 'fr' or 'en'")
        return value

    @field_validator("codev_log_format")
    @classmethod
    def _known_log_format(cls, value: str) -> str:
        if value not in ("json", "text"):
            raise ValueError("CODEV_LOG_FORMAT must be 'json' or 'text'")
        return value

    @field_validator("database_url")
    @classmethod
    def _psycopg_driver(cls, value: str) -> str:
        """Accept the usual `postgresql://` URL and use psycopg 3 for it."""
        for prefix in ("postgres://", "postgresql://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix) :]
        return value

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
