"""The session's modals: answer a question, write the contract, the action
plan, the evaluation. Each carries its session (and question) in
private_metadata, so a submission acts on what the person saw."""

from __future__ import annotations

import json
import re
from datetime import date

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    DatePickerElement,
    DividerBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    SectionBlock,
)

from ...domain import HelpKind
from ...i18n import t
from ...services.action_plan import MAX_ROWS, PlanRow
from ..ids import INPUT, ActionId, BlockId, CallbackId
from ..text import neutralise_bidi, quote
from .modals import (
    checkboxes_field,
    form_modal,
    select_field,
    short_text,
    submitted,
    text_field,
)

SHARE = "share"
FOUR_A = (BlockId.APPRECIATION, BlockId.EXPECTATIONS, BlockId.LEARNINGS, BlockId.APPLICATIONS)


def _modal(lang, callback_id, title_key, blocks, metadata: dict) -> dict:
    """A modal of session content; the texts it quotes show without bidi overrides."""
    return neutralise_bidi(form_modal(lang, callback_id, title_key, blocks, metadata))


def answer_modal(lang: str, session_id: int, number: int, question: str) -> dict:
    blocks = [
        SectionBlock(text=MarkdownTextObject(text=f"*Q{number}* {quote(question, 2800)}")),
        text_field(BlockId.ANSWER, t(lang, "modal.answer.label", number=number)),
    ]
    meta = {"session_id": session_id, "number": number}
    return _modal(lang, CallbackId.ANSWER, "modal.answer.title", blocks, meta)


def contract_modal(lang: str, session_id: int, request: str, help_kinds) -> dict:
    options = [Option(value=str(k), text=short_text(t(lang, f"help.{k}"))) for k in HelpKind]
    chosen = [o for o in options if o.value in set(help_kinds or [])]
    blocks = [
        text_field(
            BlockId.REQUEST,
            t(lang, "modal.contract.request"),
            initial=request,
            hint=t(lang, "modal.contract.request_hint"),
        ),
        checkboxes_field(BlockId.HELP_KINDS, t(lang, "modal.contract.kinds"), options, chosen),
    ]
    return _modal(
        lang, CallbackId.CONTRACT, "modal.contract.title", blocks, {"session_id": session_id}
    )


PLAN_PARTS = ("what", "due", "with", "sign")
PLAN_BLOCK = re.compile(r"^plan_(\d+)_(\d+)_(what|due|with|sign)$")


def plan_block(generation: int, index: int, part: str) -> str:
    """Block ids change with each re-render (`generation`), so that Slack shows the rows
    as re-rendered after a removal rather than what it kept under the old ids."""
    return f"plan_{generation}_{index}_{part}"


def _plan_row(lang: str, generation: int, index: int, row: PlanRow, removable: bool) -> list:
    def block(part: str) -> str:
        return plan_block(generation, index, part)

    def line(part: str, label: str, initial: str, limit: int, hint: str | None = None):
        return text_field(block(part), label, initial, hint, True, None, limit)

    blocks = [
        line(
            "what",
            t(lang, "modal.plan.what", number=index + 1),
            row.what,
            500,
            t(lang, "modal.plan.what_hint"),
        ),
        InputBlock(
            block_id=block("due"),
            label=short_text(t(lang, "modal.plan.due")),
            optional=True,
            element=DatePickerElement(
                action_id=INPUT, initial_date=row.due.isoformat() if row.due else None
            ),
        ),
        line("with", t(lang, "modal.plan.with"), row.partner, 200),
        line("sign", t(lang, "modal.plan.sign"), row.sign, 500),
    ]
    if removable:
        blocks.append(
            ActionsBlock(
                block_id=f"plan_{generation}_{index}_remove",
                elements=[
                    ButtonElement(
                        text=short_text(t(lang, "modal.plan.remove", number=index + 1)),
                        action_id=ActionId.PLAN_REMOVE_ROW,
                        value=str(index),
                    )
                ],
            )
        )
    return blocks


def action_plan_modal(
    lang: str, session_id: int, rows, generation: int = 0, more: str = ""
) -> dict:
    """One row per action (what, when, who with, how I will know), a button to add one,
    one on each row to remove it, and a free text box for more, one per line."""
    rows = list(rows)[:MAX_ROWS] or [PlanRow()]
    blocks = [SectionBlock(text=MarkdownTextObject(text=t(lang, "modal.plan.intro")))]
    for index, row in enumerate(rows):
        if index:
            blocks.append(DividerBlock())
        blocks += _plan_row(lang, generation, index, row, removable=len(rows) > 1)
    if len(rows) < MAX_ROWS:
        blocks.append(
            ActionsBlock(
                block_id=f"plan_{generation}_add",
                elements=[
                    ButtonElement(
                        text=short_text(t(lang, "modal.plan.add")),
                        action_id=ActionId.PLAN_ADD_ROW,
                        value="add",
                    )
                ],
            )
        )
    blocks.append(
        text_field(
            BlockId.ACTIONS_TEXT,
            t(lang, "modal.plan.label"),
            initial=more,
            hint=t(lang, "modal.plan.hint"),
            optional=True,
        )
    )
    meta = {"session_id": session_id, "lang": lang, "generation": generation}
    return _modal(lang, CallbackId.ACTION_PLAN, "modal.plan.title", blocks, meta)


def plan_rows(view: dict) -> list[PlanRow]:
    """The rows of an action plan modal as the person left them: what they typed or
    picked (the view's state), else what the rows were shown with."""
    shown: dict[int, dict[str, str | None]] = {}
    for block in view.get("blocks") or []:
        found = PLAN_BLOCK.match(block.get("block_id") or "")
        if found:
            element = block.get("element") or {}
            initial = element.get("initial_date") or element.get("initial_value")
            shown.setdefault(int(found[2]), {})[found[3]] = initial
    typed = submitted(view)
    for block_id, value in typed.items():
        found = PLAN_BLOCK.match(block_id)
        if found and int(found[2]) in shown:
            shown[int(found[2])][found[3]] = value
    rows = []
    for index in sorted(shown):
        parts = shown[index]
        try:
            due = date.fromisoformat(parts["due"]) if parts.get("due") else None
        except ValueError:
            due = None
        rows.append(
            PlanRow(
                what=parts.get("what") or "",
                due=due,
                partner=parts.get("with") or "",
                sign=parts.get("sign") or "",
            )
        )
    return rows


def plan_more(view: dict) -> str:
    """What the free text box of an action plan modal holds: typed, else shown."""
    typed = submitted(view).get(BlockId.ACTIONS_TEXT)
    if typed is not None:
        return typed
    for block in view.get("blocks") or []:
        if block.get("block_id") == BlockId.ACTIONS_TEXT:
            return (block.get("element") or {}).get("initial_value") or ""
    return ""


def plan_error_block(view: dict, field: str) -> str:
    """The block a service's problem is shown on: a row's action, or the free text box."""
    if field.startswith("row:"):
        generation = json.loads(view.get("private_metadata") or "{}").get("generation", 0)
        return plan_block(generation, int(field.split(":")[1]), "what")
    return field


def evaluation_modal(
    lang: str,
    session_id: int,
    rating: int | None,
    answers: dict,
    named: bool = False,
    share_learnings: bool = False,
) -> dict:
    """The rating and the 4 A; first, whether the export names the person (said before
    they rate), last, whether their learnings may be quoted in the sponsor's report."""
    options = [
        Option(value=str(n), text=short_text(t(lang, f"modal.eval.rating.{n}")))
        for n in range(1, 6)
    ]
    privacy = "modal.eval.privacy.named" if named else "modal.eval.privacy.anon"
    share = Option(value=SHARE, text=short_text(t(lang, "modal.eval.share_option")))
    blocks = [
        SectionBlock(text=MarkdownTextObject(text=t(lang, privacy))),
        select_field(BlockId.RATING, t(lang, "modal.eval.rating"), options, rating),
    ]
    for field in FOUR_A:
        blocks.append(
            text_field(
                field,
                t(lang, f"modal.eval.{field}"),
                initial=answers.get(str(field)),
                optional=True,
            )
        )
    blocks.append(
        checkboxes_field(
            BlockId.SHARE_LEARNINGS,
            t(lang, "modal.eval.share"),
            [share],
            [share] if share_learnings else None,
            hint=t(lang, "modal.eval.share_hint"),
            optional=True,
        )
    )
    return _modal(
        lang, CallbackId.EVALUATION, "modal.eval.title", blocks, {"session_id": session_id}
    )
