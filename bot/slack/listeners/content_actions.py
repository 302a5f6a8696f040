"""Buttons of the phase content: they open the phase's modal or record a choice.

Each value carries the session id (and the item) the button was made for;
the services check the rules table, and a refusal becomes a private notice.
"""

from __future__ import annotations

import json
import re

from ...domain import ConfirmStatus
from ...services.action_plan import PlanRow
from ..ids import ActionId
from ..render import content_modals as modals
from ..render.group import notice


def _where(body) -> tuple[str, str, str]:
    channel = (body.get("channel") or {}).get("id") or body["container"].get("channel_id")
    return body["team"]["id"], channel, body["user"]["id"]


def _parts(body) -> list[str]:
    action = body["actions"][0]
    value = (action.get("selected_option") or {}).get("value") or action.get("value", "")
    return value.split(":")


def _key(body) -> str:
    action = body["actions"][0]
    return f"action:{body['user']['id']}:{action['action_id']}:{action.get('action_ts')}"


def register(app, services) -> None:
    def open_modal(client, body, view) -> None:
        client.views_open(trigger_id=body["trigger_id"], view=view)

    @app.action(ActionId.ANSWER_QUESTION)
    def answer_question(ack, body, client):
        session_id, number = (int(p) for p in _parts(body)[:2])
        text, lang = services.replies.answer_form(body["user"]["id"], session_id, number)
        open_modal(client, body, modals.answer_modal(lang, session_id, number, text))
        ack()

    @app.action(re.compile(rf"^{ActionId.PLACE_ANSWER}_(\d+|none)$"))
    def place_answer(ack, body):
        session_id, note_id, choice = _parts(body)[:3]
        user = body["user"]["id"]
        services.replies.place_pending(user, int(session_id), int(note_id), choice, _key(body))
        ack()

    @app.action(ActionId.WRITE_CONTRACT)
    def write_contract(ack, body, client):
        form = services.contract.form(*_where(body), session_id=int(_parts(body)[0]))
        view = modals.contract_modal(form.lang, form.session_id, form.request, form.help_kinds)
        open_modal(client, body, view)
        ack()

    def respond(ack, body, status):
        team, channel, user = _where(body)
        session_id, revision = (int(p) for p in _parts(body)[:2])
        lang = services.contract.respond(user, session_id, revision, status)
        message = notice(lang, f"contract.you_{status}")
        services.notices.private(channel, user, message, _key(body), session_id=session_id)
        ack()

    @app.action(ActionId.CONFIRM_CONTRACT)
    def confirm_contract(ack, body):
        respond(ack, body, ConfirmStatus.CONFIRMED)

    @app.action(ActionId.REWORD_CONTRACT)
    def reword_contract(ack, body):
        respond(ack, body, ConfirmStatus.REWORD)

    @app.action(re.compile(rf"^{ActionId.ADOPT_REFORMULATION}_\d+$"))
    def adopt_reformulation(ack, body):
        team, channel, user = _where(body)
        session_id, offer_id = (int(p) for p in _parts(body)[:2])
        lang = services.contract.adopt(user, session_id, offer_id)
        message = notice(lang, "contract.you_adopted")
        services.notices.private(channel, user, message, _key(body), session_id=session_id)
        ack()

    @app.action(re.compile(rf"^{ActionId.HARVEST}_(keep|park|drop)$"))
    def harvest(ack, body):
        session_id, contribution_id, verdict = _parts(body)[:3]
        services.harvest.sort(body["user"]["id"], int(session_id), int(contribution_id), verdict)
        ack()

    @app.action(ActionId.CONTRIBUTION_KIND)
    def contribution_kind(ack, body):
        session_id, contribution_id, kind = _parts(body)[:3]
        services.harvest.set_kind(body["user"]["id"], int(session_id), int(contribution_id), kind)
        ack()

    @app.action(ActionId.WRITE_ACTION_PLAN)
    def write_action_plan(ack, body, client):
        form = services.action_plan.form(*_where(body), session_id=int(_parts(body)[0]))
        view = modals.action_plan_modal(form.lang, form.session_id, form.rows, more=form.more)
        open_modal(client, body, view)
        ack()

    def redraw_plan(client, body, rows) -> None:
        """Add or remove a row: the modal is drawn again with what was typed in it, new
        block ids (so Slack shows the new rows) and its hash (so a stale view is left)."""
        view = body["view"]
        meta = json.loads(view.get("private_metadata") or "{}")
        redrawn = modals.action_plan_modal(
            meta.get("lang") or "en",
            meta["session_id"],
            rows,
            meta.get("generation", 0) + 1,
            more=modals.plan_more(view),
        )
        client.views_update(view_id=view["id"], hash=view.get("hash"), view=redrawn)

    @app.action(ActionId.PLAN_ADD_ROW)
    def plan_add_row(ack, body, client):
        redraw_plan(client, body, [*modals.plan_rows(body["view"]), PlanRow()])
        ack()

    @app.action(ActionId.PLAN_REMOVE_ROW)
    def plan_remove_row(ack, body, client):
        rows = modals.plan_rows(body["view"])
        gone = int(body["actions"][0]["value"])
        redraw_plan(client, body, [row for n, row in enumerate(rows) if n != gone])
        ack()

    @app.action(ActionId.EVALUATE)
    def evaluate(ack, body, client):
        form = services.evaluation.form(*_where(body), session_id=int(_parts(body)[0]))
        view = modals.evaluation_modal(
            form.lang,
            form.session_id,
            form.rating,
            form.answers,
            named=form.named,
            share_learnings=form.share_learnings,
        )
        open_modal(client, body, view)
        ack()

    @app.action(re.compile(rf"^{ActionId.ACTION_ITEM_STATUS}_\w+$"))
    def action_item_status(ack, body):
        session_id, item_id, status = _parts(body)[:3]
        services.action_plan.set_status(body["user"]["id"], int(session_id), int(item_id), status)
        ack()
