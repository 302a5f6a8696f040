"""`/codev mydata` gives a person their own data and their own decisions only: a
consultant does not learn what the client kept, parked or dropped of their ideas."""

from __future__ import annotations

import json

from bot.persistence.models import ContributionRow
from tests.support.data import START, hold_session, uow
from tests.support.flows import add_peers, setup_group
from tests.support.stack import CHANNEL, PEERS

CLIENT, CONSULTANT = PEERS[0], PEERS[1]


def _my_data(stack, user) -> dict:
    assert stack.driver.command(user, CHANNEL, "mydata").status == 200
    stack.deliver()
    files = [f for f in stack.emulator.files(user) if f["name"].endswith(".json")]
    return json.loads(files[-1]["content"].decode("utf-8"))


def test_a_consultant_gets_their_ideas_without_the_clients_verdict_and_the_client_gets_theirs(
    stack,
):
    setup_group(stack)
    add_peers(stack, 3)
    session_id = hold_session(stack, CLIENT)
    with uow(stack) as u:
        for number, verdict in ((1, "drop"), (2, "keep")):
            u.content.add(
                ContributionRow(
                    session_id=session_id,
                    number=number,
                    author_id=CONSULTANT,
                    kind="idea",
                    text=f"my idea number {number}",
                    harvest=verdict,
                    created_at=START,
                )
            )
        u.commit()

    mine = _my_data(stack, CONSULTANT)
    assert [c["text"] for c in mine["contributions"]] == ["my idea number 1", "my idea number 2"]
    assert all("harvest" not in c for c in mine["contributions"])
    assert '"drop"' not in json.dumps(mine) and '"keep"' not in json.dumps(mine)
    assert mine["harvest_decisions"] == []

    theirs = _my_data(stack, CLIENT)
    decisions = [(d["number"], d["harvest"]) for d in theirs["harvest_decisions"]]
    assert decisions == [(1, "drop"), (2, "keep")]
    assert "my idea number" not in json.dumps(theirs) and CONSULTANT not in json.dumps(theirs)
