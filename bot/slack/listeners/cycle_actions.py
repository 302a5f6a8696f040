"""Buttons of the cycle: accepting the charter, choosing a session's client from the
suggestion DM, closing the cycle anyway."""

from __future__ import annotations

from ...domain import DomainError
from .. import payloads
from ..ids import ActionId
from .responding import bound


def _slot(body) -> tuple[str, int]:
    """The block id `client:<channel>:<number>` → the group's channel and the session number."""
    _, channel, number = payloads.block_parts(body)
    return channel, int(number)


def accept_charter(services, ack, body):
    here = payloads.where(body)
    value = payloads.action(body).get("value") or ""
    channel = value if value not in ("", "accept") else here.channel  # from a DM: the group's
    answer = payloads.answer(body, channel)
    services.charter.accept(here.team, channel, here.user, answer)
    ack()


def close_anyway(services, ack, body):
    here = payloads.where(body)
    channel = payloads.action(body)["value"]
    services.schedule.close(
        here.team, channel, here.user, confirmed=True, answer=payloads.answer(body, channel)
    )
    ack()


def confirm_client(services, ack, body):
    channel, number = _slot(body)
    client = payloads.action(body)["value"].rsplit(payloads.SEPARATOR, 1)[1]
    _choose(services, body, channel, number, client)
    ack()


def choose_client(services, ack, body):
    channel, number = _slot(body)
    client = payloads.action(body).get("selected_user")
    if not client:
        raise DomainError("schedule.usage")
    _choose(services, body, channel, number, client)
    ack()


def _choose(services, body, channel: str, number: int, client: str) -> None:
    here = payloads.where(body)
    key = payloads.click_key(body)
    services.schedule.choose_client(here.team, channel, here.user, number, client, key)


def register(app, services) -> None:
    app.action(ActionId.ACCEPT_CHARTER)(bound(accept_charter, services))
    app.action(ActionId.CLOSE_CYCLE)(bound(close_anyway, services))
    app.action(ActionId.CONFIRM_CLIENT)(bound(confirm_client, services))
    app.action(ActionId.CHOOSE_CLIENT)(bound(choose_client, services))
