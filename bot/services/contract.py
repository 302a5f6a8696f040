"""Phase 3: the client's request and kinds of help, and the consultants' answer.

The contract card in the thread is posted once and then updated in place, so
the facilitator always sees who confirmed the current wording. A rewrite bumps
the contract's revision: earlier confirmations no longer count.

As the method has it, the group helps the client settle the request: a consultant's
reply in the thread offers a reformulation (« si je comprends bien, tu voudrais… »),
shown on the card where the client may adopt it; « À reformuler » invites the whole
group to offer one, rather than leaving the client to rewrite alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import Action, ConfirmStatus, DomainError, HelpKind, clean_text
from .access import acted_on, lang_in, require_action, running_row
from .boards import post_or_update
from .context import Context
from .effects import thread_post
from .forms import InvalidFields
from .notices import Answer

REQUEST_FIELD, KINDS_FIELD = "request", "help_kinds"
REFORMULATION = "reformulation"  # the kind of thread note a consultant's offer is kept as
SHOWN_OFFERS = 5  # the latest offers shown on the card, each with its button


@dataclass(frozen=True)
class ContractForm:
    """What the contract modal opens with."""

    session_id: int
    lang: str
    request: str
    help_kinds: list[str]


class ContractService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def form(
        self, team_id, channel_id, user_id, draft: str = "", session_id: int | None = None
    ) -> ContractForm:
        """Check the client may write the contract now, and what to pre-fill."""
        with self.ctx.uow_factory() as uow:
            row = acted_on(uow, team_id, channel_id, user_id, session_id, Action.WRITE_CONTRACT)
            contract = uow.content.contract(row.id)
            request = draft.strip() or (contract.request if contract else "")
            kinds = list(contract.help_kinds) if contract else []
            lang = lang_in(uow, row, user_id, self.ctx.default_lang)
            return ContractForm(row.id, lang, request[:3000], kinds)

    def write(self, user_id: str, session_id: int, request: str, help_kinds: list[str]) -> None:
        """Store the request (a rewrite resets confirmations) and refresh the card."""
        now = self.ctx.clock()
        errors = {}
        try:
            request = clean_text(request)
        except DomainError as problem:
            errors[REQUEST_FIELD] = (problem.key, problem.params)
        valid = {str(kind) for kind in HelpKind}
        kinds = [kind for kind in help_kinds or [] if kind in valid]
        if not kinds:
            errors[KINDS_FIELD] = ("contract.kinds_missing", {})
        if errors:
            raise InvalidFields(errors)
        with self.ctx.uow_factory() as uow:
            row = running_row(uow, session_id, lock=True)
            require_action(uow, row, user_id, Action.WRITE_CONTRACT)
            uow.content.set_contract(row.id, request, kinds, now)
            queue_card(uow, self.ctx.renderer, row, now)
            uow.commit()

    def respond(
        self,
        user_id: str,
        session_id: int,
        revision: int,
        status: str,
        answer: Answer | None = None,
    ) -> str:
        """A consultant confirms the request or asks to reword it; returns their
        language. With `answer`, what was recorded is told to them privately, in the
        same unit of work."""
        now = self.ctx.clock()
        status = ConfirmStatus(status)
        with self.ctx.uow_factory() as uow:
            row = running_row(uow, session_id, lock=True)
            require_action(uow, row, user_id, Action.CONFIRM_CONTRACT)
            contract = uow.content.contract(row.id)
            if contract is None:
                raise DomainError("status.no_contract")
            if contract.revision != revision:
                raise DomainError("contract.stale")
            uow.content.set_confirmation(contract, user_id, str(status), now)
            queue_card(uow, self.ctx.renderer, row, now)
            if status == ConfirmStatus.REWORD:
                _invite_reformulations(uow, self.ctx.renderer, row, contract, now)
            lang = lang_in(uow, row, user_id, self.ctx.default_lang)
            if answer is not None:
                notice = self.ctx.renderer.notice(lang, f"contract.you_{status}")
                answer.queue(uow, now, notice, session_id=row.id)
            uow.commit()
        return lang

    def adopt(
        self, user_id: str, session_id: int, note_id: int, answer: Answer | None = None
    ) -> str:
        """The client adopts a consultant's reformulation as their request (a new
        revision: everyone confirms again); returns the client's language. With
        `answer`, the client is told privately, in the same unit of work."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            row = running_row(uow, session_id, lock=True)
            require_action(uow, row, user_id, Action.WRITE_CONTRACT)
            offer = next(
                (n for n in uow.content.notes(row.id, REFORMULATION) if n.id == note_id), None
            )
            if offer is None:
                raise DomainError("contract.offer_gone")
            contract = uow.content.contract(row.id)
            uow.content.set_contract(row.id, offer.text, None if contract else [], now)
            queue_card(uow, self.ctx.renderer, row, now)
            lang = lang_in(uow, row, user_id, self.ctx.default_lang)
            if answer is not None:
                notice = self.ctx.renderer.notice(lang, "contract.you_adopted")
                answer.queue(uow, now, notice, session_id=row.id)
            uow.commit()
        return lang


def _invite_reformulations(uow, renderer, row, contract, now) -> None:
    """Once per wording: the group is asked, in the thread, to offer a reformulation."""
    _, reword = confirmation_state(uow, row, contract)
    invite = renderer.reformulation_invite(row.lang, row.client_id, reword)
    key = f"session:{row.id}:reword-invite:{contract.revision}"
    uow.outbox.add(thread_post(row, invite, key), now)


def confirmation_state(uow, row, contract) -> tuple[list[str], list[str]]:
    """Consultants who confirmed, and who asked to reword, the current revision."""
    confirmed: list[str] = []
    reword: list[str] = []
    for item in uow.content.confirmations(contract.id):
        if item.revision != contract.revision:
            continue
        (confirmed if item.status == ConfirmStatus.CONFIRMED else reword).append(item.user_id)
    return confirmed, reword


def card_payload(uow, renderer, row, erased: str = "—"):
    """The contract card as it stands now (`erased` stands in for a request that was
    erased: forget-me or the retention purge)."""
    contract = uow.content.contract(row.id)
    consultants = list(row.consultants or ())
    offers = [(n.id, n.author_id, n.text) for n in uow.content.notes(row.id, REFORMULATION)][
        -SHOWN_OFFERS:
    ]
    if contract is None:
        return renderer.contract_card(
            row.lang, row.id, erased, [], 0, consultants=consultants, offers=offers
        )
    confirmed, reword = confirmation_state(uow, row, contract)
    return renderer.contract_card(
        row.lang,
        row.id,
        contract.request,
        list(contract.help_kinds),
        contract.revision,
        confirmed=confirmed,
        reword=reword,
        consultants=consultants,
        offers=offers,
    )


def queue_card(uow, renderer, row, now) -> None:
    """Post the contract card the first time, then update it in place."""
    card = card_payload(uow, renderer, row)
    post_or_update(uow, card, f"session:{row.id}:contract", now, row=row)
