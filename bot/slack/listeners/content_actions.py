"""Buttons of the phase content: they open the phase's modal or record a choice.

Each value carries the session id (and the item) the button was made for;
the services check the rules table, and a refusal becomes a private notice.
"""

from __future__ import annotations

from ...domain import ConfirmStatus
from ...services.action_plan import PlanRow
from .. import payloads
from ..ids import ActionId
from ..render import content_modals as modals
from .responding import bound


def _open(client, body, view) -> None:
    client.views_open(trigger_id=body["trigger_id"], view=view)


def answer_question(services, ack, body, client):
    session_id, number = payloads.values(body, int, int)
    text, lang = services.replies.answer_form(body["user"]["id"], session_id, number)
    _open(client, body, modals.answer_modal(lang, session_id, number, text))
    ack()


def place_answer(services, ack, body):
    session_id, note_id, choice = payloads.values(body, int, int, str)
    user = body["user"]["id"]
    services.replies.place_pending(user, session_id, note_id, choice, payloads.click_key(body))
    ack()


def _open_form(ack, body, client, form_of, draw) -> None:
    """A button that opens its phase's modal: the form of the session the button was made
    for, drawn and opened."""
    (session_id,) = payloads.values(body, int)
    form = form_of(*payloads.where(body).ids, session_id=session_id)
    _open(client, body, draw(form))
    ack()


def write_contract(services, ack, body, client):
    def draw(form):
        return modals.contract_modal(form.lang, form.session_id, form.request, form.help_kinds)

    _open_form(ack, body, client, services.contract.form, draw)


def _respond(services, ack, body, status: ConfirmStatus) -> None:
    session_id, revision = payloads.values(body, int, int)
    user = body["user"]["id"]
    services.contract.respond(user, session_id, revision, status, payloads.answer(body))
    ack()


def confirm_contract(services, ack, body):
    _respond(services, ack, body, ConfirmStatus.CONFIRMED)


def reword_contract(services, ack, body):
    _respond(services, ack, body, ConfirmStatus.REWORD)


def adopt_reformulation(services, ack, body):
    session_id, offer_id = payloads.values(body, int, int)
    services.contract.adopt(body["user"]["id"], session_id, offer_id, payloads.answer(body))
    ack()


def harvest(services, ack, body):
    session_id, contribution_id, verdict = payloads.values(body, int, int, str)
    services.harvest.sort(body["user"]["id"], session_id, contribution_id, verdict)
    ack()


def contribution_kind(services, ack, body):
    session_id, contribution_id, kind = payloads.values(body, int, int, str)
    services.harvest.set_kind(body["user"]["id"], session_id, contribution_id, kind)
    ack()


def write_action_plan(services, ack, body, client):
    def draw(form):
        return modals.action_plan_modal(form.lang, form.session_id, form.rows, more=form.more)

    _open_form(ack, body, client, services.action_plan.form, draw)


def _redraw_plan(client, body, rows) -> None:
    """Add or remove a row: the modal is drawn again with what was typed in it, new
    block ids (so Slack shows the new rows) and its hash (so a stale view is left)."""
    view = body["view"]
    meta = payloads.metadata(view)
    redrawn = modals.action_plan_modal(
        meta.get("lang") or "en",
        meta["session_id"],
        rows,
        meta.get("generation", 0) + 1,
        more=modals.plan_more(view),
    )
    client.views_update(view_id=view["id"], hash=view.get("hash"), view=redrawn)


def plan_add_row(ack, body, client):
    _redraw_plan(client, body, [*modals.plan_rows(body["view"]), PlanRow()])
    ack()


def plan_remove_row(ack, body, client):
    rows = modals.plan_rows(body["view"])
    (gone,) = payloads.values(body, int)
    _redraw_plan(client, body, [row for n, row in enumerate(rows) if n != gone])
    ack()


def evaluate(services, ack, body, client):
    def draw(form):
        return modals.evaluation_modal(
            form.lang,
            form.session_id,
            form.rating,
            form.answers,
            named=form.named,
            share_learnings=form.share_learnings,
        )

    _open_form(ack, body, client, services.evaluation.form, draw)


def action_item_status(services, ack, body):
    session_id, item_id, status = payloads.values(body, int, int, str)
    services.action_plan.set_status(body["user"]["id"], session_id, item_id, status)
    ack()


def register(app, services) -> None:
    composite = payloads.composite_pattern
    app.action(ActionId.ANSWER_QUESTION)(bound(answer_question, services))
    app.action(composite(ActionId.PLACE_ANSWER, r"\d+|none"))(bound(place_answer, services))
    app.action(ActionId.WRITE_CONTRACT)(bound(write_contract, services))
    app.action(ActionId.CONFIRM_CONTRACT)(bound(confirm_contract, services))
    app.action(ActionId.REWORD_CONTRACT)(bound(reword_contract, services))
    app.action(composite(ActionId.ADOPT_REFORMULATION, r"\d+"))(
        bound(adopt_reformulation, services)
    )
    app.action(composite(ActionId.HARVEST, "keep|park|drop"))(bound(harvest, services))
    app.action(ActionId.CONTRIBUTION_KIND)(bound(contribution_kind, services))
    app.action(ActionId.WRITE_ACTION_PLAN)(bound(write_action_plan, services))
    app.action(ActionId.PLAN_ADD_ROW)(plan_add_row)
    app.action(ActionId.PLAN_REMOVE_ROW)(plan_remove_row)
    app.action(ActionId.EVALUATE)(bound(evaluate, services))
    app.action(composite(ActionId.ACTION_ITEM_STATUS))(bound(action_item_status, services))
