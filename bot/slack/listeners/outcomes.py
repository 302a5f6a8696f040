"""The bilan des effets: the DM buttons open the objectives and questionnaire
modals; their submissions are saved, problems shown on their fields."""

from __future__ import annotations

from .. import payloads
from ..ids import ActionId, CallbackId
from ..render.outcomes import objectives_modal, questionnaire_modal
from .responding import bound, save_submitted


def open_objectives(services, ack, body, client):
    group_id = payloads.number(payloads.parts(payloads.value(body))[0])
    form = services.outcomes.objectives_form(body["user"]["id"], group_id)
    client.views_open(trigger_id=body["trigger_id"], view=objectives_modal(form))
    ack()


def open_questionnaire(services, ack, body, client):
    group_id, wave = (payloads.parts(payloads.value(body)) + [""])[:2]
    form = services.outcomes.questionnaire_form(body["user"]["id"], payloads.number(group_id), wave)
    client.views_open(trigger_id=body["trigger_id"], view=questionnaire_modal(form))
    ack()


def save_objectives(services, ack, body, view):
    save_submitted(
        services,
        ack,
        body,
        view,
        lambda user, meta, values: services.outcomes.save_objectives(
            user, meta.get("group_id", 0), values
        ),
    )


def save_questionnaire(services, ack, body, view):
    save_submitted(
        services,
        ack,
        body,
        view,
        lambda user, meta, values: services.outcomes.answer(
            user, meta.get("group_id", 0), meta.get("wave", ""), values
        ),
    )


def register(app, services) -> None:
    app.action(ActionId.OBJECTIVES)(bound(open_objectives, services))
    app.action(ActionId.QUESTIONNAIRE)(bound(open_questionnaire, services))
    app.view(CallbackId.OBJECTIVES)(bound(save_objectives, services))
    app.view(CallbackId.QUESTIONNAIRE)(bound(save_questionnaire, services))
