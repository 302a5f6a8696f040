"""Use cases of a session: start it, move through its phases, end it, ask its status."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import (
    Action,
    DomainError,
    Phase,
    Session,
    SmallGroup,
    Turns,
    suggest_client,
    too_few_consultants,
)
from ..domain import Mode as SessionMode
from ..domain.peer_run import NeedsFacilitator
from ..domain.session import Status
from .access import phase_of
from .attendance import declared_absent
from .boards import queue_root_update
from .case_choice import case_choice_of, mark_topic_used, topic_client
from .charter import needs_charter, queue_charter_prompt
from .coaching import for_reader, queue_kept_ideas
from .context import Context
from .effects import Effect, EffectKind, root_ref, thread_post
from .facilitation import facilitator_of, require_session_facilitator
from .home import refresh_group_homes
from .meetings import (
    case_ahead,
    count_facilitation,
    offer_next_case,
    require_starter,
    session_facilitator,
    start_case_row,
)
from .membership import require_group, require_right
from .notices import Answer
from .pending import pending_for
from .read_models import session_view
from .reader import reader_lang, user_lang
from .schedule import planned_client, planned_facilitator_due
from .summary import queue_summary
from .timing import on_phase_entered, on_phase_left
from .workdays import announce_auto_advance, fit_to_working_days

NEXT, BACK = "next", "back"


@dataclass(frozen=True)
class StartRequest:
    """What a start asks for: who starts where, and what they already settled (the
    client, the pitched topic chosen as the case, a small group's go-ahead, who
    facilitates a peer-run session). The start paths build one and share `_start`."""

    team_id: str
    channel_id: str
    by_user: str
    client_id: str | None
    topic_id: int | None = None
    small_group_ok: bool = False
    facilitator_id: str | None = None


class SessionService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def start(
        self,
        team_id: str,
        channel_id: str,
        by_user: str,
        client_id: str | None,
        small_group_ok: bool = False,
        topic_id: int | None = None,
        facilitator_id: str | None = None,
    ):
        """Start a session now. Below the advised number of consultants it raises
        SmallGroup (naming the client) until the facilitator confirms with
        `small_group_ok`; `topic_id` is the pitched topic chosen as the case. In a
        peer-run group `facilitator_id` names who facilitates it; without one it
        raises NeedsFacilitator with the rotation's suggestion."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            asked = StartRequest(
                team_id, channel_id, by_user, client_id, topic_id, small_group_ok, facilitator_id
            )
            view = self._start(uow, now, asked)
            uow.commit()
            return view

    def start_answer(
        self,
        team_id: str,
        channel_id: str,
        by_user: str,
        client_id: str | None,
        facilitator_id: str | None = None,
    ):
        """`/codev start [@client] [facilitated by @x]` in one unit of work: without a
        client and with topics pitched, the préambule's choice; else the session started,
        or what to settle first (who facilitates, a small group's go-ahead). Returns the
        starter's private answer."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            if client_id is None:
                choice = case_choice_of(uow, self.ctx, team_id, channel_id, by_user)
                if choice is not None:
                    return self.ctx.renderer.case_choice(choice.lang, choice)
            asked = StartRequest(
                team_id, channel_id, by_user, client_id, facilitator_id=facilitator_id
            )
            answer = self._start_or_ask(uow, now, asked)
            uow.commit()
            return answer

    def start_from_click(
        self,
        team_id: str,
        channel_id: str,
        by_user: str,
        answer: Answer,
        client_id: str | None = None,
        topic_id: int | None = None,
        small_group_ok: bool = False,
        facilitator_id: str | None = None,
    ) -> None:
        """A button starts the session: the préambule's chosen topic (its author is the
        client), a small group's go-ahead, or the facilitator named. The starter's
        private answer is queued in the same unit of work."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            if client_id is None and topic_id is not None:
                client_id = topic_client(uow, team_id, channel_id, by_user, topic_id)
            asked = StartRequest(
                team_id, channel_id, by_user, client_id, topic_id, small_group_ok, facilitator_id
            )
            payload = self._start_or_ask(uow, now, asked)
            answer.queue(uow, now, payload)
            uow.commit()

    def start_next_case(self, team_id, channel_id, user_id, meeting_id: int, answer: Answer):
        """The *Start case N* button, as `/codev start` in the channel: the pitched topics
        to choose from when there are some, else the rotation's client; queued privately
        in the same unit of work."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            self._check_next_case(uow, team_id, channel_id, user_id, meeting_id)
            choice = case_choice_of(uow, self.ctx, team_id, channel_id, user_id)
            if choice is not None:
                payload = self.ctx.renderer.case_choice(choice.lang, choice)
            else:
                asked = StartRequest(team_id, channel_id, user_id, None)
                payload = self._start_or_ask(uow, now, asked)
            answer.queue(uow, now, payload)
            uow.commit()

    def _reader_lang(self, uow, team_id, channel_id, user_id) -> str:
        return reader_lang(uow, user_id, team_id, channel_id, self.ctx.default_lang)

    def _start_or_ask(self, uow, now, asked: StartRequest):
        """The session started, or (nothing written) what the starter settles first: who
        facilitates a peer-run session, whether to go ahead with a small group."""
        lang = self._reader_lang(uow, asked.team_id, asked.channel_id, asked.by_user)
        render = self.ctx.renderer
        topic = asked.topic_id
        try:
            view = self._start(uow, now, asked)
        except NeedsFacilitator as ask:
            return render.who_facilitates(
                lang, ask.params["client"], ask.params["suggested"], topic
            )
        except SmallGroup as small:
            consultants, client = small.params["consultants"], small.params["client"]
            return render.small_group_warning(
                lang, consultants, client, topic, asked.facilitator_id
            )
        return render.started_notice(lang, view)

    def _start(self, uow, now, asked: StartRequest):
        """Start in `uow` (not committed): the checks, the row, the root and first prompt."""
        channel_id, by_user, client_id = asked.channel_id, asked.by_user, asked.client_id
        facilitator_id, topic_id = asked.facilitator_id, asked.topic_id
        group = require_group(uow, asked.team_id, channel_id)
        require_starter(group, by_user)
        if group.paused_reason:  # its channel was archived or deleted
            raise DomainError(f"group.paused.{group.paused_reason}")
        if uow.sessions.running(group.id, lock=True) is not None:
            raise DomainError("session.already_running")
        peers = {m.user_id: m for m in group.active_members}
        if len(peers) < 2:
            raise DomainError("session.too_few_peers", minimum=2)
        client_id = client_id or planned_client(uow, group.id, now, peers)
        if client_id is None:
            turns = [
                Turns(m.user_id, m.client_turns, m.last_client_at, m.joined_at)
                for m in peers.values()
            ]
            client_id = suggest_client(turns)
        if client_id is None or client_id not in peers:
            raise DomainError("session.client_not_peer")
        away = declared_absent(uow, group, now)  # no prompt, no nudge, not waited for
        ahead = case_ahead(uow, group.id, now)
        if facilitator_id is None and ahead is None and group.peer_run:
            facilitator_id = planned_facilitator_due(uow, group, now, client_id)
        facilitator = session_facilitator(group, client_id, facilitator_id, away)
        away = away | {facilitator}  # who facilitates does not consult
        consultants = len([u for u in peers if u != client_id and u not in away])
        if too_few_consultants(consultants) and not asked.small_group_ok:
            raise SmallGroup("start.small_group", consultants=consultants, client=client_id)
        # Phase 0 reviews earlier plans: the group's first session has none, and a
        # meeting's later case follows its first one, which reviewed them already.
        follow_up = group.with_follow_up and uow.sessions.any_done(group.id) and not ahead
        session = Session(
            client_id=client_id,
            facilitator_id=facilitator,
            consultants=tuple(u for u in peers if u != client_id and u not in away),
            mode=SessionMode(group.mode),
            with_follow_up=follow_up,
            live_minutes=group.live_minutes,
            async_hours=group.async_hours,
        )
        session.start(now)
        row = start_case_row(
            uow,
            now,
            ahead,
            group_id=group.id,
            client_id=client_id,
            facilitator_id=facilitator,
            consultants=list(session.consultants),
            mode=group.mode,
            with_follow_up=follow_up,
            live_minutes=group.live_minutes,
            async_hours=group.async_hours,
            lang=group.lang,
            channel_id=channel_id,
            created_at=now,
            status=Status.PLANNED,
        )
        uow.sessions.save_state(session, row)
        fit_to_working_days(row, group)
        if not uow.sessions.hold_running(row):  # another start won the race
            raise DomainError("session.already_running")
        uow.sessions.record_phase(row, now)
        if topic_id is not None:
            mark_topic_used(uow, self.ctx, group, topic_id, client_id, row, now)
        peers[client_id].client_turns += 1
        peers[client_id].last_client_at = now
        if group.peer_run:
            count_facilitation(group, facilitator, now)
        view = session_view(row, group)
        render = self.ctx.renderer
        uow.outbox.add(
            Effect(
                EffectKind.POST,
                render.session_root(view),
                f"{root_ref(row.id)}:post",
                channel=channel_id,
                ref=root_ref(row.id),
                session_id=row.id,
            ),
            now,
        )
        self._queue_prompt(uow, view, now)
        if needs_charter(group, client_id):  # they accept it before taking part
            key = f"charter:{row.id}:{client_id}"
            queue_charter_prompt(uow, self.ctx, group, client_id, key, now)
        refresh_group_homes(uow, self.ctx.renderer, group, now, self.ctx.default_lang)
        return view

    def check_next_case(self, team_id, channel_id, user_id, meeting_id: int) -> None:
        """A *Start case N* button still stands for a case to hold: its meeting is under
        way and has one left (an old button does not start an unplanned session)."""
        with self.ctx.uow_factory(read_only=True) as uow:
            self._check_next_case(uow, team_id, channel_id, user_id, meeting_id)

    def _check_next_case(self, uow, team_id, channel_id, user_id, meeting_id: int) -> None:
        group = require_group(uow, team_id, channel_id)
        require_starter(group, user_id)
        ahead = case_ahead(uow, group.id, self.ctx.clock())
        if ahead is None or ahead[0].id != meeting_id:
            raise DomainError("meeting.all_cases_held")

    def move(
        self,
        team_id,
        channel_id,
        by_user,
        direction: str,
        leaving: int | None = None,
        session_id: int | None = None,
        auto: bool = False,
    ):
        """Next or back. `leaving` is the phase the mover saw: a stale one changes nothing.
        `auto`: the periodic job moves on at the deadline, and says so in the thread."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            view = self._move(
                uow, now, team_id, channel_id, by_user, direction, leaving, session_id, auto
            )
            uow.commit()
            return view

    def move_for_reader(self, team_id, channel_id, by_user, direction: str):
        """`/codev next` or `back`: the move, and the mover's language for the answer."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            lang = self._reader_lang(uow, team_id, channel_id, by_user)
            view = self._move(uow, now, team_id, channel_id, by_user, direction, None, None, False)
            uow.commit()
            return view, lang

    def _move(self, uow, now, team_id, channel_id, by_user, direction, leaving, session_id, auto):
        group = require_group(uow, team_id, channel_id)
        row = self._running(uow, group, session_id)
        require_session_facilitator(group, row, by_user, Action.MOVE_PHASE)
        session = uow.sessions.state(row)
        leave = Phase(leaving) if leaving is not None else phase_of(session)
        on_phase_left(uow, row.id, session.phase)
        if direction == NEXT:
            session.next(leave, now)
        else:
            session.back(leave, now)
        uow.sessions.save_state(session, row)
        fit_to_working_days(row, group)
        uow.sessions.record_phase(row, now)
        view = session_view(row, group, pending_for(uow, row))  # the root counts ratings
        if auto:
            announce_auto_advance(uow, self.ctx.renderer, view, int(leave), now)
        self._queue_root_update(uow, view, now)
        if row.status == Status.RUNNING:
            self._queue_prompt(uow, view, now)
        else:
            queue_summary(uow, self.ctx.renderer, row, group, now)
            offer_next_case(uow, self.ctx.renderer, row, now)
            refresh_group_homes(uow, self.ctx.renderer, group, now, self.ctx.default_lang)
        return view

    def end(self, team_id, channel_id, by_user, session_id: int | None = None):
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            row = self._running(uow, group, session_id)
            require_session_facilitator(group, row, by_user, Action.END_SESSION)
            session = uow.sessions.state(row)
            on_phase_left(uow, row.id, session.phase)
            session.end(now)
            uow.sessions.save_state(session, row)
            uow.sessions.record_phase(row, now)
            view = session_view(row, group)
            self._queue_root_update(uow, view, now)
            queue_summary(uow, self.ctx.renderer, row, group, now)
            offer_next_case(uow, self.ctx.renderer, row, now)
            refresh_group_homes(uow, self.ctx.renderer, group, now, self.ctx.default_lang)
            uow.commit()
            return view

    def status(self, team_id, channel_id, user_id):
        return self.status_for_reader(team_id, channel_id, user_id)[0]

    def status_for_reader(self, team_id, channel_id, user_id):
        """The running session and the reader's language, read in one unit of work:
        the status answer needs both, and a second unit of work for the language
        cost a transaction (and on PostgreSQL a pool ping) per request."""
        with self.ctx.uow_factory(read_only=True) as uow:
            return self._status(uow, team_id, channel_id, user_id)

    def status_to(self, team_id, channel_id, user_id, answer: Answer) -> None:
        """The status button: the status, queued privately to whoever clicked."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            view, lang = self._status(uow, team_id, channel_id, user_id)
            answer.queue(uow, now, self.ctx.renderer.session_status(view, lang), view.id)
            uow.commit()

    def _status(self, uow, team_id, channel_id, user_id):
        group = require_group(uow, team_id, channel_id)
        require_right(group, user_id, Action.VIEW_STATUS)
        row = uow.sessions.running(group.id)
        if row is None:
            raise DomainError("session.not_running")
        counts_for = facilitator_of(group, row)  # the slip counts are theirs only
        reader = None if user_id == counts_for else user_id
        pending = for_reader(pending_for(uow, row, reader), counts_for, user_id)
        view = session_view(row, group, pending)
        return view, user_lang(uow, user_id, group, self.ctx.default_lang)

    def confirm_end(self, team_id, channel_id, user_id):
        """What `/codev end` asks to confirm: the running session, for its facilitator,
        and the facilitator's language.

        Checked in the order people meet them: a member, a running session, then
        the facilitator's right to end it."""
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.VIEW_STATUS)
            row = uow.sessions.running(group.id)
            if row is None:
                raise DomainError("session.not_running")
            require_session_facilitator(group, row, user_id, Action.END_SESSION)
            return session_view(row, group), self._reader_lang(uow, team_id, channel_id, user_id)

    def _running(self, uow, group, session_id):
        if session_id is not None:
            row = uow.sessions.locked(session_id)
            if row is None or row.group_id != group.id or row.status != Status.RUNNING:
                raise DomainError("session.not_running")
            return row
        row = uow.sessions.running(group.id, lock=True)
        if row is None:
            raise DomainError("session.not_running")
        return row

    def _queue_root_update(self, uow, view, now) -> None:
        queue_root_update(uow, self.ctx.renderer, view, now)

    def _queue_prompt(self, uow, view, now) -> None:
        prompt = self.ctx.renderer.phase_prompt(view)
        key = f"session:{view.id}:prompt:v{view.version}"
        uow.outbox.add(thread_post(view, prompt, key), now)
        on_phase_entered(uow, self.ctx.renderer, view.id, now)
        queue_kept_ideas(uow, self.ctx, view.id, now)
