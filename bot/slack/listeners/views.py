"""Modal submissions: problems come back on their field (`response_action: errors`)."""

from __future__ import annotations

import json

from ...domain import DomainError, Phase
from ...services.forms import InvalidFields
from ...services.group_settings import ASYNC, LIVE, SettingsForm, time_field
from ...services.groups import SetupForm
from ..channels import setup_place
from ..ids import BlockId, CallbackId
from ..render.modals import field_errors, submitted
from ..render.settings import AUTO, ON, WEEKENDS


def register(app, services) -> None:
    @app.view(CallbackId.SETUP)
    def setup_submitted(ack, body, view, client):
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
            services.groups.setup(team, channel, user, form, setup_place(client, channel, user))
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

    @app.view(CallbackId.SETTINGS)
    def settings_submitted(ack, body, view):
        team, user = body["team"]["id"], body["user"]["id"]
        channel = json.loads(view.get("private_metadata") or "{}").get("channel_id")
        values = submitted(view)
        fields = [time_field(kind, phase) for kind in (LIVE, ASYNC) for phase in Phase]
        form = SettingsForm(
            with_follow_up=ON in (values.get(BlockId.FOLLOW_UP) or []),
            exploration=values.get(BlockId.EXPLORATION) or "",
            times={field: values.get(field) or "" for field in fields},
            named_evaluations=ON in (values.get(BlockId.NAMED_EVALUATIONS) or []),
            video_url=values.get(BlockId.VIDEO) or "",
            skip_weekends=WEEKENDS in (values.get(BlockId.WORKDAYS) or []),
            holiday_country=values.get(BlockId.HOLIDAYS) or "",
            auto_advance=AUTO in (values.get(BlockId.WORKDAYS) or []),
        )
        lang = services.notices.lang_of(team, channel, user)
        try:
            services.groups.save_settings(team, channel, user, form)
        except InvalidFields as problems:
            ack(response_action="errors", errors=field_errors(lang, problems.errors))
            return
        except DomainError as refusal:
            errors = {BlockId.EXPLORATION: (refusal.key, refusal.params)}
            ack(response_action="errors", errors=field_errors(lang, errors))
            return
        ack()
