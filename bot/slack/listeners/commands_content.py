"""`/codev contract <text>` (contrat) opens the contract modal pre-filled;
`/codev report` (rapport) shows the last session's summary privately."""

from __future__ import annotations

from ..render.content_modals import contract_modal
from ..render.summary import session_summary
from .answers import ids, reply


def _contract(services, command, rest, client, context):
    form = services.contract.form(*ids(command), draft=rest)
    client.views_open(
        trigger_id=command["trigger_id"],
        view=contract_modal(form.lang, form.session_id, form.request, form.help_kinds),
    )
    return None


def _report(services, command, rest, client, context):
    return reply(session_summary(services.report.last(*ids(command))))


ROUTES = {"contract": _contract, "report": _report}
ALIASES = {"contrat": "contract", "rapport": "report", "bilan": "report"}
