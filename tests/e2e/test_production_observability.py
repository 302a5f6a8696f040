"""What the request log line may say: closed-set names only, never what people typed."""

from __future__ import annotations

import json
import logging
from urllib.parse import urlencode

from bot.observability.logs import JsonFormatter, RedactingFilter
from bot.observability.middleware import describe, outcome_of


def _command(text: str) -> bytes:
    return urlencode({"command": "/codev", "text": text, "team_id": "T1"}).encode()


def test_a_command_is_named_by_its_subcommand_and_free_text_is_not_logged():
    form = "application/x-www-form-urlencoded"
    assert describe(_command("start <@U1|anna>"), form)["request"] == "/codev start"
    assert describe(_command("démarrer"), form)["request"] == "/codev start"
    assert describe(_command(""), form)["request"] == "/codev help"
    secret = describe(_command("my-secret-plan and more"), form)
    assert secret == {"team": "T1", "kind": "command", "request": "/codev unknown"}


def test_actions_views_and_events_are_named_by_their_ids():
    form = "application/x-www-form-urlencoded"
    click = {"type": "block_actions", "team": {"id": "T1"}, "actions": [{"action_id": "a_id"}]}
    body = urlencode({"payload": json.dumps(click)}).encode()
    assert describe(body, form) == {"team": "T1", "kind": "action", "request": "a_id"}
    view = {"type": "view_submission", "team": {"id": "T1"}, "view": {"callback_id": "cb"}}
    body = urlencode({"payload": json.dumps(view)}).encode()
    assert describe(body, form) == {"team": "T1", "kind": "view", "request": "cb"}
    event = {
        "type": "event_callback",
        "team_id": "T1",
        "event": {"type": "message", "text": "private words"},
    }
    described = describe(json.dumps(event).encode(), "application/json")
    assert described == {"team": "T1", "kind": "event", "request": "message"}
    assert describe(b"\xff\x00", form)["kind"] == "unknown"


def test_outcomes_follow_the_status():
    assert [outcome_of(s) for s in (200, 401, 404, 500)] == [
        "ok",
        "rejected",
        "bad_request",
        "error",
    ]


def test_a_log_line_is_one_json_object_with_its_extras():
    record = logging.makeLogRecord(
        {
            "name": "codev.request",
            "msg": "slack request",
            "levelno": 20,
            "levelname": "INFO",
            "team": "T1",
            "latency_ms": 12.5,
        }
    )
    line = json.loads(JsonFormatter().format(record))
    assert line["team"] == "T1" and line["latency_ms"] == 12.5 and line["level"] == "info"


def test_bolts_unhandled_request_warning_loses_the_body():
    record = logging.makeLogRecord(
        {"name": "slack_bolt.App", "msg": "Unhandled request ({'text': 'private words'})"}
    )
    RedactingFilter().filter(record)
    assert "private" not in record.getMessage()
