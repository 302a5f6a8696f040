"""The cycle as an .ics file: one event per session, with a stable UID and a
SEQUENCE bumped on each move or cancellation, so calendar apps update the
event they already have instead of adding another."""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar, Event

from ..domain import Action
from ..domain.session import Status
from . import calendar_math as cm
from .context import Context
from .effects import Effect, EffectKind
from .membership import require_group, require_right
from .reader import user_lang
from .schedule import cycle_view

PRODID = "-//codev//cycle calendar//EN"


def session_uid(session_id: int) -> str:
    return f"codev-session-{session_id}@codev"


def build_ics(view, title, stamp: datetime, video_url: str | None = None) -> bytes:
    """`title(number, group)` names each event in the reader's language; the group's
    video link is each event's LOCATION and URL, so calendar apps offer to join."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", view.group_name)
    for slot in view.slots:
        if slot.starts_at is None or not slot.minutes:
            continue
        start = cm.local_of(slot.starts_at, view.tz)
        event = Event()
        event.add("uid", session_uid(slot.session_id))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=slot.minutes))
        event.add("summary", title(slot.number, view.group_name, slot.cases))
        event.add("sequence", slot.sequence)
        event.add("status", "CANCELLED" if slot.status == Status.CANCELLED else "CONFIRMED")
        if video_url:
            event.add("location", video_url)
            event.add("url", video_url)
        cal.add_component(event)
    cal.add_missing_timezones()
    ical: bytes = cal.to_ical()
    return ical


class CalendarService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def send(self, team_id, channel_id, user_id) -> str:
        """Queue the .ics file as a DM upload to whoever asked; returns their language."""
        now = self.ctx.clock()
        with self.ctx.uow_factory() as uow:
            group = require_group(uow, team_id, channel_id)
            require_right(group, user_id, Action.VIEW_GROUP)
            lang = user_lang(uow, user_id, group, self.ctx.default_lang)
            view = cycle_view(uow, group, uow.cycle.settings(group.id, now), lang)
            render = self.ctx.renderer
            content = build_ics(
                view,
                lambda n, g, cases=1: render.calendar_event_title(lang, n, g, cases),
                now,
                group.video_url,
            )
            uow.outbox.add(
                Effect(
                    EffectKind.UPLOAD,
                    render.calendar_file(lang, view, content.decode()),
                    f"calendar:{group.id}:{user_id}:{now.isoformat()}",
                    user_id=user_id,
                ),
                now,
            )
            uow.commit()
            return lang
