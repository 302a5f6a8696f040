"""`/codev members add @peer1 @peer2` typed without Slack's completion: the names are
found in the workspace's directory; a name nobody has is refused with that name."""

from __future__ import annotations

from sqlalchemy import text

from bot.i18n import t
from tests.support.flows import said, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, PEERS


def _peers(stack) -> set[str]:
    with stack.runtime.engine.connect() as connection:
        rows = connection.execute(text("SELECT user_id FROM members WHERE left_at IS NULL"))
        return {r[0] for r in rows}


def test_bare_names_are_resolved_and_unknown_ones_named(stack):
    setup_group(stack)
    refused = stack.driver.command(FACILITATOR, CHANNEL, "members add @peer1 @nobody")
    assert t("en", "members.unknown_names", names="@nobody") in said(refused)
    assert _peers(stack) == set()
    added = stack.driver.command(FACILITATOR, CHANNEL, "members add @peer1 @Peer2")
    assert added.status == 200
    assert _peers(stack) == set(PEERS[:2])
    removed = stack.driver.command(FACILITATOR, CHANNEL, "members remove @peer2")
    assert removed.status == 200
    assert _peers(stack) == {PEERS[0]}
