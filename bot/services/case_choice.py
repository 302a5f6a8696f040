"""The préambule: choosing today's case among the topics members pitched.

`/codev start` without a client, when topics are pitched, shows the facilitator
each topic with its author (and the rotation's suggestion, as a hint); the
facilitator chooses one, perhaps after a quick vote in the channel where each
peer gives one vote and everyone sees the counts. Choosing starts the session
with the topic's author as client and closes the vote: its message keeps the
counts and loses its buttons, the topic is marked as used.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ..domain import DomainError, Turns, suggest_client
from .context import Context
from .effects import Effect, EffectKind
from .meetings import require_starter
from .membership import require_group
from .notices import Answer
from .ports import UnitOfWork
from .reader import user_lang
from .schedule import planned_client


@dataclass(frozen=True)
class CaseOption:
    topic_id: int
    author_id: str
    text: str
    votes: int = 0


@dataclass(frozen=True)
class CaseChoice:
    lang: str
    options: tuple[CaseOption, ...]
    suggested: str | None  # the rotation's hint
    voting: bool  # a vote is open: the counts are shown


def ballot_ref(group_id: int, ballot_id: int) -> str:
    return f"case-vote:{group_id}:{ballot_id}"


def _ballot(uow, group_id: int):
    return uow.case_votes.ballot(group_id)


def _options(uow, group, ballot) -> tuple[CaseOption, ...]:
    """The open topics of the group's current peers, with their votes."""
    peers = {m.user_id for m in group.active_members}
    votes = uow.case_votes.counts(ballot.id) if ballot is not None else {}
    return tuple(
        CaseOption(topic.id, topic.user_id, topic.text, votes.get(topic.id, 0))
        for topic in uow.cycle.open_topics(group.id)
        if topic.user_id in peers
    )


def case_choice(uow, ctx: Context, group, user_id: str) -> CaseChoice | None:
    """What the facilitator chooses from; None when no topic is pitched."""
    ballot = _ballot(uow, group.id)
    options = _options(uow, group, ballot)
    if not options:
        return None
    turns = [
        Turns(m.user_id, m.client_turns, m.last_client_at, m.joined_at)
        for m in group.active_members
    ]
    lang = user_lang(uow, user_id, group, ctx.default_lang)
    return CaseChoice(lang, options, suggest_client(turns) if turns else None, ballot is not None)


def topic_author(uow: UnitOfWork, group_id: int, topic_id: int) -> str:
    """The client a chosen topic brings: its author, while the topic is still open."""
    topic = uow.case_votes.topic(topic_id)
    if topic is None or topic.group_id != group_id or topic.used_in_session_id is not None:
        raise DomainError("case.gone")
    return topic.user_id


def mark_topic_used(uow, ctx: Context, group, topic_id: int, client_id: str, row, now) -> None:
    """The chosen topic is this session's case; the vote, if any, is over."""
    topic = uow.case_votes.topic(topic_id)
    if topic is None or topic.group_id != group.id or topic.user_id != client_id:
        raise DomainError("case.gone")
    topic.used_in_session_id = row.id
    ballot = _ballot(uow, group.id)
    if ballot is None:
        return
    options = _options(uow, group, ballot)
    closed = ctx.renderer.case_vote(ballot.lang, options, "", chosen_author=client_id)
    _update_vote(uow, group, ballot, closed, now)
    uow.case_votes.close(ballot)


def _update_vote(uow, group, ballot, payload, now) -> None:
    ref = ballot_ref(group.id, ballot.id)
    uow.outbox.add(
        Effect(
            EffectKind.UPDATE,
            payload,
            f"{ref}:{uuid.uuid4().hex}",
            channel=group.channel_id,
            target_ref=ref,
        ),
        now,
    )


def case_choice_of(
    uow, ctx: Context, team_id: str, channel_id: str, user_id: str
) -> CaseChoice | None:
    """The préambule's choice for `/codev start` without a client, None when there is
    nothing to choose (a session runs, or the plan names today's client)."""
    group = require_group(uow, team_id, channel_id)
    require_starter(group, user_id)
    if uow.sessions.running(group.id) is not None:
        return None  # starting says it is running
    peers = {m.user_id for m in group.active_members}
    if planned_client(uow, group.id, ctx.clock(), peers) is not None:
        return None  # the plan names today's client already
    return case_choice(uow, ctx, group, user_id)


def topic_client(uow, team_id: str, channel_id: str, user_id: str, topic_id: int) -> str:
    """The author of the topic the facilitator chose: the session's client."""
    group = require_group(uow, team_id, channel_id)
    require_starter(group, user_id)
    return topic_author(uow, group.id, topic_id)


class CaseChoiceService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def choice(self, team_id: str, channel_id: str, user_id: str) -> CaseChoice | None:
        """The préambule's choice for `/codev start` without a client."""
        with self.ctx.uow_factory(read_only=True) as uow:
            return case_choice_of(uow, self.ctx, team_id, channel_id, user_id)

    def client_of(self, team_id: str, channel_id: str, user_id: str, topic_id: int) -> str:
        """The author of the topic the facilitator chose."""
        with self.ctx.uow_factory(read_only=True) as uow:
            return topic_client(uow, team_id, channel_id, user_id, topic_id)

    def open_vote(
        self, team_id: str, channel_id: str, user_id: str, answer: Answer | None = None
    ) -> CaseChoice | None:
        """Post the vote in the channel (once: a second click shows the same vote). With
        `answer`, the starter's choice (with the counts) is queued privately in the same
        unit of work."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_starter(group, user_id)
            if uow.sessions.running(group.id) is not None:
                raise DomainError("session.already_running")
            ballot = _ballot(uow, group.id)
            if ballot is None:
                ballot = uow.case_votes.open_ballot(group.id, group.lang, now)
                options = _options(uow, group, ballot)
                if not options:
                    raise DomainError("case.none_pitched")
                ref = ballot_ref(group.id, ballot.id)
                uow.outbox.add(
                    Effect(
                        EffectKind.POST,
                        self.ctx.renderer.case_vote(group.lang, options, ref),
                        f"{ref}:post",
                        channel=group.channel_id,
                        ref=ref,
                    ),
                    now,
                )
            choice = case_choice(uow, self.ctx, group, user_id)
            if answer is not None and choice is not None:
                answer.queue(uow, now, self.ctx.renderer.case_choice(choice.lang, choice))
            uow.commit()
            return choice

    def vote(
        self,
        team_id: str,
        channel_id: str,
        user_id: str,
        topic_id: int,
        ref: str,
        answer: Answer | None = None,
    ) -> str:
        """A peer's vote (a second vote moves theirs); the message shows the new counts.
        Returns the voter's language; with `answer`, their thanks are queued privately
        in the same unit of work."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            if all(m.user_id != user_id for m in group.active_members):
                raise DomainError("cycle.peers_only")
            ballot = _ballot(uow, group.id)
            if ballot is None or ballot_ref(group.id, ballot.id) != ref:
                raise DomainError("case.vote_over")
            options = _options(uow, group, ballot)
            if all(o.topic_id != topic_id for o in options):
                raise DomainError("case.gone")
            uow.case_votes.vote(ballot.id, topic_id, user_id, now)
            counted = _options(uow, group, ballot)
            _update_vote(
                uow, group, ballot, self.ctx.renderer.case_vote(ballot.lang, counted, ref), now
            )
            lang = user_lang(uow, user_id, group, self.ctx.default_lang)
            if answer is not None:
                answer.queue(uow, now, self.ctx.renderer.notice(lang, "case.voted"))
            uow.commit()
            return lang
