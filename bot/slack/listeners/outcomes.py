"""The bilan des effets: the DM buttons open the objectives and questionnaire
modals; their submissions are saved, problems shown on their fields."""

from __future__ import annotations

import json

from ...domain import DomainError
from ...services.forms import InvalidFields
from ..ids import ActionId, CallbackId
from ..render.modals import field_errors, submitted
from ..render.outcomes import objectives_modal, questionnaire_modal


def _value(body) -> list[str]:
    return (body["actions"][0].get("value") or "").split(":")


def _number(text: str) -> int:
    return int(text) if text.isdigit() else 0


def register(app, services) -> None:
    @app.action(ActionId.OBJECTIVES)
    def open_objectives(ack, body, client):
        form = services.outcomes.objectives_form(body["user"]["id"], _number(_value(body)[0]))
        client.views_open(trigger_id=body["trigger_id"], view=objectives_modal(form))
        ack()

    @app.action(ActionId.QUESTIONNAIRE)
    def open_questionnaire(ack, body, client):
        group_id, wave = (_value(body) + [""])[:2]
        form = services.outcomes.questionnaire_form(body["user"]["id"], _number(group_id), wave)
        client.views_open(trigger_id=body["trigger_id"], view=questionnaire_modal(form))
        ack()

    def save(ack, body, view, call) -> None:
        user = body["user"]["id"]
        meta = json.loads(view.get("private_metadata") or "{}")
        try:
            call(user, meta, submitted(view))
        except InvalidFields as problems:
            lang = services.notices.lang_of(body["team"]["id"], None, user)
            ack(response_action="errors", errors=field_errors(lang, problems.errors))
            return
        except DomainError as refusal:
            lang = services.notices.lang_of(body["team"]["id"], None, user)
            first = next(iter(view.get("state", {}).get("values", {})), "")
            ack(
                response_action="errors",
                errors=field_errors(lang, {first: (refusal.key, refusal.params)}),
            )
            return
        ack()

    @app.view(CallbackId.OBJECTIVES)
    def save_objectives(ack, body, view):
        save(
            ack,
            body,
            view,
            lambda user, meta, values: services.outcomes.save_objectives(
                user, meta.get("group_id", 0), values
            ),
        )

    @app.view(CallbackId.QUESTIONNAIRE)
    def save_questionnaire(ack, body, view):
        save(
            ack,
            body,
            view,
            lambda user, meta, values: services.outcomes.answer(
                user, meta.get("group_id", 0), meta.get("wave", ""), values
            ),
        )
