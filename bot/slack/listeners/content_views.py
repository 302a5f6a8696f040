"""Submissions of the session's modals. A problem is shown on its field
(`response_action: errors`), in the person's language; a refusal of the rules
(the phase has moved on…) is shown on the main field, so nothing is lost silently."""

from __future__ import annotations

import json

from ...domain import DomainError
from ...services.forms import InvalidFields
from ..ids import BlockId, CallbackId
from ..render.content_modals import SHARE, plan_error_block, plan_rows
from ..render.modals import field_errors, submitted


def _meta(view) -> dict:
    return json.loads(view.get("private_metadata") or "{}")


def register(app, services) -> None:
    def handle(ack, body, main_field: str, call, where=lambda field: field) -> None:
        user = body["user"]["id"]
        try:
            call(user)
        except InvalidFields as problems:
            lang = services.notices.lang_of(body["team"]["id"], None, user)
            errors = {where(field): problem for field, problem in problems.errors.items()}
            ack(response_action="errors", errors=field_errors(lang, errors))
            return
        except DomainError as refusal:
            lang = services.notices.lang_of(body["team"]["id"], None, user)
            errors = field_errors(lang, {main_field: (refusal.key, refusal.params)})
            ack(response_action="errors", errors=errors)
            return
        ack()

    @app.view(CallbackId.ANSWER)
    def answer(ack, body, view):
        meta, values = _meta(view), submitted(view)
        handle(
            ack,
            body,
            BlockId.ANSWER,
            lambda user: services.replies.answer_from_modal(
                user, meta["session_id"], meta["number"], values.get(BlockId.ANSWER) or ""
            ),
        )

    @app.view(CallbackId.CONTRACT)
    def contract(ack, body, view):
        meta, values = _meta(view), submitted(view)
        handle(
            ack,
            body,
            BlockId.REQUEST,
            lambda user: services.contract.write(
                user,
                meta["session_id"],
                values.get(BlockId.REQUEST) or "",
                values.get(BlockId.HELP_KINDS) or [],
            ),
        )

    @app.view(CallbackId.ACTION_PLAN)
    def action_plan(ack, body, view):
        meta, values = _meta(view), submitted(view)
        handle(
            ack,
            body,
            BlockId.ACTIONS_TEXT,
            lambda user: services.action_plan.save(
                user, meta["session_id"], values.get(BlockId.ACTIONS_TEXT) or "", plan_rows(view)
            ),
            where=lambda field: plan_error_block(view, field),
        )

    @app.view(CallbackId.EVALUATION)
    def evaluation(ack, body, view):
        meta, values = _meta(view), submitted(view)
        answers = {
            str(field): values.get(field)
            for field in (
                BlockId.APPRECIATION,
                BlockId.EXPECTATIONS,
                BlockId.LEARNINGS,
                BlockId.APPLICATIONS,
            )
        }
        handle(
            ack,
            body,
            BlockId.RATING,
            lambda user: services.evaluation.save(
                user,
                meta["session_id"],
                values.get(BlockId.RATING),
                answers,
                share_learnings=SHARE in (values.get(BlockId.SHARE_LEARNINGS) or []),
            ),
        )
