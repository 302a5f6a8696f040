"""The message shortcut « Noter dans codev » / "Record in codev" and its modal, and the
root message's *Scribe* button with which the facilitator names the scribe.

The scribe (or the facilitator) picks a message, in the thread or the channel,
and records what someone said aloud: the modal opens with the message's text,
who said it and what it is. A refusal (not the scribe, no session running here)
is said privately; a problem in the form stays on its field, the text kept.
"""

from __future__ import annotations

import json

from ...domain import DomainError
from ...services.forms import InvalidFields
from ..ids import ActionId, BlockId, CallbackId
from ..render.modals import field_errors, submitted
from ..render.scribe import naming_modal, record_modal


def save(ack, view, main_field: str, call) -> None:
    """Submit a form: its problems go back on their fields (a refusal — the session has
    ended, the pen was given to another — on `main_field`), so the modal stays open."""
    meta = json.loads(view.get("private_metadata") or "{}")
    try:
        call(meta)
    except InvalidFields as problems:
        ack(response_action="errors", errors=field_errors(meta["lang"], problems.errors))
        return
    except DomainError as refusal:
        problem = {main_field: (refusal.key, refusal.params)}
        ack(response_action="errors", errors=field_errors(meta["lang"], problem))
        return
    ack()


def register(app, services) -> None:
    @app.shortcut(CallbackId.RECORD)
    def record(ack, body, client):
        team, user = body["team"]["id"], body["user"]["id"]
        channel = (body.get("channel") or {}).get("id")
        message = body.get("message") or {}
        try:
            form = services.scribe.form(
                team, channel, user, message.get("user"), message.get("text") or ""
            )
        except DomainError as refusal:
            services.scribe.refuse(team, channel, user, refusal, f"shortcut:{body['trigger_id']}")
            ack()
            return
        view = record_modal(form, message.get("ts") or body.get("message_ts"))
        client.views_open(trigger_id=body["trigger_id"], view=view)
        ack()

    @app.view(CallbackId.RECORD_FORM)
    def record_submitted(ack, body, view):
        values = submitted(view)
        save(
            ack,
            view,
            BlockId.RECORD_TEXT,
            lambda meta: services.scribe.record(
                body["user"]["id"],
                meta["session_id"],
                meta.get("ts"),
                values.get(BlockId.RECORD_WHO),
                values.get(BlockId.RECORD_WHAT),
                values.get(BlockId.RECORD_TEXT) or "",
            ),
        )

    @app.action(ActionId.NAME_SCRIBE)
    def name_scribe(ack, body, client):
        info = services.scribe.naming_form(body["user"]["id"], int(body["actions"][0]["value"]))
        client.views_open(trigger_id=body["trigger_id"], view=naming_modal(info))
        ack()

    @app.view(CallbackId.SCRIBE)
    def scribe_named(ack, body, view):
        chosen = submitted(view).get(BlockId.SCRIBE)
        save(
            ack,
            view,
            BlockId.SCRIBE,
            lambda meta: services.scribe.name_in(body["user"]["id"], meta["session_id"], chosen),
        )
