"""Subcommands of the cycle: schedule (modal, list, cancel, move), calendar,
charter, topic and absent."""

from __future__ import annotations

from ...domain import DomainError
from ..render import cycle as cycle_msgs
from ..render import group as group_msgs
from ..render import meetings as meeting_msgs
from ..render import nudges as close_msgs
from ..render.cycle_modal import charter_modal, schedule_modal
from ..text import bare_names, mentioned_ids
from .responding import ids, reply
from .users import resolve_names

SCHEDULE_VERBS = {
    "list": "list",
    "liste": "list",
    "cancel": "cancel",
    "annuler": "cancel",
    "move": "move",
    "deplacer": "move",
    "déplacer": "move",
    "client": "client",
    "facilitator": "facilitator",
    "animateur": "facilitator",
    "animatrice": "facilitator",
    "close": "close",
    "clore": "close",
    "clôturer": "close",
    "cloturer": "close",
}


def _schedule(services, command, rest, client, context):
    team, channel, user = ids(command)
    verb, _, args = rest.partition(" ")
    verb = SCHEDULE_VERBS.get(verb.lower()) if verb else None
    if not rest:
        tz, lang = services.schedule.plan_form(team, channel, user)
        client.views_open(trigger_id=command["trigger_id"], view=schedule_modal(lang, channel, tz))
        return None
    if verb == "list":
        return reply(cycle_msgs.cycle_list(services.schedule.list(team, channel, user)))
    if verb == "close":
        done = services.schedule.close(team, channel, user)
        if done.closed:
            return reply(group_msgs.notice(done.lang, "close.closed"))
        return reply(close_msgs.close_refused(done.lang, channel, done.never_client))
    number_text, _, when = args.strip().partition(" ")
    if verb in ("client", "facilitator") and number_text.isdigit():
        people = mentioned_ids(when) + resolve_names(client, team, bare_names(when))
        if len(people) != 1:
            raise DomainError("schedule.usage")
        if verb == "facilitator":
            done = services.schedule.choose_facilitator(
                team, channel, user, int(number_text), people[0]
            )
            return reply(
                meeting_msgs.facilitator_planned(
                    done.lang, done.slot.number, done.slot.facilitator_id
                )
            )
        done = services.schedule.choose_client(team, channel, user, int(number_text), people[0])
        return reply(cycle_msgs.client_chosen(done.lang, done.slot.number, done.slot.client_id))
    if verb not in ("cancel", "move") or not number_text.isdigit():
        raise DomainError("schedule.usage")
    if verb == "cancel":
        done = services.schedule.cancel(team, channel, user, int(number_text))
        return reply(group_msgs.notice(done.lang, "schedule.cancelled", number=done.slot.number))
    done = services.schedule.move(team, channel, user, int(number_text), when)
    return reply(cycle_msgs.moved_answer(done.lang, done.slot.number, done.slot.starts_at, done.tz))


def _calendar(services, command, rest, client, context):
    lang = services.calendar.send(*ids(command))
    return reply(group_msgs.notice(lang, "cycle.calendar_sent"))


CHARTER_EDIT = ("edit", "modifier", "éditer", "editer")


def _charter(services, command, rest, client, context):
    if not rest.strip():
        return reply(cycle_msgs.charter(services.charter.show(*ids(command))))
    if rest.strip().lower() not in CHARTER_EDIT:
        raise DomainError("charter.edit_usage")
    team, channel, user = ids(command)
    lang, text = services.charter.edit_form(team, channel, user)
    client.views_open(trigger_id=command["trigger_id"], view=charter_modal(lang, channel, text))
    return None


def _topic(services, command, rest, client, context):
    answer = services.topics.pitch(*ids(command), rest)
    return reply(group_msgs.notice(answer.lang, "topic.pitched", count=answer.pitched))


def _absent(services, command, rest, client, context):
    answer = services.topics.absent(*ids(command), rest)
    key = "absent.noted" if answer.new else "absent.already"
    return reply(group_msgs.notice(answer.lang, key, day=answer.day.isoformat()))


ROUTES = {
    "schedule": _schedule,
    "calendar": _calendar,
    "charter": _charter,
    "topic": _topic,
    "absent": _absent,
}
ALIASES = {
    "planifier": "schedule",
    "planning": "schedule",
    "calendrier": "calendar",
    "charte": "charter",
    "sujet": "topic",
    "absence": "absent",
}
