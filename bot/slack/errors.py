"""One error handler: a domain refusal becomes words in the user's language;
anything unexpected is logged with an id and the user is asked to try again.

The log line holds the id, the request's kind, the exception's structure (types,
SQLSTATE) and its stack frames, never its message: a failed write's message can
quote the row being written, which is what someone typed.
"""

from __future__ import annotations

import json
import logging
import uuid

from slack_bolt.response import BoltResponse

from ..domain import DomainError
from ..i18n import t
from ..observability.logs import describe_exception, safe_trace
from ..persistence.engine import DatabaseUnavailable
from . import payloads
from .render.group import notice

log = logging.getLogger("codev.slack")


def register(app, services) -> None:
    @app.error
    def handle(error, body, logger, respond):
        here = payloads.where(body or {})
        team, channel, user = here.team, here.channel, here.user
        key, params = words_for(error, body.get("type") or "command")
        if not isinstance(error, DomainError) and body.get("type") == "event_callback":
            return BoltResponse(status=500, body="")  # Slack retries the event
        lang = _safe_lang(services, team, channel, user)
        if body.get("type") == "view_submission":
            kept = _keep_modal_open(body, lang, key, params)
            if kept is not None:
                return kept
        message = notice(lang, key, **params)
        if "command" in body:
            return BoltResponse(
                status=200,
                body=json.dumps({"response_type": "ephemeral", **message.as_dict()}),
                headers={"content-type": ["application/json"]},
            )
        if channel and user:
            try:
                request_key = body.get("trigger_id") or uuid.uuid4().hex
                services.notices.private(channel, user, message, f"error:{request_key}")
            except DatabaseUnavailable:
                log.error("could not queue a refusal notice: database unavailable")
                _respond_directly(body, respond, message)
        return BoltResponse(status=200, body="")


def words_for(error: Exception, kind: str) -> tuple[str, dict]:
    """The message key and parameters that tell a person about `error`: a refusal's own
    words, or an apology with an id, logged by its structure only (never its message,
    which can quote what was typed)."""
    if isinstance(error, DomainError):
        return error.key, error.params
    ref = uuid.uuid4().hex[:8]
    log.error(
        "unexpected error %s on %s: %s",
        ref,
        kind,
        describe_exception(error),
        extra={"error_id": ref, "trace": safe_trace(error)},
    )
    unavailable = isinstance(error, DatabaseUnavailable)
    return ("error.try_again" if unavailable else "error.unexpected"), {"ref": ref}


def _keep_modal_open(body, lang, key, params) -> BoltResponse | None:
    """A modal that failed stays open, the reason on its first field: closing it
    would lose what was typed, and a refusal nobody sees is a silent drop."""
    field = payloads.first_input_block(body.get("view") or {})
    if not field:
        return None
    if key == "error.unexpected":
        key = "error.modal"  # the form is still there: say so
    answer = {"response_action": "errors", "errors": {field: t(lang, key, **params)}}
    return BoltResponse(
        status=200, body=json.dumps(answer), headers={"content-type": ["application/json"]}
    )


def _respond_directly(body, respond, message) -> None:
    """With the database down the notice cannot be queued; a click still carries its
    response_url, which takes an ephemeral without the outbox, so the person is told."""
    if not body.get("response_url") or respond is None:
        return
    try:
        respond(
            text=message.text,
            blocks=message.blocks,
            response_type="ephemeral",
            replace_original=False,
        )
    except Exception as error:  # Slack unreachable too: nothing more can be done
        log.error("could not answer on the response_url either: %s", describe_exception(error))


def _safe_lang(services, team, channel, user) -> str:
    try:
        return services.notices.lang_of(team, channel, user) if user else "fr"
    except DatabaseUnavailable:
        return services.ctx.default_lang
