"""The App Home: a member, a facilitator and an outsider each see where they stand."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.domain import DomainError
from bot.emulator import view_problems
from tests.support.data import START, hold_session, item, uow
from tests.support.flows import add_peers, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, OUTSIDER, PEERS


def _home(stack, user):
    response = stack.driver.app_home_opened(user)
    assert response.status == 200, response.body
    stack.services.locales.run()  # the look-up job the visit wakes
    stack.deliver()
    view = stack.emulator.home(user)
    assert view is not None
    assert view_problems({k: view[k] for k in ("type", "blocks")}) == []
    return view, str(view["blocks"])


def test_a_member_sees_groups_action_items_and_learnings_latest_first(stack):
    setup_group(stack)
    add_peers(stack, 4)
    hold_session(
        stack,
        PEERS[0],
        items=[item("Call the union rep"), item("Draft the rota", 21)],
        learnings=[(PEERS[0], "Older learning about delegation")],
    )
    hold_session(
        stack,
        PEERS[1],
        at=START + timedelta(days=14),
        learnings=[(PEERS[0], "Newer learning about listening")],
    )
    view, text = _home(stack, PEERS[0])
    assert "Managers circle" in text and f"<#{CHANNEL}>" in text
    assert "Call the union rep" in text and "Draft the rota" in text
    assert text.index("Newer learning") < text.index("Older learning")
    assert "Groups you run" not in text
    assert stack.emulator.rejected() == []


def test_marking_an_action_item_done_updates_the_store_and_the_home(stack):
    setup_group(stack)
    add_peers(stack, 3)
    session_id = hold_session(stack, PEERS[0], items=[item("Call the union rep")])
    view, _ = _home(stack, PEERS[0])
    with uow(stack) as u:
        item_id = u.content.action_items(session_id)[0].id
    progress = stack.driver.click_in_view(
        PEERS[0], view["id"], "codev_home_item_progress", f"{item_id}:in_progress"
    )
    assert progress.status == 200
    stack.deliver()
    with uow(stack) as u:
        assert u.content.action_items(session_id)[0].status == "in_progress"
    assert "in progress" in str(stack.emulator.home(PEERS[0])["blocks"])
    done = stack.driver.click_in_view(
        PEERS[0], view["id"], "codev_home_item_done", f"{item_id}:done"
    )
    assert done.status == 200
    stack.deliver()
    with uow(stack) as u:
        assert u.content.action_items(session_id)[0].status == "done"
    assert "Call the union rep" not in str(stack.emulator.home(PEERS[0])["blocks"])
    assert stack.emulator.rejected() == []


def test_someone_else_cannot_change_my_action_item(stack):
    setup_group(stack)
    add_peers(stack, 3)
    session_id = hold_session(stack, PEERS[0], items=[item("Call the union rep")])
    view, _ = _home(stack, PEERS[1])
    with uow(stack) as u:
        item_id = u.content.action_items(session_id)[0].id
    assert "codev_home_item_done" not in str(view["blocks"])
    with pytest.raises(DomainError) as refused:
        stack.services.home.set_item_status("T0CODEV", PEERS[1], item_id, "done")
    assert refused.value.key == "home.item_unknown"
    with uow(stack) as u:
        assert u.content.action_items(session_id)[0].status == "open"


def test_a_facilitator_sees_the_groups_they_run_with_the_running_phase(stack):
    setup_group(stack)
    add_peers(stack, 3)
    hold_session(stack, PEERS[0], finish=False)
    _, text = _home(stack, FACILITATOR)
    assert "Groups you run" in text
    assert "session #1 running, phase Exposé" in text
    assert stack.emulator.rejected() == []


def test_an_outsider_sees_no_group_content(stack):
    setup_group(stack)
    add_peers(stack, 3)
    hold_session(stack, PEERS[0], items=[item("Secret plan")], learnings=[(PEERS[0], "Hidden")])
    _, text = _home(stack, OUTSIDER)
    assert "not in any codéveloppement group" in text
    for secret in ("Managers circle", "Secret plan", "Hidden", CHANNEL):
        assert secret not in text
    assert stack.emulator.rejected() == []


def test_the_home_speaks_the_slack_locale_of_a_french_user(stack_fr):
    stack = stack_fr
    setup_group(stack, lang="fr")
    add_peers(stack, 2)
    _, text = _home(stack, PEERS[0])
    assert "Vos groupes" in text
    with uow(stack) as u:
        assert u.prefs.lang(PEERS[0]) == "fr"
