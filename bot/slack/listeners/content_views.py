"""Submissions of the session's modals. A problem is shown on its field
(`response_action: errors`), in the person's language; a refusal of the rules
(the phase has moved on…) is shown on the main field, so nothing is lost silently."""

from __future__ import annotations

from .. import payloads
from ..ids import BlockId, CallbackId
from ..render.content_modals import SHARE, plan_error_block, plan_rows
from ..render.modals import submitted
from .responding import bound, save_modal

EVALUATION_ANSWERS = (
    BlockId.APPRECIATION,
    BlockId.EXPECTATIONS,
    BlockId.LEARNINGS,
    BlockId.APPLICATIONS,
)


def _save(services, ack, body, main_field: str, call, where=lambda field: field) -> None:
    user = body["user"]["id"]
    save_modal(
        ack,
        lambda: call(user),
        lambda: services.notices.lang_of(body["team"]["id"], None, user),
        main_field,
        where,
    )


def answer(services, ack, body, view):
    meta, values = payloads.metadata(view), submitted(view)
    text = values.get(BlockId.ANSWER) or ""

    def call(user):
        services.replies.answer_from_modal(user, meta["session_id"], meta["number"], text)

    _save(services, ack, body, BlockId.ANSWER, call)


def contract(services, ack, body, view):
    meta, values = payloads.metadata(view), submitted(view)
    request, kinds = values.get(BlockId.REQUEST) or "", values.get(BlockId.HELP_KINDS) or []
    _save(
        services,
        ack,
        body,
        BlockId.REQUEST,
        lambda user: services.contract.write(user, meta["session_id"], request, kinds),
    )


def action_plan(services, ack, body, view):
    meta, values = payloads.metadata(view), submitted(view)
    text = values.get(BlockId.ACTIONS_TEXT) or ""

    def call(user):
        services.action_plan.save(user, meta["session_id"], text, plan_rows(view))

    _save(services, ack, body, BlockId.ACTIONS_TEXT, call, lambda f: plan_error_block(view, f))


def evaluation(services, ack, body, view):
    meta, values = payloads.metadata(view), submitted(view)
    answers = {str(field): values.get(field) for field in EVALUATION_ANSWERS}
    share = SHARE in (values.get(BlockId.SHARE_LEARNINGS) or [])
    rating = values.get(BlockId.RATING)

    def call(user):
        services.evaluation.save(user, meta["session_id"], rating, answers, share_learnings=share)

    _save(services, ack, body, BlockId.RATING, call)


def register(app, services) -> None:
    app.view(CallbackId.ANSWER)(bound(answer, services))
    app.view(CallbackId.CONTRACT)(bound(contract, services))
    app.view(CallbackId.ACTION_PLAN)(bound(action_plan, services))
    app.view(CallbackId.EVALUATION)(bound(evaluation, services))
