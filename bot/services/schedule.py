"""Planning the cycle: the schedule modal's checks, listing, cancelling and moving.

Planned sessions are `sessions` rows with status `planned` and `scheduled_at`;
their reminders are outbox rows queued in the same transaction, so moving a
session cancels its rows and queues new ones (new dedupe keys), and cancelling
drops them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ..domain import Action, DomainError
from ..domain.session import Status
from . import calendar_math as cm
from .context import Context
from .cycle_close import close_cycle
from .effects import Effect, EffectKind
from .facilitation import require_session_facilitator
from .membership import require_group, require_right
from .notices import Answer
from .outcomes import invite_objectives
from .planned_facilitator import check_planned_client, plan_facilitator, planned_facilitator
from .ports import UnitOfWork
from .reader import reader_lang
from .reader import user_lang as lang_for
from .records import PlanRecord, SessionRecord
from .reminders import prep_prefix, queue_prep, queue_session_reminders
from .schedule_form import ScheduleForm, parse_cases, parse_checkin, validate_plan

__all__ = ["ScheduleForm", "ScheduleService", "planned_client", "start_row"]


@dataclass(frozen=True)
class SlotView:
    number: int
    starts_at: datetime | None
    minutes: int
    status: str
    client_id: str
    sequence: int
    session_id: int
    cases: int = 1  # the cases the meeting holds
    facilitator_id: str | None = None  # planned to facilitate it (peer-run groups)


@dataclass(frozen=True)
class SlotChanged:
    """A planned session changed, with what the facilitator's answer is written in:
    their language where they asked, and the group's time zone."""

    slot: SlotView
    lang: str
    tz: str


@dataclass(frozen=True)
class CycleView:
    lang: str
    tz: str
    group_name: str
    slots: list[SlotView]
    hours_engaged: int
    hours_planned: float
    hours_done: float
    reminder_minutes: list[int]
    turns: list[tuple[str, int]]  # each peer's client turns over the cycle


def _minutes(session: SessionRecord, plan: PlanRecord | None) -> int:
    if session.meeting_id is not None:
        return 0  # a later case of a meeting: the meeting's length counts once
    if plan is not None:
        return plan.duration_minutes
    if session.started_at and session.ended_at:
        return int((session.ended_at - session.started_at).total_seconds() // 60)
    return 0


def planned_slot(session, plan) -> SlotView:
    """A planned session as the answer to a schedule subcommand shows it."""
    return SlotView(
        session.number,
        session.scheduled_at,
        plan.duration_minutes,
        Status.PLANNED,
        session.client_id,
        plan.sequence,
        session.id,
        plan.cases,
        plan.facilitator_id,
    )


def cycle_view(uow, group, cycle, lang: str) -> CycleView:
    slots, planned, done = [], 0, 0
    for session, plan in uow.cycle.slots(group.id):
        if session.meeting_id is not None:
            continue  # listed, and counted, with its meeting
        minutes = _minutes(session, plan)
        if session.status in (Status.PLANNED, Status.RUNNING):
            planned += minutes
        elif session.status == Status.DONE:
            done += minutes
        when = session.scheduled_at or session.started_at
        slots.append(
            SlotView(
                session.number,
                when,
                minutes,
                session.status,
                session.client_id,
                plan.sequence if plan else 0,
                session.id,
                plan.cases if plan else 1,
                plan.facilitator_id if plan else None,
            )
        )
    return CycleView(
        lang,
        group.tz,
        group.name,
        slots,
        cycle.hours_engaged,
        round((planned + done) / 60, 1),
        round(done / 60, 1),
        list(cycle.reminder_minutes),
        [(m.user_id, m.client_turns) for m in group.active_members],
    )


class ScheduleService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def plan_form(self, team_id, channel_id, user_id) -> tuple[str, str]:
        """What the schedule modal starts from, for the facilitator: the group's time
        zone and the facilitator's language."""
        with self.ctx.uow_factory(read_only=True) as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.PLAN_CYCLE)
            return group.tz, reader_lang(uow, user_id, team_id, channel_id, self.ctx.default_lang)

    def plan(self, team_id, channel_id, user_id, form: ScheduleForm) -> CycleView:
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.PLAN_CYCLE)
            cycle = uow.cycle.settings(group.id, now)
            slots = uow.cycle.slots(group.id)
            busy = [
                (s.scheduled_at, _minutes(s, p))
                for s, p in slots
                if s.status == Status.PLANNED and s.scheduled_at
            ]
            kept = (Status.PLANNED, Status.RUNNING, Status.DONE)
            used = sum(_minutes(s, p) for s, p in slots if s.status in kept)
            starts, minutes, engaged, reminders = validate_plan(form, group.tz, now, busy, used)
            cases = parse_cases(form.cases) or 1
            cycle.hours_engaged, cycle.reminder_minutes = engaged, reminders
            checkin = parse_checkin(form.checkin)
            assert checkin is not None  # validate_plan refused the form otherwise
            cycle.checkin_minutes = checkin
            cycle.updated_at = now
            for start in starts:
                session = uow.sessions.create(
                    group_id=group.id,
                    number=uow.sessions.next_number(group.id),
                    status=Status.PLANNED,
                    phase=None,
                    client_id="",
                    facilitator_id=group.facilitator_id,
                    consultants=[],
                    mode=group.mode,
                    with_follow_up=group.with_follow_up,
                    lang=group.lang,
                    channel_id=group.channel_id,
                    scheduled_at=start,
                    version=0,
                    created_at=now,
                )
                plan = uow.cycle.add_plan(session, minutes, cases)
                queue_session_reminders(uow, self.ctx, group, cycle, session, plan, now)
            invite_objectives(uow, self.ctx, group, now)  # the bilan des effets begins
            view = cycle_view(uow, group, cycle, group.lang)
            uow.outbox.add(
                Effect(
                    EffectKind.POST,
                    self.ctx.renderer.cycle_planned(view, len(starts)),
                    f"group:{group.id}:planned:{now.isoformat()}",
                    channel=group.channel_id,
                ),
                now,
            )
            uow.commit()
            return view

    def list(self, team_id, channel_id, user_id) -> CycleView:
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.VIEW_GROUP)
            cycle = uow.cycle.settings(group.id, now)
            view = cycle_view(uow, group, cycle, lang_for(uow, user_id, group))
            uow.commit()
            return view

    def cancel(self, team_id, channel_id, user_id, number: int) -> SlotChanged:
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group, session, plan = self._planned(uow, team_id, channel_id, user_id, number)
            session.status, plan.cancelled_at = Status.CANCELLED, now
            plan.sequence += 1
            uow.outbox.cancel_for_session(session.id, now - timedelta(days=3650))
            slot = SlotView(
                number,
                session.scheduled_at,
                plan.duration_minutes,
                Status.CANCELLED,
                session.client_id,
                plan.sequence,
                session.id,
            )
            return self._changed(uow, team_id, channel_id, user_id, group, slot)

    def move(self, team_id, channel_id, user_id, number: int, when: str) -> SlotChanged:
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group, session, plan = self._planned(uow, team_id, channel_id, user_id, number)
            start = self._parse_move(when, session, group.tz, now)
            others = [
                (s.scheduled_at, _minutes(s, p))
                for s, p in uow.cycle.slots(group.id)
                if s.status == Status.PLANNED and s.scheduled_at and s.id != session.id
            ]
            if cm.overlaps(others + [(start, plan.duration_minutes)]):
                raise DomainError("schedule.error.overlap")
            uow.outbox.cancel_for_session(session.id, now - timedelta(days=3650))
            session.scheduled_at = start
            plan.sequence += 1
            plan.generation += 1
            plan.suggested_at, plan.suggested_client_id = None, None
            session.client_id = ""
            cycle = uow.cycle.settings(group.id, now)
            queue_session_reminders(uow, self.ctx, group, cycle, session, plan, now)
            slot = SlotView(
                number, start, plan.duration_minutes, Status.PLANNED, "", plan.sequence, session.id
            )
            return self._changed(uow, team_id, channel_id, user_id, group, slot)

    def choose_client(
        self, team_id, channel_id, user_id, number: int, client_id: str, dm_key: str | None = None
    ) -> SlotChanged:
        """The facilitator confirms or replaces the suggested client of a planned session;
        the preparation DM goes to the chosen one instead. From the suggestion's buttons
        (`dm_key`: the click's own id) the answer comes back as a DM."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group, session, plan = self._planned(
                uow, team_id, channel_id, user_id, number, steer=True
            )
            if all(m.user_id != client_id for m in group.active_members):
                raise DomainError("session.client_not_peer")
            check_planned_client(plan, client_id)
            if client_id != session.client_id:  # confirming keeps the queued preparation
                uow.cycle.cancel_pending(prep_prefix(session, plan))
                cycle = uow.cycle.settings(group.id, now)
                if not queue_prep(uow, self.ctx, group, cycle, session, plan, client_id, now):
                    again = f":{now.isoformat()}"  # chosen before, then replaced
                    queue_prep(uow, self.ctx, group, cycle, session, plan, client_id, now, again)
            session.client_id = plan.suggested_client_id = client_id
            plan.suggested_at = plan.suggested_at or now
            if dm_key:
                answer = self.ctx.renderer.client_chosen(
                    lang_for(uow, user_id, group, self.ctx.default_lang), number, client_id
                )
                uow.outbox.add(Effect(EffectKind.DM, answer, dm_key, user_id=user_id), now)
            return self._changed(
                uow, team_id, channel_id, user_id, group, planned_slot(session, plan)
            )

    def choose_facilitator(
        self, team_id, channel_id, user_id, number: int, facilitator_id: str
    ) -> SlotChanged:
        """The group's facilitator names who facilitates planned session `number` in a
        peer-run group (never its planned client)."""
        with self.ctx.uow_factory() as uow:
            group, session, plan = self._planned(uow, team_id, channel_id, user_id, number)
            plan_facilitator(group, session, plan, facilitator_id)
            return self._changed(
                uow, team_id, channel_id, user_id, group, planned_slot(session, plan)
            )

    def close(
        self, team_id, channel_id, user_id, confirmed: bool = False, answer: Answer | None = None
    ):
        """End the cycle (see `cycle_close`)."""
        return close_cycle(self.ctx, team_id, channel_id, user_id, confirmed, cycle_view, answer)

    def _changed(self, uow, team_id, channel_id, user_id, group, slot) -> SlotChanged:
        """Commit a planned session's change; the answer's language and time zone."""
        lang = reader_lang(uow, user_id, team_id, channel_id, self.ctx.default_lang)
        uow.commit()
        return SlotChanged(slot, lang, group.tz)

    def _planned(self, uow, team_id, channel_id, user_id, number, steer=False):
        """The planned session `number`, for the group's facilitator (with `steer`,
        also for the peer planned to facilitate it, who gets its client suggestion)."""
        group = require_group(uow, team_id, channel_id)
        found = uow.cycle.slot(group.id, number)
        if steer and found is not None and group.peer_run:
            require_session_facilitator(group, found[0], user_id, Action.PLAN_CYCLE)
        else:
            require_right(group, user_id, Action.PLAN_CYCLE)
        if found is None or found[0].status != Status.PLANNED:
            raise DomainError("schedule.no_such_session", number=number)
        return group, found[0], found[1]

    @staticmethod
    def _parse_move(text: str, session, tz: str, now: datetime) -> datetime:
        """`2027-04-02` (same local time) or `2027-04-02 18:30`, in the group's zone."""
        day_text, _, time_text = (text or "").strip().partition(" ")
        day = cm.parse_day(day_text)
        at = cm.parse_time(time_text) if time_text else cm.local_of(session.scheduled_at, tz).time()
        if day is None or at is None:
            raise DomainError("schedule.move_usage")
        local = cm.combine(day, at.replace(tzinfo=None))
        if not cm.exists_locally(local, tz):
            raise DomainError(
                "schedule.error.dst_gap", when=local.strftime("%Y-%m-%d %H:%M"), tz=tz
            )
        start = cm.to_utc(local, tz)
        if start <= now:
            raise DomainError("schedule.error.past")
        return start


EARLY, LATE = timedelta(hours=2), timedelta(hours=12)


def _due(uow: UnitOfWork, group_id: int, now: datetime) -> SessionRecord | None:
    return uow.cycle.due_planned(group_id, now - LATE, now + EARLY)


def planned_client(uow: UnitOfWork, group_id: int, now: datetime, peers) -> str | None:
    """The client suggested for the planned session due now, if still a peer."""
    planned = _due(uow, group_id, now)
    if planned is not None and planned.client_id in peers:
        return planned.client_id
    return None


def planned_facilitator_due(uow, group, now: datetime, client_id: str) -> str | None:
    """The peer planned to facilitate the session due now, if still theirs to run."""
    planned = _due(uow, group.id, now)
    plan = uow.cycle.plan_of(planned.id) if planned is not None else None
    return planned_facilitator(group, planned, plan, client_id)


def start_row(uow, now: datetime, **fields):
    """`/codev start` runs the planned session due around now (up to 2 h early or
    12 h late) rather than adding one; otherwise it adds an unplanned session."""
    planned = _due(uow, fields["group_id"], now)
    if planned is None:
        return uow.sessions.create(number=uow.sessions.next_number(fields["group_id"]), **fields)
    for name, value in fields.items():
        setattr(planned, name, value)
    return planned
