"""Method coaching in the thread (see `domain/coaching.py` for the slips and the rules).

- After a reply is stored, `coach_reply` asks the classifier whether it is a slip
  (disguised advice in clarification, debate in exploration); if so, its author
  alone gets a private, kind hint in the thread. The reply itself is stored as
  written: nothing is ever blocked or lost.
- `coaching_pending` gives `/codev status`, the root message and phase 6's prompt
  what the facilitator sees: how many slips per phase (no names), and during
  exploration the kinds of help asked for against the contributions received.
  Counts are read again from what the thread holds, so an edited or deleted reply
  counts as it now stands.
- `queue_coverage_nudges` (the periodic job) sends consultants one DM when a kind
  of help the client asked for is still empty half-way through exploration.
- A group turns the hints and their counts off with `/codev coaching off`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..domain import Action, DomainError, HelpKind, Phase, Role
from ..domain.coaching import (
    Classifier,
    RuleClassifier,
    Situation,
    Slip,
    count_slips,
    coverage,
    halfway,
    situation_for,
)
from ..domain.content import CONTRIBUTION_FOR_HELP
from ..domain.session import Status
from ..i18n import t
from .access import lang_in, running_row
from .boards import queue_root_update
from .context import Context
from .effects import Effect, EffectKind
from .membership import require_group, require_right
from .notices import Answer, ephemeral
from .nudges import nudge_prefix
from .read_models import session_view
from .reader import user_lang

# The classifier the app uses: the French and English rules. A local model plugs in
# here, behind the same `Classifier` protocol (hints and counts both read it).
CLASSIFIER: Classifier = RuleClassifier()
ON_WORDS = frozenset({"on", "oui", "yes", "activer", "active", "activé", "marche"})
OFF_WORDS = frozenset({"off", "non", "no", "désactiver", "desactiver", "désactivé", "arrêt"})


def coach_reply(uow, ctx: Context, row, group, role: Role, user_id, text, ts, now) -> None:
    """A reply was just stored: hint its author privately if it is a slip."""
    situation = situation_for(row.phase, role)
    if situation is None:
        return
    if situation is Situation.CONSULTANT:
        _refresh_coverage(uow, ctx, row, group, ts, now)
    slip = CLASSIFIER.classify(text, situation) if group.coaching else None
    if slip is None:
        return
    lang = user_lang(uow, user_id, group, ctx.default_lang)
    question = uow.content.by_message_ts(row.id, ts) if slip is Slip.ADVICE and ts else None
    number = getattr(question, "number", None)  # the offer to keep its idea needs it
    uow.outbox.add(
        ephemeral(
            row.channel_id,
            user_id,
            ctx.renderer.coaching_hint(lang, str(slip), row.id, number),
            f"coach:{row.id}:{ts or now.isoformat()}:{user_id}",
            row.id,
        ),
        now,
    )


def _refresh_coverage(uow, ctx, row, group, ts, now) -> None:
    """The root message marks each kind asked for as still empty or received: update it
    when this contribution is the first of a kind asked for (one Slack call per kind at
    most; `/codev status` has the exact counts)."""
    contract = uow.content.contract(row.id)
    item = uow.content.by_message_ts(row.id, ts) if ts else None
    if contract is None or not contract.help_kinds or item is None:
        return
    asked = {str(CONTRIBUTION_FOR_HELP[HelpKind(k)]) for k in contract.help_kinds}
    same = [c for c in uow.content.contributions(row.id) if c.kind == item.kind]
    if item.kind not in asked or len(same) != 1:
        return
    from .pending import pending_for  # pending_for reads this module's counts

    view = session_view(row, group, pending_for(uow, row))
    queue_root_update(uow, ctx.renderer, view, now, stamp=f"cover:{ts or now.isoformat()}")


def coaching_pending(uow, row, group=None, slips: bool = True) -> dict[str, Any]:
    """What the facilitator sees besides the pending items: slip counts (unless
    `slips` is false: a reader who is not the facilitator never sees them), coverage."""
    group = group or uow.groups.get(row.group_id)
    found: dict[str, Any] = {}
    if slips and group is not None and group.coaching:
        found["coaching"] = {
            phase: dict(counts) for phase, counts in slip_counts(uow, row, CLASSIFIER).items()
        }
    if row.phase == Phase.EXPLORATION:
        contract = uow.content.contract(row.id)
        if contract is not None and contract.help_kinds:
            kinds = [c.kind for c in uow.content.contributions(row.id)]
            found["coverage"] = [
                (str(c.kind), c.received) for c in coverage(contract.help_kinds, kinds)
            ]
    return found


def for_reader(pending: dict[str, Any], facilitator: str, user_id: str) -> dict[str, Any]:
    """The slip counts are the session's facilitator's to read (see `facilitation`);
    coverage is everyone's."""
    if user_id == facilitator:
        return pending
    return {k: v for k, v in pending.items() if k != "coaching"}


# what `slip_texts` names each text by → (phase, situation) it is read in
SLIP_SOURCES = {
    "question": (Phase.CLARIFICATION, Situation.QUESTION),
    "client": (Phase.EXPLORATION, Situation.CLIENT),
    "consultant": (Phase.EXPLORATION, Situation.CONSULTANT),
}


def slip_counts(uow, row, classifier: Classifier):
    """{phase: {slip: n}} over the session's stored questions and exploration replies."""
    return count_slips(
        classifier,
        (
            SLIP_SOURCES[whose] + (text,)
            for whose, text in uow.content.slip_texts(row.id, row.client_id)
        ),
    )


# --- an idea kept for exploration --------------------------------------------------
KEPT_IDEA = "kept_idea"  # a thread note of the author's own, shown back when exploration opens


def queue_kept_ideas(uow, ctx: Context, session_id: int, now) -> None:
    """Exploration opens: show each kept idea back to its author, privately, once."""
    row = uow.sessions.get(session_id)
    if row is None or row.phase != Phase.EXPLORATION or row.status != Status.RUNNING:
        return
    for note in uow.content.notes(row.id, KEPT_IDEA):
        lang = lang_in(uow, row, note.author_id, ctx.default_lang)
        uow.outbox.add(
            ephemeral(
                row.channel_id,
                note.author_id,
                ctx.renderer.notice(lang, "coaching.kept_reminder", idea=note.text),
                f"coach:kept:{note.id}",
                row.id,
            ),
            now,
        )


# --- half-way through exploration ------------------------------------------------


def coverage_nudge_prefix(session_id: int) -> str:
    """Under the phase's nudge prefix: leaving exploration drops the unsent ones."""
    return f"{nudge_prefix(session_id, Phase.EXPLORATION)}coverage:"


def queue_coverage_nudges(uow, ctx: Context, now) -> int:
    """One DM per consultant per passage when a requested kind is empty half-way."""
    queued = 0
    for row in uow.cycle.running_in_phase(int(Phase.EXPLORATION)):
        if row.phase_started_at is None or row.phase_deadline is None:
            continue
        if not halfway(row.phase_started_at, row.phase_deadline) <= now < row.phase_deadline:
            continue
        group = uow.groups.get(row.group_id)
        contract = uow.content.contract(row.id)
        if group is None or not group.coaching or contract is None or not contract.help_kinds:
            continue
        kinds = [c.kind for c in uow.content.contributions(row.id)]
        empty = [c.kind for c in coverage(contract.help_kinds, kinds) if c.received == 0]
        if not empty:
            continue
        present = {m.user_id for m in group.active_members}
        prefix = f"{coverage_nudge_prefix(row.id)}v{row.version}:"
        people = [u for u in row.consultants or () if u in present]
        known = uow.cycle.known_keys([prefix + u for u in people])
        for user_id in people:
            if prefix + user_id in known:
                continue
            lang = user_lang(uow, user_id, group, ctx.default_lang)
            words = nudge_words(lang, row, group, empty)
            payload = ctx.renderer.notice(lang, "coaching.nudge", **words)
            effect = Effect(
                EffectKind.DM, payload, prefix + user_id, user_id=user_id, session_id=row.id
            )
            queued += uow.outbox.add(effect, now)
    return queued


def nudge_words(lang: str, row, group, empty: list[HelpKind]) -> dict[str, Any]:
    names = ", ".join(t(lang, f"help.{kind}") for kind in empty)
    tag = t(lang, f"coaching.tag.{CONTRIBUTION_FOR_HELP[HelpKind(empty[0])]}")
    return {
        "number": row.number,
        "group": group.name,
        "kinds": names,
        "channel": row.channel_id,
        "tag": tag,
    }


# --- the group setting -----------------------------------------------------------


@dataclass(frozen=True)
class CoachingSetting:
    lang: str
    on: bool


class CoachingService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def setting(self, team_id: str, channel_id: str, user_id: str) -> CoachingSetting:
        with self.ctx.uow_factory(read_only=True) as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.VIEW_GROUP)
            lang = user_lang(uow, user_id, group, self.ctx.default_lang)
            return CoachingSetting(lang, bool(group.coaching))

    def keep_idea(
        self, user_id: str, session_id: int, number: int, answer: Answer | None = None
    ) -> tuple[str, str]:
        """Keep the idea of the author's question `number` for exploration: (lang, answer
        key). With `answer`, that answer is queued privately in the same unit of work."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            row = running_row(uow, session_id)
            lang = lang_in(uow, row, user_id, self.ctx.default_lang)
            key = self._keep(uow, row, user_id, number, now)
            if answer is not None:
                answer.queue(uow, now, self.ctx.renderer.notice(lang, key), session_id=row.id)
            uow.commit()
            return lang, key

    @staticmethod
    def _keep(uow, row, user_id: str, number: int, now) -> str:
        question = uow.content.question(row.id, number)
        if question is None or question.author_id != user_id:
            raise DomainError("coaching.keep_gone")
        if row.phase is not None and row.phase >= Phase.EXPLORATION:
            return "coaching.keep_now"
        kept = uow.content.notes(row.id, KEPT_IDEA)
        if not any(n.author_id == user_id and n.text == question.text for n in kept):
            uow.content.add_note(
                row.id, Phase.EXPLORATION, KEPT_IDEA, user_id, question.text, None, now
            )
        return "coaching.kept"

    def change(self, team_id: str, channel_id: str, user_id: str, word: str) -> CoachingSetting:
        choice = word.strip().lower()
        if choice not in ON_WORDS | OFF_WORDS:
            raise DomainError("coaching.usage", value=word.strip()[:40])
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.MANAGE_GROUP)
            group.coaching = choice in ON_WORDS
            group.updated_at = self.ctx.clock()
            lang = user_lang(uow, user_id, group, self.ctx.default_lang)
            uow.commit()
            return CoachingSetting(lang, bool(group.coaching))
