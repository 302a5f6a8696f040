"""The session's modals: answer a question, write the contract, the action
plan, the evaluation. Each carries its session (and question) in
private_metadata, so a submission acts on what the person saw."""

from __future__ import annotations

import json

from slack_sdk.models.blocks import (
    CheckboxesElement,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from ...domain import HelpKind
from ...i18n import t
from ..ids import INPUT, BlockId, CallbackId
from ..text import neutralise_bidi, quote

SHARE = "share"
FOUR_A = (BlockId.APPRECIATION, BlockId.EXPECTATIONS, BlockId.LEARNINGS, BlockId.APPLICATIONS)


def _plain(text: str) -> PlainTextObject:
    return PlainTextObject(text=text if len(text) <= 75 else text[:74] + "…")


def _text_input(block_id, label, initial=None, hint=None, optional=False, multiline=True):
    return InputBlock(
        block_id=block_id,
        label=_plain(label),
        hint=_plain(hint) if hint else None,
        optional=optional,
        element=PlainTextInputElement(
            action_id=INPUT,
            multiline=multiline,
            initial_value=initial or None,
            max_length=3000,
        ),
    )


def _modal(lang, callback_id, title_key, blocks, metadata: dict) -> dict:
    """A modal of session content; the texts it quotes show without bidi overrides."""
    view = View(
        type="modal",
        callback_id=callback_id,
        title=_plain(t(lang, title_key)),
        submit=_plain(t(lang, "button.save")),
        close=_plain(t(lang, "button.cancel")),
        private_metadata=json.dumps(metadata),
        blocks=blocks,
    ).to_dict()
    return neutralise_bidi(view)


def answer_modal(lang: str, session_id: int, number: int, question: str) -> dict:
    blocks = [
        SectionBlock(text=MarkdownTextObject(text=f"*Q{number}* {quote(question, 2800)}")),
        _text_input(BlockId.ANSWER, t(lang, "modal.answer.label", number=number)),
    ]
    meta = {"session_id": session_id, "number": number}
    return _modal(lang, CallbackId.ANSWER, "modal.answer.title", blocks, meta)


def contract_modal(lang: str, session_id: int, request: str, help_kinds) -> dict:
    options = [Option(value=str(k), text=_plain(t(lang, f"help.{k}"))) for k in HelpKind]
    chosen = [o for o in options if o.value in set(help_kinds or [])]
    blocks = [
        _text_input(
            BlockId.REQUEST,
            t(lang, "modal.contract.request"),
            initial=request,
            hint=t(lang, "modal.contract.request_hint"),
        ),
        InputBlock(
            block_id=BlockId.HELP_KINDS,
            label=_plain(t(lang, "modal.contract.kinds")),
            element=CheckboxesElement(
                action_id=INPUT, options=options, initial_options=chosen or None
            ),
        ),
    ]
    return _modal(
        lang, CallbackId.CONTRACT, "modal.contract.title", blocks, {"session_id": session_id}
    )


def action_plan_modal(lang: str, session_id: int, draft: str) -> dict:
    blocks = [
        SectionBlock(text=MarkdownTextObject(text=t(lang, "modal.plan.intro"))),
        _text_input(
            BlockId.ACTIONS_TEXT,
            t(lang, "modal.plan.label"),
            initial=draft,
            hint=t(lang, "modal.plan.hint"),
        ),
    ]
    return _modal(
        lang, CallbackId.ACTION_PLAN, "modal.plan.title", blocks, {"session_id": session_id}
    )


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
        Option(value=str(n), text=_plain(t(lang, f"modal.eval.rating.{n}"))) for n in range(1, 6)
    ]
    privacy = "modal.eval.privacy.named" if named else "modal.eval.privacy.anon"
    share = Option(value=SHARE, text=_plain(t(lang, "modal.eval.share_option")))
    blocks = [
        SectionBlock(text=MarkdownTextObject(text=t(lang, privacy))),
        InputBlock(
            block_id=BlockId.RATING,
            label=_plain(t(lang, "modal.eval.rating")),
            element=StaticSelectElement(
                action_id=INPUT,
                options=options,
                initial_option=next((o for o in options if o.value == str(rating)), None),
            ),
        ),
    ]
    for field in FOUR_A:
        blocks.append(
            _text_input(
                field,
                t(lang, f"modal.eval.{field}"),
                initial=answers.get(str(field)),
                optional=True,
            )
        )
    blocks.append(
        InputBlock(
            block_id=BlockId.SHARE_LEARNINGS,
            label=_plain(t(lang, "modal.eval.share")),
            hint=_plain(t(lang, "modal.eval.share_hint")),
            optional=True,
            element=CheckboxesElement(
                action_id=INPUT,
                options=[share],
                initial_options=[share] if share_learnings else None,
            ),
        )
    )
    return _modal(
        lang, CallbackId.EVALUATION, "modal.eval.title", blocks, {"session_id": session_id}
    )
