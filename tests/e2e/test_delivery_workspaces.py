"""Under OAuth every effect is sent with its own workspace's token: for people
outside every group, and for Enterprise Grid workspaces (their own install or the
organisation-wide one)."""

from __future__ import annotations

import time

import pytest
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import select

from bot.emulator import Driver
from bot.persistence.models import GroupRow, OutboxRow
from tests.e2e.test_production_oauth import (
    CHAN_A,
    CHAN_B,
    FAC_A,
    PEERS_B,
    TEAM_A,
    OAuthStack,
)
from tests.support.stack import SECRET

ENTERPRISE = "E0GRID"


class GridDriver(Driver):
    """Requests from a workspace of an Enterprise Grid organisation, as Slack sends them."""

    def __init__(self, *args, org_wide: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.org_wide = org_wide

    def _form(self, fields):
        if "payload" not in fields:  # a slash command
            fields = {
                **fields,
                "enterprise_id": ENTERPRISE,
                "enterprise_name": "Grid",
                "is_enterprise_install": "true" if self.org_wide else "false",
            }
        return super()._form(fields)

    def _base(self, kind, user, trigger):
        base = super()._base(kind, user, trigger)
        base.update(
            enterprise={"id": ENTERPRISE, "name": "Grid"}, is_enterprise_install=self.org_wide
        )
        return base


@pytest.fixture
def oauth_stack(database_url):
    stack = OAuthStack(database_url)
    yield stack
    stack.close()


def _rows(stack, model):
    with stack.runtime.services.ctx.uow_factory() as uow:
        rows = list(uow.db.scalars(select(model)))
        for row in rows:
            uow.db.expunge(row)
        return rows


def _dead(stack) -> list[tuple[str, str]]:
    return [(r.kind, r.last_error) for r in _rows(stack, OutboxRow) if r.status == "dead"]


def test_people_outside_every_group_get_their_data_file_and_forget_me_answer(oauth_stack):
    stack = oauth_stack
    stack.install(TEAM_A)
    driver = stack.drivers[TEAM_A]
    outsider = PEERS_B[0]  # in no group at all
    assert driver.command(outsider, outsider, "mydata").status == 200
    stack.runtime.services.delivery.drain()
    assert len(stack.emulator.files(outsider)) == 1
    assert {r.team_id for r in _rows(stack, OutboxRow)} == {TEAM_A}
    assert driver.command(outsider, CHAN_B, "forget-me").status == 200  # no group there
    confirm = stack.emulator.ephemerals(user=outsider)[-1]
    driver.click(outsider, CHAN_B, confirm.ts, "codev_forget_confirm", outsider)
    stack.runtime.services.delivery.drain()

    assert _dead(stack) == []
    assert "erased" in stack.emulator.ephemerals(user=outsider)[-1].text


@pytest.mark.parametrize("org_wide", [False, True], ids=["workspace-install", "org-wide"])
def test_an_enterprise_grid_workspace_gets_its_messages(oauth_stack, org_wide):
    stack = oauth_stack
    token = f"xoxb-grid-{'org' if org_wide else 'team'}"
    stack.oauth.tokens[token] = TEAM_A
    stack.runtime.app.installation_store.save(
        Installation(
            app_id=stack.emulator.app_id,
            enterprise_id=ENTERPRISE,
            enterprise_name="Grid",
            team_id=None if org_wide else TEAM_A,
            is_enterprise_install=org_wide,
            user_id="U0INSTALL",
            bot_token=token,
            bot_id=stack.emulator.bot_id,
            bot_user_id=stack.emulator.bot_user_id,
            bot_scopes="commands,chat:write",
            installed_at=time.time(),
        )
    )
    stack.drivers[TEAM_A] = GridDriver(
        f"{stack.base}/slack/events", stack.emulator, SECRET, org_wide=org_wide
    )
    stack.setup_group(TEAM_A, CHAN_A, FAC_A, "Grid circle")
    assert stack.drivers[TEAM_A].command(FAC_A, FAC_A, "mydata").status == 200
    stack.runtime.services.delivery.drain()

    assert _dead(stack) == []
    (group,) = _rows(stack, GroupRow)
    assert (group.team_id, group.enterprise_id) == (TEAM_A, ENTERPRISE)
    rows = _rows(stack, OutboxRow)
    assert rows and {(r.team_id, r.enterprise_id) for r in rows} == {(TEAM_A, ENTERPRISE)}
    assert any("Grid circle" in m.text for m in stack.emulator.channel_messages(CHAN_A) if m.bot)
    assert len(stack.emulator.files(FAC_A)) == 1
    used = {t for m, t in stack.tokens_used if m == "chat.postMessage"}
    assert used == {token}
