"""`/codev <subcommand>`: parse, call one service, answer privately.

The answer is the HTTP response to the command (an ephemeral), sent after the
service has committed (process_before_response). French aliases map to the
same subcommands.
"""

from __future__ import annotations

from functools import partial

from ...domain import DomainError
from ...domain.session import Status
from ...services.sessions import BACK, NEXT
from ..render import group as group_msgs
from ..render import session as session_msgs
from ..render.modals import setup_modal
from ..text import bare_names, mentioned_ids
from . import (
    commands_coaching,
    commands_content,
    commands_cycle,
    commands_data,
    commands_gestures,
    commands_scribe,
    commands_settings,
)
from .case_choice import start_answer
from .meetings import split_facilitator
from .responding import answer_after_ack, ids, lang_of, reply
from .users import resolve_names

# Feature modules add subcommands: each has ROUTES {name: handler} and ALIASES
# {french word: name}; a handler is (services, command, rest, client, context) -> answer.
EXTRA_SUBCOMMANDS: list = [
    commands_cycle,
    commands_content,
    commands_data,
    commands_settings,
    commands_gestures,
    commands_coaching,
    commands_scribe,
]

ALIASES = {
    "aide": "help",
    "?": "help",
    "configurer": "setup",
    "membres": "members",
    "rejoindre": "join",
    "quitter": "leave",
    "démarrer": "start",
    "demarrer": "start",
    "commencer": "start",
    "suivant": "next",
    "suivante": "next",
    "précédent": "back",
    "precedent": "back",
    "précédente": "back",
    "retour": "back",
    "statut": "status",
    "état": "status",
    "etat": "status",
    "fin": "end",
    "terminer": "end",
}
MEMBER_VERBS = {
    "add": "add",
    "ajouter": "add",
    "remove": "remove",
    "retirer": "remove",
    "enlever": "remove",
}


def parse(text: str) -> tuple[str, str]:
    word, _, rest = (text or "").strip().partition(" ")
    word = word.lower()
    extra = {k: v for module in EXTRA_SUBCOMMANDS for k, v in module.ALIASES.items()}
    return ALIASES.get(word) or extra.get(word) or word, rest.strip()


# Reads that store nothing: acked at once, answered a few milliseconds later on the
# command's response_url (the same private message), after every earlier request.
ANSWERED_AFTER_ACK = frozenset({"status"})


def route_table() -> dict:
    """Every subcommand's handler: this module's, then the feature modules'."""
    routes = {
        "help": _help,
        "setup": _setup,
        "members": _members,
        "join": _join,
        "leave": _leave,
        "start": _start,
        "next": _next,
        "back": _back,
        "status": _status,
        "end": _end,
    }
    for module in EXTRA_SUBCOMMANDS:
        routes.update(module.ROUTES)
    return routes


def french_names() -> dict[str, str]:
    """Each subcommand's French name, for the help: its first alias made of words."""
    names: dict[str, str] = {}
    extra = [module.ALIASES for module in EXTRA_SUBCOMMANDS]
    for aliases in (ALIASES, *extra):
        for alias, name in aliases.items():
            if any(c.isalpha() for c in alias):
                names.setdefault(name, alias)
    if "report" in names:
        names["report group"] = f"{names['report']} groupe"
    return names


def register(app, services) -> None:
    routes = route_table()

    @app.command("/codev")
    def codev(ack, command, client, context, respond):
        name, rest = parse(command.get("text", ""))
        handler = routes.get(name, _help)
        if name in ANSWERED_AFTER_ACK:
            ack()
            read = partial(handler, services, command, rest, client, context)
            services.inbox.later(partial(answer_after_ack, services, command, respond, read))
            return
        answer = handler(services, command, rest, client, context)
        ack(**answer) if answer else ack()


def _help(services, command, rest, client, context):
    return reply(group_msgs.help_message(lang_of(services, command), french_names()))


def _setup(services, command, rest, client, context):
    team, channel, user = ids(command)
    current, lang = services.groups.setup_form(team, channel, user)
    client.views_open(
        trigger_id=command["trigger_id"], view=setup_modal(lang, channel, current, user)
    )
    return None


def _people(rest: str, client, team: str) -> list[str]:
    return mentioned_ids(rest) + resolve_names(client, team, bare_names(rest))


def _members(services, command, rest, client, context):
    team, channel, user = ids(command)
    verb, _, names = rest.partition(" ")
    verb = MEMBER_VERBS.get(verb.lower())
    if verb == "add":
        change = services.groups.add_members(team, channel, user, _people(names, client, team))
        return reply(group_msgs.members_answer(change, "members.added"))
    if verb == "remove":
        people = _people(names, client, team)
        if len(people) != 1:
            raise DomainError("members.remove_one")
        change = services.groups.remove_member(team, channel, user, people[0])
        return reply(group_msgs.members_answer(change, "members.removed"))
    if rest and verb is None:
        raise DomainError("members.usage")
    return reply(group_msgs.members_answer(services.groups.members(team, channel, user), ""))


def _join(services, command, rest, client, context):
    change = services.groups.join(*ids(command))
    return reply(group_msgs.members_answer(change, "members.joined"))


def _leave(services, command, rest, client, context):
    change = services.groups.leave(*ids(command))
    return reply(group_msgs.members_answer(change, "members.left"))


def _start(services, command, rest, client, context):
    named, by = split_facilitator(rest)
    people = _people(named, client, command["team_id"]) if named else []
    facilitators = _people(by, client, command["team_id"]) if by else []
    if (named and len(people) != 1) or (by and len(facilitators) != 1):
        raise DomainError("session.start_usage")
    return start_answer(
        services, command, people[0] if people else None, facilitators[0] if by else None
    )


def _move(services, command, direction):
    view, lang = services.sessions.move_for_reader(*ids(command), direction)
    if view.status != Status.RUNNING:
        return reply(group_msgs.notice(lang, "session.finished", number=view.number))
    return reply(
        group_msgs.notice(lang, "session.moved", phase=session_msgs.phase_name(lang, view.phase))
    )


def _next(services, command, rest, client, context):
    return _move(services, command, NEXT)


def _back(services, command, rest, client, context):
    return _move(services, command, BACK)


def _status(services, command, rest, client, context):
    view, lang = services.sessions.status_for_reader(*ids(command))
    return reply(session_msgs.session_status(view, lang))


def _end(services, command, rest, client, context):
    view, lang = services.sessions.confirm_end(*ids(command))
    return reply(session_msgs.end_confirmation(view, lang))
