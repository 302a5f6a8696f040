"""Helpers every listener shares to answer: a command's private answer, the reader's
language, a modal's problems shown on their fields, and a listener bound to the
services it calls."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from ...domain import DomainError
from ...observability.logs import describe_exception
from ...services.forms import InvalidFields
from .. import payloads
from ..errors import words_for
from ..render.group import notice
from ..render.modals import field_errors, submitted

log = logging.getLogger("codev.slack")


def reply(payload) -> dict:
    """A command's private answer (the HTTP response to the slash command)."""
    return {"text": payload.text, "blocks": payload.blocks, "response_type": "ephemeral"}


def answer_after_ack(services, command, respond, read: Callable[[], dict]) -> None:
    """Send a command's answer on its response_url once the ack has gone: what `read`
    answers, or the refusal (or the apology) the error handler would have given."""
    try:
        answer = read()
    except Exception as error:  # noqa: BLE001 - told in words; logged without its message
        key, params = words_for(error, "command")
        refused = isinstance(error, DomainError)
        lang = lang_of(services, command) if refused else services.ctx.default_lang
        answer = reply(notice(lang, key, **params))
    RESPONDER.submit(services.inbox.counted(partial(_send_answer, respond, answer)))


# The answer's trip to Slack is not the inbox worker's: a slow or unreachable Slack
# (slack_sdk retries, then times out) would hold up every request acked after it.
RESPONDER = ThreadPoolExecutor(max_workers=4, thread_name_prefix="codev-respond")


def _send_answer(respond, answer: dict) -> None:
    try:
        respond(**answer)
    except Exception as error:  # noqa: BLE001 - Slack unreachable: a read, nothing lost
        log.error("could not answer on the response_url: %s", describe_exception(error))


def lang_of(services, command) -> str:
    return services.notices.lang_of(command["team_id"], command["channel_id"], command["user_id"])


def ids(command) -> tuple[str, str, str]:
    return command["team_id"], command["channel_id"], command["user_id"]


def bound(listener: Callable, services) -> Callable:
    """`listener(services, ack, body, …)` as Bolt calls it: Bolt passes the arguments a
    listener names, so the services are bound first and the name kept for its logs."""
    call = partial(listener, services)
    call.__name__ = listener.__name__  # type: ignore[attr-defined]
    return call


def save_modal(
    ack,
    call: Callable[[], object],
    lang: Callable[[], str],
    main_field: str | None,
    where: Callable[[str], str] = lambda field: field,
) -> None:
    """Run a modal's use case and ack. A form's problems go back on their fields
    (`where` names the block a field is drawn in); a refusal of the rules goes on
    `main_field`, so the modal stays open with what was typed (None: the error
    handler answers it). `lang` is asked only when there is something to say."""
    try:
        call()
    except InvalidFields as problems:
        errors = {where(field): problem for field, problem in problems.errors.items()}
        ack(response_action="errors", errors=field_errors(lang(), errors))
        return
    except DomainError as refusal:
        if main_field is None:
            raise
        errors = {main_field: (refusal.key, refusal.params)}
        ack(response_action="errors", errors=field_errors(lang(), errors))
        return
    ack()


def save_submitted(services, ack, body, view, call) -> None:
    """A modal whose use case takes `(user, metadata, values)`: its problems go back on
    their fields, a refusal on the first field, in the person's language."""
    user = body["user"]["id"]
    meta = payloads.metadata(view)
    save_modal(
        ack,
        lambda: call(user, meta, submitted(view)),
        lambda: services.notices.lang_of(body["team"]["id"], None, user),
        payloads.first_field(view),
    )


def modal_place(services, body, view):
    """Team, the group's channel (in the modal's metadata), user, and the reader's
    language asked only when there is a problem to show."""
    team, user = body["team"]["id"], body["user"]["id"]
    channel = payloads.metadata(view).get("channel_id")
    return team, channel, user, lambda: services.notices.lang_of(team, channel, user)
