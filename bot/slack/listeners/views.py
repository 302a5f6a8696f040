"""Modal submissions: problems come back on their field (`response_action: errors`)."""

from __future__ import annotations

from ...domain import Phase
from ...services.group_settings import ASYNC, LIVE, SettingsForm, time_field
from ...services.groups import SetupForm
from .. import payloads
from ..channels import setup_place
from ..ids import BlockId, CallbackId
from ..render.modals import submitted
from ..render.settings import AUTO, ON, WEEKENDS
from .responding import bound, modal_place, save_modal


def setup_submitted(services, ack, body, view, client):
    team, channel, user, lang = modal_place(services, body, view)
    values = submitted(view)
    form = payloads.text_form(values, SetupForm, facilitator_id=BlockId.FACILITATOR)
    save_modal(
        ack,
        lambda: services.groups.setup(
            team, channel, user, form, setup_place(client, channel, user)
        ),
        (lambda: form.lang) if form.lang in ("fr", "en") else lang,
        BlockId.NAME,
    )


def settings_submitted(services, ack, body, view):
    team, channel, user, lang = modal_place(services, body, view)
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
        hold_harvest=ON in (values.get(BlockId.HOLD_HARVEST) or []),
        peer_run=ON in (values.get(BlockId.PEER_RUN) or []),
    )
    save_modal(
        ack,
        lambda: services.groups.save_settings(team, channel, user, form),
        lang,
        BlockId.EXPLORATION,
    )


def register(app, services) -> None:
    app.view(CallbackId.SETUP)(bound(setup_submitted, services))
    app.view(CallbackId.SETTINGS)(bound(settings_submitted, services))
