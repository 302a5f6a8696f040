"""The `codev` command: serve, manifest, db, demo.

Settings problems end with one line saying what to set, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys

from pydantic import ValidationError
from sqlalchemy.exc import OperationalError

from .config import Settings
from .observability.logs import configure_logging
from .persistence.engine import BadDatabaseUrl


class SettingsProblem(SystemExit):
    """Exit with one line that says what to set."""

    def __init__(self, message: str):
        super().__init__(f"codev: {message}")


def _settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]).upper() if first.get("loc") else "a setting"
        raise SettingsProblem(f"{field}: {first['msg']}") from None


def _require(settings: Settings, *names: str) -> None:
    hints = {
        "slack_bot_token": "the Bot User OAuth Token (xoxb-…) from your app's OAuth & "
        "Permissions page",
        "slack_signing_secret": "the Signing Secret from your app's Basic Information page",
        "codev_token_keys": "one or more Fernet keys, comma-separated, to encrypt stored "
        "tokens: python -c 'from cryptography.fernet import Fernet; "
        "print(Fernet.generate_key().decode())'",
        "slack_app_token": "an app-level token (xapp-…) with connections:write, from Basic "
        "Information → App-Level Tokens",
    }
    for name in names:
        if not getattr(settings, name):
            raise SettingsProblem(f"set {name.upper()} — {hints[name]}")


def _migrate(settings: Settings) -> None:
    from .persistence.migrate import upgrade

    try:
        upgrade(settings.database_url)
    except BadDatabaseUrl as exc:
        raise SettingsProblem(str(exc)) from None
    except OperationalError as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig else "cannot connect"
        raise SettingsProblem(
            f"cannot reach the database at DATABASE_URL ({reason}); check the URL and that "
            "the server runs"
        ) from None


def _check_bot_token(settings: Settings) -> None:
    """Ask Slack (auth.test) whether the bot token works, before serving anything."""
    from slack_sdk.errors import SlackApiError

    from .slack.sender import web_client

    client = web_client(settings.slack_bot_token, settings.slack_api_url)
    try:
        client.auth_test()
    except SlackApiError as exc:
        error = (exc.response.data or {}).get("error", "error") if exc.response else "error"
        raise SettingsProblem(
            f"Slack refused SLACK_BOT_TOKEN ({error}) — copy the Bot User OAuth Token "
            "(xoxb-…) again from your app's OAuth & Permissions page, or reinstall the app"
        ) from None
    except OSError as exc:
        raise SettingsProblem(
            f"cannot reach Slack at SLACK_API_URL {settings.slack_api_url} ({exc})"
        ) from None


def _check_token_keys(settings: Settings) -> None:
    from .oauth.crypto import TokenCipher

    try:
        TokenCipher(settings.codev_token_keys)
    except ValueError as exc:
        raise SettingsProblem(str(exc)) from None


def _check_app_token(settings: Settings) -> None:
    """Socket Mode: ask for a connection URL once, so a wrong app token is one line."""
    from slack_sdk.errors import SlackApiError

    from .slack.sender import web_client

    client = web_client(None, settings.slack_api_url)
    try:
        client.apps_connections_open(app_token=settings.slack_app_token)
    except SlackApiError as exc:
        error = (exc.response.data or {}).get("error", "error") if exc.response else "error"
        raise SettingsProblem(
            f"Slack refused SLACK_APP_TOKEN ({error}) — create an app-level token (xapp-…) "
            "with connections:write under Basic Information → App-Level Tokens, and turn "
            "Socket Mode on"
        ) from None
    except OSError as exc:
        raise SettingsProblem(
            f"cannot reach Slack at SLACK_API_URL {settings.slack_api_url} ({exc})"
        ) from None


def _check_deployment(settings: Settings, workers: int) -> None:
    """SQLite delivers from one process only: refuse what would break that."""
    from .scheduling.dispatcher import UnsafeDeployment, check_deployment

    try:
        check_deployment(settings.database_url, workers)
    except UnsafeDeployment as exc:
        raise SettingsProblem(str(exc)) from None


def cmd_serve(args) -> None:
    settings = _settings()
    configure_logging(settings.codev_log_format, settings.codev_log_level)
    if settings.oauth_enabled:
        _require(settings, "codev_token_keys")
        _check_token_keys(settings)
    else:
        _require(settings, "slack_bot_token")
    if args.socket:
        _require(settings, "slack_app_token")
    else:
        _require(settings, "slack_signing_secret")
    if not settings.oauth_enabled:
        _check_bot_token(settings)
    if args.socket:
        _check_app_token(settings)
    _check_deployment(settings, 1 if args.socket else settings.codev_http_workers)
    _migrate(settings)
    from .serve import serve_http, serve_socket

    if args.socket:
        serve_socket(settings)
    else:
        serve_http(settings, args.host, args.port)


def cmd_manifest(args) -> None:
    from . import manifest

    if args.url and not args.url.startswith("https://"):
        raise SettingsProblem("--url must be the public https:// address Slack will call")
    sys.stdout.write(manifest.render(url=args.url, socket=args.socket, lang=args.lang))


def cmd_db(args) -> None:
    settings = _settings()
    from .persistence import migrate

    try:
        if args.action == "upgrade":
            migrate.upgrade(settings.database_url, args.revision or "heads")
        elif args.action == "downgrade":
            if not args.revision:
                raise SettingsProblem("say which revision: codev db downgrade REV (or base)")
            migrate.downgrade(settings.database_url, args.revision)
        else:
            migrate.check(settings.database_url)
    except BadDatabaseUrl as exc:
        raise SettingsProblem(str(exc)) from None
    except OperationalError as exc:
        raise SettingsProblem(f"cannot reach the database at DATABASE_URL ({exc.orig})") from None
    print(f"database {args.action}: done")


def cmd_tokens(args) -> None:
    """Re-encrypt every stored token with the first CODEV_TOKEN_KEYS key."""
    settings = _settings()
    _require(settings, "codev_token_keys")
    _check_token_keys(settings)
    from .oauth.crypto import TokenCipher
    from .oauth.store import EncryptedInstallationStore
    from .persistence.engine import make_engine

    engine = make_engine(settings.database_url)
    try:
        store = EncryptedInstallationStore(
            engine, TokenCipher(settings.codev_token_keys), settings.slack_client_id or ""
        )
        try:
            touched = store.rotate()
        except ValueError as exc:
            raise SettingsProblem(str(exc)) from None
    finally:
        engine.dispose()
    print(f"tokens rotate: {touched} rows re-encrypted with the first key")


def cmd_demo(args) -> None:
    from .demo import run_demo

    run_demo(lang=args.lang, mode=args.mode)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="codev", description="Codéveloppement groups in Slack.")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the Slack app")
    mode = serve.add_mutually_exclusive_group(required=True)
    mode.add_argument("--http", action="store_true", help="HTTP: POST /slack/events")
    mode.add_argument("--socket", action="store_true", help="Socket Mode (SLACK_APP_TOKEN)")
    serve.add_argument("--port", type=int, default=3000)
    serve.add_argument("--host", default="0.0.0.0")
    serve.set_defaults(func=cmd_serve)
    manifest = sub.add_parser("manifest", help="print the Slack app manifest")
    manifest.add_argument("--url", help="public https:// base URL (HTTP mode)")
    manifest.add_argument("--socket", action="store_true", help="Socket Mode: no request URLs")
    manifest.add_argument(
        "--lang", choices=("fr", "en"), help="the message shortcut's name: Noter dans codev (fr)"
    )
    manifest.set_defaults(func=cmd_manifest)
    tokens = sub.add_parser("tokens", help="stored workspace tokens (OAuth)")
    tokens.add_argument("action", choices=["rotate"])
    tokens.set_defaults(func=cmd_tokens)
    db = sub.add_parser("db", help="database migrations")
    db.add_argument("action", choices=["upgrade", "downgrade", "check"])
    db.add_argument("revision", nargs="?")
    db.set_defaults(func=cmd_db)
    demo = sub.add_parser("demo", help="a whole session against the local Slack emulator")
    demo.add_argument("--lang", choices=["fr", "en"], default="fr")
    demo.add_argument("--mode", choices=["live", "async"], default="live")
    demo.set_defaults(func=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except BadDatabaseUrl as exc:
        raise SettingsProblem(str(exc)) from None
    except KeyboardInterrupt:
        sys.exit(130)
