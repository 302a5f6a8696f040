"""Messages that show phase content: the question board, the contract card."""

from __future__ import annotations

from functools import lru_cache

from ...i18n import t
from ...services.effects import Payload
from ..ids import ActionId
from ..text import escape, quote
from .kit import Rendered, actions, button, context, header, payload, section, user, users

MAX_BOARD_QUESTIONS = 40  # each question is one block; a message holds 50


def reaction(name: str, ts: str) -> Payload:
    return Payload(text=name, extra={"name": name, "timestamp": ts})


def question_board(lang: str, session_id: int, items, client_id: str, hands=()):
    """Questions with their answered/unanswered state, kept up to date in place, and
    the consultants who asked for the floor (🙋), in the order they did."""
    answered = sum(1 for *_, answers in items if answers)
    title = t(lang, "board.title")
    blocks = [
        header(title),
        context(
            t(lang, "board.counts", total=len(items), answered=answered, client=user(client_id))
        ),
    ]
    for number, author, text, answers in items[:MAX_BOARD_QUESTIONS]:
        last = answers[-1] if answers else None
        blocks.append(_question_line(lang, session_id, number, author, text, last))
    if len(items) > MAX_BOARD_QUESTIONS:
        blocks.append(context(t(lang, "board.more", count=len(items) - MAX_BOARD_QUESTIONS)))
    if hands:
        people = ", ".join(f"{user(who)} ({escape(on)})" if on else user(who) for who, on in hands)
        blocks.append(context(t(lang, "board.floor", people=people)))
    blocks.append(context(t(lang, "board.how_to_answer")))
    return payload(f"{title} ({answered}/{len(items)})", blocks)


@lru_cache(maxsize=1024)
def _question_line(lang, session_id, number, author, text, answer) -> Rendered:
    """One question on the board (with its last answer): the board is rendered again on
    every question and answer, the lines already there mostly unchanged, and building
    and validating 40 of them through the models was most of a thread reply's work."""
    mark = "✅" if answer is not None else "❓"
    line = f"{mark} *Q{number}* {user(author)} — {quote(text, 1200)}"
    if answer is not None:
        line += "\n> " + quote(answer, 1200).replace("\n", "\n> ")
    accessory = (
        None
        if answer is not None
        else button(t(lang, "button.answer"), ActionId.ANSWER_QUESTION, f"{session_id}:{number}")
    )
    return Rendered(section(line, accessory=accessory))


def answer_choice(lang: str, session_id: int, note_id: int, text: str, choices, missing=None):
    """Asked privately when a client's reply could be the answer to several questions:
    one button per question (choices: (number, text)), and "not an answer". The reply
    is kept meanwhile; a click attaches it."""
    intro = (
        t(lang, "answer.which_missing", number=missing)
        if missing is not None
        else t(lang, "answer.which")
    )
    value = f"{session_id}:{note_id}"
    buttons = [
        button(
            f"Q{number} · {question}",
            f"{ActionId.PLACE_ANSWER}_{number}",
            f"{value}:{number}",
        )
        for number, question in choices
    ]
    buttons.append(
        button(t(lang, "answer.not_an_answer"), f"{ActionId.PLACE_ANSWER}_none", f"{value}:none")
    )
    blocks = [
        section(f"{intro}\n> " + quote(text, 600).replace("\n", "\n> ")),
        actions(*buttons),
        context(t(lang, "answer.how")),
    ]
    return payload(intro, blocks)


def contract_card(
    lang: str,
    session_id: int,
    request: str,
    help_kinds,
    revision: int,
    confirmed=(),
    reword=(),
    consultants=(),
    offers=(),
):
    """The request, the help wanted and who confirmed it, and the reformulations the
    consultants offered, each with a button for the client to adopt it; updated in place."""
    title = t(lang, "contract.title")
    kinds = ", ".join(t(lang, f"help.{k}") for k in help_kinds) or "—"
    value = f"{session_id}:{revision}"
    waiting = [c for c in consultants if c not in confirmed and c not in reword]
    lines = [t(lang, "contract.confirmed_by", count=len(confirmed), people=users(confirmed))]
    if reword:
        lines.append(t(lang, "contract.reword_by", people=users(reword)))
    if waiting:
        lines.append(t(lang, "contract.waiting_for", people=users(waiting)))
    blocks = [
        header(title),
        section(t(lang, "summary.contract", request=quote(request, 2000), kinds=kinds)),
        context(t(lang, "contract.revision", revision=revision)),
        section("\n".join(lines)),
        actions(
            button(
                t(lang, "button.confirm_contract"),
                ActionId.CONFIRM_CONTRACT,
                value,
                style="primary",
            ),
            button(t(lang, "button.reword_contract"), ActionId.REWORD_CONTRACT, value),
            button(t(lang, "button.write_contract"), ActionId.WRITE_CONTRACT, str(session_id)),
        ),
        context(t(lang, "contract.how_to_confirm")),
    ]
    if offers:
        lines = [
            f"{n}. {user(author)} {quote(text, 2700 // len(offers))}"
            for n, (_, author, text) in enumerate(offers, 1)
        ]
        blocks.append(section(t(lang, "contract.offers") + "\n" + "\n".join(lines)))
        blocks.append(
            actions(
                *(
                    button(
                        t(lang, "button.adopt_reformulation", number=n),
                        f"{ActionId.ADOPT_REFORMULATION}_{n}",
                        f"{session_id}:{offer_id}",
                    )
                    for n, (offer_id, _, _) in enumerate(offers, 1)
                )
            )
        )
    return payload(f"{title} ({len(confirmed)}/{len(consultants)})", blocks)


def reformulation_invite(lang: str, client_id: str, asked_by):
    """In the thread, once per wording: the group is asked to offer a reformulation."""
    text = t(lang, "contract.invite_reformulation", people=users(asked_by), client=user(client_id))
    return payload(text, [section(text)])
