"""`/codev contract <text>` (contrat) opens the contract modal pre-filled;
`/codev report` (rapport) shows the last session privately:
its summary, or the client's whole record."""

from __future__ import annotations

from ..render.content_modals import contract_modal
from .responding import ids, reply


def _contract(services, command, rest, client, context):
    form = services.contract.form(*ids(command), draft=rest)
    client.views_open(
        trigger_id=command["trigger_id"],
        view=contract_modal(form.lang, form.session_id, form.request, form.help_kinds),
    )
    return None


def _report(services, command, rest, client, context):
    return reply(services.report.for_reader(*ids(command)))


ROUTES = {"contract": _contract, "report": _report}
ALIASES = {"contrat": "contract", "rapport": "report", "bilan": "report"}
