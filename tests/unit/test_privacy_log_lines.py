"""Log lines at any level: no OAuth code or state in access lines, no bodies from
Bolt or slack_sdk at DEBUG, no exception message from a failed write."""

from __future__ import annotations

import io
import logging
from datetime import timedelta
from types import SimpleNamespace

import pytest
from gunicorn.config import Config
from gunicorn.glogging import Logger as GunicornLogger

from bot.config import Settings
from bot.observability.logs import (
    QUIET_LIBRARIES,
    configure_logging,
    describe_exception,
    safe_trace,
)
from bot.serve import gunicorn_options

CODE, STATE = "code4711secret", "state4711secret"


@pytest.fixture
def restored_logging():
    """Put the process's logging back as it was (configuration is global)."""
    names = ["", "gunicorn.error", "gunicorn.access", *QUIET_LIBRARIES, "codev"]
    saved = {n: (logging.getLogger(n).handlers[:], logging.getLogger(n).level) for n in names}
    propagate = {n: logging.getLogger(n).propagate for n in names}
    yield
    for name, (handlers, level) in saved.items():
        logger = logging.getLogger(name)
        logger.handlers[:] = handlers
        logger.setLevel(level)
        logger.propagate = propagate[name]


def _settings(level="DEBUG"):
    return Settings(
        slack_bot_token="xoxb-test",
        slack_signing_secret="s",
        codev_log_level=level,
        _env_file=None,
    )


def test_gunicorn_access_line_of_the_oauth_redirect_has_no_code_nor_state(restored_logging):
    config = Config()
    for key, value in gunicorn_options(_settings(), "127.0.0.1", 0).items():
        config.set(key, value)
    logger = GunicornLogger(config)
    seen = io.StringIO()
    handler = logging.StreamHandler(seen)
    logging.getLogger("gunicorn.access").addHandler(handler)
    query = f"code={CODE}&state={STATE}"
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/slack/oauth_redirect?{query}",
        "PATH_INFO": "/slack/oauth_redirect",
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "10.0.0.1",
        "HTTP_REFERER": f"https://slack.com/oauth/v2/authorize?state={STATE}",
    }
    request = SimpleNamespace(headers=[("COOKIE", f"slack-app-oauth-state={STATE}")])
    response = SimpleNamespace(status="200 OK", sent=12, headers=[])
    logger.access(response, request, environ, timedelta(milliseconds=3))
    line = seen.getvalue()
    assert "/slack/oauth_redirect" in line and "200" in line
    assert CODE not in line and STATE not in line


def test_a_default_format_access_line_loses_its_query_string_too(restored_logging):
    configure_logging("text", "DEBUG", stream=io.StringIO())
    config = Config()
    config.set("logconfig_dict", {"version": 1, "disable_existing_loggers": False})
    logger = GunicornLogger(config)
    seen = io.StringIO()
    logging.getLogger("gunicorn.access").handlers[:] = [logging.StreamHandler(seen)]
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/slack/oauth_redirect?code={CODE}&state={STATE}",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"https://slack.com/x?state={STATE}",
    }
    logger.access(SimpleNamespace(status=200, sent=1, headers=[]), [], environ, timedelta(0))
    assert "oauth_redirect" in seen.getvalue()
    assert CODE not in seen.getvalue() and STATE not in seen.getvalue()


def test_at_debug_bolt_and_slack_sdk_stay_at_info_and_the_app_speaks(restored_logging):
    configure_logging("json", "DEBUG", stream=io.StringIO())
    for name in ("slack_bolt.App", "slack_sdk.web.base_client"):
        assert not logging.getLogger(name).isEnabledFor(logging.DEBUG), name
        assert logging.getLogger(name).isEnabledFor(logging.INFO), name
    # SQLAlchemy's INFO would echo every statement
    assert not logging.getLogger("sqlalchemy.engine.Engine").isEnabledFor(logging.INFO)
    assert logging.getLogger("sqlalchemy.engine.Engine").isEnabledFor(logging.WARNING)
    assert logging.getLogger("codev.slack").isEnabledFor(logging.DEBUG)
    configure_logging("json", "WARNING", stream=io.StringIO())
    assert not logging.getLogger("slack_sdk").isEnabledFor(logging.INFO)


def test_bolts_warnings_that_quote_a_body_keep_only_the_fact(restored_logging):
    configure_logging("json", "INFO", stream=(seen := io.StringIO()))
    bolt = logging.getLogger("slack_bolt.App")
    bolt.warning("Unhandled request ({'text': 'private words'})")
    bolt.warning("A global middleware (m) skipped calling next() ({'text': 'private words'})")
    assert "private" not in seen.getvalue() and seen.getvalue().count("omitted") == 2


class _CheckViolation(Exception):
    sqlstate = "23514"


def _failed_write() -> BaseException:
    from sqlalchemy.exc import IntegrityError

    try:
        try:
            raise _CheckViolation('DETAIL: Failing row contains (1, "my private words").')
        except _CheckViolation as driver_error:
            raise IntegrityError("INSERT …", {"text": "my private words"}, driver_error) from None
    except IntegrityError as error:
        return error


def test_an_exception_is_logged_by_its_structure_and_frames_not_its_message(restored_logging):
    error = _failed_write()
    assert describe_exception(error) == "IntegrityError(_CheckViolation 23514)"
    assert "private" not in safe_trace(error) and "_failed_write" in safe_trace(error)
    configure_logging("json", "DEBUG", stream=(seen := io.StringIO()))
    try:
        raise error
    except Exception:
        logging.getLogger("codev.dispatcher").exception("outbox tick failed")
    assert "outbox tick failed" in seen.getvalue() and "IntegrityError" in seen.getvalue()
    assert "private" not in seen.getvalue()
