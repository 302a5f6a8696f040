"""`/codev lang`, `report group`, `export`, `mydata`, `forget-me` and `privacy`:
languages, the cycle assessment, exports and each person's control of their data.

`report` is routed here after the phases' module: `report group` (rapport
groupe) is the cycle assessment, any other `report` goes to the session summary
handler of `commands_content`.
"""

from __future__ import annotations

from ...domain import DomainError
from ...services.privacy import check_mode, check_months
from ..render import reports
from . import commands_content
from .responding import ids, reply

GROUP_WORDS = ("group", "groupe")
ME_WORDS = ("me", "moi")
PRIVACY_VERBS = {
    "conservation": "retention",
    "durée": "retention",
    "effacement": "erase",
    "partage": "share",
    "partager": "share",
}


def _lang(services, command, rest, client, context):
    team, channel, user = ids(command)
    words = rest.lower().split()
    if not words:
        mine, group_lang = services.languages.current(team, channel, user)
        return reply(reports.lang_current(mine, group_lang))
    if words[0] in GROUP_WORDS:
        change = services.languages.set_group(team, channel, user, " ".join(words[1:]))
    elif len(words) == 1:
        change = services.languages.set_mine(team, user, words[0])
    else:
        raise DomainError("lang.usage", value=rest)
    return reply(reports.lang_set(change.reader_lang, change.scope, change.group_name, change.lang))


def _report(services, command, rest, client, context):
    word = rest.split(" ")[0].lower() if rest else ""
    if word not in GROUP_WORDS:
        return commands_content.ROUTES["report"](services, command, rest, client, context)
    _, lang = services.assessment.post(*ids(command))
    return reply(reports.notice(lang, "report.posted"))


def _export(services, command, rest, client, context):
    if rest.lower() in ME_WORDS:
        return _mydata(services, command, rest, client, context)
    _, lang = services.exports.export_group(*ids(command))
    return reply(reports.notice(lang, "export.queued"))


def _mydata(services, command, rest, client, context):
    team, channel, user = ids(command)
    _, lang = services.privacy.export_mine(team, user, channel)
    return reply(reports.notice(lang, "mydata.queued"))


def _privacy(services, command, rest, client, context):
    verb, _, value = rest.lower().partition(" ")
    verb = PRIVACY_VERBS.get(verb, verb)
    if not verb:
        return reply(reports.privacy_settings(services.privacy.settings(*ids(command))))
    if verb == "retention":
        found = services.privacy.change(*ids(command), months=check_months(value))
    elif verb == "erase":
        found = services.privacy.change(*ids(command), mode=check_mode(value))
    elif verb == "share":  # a member's consent to quote their learnings in the cycle report
        lang, shared = services.evaluation.set_sharing(*ids(command), value)
        return reply(reports.notice(lang, "privacy.share." + ("on" if shared else "off")))
    else:
        raise DomainError("privacy.usage")
    return reply(reports.privacy_settings(found))


def _forget(services, command, rest, client, context):
    lang = services.privacy.check_can_forget(*ids(command))
    return reply(reports.forget_confirmation(lang, command["user_id"]))


ROUTES = {
    "lang": _lang,
    "report": _report,
    "export": _export,
    "mydata": _mydata,
    "forget-me": _forget,
    "privacy": _privacy,
}
ALIASES = {
    "langue": "lang",
    "language": "lang",
    "exporter": "export",
    "mes-données": "mydata",
    "mes-donnees": "mydata",
    "my-data": "mydata",
    "oublie-moi": "forget-me",
    "oubliez-moi": "forget-me",
    "forget": "forget-me",
    "confidentialité": "privacy",
    "confidentialite": "privacy",
}
