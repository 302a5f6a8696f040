"""Modal submissions: problems come back on their field (`response_action: errors`)."""

from __future__ import annotations

import json

from ...domain import DomainError
from ...services.common import InvalidFields
from ...services.groups import SetupForm
from ..ids import BlockId, CallbackId
from ..render.modals import field_errors, submitted


def register(app, services) -> None:
    @app.view(CallbackId.SETUP)
    def setup_submitted(ack, body, view):
        team, user = body["team"]["id"], body["user"]["id"]
        channel = json.loads(view.get("private_metadata") or "{}").get("channel_id")
        values = submitted(view)
        form = SetupForm(
            name=values.get(BlockId.NAME) or "",
            lang=values.get(BlockId.LANG) or "",
            tz=values.get(BlockId.TZ) or "",
            mode=values.get(BlockId.MODE) or "",
            facilitator_id=values.get(BlockId.FACILITATOR) or "",
        )
        lang = (
            form.lang
            if form.lang in ("fr", "en")
            else services.notices.lang_of(team, channel, user)
        )
        try:
            services.groups.setup(team, channel, user, form)
        except InvalidFields as problems:
            ack(response_action="errors", errors=field_errors(lang, problems.errors))
            return
        except DomainError as refusal:
            ack(
                response_action="errors",
                errors=field_errors(lang, {BlockId.NAME: (refusal.key, refusal.params)}),
            )
            return
        ack()
