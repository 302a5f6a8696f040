"""The scribe's words and modal: who records, and « Noter dans codev » on a message."""

from __future__ import annotations

from slack_sdk.models.blocks import (
    InputBlock,
    Option,
    OptionGroup,
    StaticSelectElement,
    UserSelectElement,
)

from ...domain import MAX_TEXT, ContributionKind
from ...i18n import t
from ...services.scribe import ANSWER, CONTRIBUTION, LEARNING, QUESTION, RecordForm, ScribeInfo
from ..ids import INPUT, ActionId, BlockId, CallbackId
from .content_modals import _modal as session_modal
from .group import notice
from .kit import Mrkdwn, button, context, payload, section, user
from .modals import short_text, text_field

SLACK_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))


def scribe_line(view, lang: str | None = None) -> str:
    """The root message (and the status) says who records what is said aloud, and how."""
    scribe = view.scribe_id or view.facilitator_id
    return t(lang or view.lang, "scribe.root", scribe=user(scribe))


def scribe_button(view):
    """The facilitator names the scribe from the root message (others are told why not)."""
    return button(t(view.lang, "scribe.button"), ActionId.NAME_SCRIBE, str(view.id))


def naming_modal(info: ScribeInfo) -> dict:
    """Who records: a consultant of the session, or the facilitator (the default)."""
    lang = info.lang
    blocks = [
        InputBlock(
            block_id=BlockId.SCRIBE,
            label=short_text(t(lang, "scribe.naming.who")),
            hint=short_text(t(lang, "scribe.naming.hint")),
            element=UserSelectElement(action_id=INPUT, initial_user=info.scribe_id),
        ),
        context(t(lang, "scribe.how")),
    ]
    meta = {"session_id": info.session_id, "lang": lang}
    return session_modal(lang, CallbackId.SCRIBE, "scribe.naming.title", blocks, meta)


def as_typed(text: str) -> str:
    """A message's text as its writer typed it: Slack's escaping undone (the modal's
    field is plain text, and the stored item is escaped again wherever it is shown)."""
    for entity, char in SLACK_ENTITIES:
        text = text.replace(entity, char)
    return text


def _what_options(form: RecordForm) -> tuple[list[OptionGroup], Option | None]:
    lang = form.lang
    waiting = [(n, q) for n, q, answered in form.questions if not answered]
    answerable = waiting or [(n, q) for n, q, _ in form.questions]  # all answered: any of them
    clarification = [Option(value=QUESTION, text=short_text(t(lang, "scribe.what.question")))]
    clarification += [
        Option(
            value=f"{ANSWER}:{n}",
            text=short_text(t(lang, "scribe.what.answer", number=n, question=" ".join(q.split()))),
        )
        for n, q in answerable[:40]
    ]
    exploration = [
        Option(
            value=f"{CONTRIBUTION}:{kind}",
            text=short_text(t(lang, "scribe.what.contribution", kind=t(lang, f"kind.{kind}"))),
        )
        for kind in ContributionKind
    ]
    learning = [Option(value=LEARNING, text=short_text(t(lang, "scribe.what.learning")))]
    groups = [
        OptionGroup(label=short_text(t(lang, f"scribe.group.{name}")), options=options)
        for name, options in (
            ("clarification", clarification),
            ("exploration", exploration),
            ("learning", learning),
        )
    ]
    every = [*clarification, *exploration, *learning]
    chosen = next((o for o in every if o.value == form.suggested), None)
    return groups, chosen


def _pick(lang: str, block_id: str, name: str, element_type, **chosen) -> InputBlock:
    """A field of the record modal to pick from: its label and placeholder are the
    `scribe.modal.<name>` words; `chosen` gives the element its choices."""
    element = element_type(
        action_id=INPUT,
        placeholder=short_text(t(lang, f"scribe.modal.{name}_placeholder")),
        **chosen,
    )
    return InputBlock(
        block_id=block_id, label=short_text(t(lang, f"scribe.modal.{name}")), element=element
    )


def record_modal(form: RecordForm, source_ts: str | None) -> dict:
    """What was said (the message's text, editable), who said it, what it is."""
    lang = form.lang
    groups, chosen = _what_options(form)
    text = as_typed(form.text or "")[:MAX_TEXT]
    blocks = [
        context(t(lang, "scribe.modal.intro", number=form.number)),
        text_field(
            BlockId.RECORD_TEXT, t(lang, "scribe.modal.text"), text, None, None, True, MAX_TEXT
        ),
        _pick(lang, BlockId.RECORD_WHO, "who", UserSelectElement, initial_user=form.said_by),
        _pick(
            lang,
            BlockId.RECORD_WHAT,
            "what",
            StaticSelectElement,
            option_groups=groups,
            initial_option=chosen,
        ),
    ]
    meta = {"session_id": form.session_id, "ts": source_ts, "lang": lang}
    return session_modal(lang, CallbackId.RECORD_FORM, "scribe.modal.title", blocks, meta)


def scribe_named(lang: str, number: int):
    """To the new scribe, privately in the thread."""
    text = t(lang, "scribe.you_are", number=number)
    return payload(text, [section(text)])


def scribe_recorded(lang: str, kind: str, detail: str, who: str, number: int | None):
    """To whoever recorded: what was stored, and for whom."""
    what = {
        QUESTION: lambda: t(lang, "scribe.recorded.question", number=number),
        ANSWER: lambda: t(lang, "scribe.recorded.answer", number=number),
        CONTRIBUTION: lambda: t(
            lang, "scribe.recorded.contribution", number=number, kind=t(lang, f"kind.{detail}")
        ),
        LEARNING: lambda: t(lang, "scribe.recorded.learning"),
    }[kind]()
    return notice(lang, "scribe.recorded", what=Mrkdwn(what), who=Mrkdwn(user(who)))


def scribe_answer(info: ScribeInfo, changed: bool = False):
    """`/codev scribe`: who records in the running session, and how to change it."""
    lang = info.lang
    key = "scribe.now" if changed else "scribe.current"
    line = t(lang, key, number=info.number, scribe=user(info.scribe_id))
    how = t(lang, "scribe.how")
    return payload(f"{line}\n{how}", [section(line), context(how)])
