"""Setting a group up where Slack would let the bot work: it must be in the channel,
whoever submits must be too, and a public channel is said to be public."""

from __future__ import annotations

import json
import threading

from sqlalchemy import create_engine, func, select

from bot.persistence.models import GroupRow
from tests.support.flows import open_view_id, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, NAMES, OUTSIDER, PEERS

FORM = {"name": "Circle", "lang": "en", "tz": "Europe/Paris", "mode": "live"}


def _groups(stack) -> int:
    engine = create_engine(stack.runtime.settings.database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(GroupRow)).scalar()
    finally:
        engine.dispose()


def _submit(stack, user, channel, extra=None):
    assert stack.driver.command(user, channel, "setup").status == 200
    view_id = open_view_id(stack)
    answer = stack.driver.submit_view(user, view_id, {**FORM, "facilitator": user, **(extra or {})})
    return view_id, answer.json() or {}


def test_setup_in_a_channel_the_bot_is_not_in_asks_for_an_invite_and_keeps_the_form(stack):
    stack.emulator.add_channel(
        "C0NOBOT", "no-bot", is_private=True, members=list(NAMES), bot_member=False
    )
    view_id, answer = _submit(stack, FACILITATOR, "C0NOBOT")
    assert answer["response_action"] == "errors"
    assert "/invite @codev" in answer["errors"]["name"]
    assert view_id not in stack.emulator.closed_views  # what was typed is still there
    assert _groups(stack) == 0
    stack.driver.invite_bot(FACILITATOR, "C0NOBOT")
    resubmitted = stack.driver.submit_view(
        FACILITATOR, view_id, {**FORM, "facilitator": FACILITATOR}
    )
    assert (resubmitted.json() or {}).get("response_action") is None
    stack.deliver()
    assert _groups(stack) == 1
    assert any("Circle" in m.text for m in stack.emulator.channel_messages("C0NOBOT"))
    # Only the look that found the bot outside: nothing was ever posted in vain.
    assert [c.method for c in stack.emulator.rejected()] == ["conversations.info"]


def test_the_bots_own_joining_queues_no_welcome_for_the_bot(stack):
    setup_group(stack)
    stack.emulator.set_bot_member(CHANNEL, False)
    assert stack.driver.invite_bot(FACILITATOR, CHANNEL).status == 200
    stack.deliver()
    assert stack.emulator.ephemerals(user=stack.emulator.bot_user_id) == []
    assert stack.emulator.rejected() == []  # no ephemeral addressed to the bot itself


def test_a_forged_channel_in_the_setup_modal_is_refused_to_a_non_member(stack):
    stack.emulator.add_channel("C0OTHER", "others", is_private=True, members=[PEERS[0]])
    assert stack.driver.command(OUTSIDER, CHANNEL, "setup").status == 200
    view_id = open_view_id(stack)
    with stack.emulator.lock:  # the submitter edits the metadata of the modal
        stack.emulator._views[view_id]["private_metadata"] = json.dumps({"channel_id": "C0OTHER"})
    answer = stack.driver.submit_view(OUTSIDER, view_id, {**FORM, "facilitator": OUTSIDER})
    body = answer.json() or {}
    assert body["response_action"] == "errors"
    assert "member of this channel" in body["errors"]["name"]
    assert _groups(stack) == 0


def test_a_group_in_a_public_channel_is_told_it_is_public_and_may_go_on(stack):
    stack.emulator.add_channel("C0PUBLIC", "open-circle", members=list(NAMES))
    _, answer = _submit(stack, FACILITATOR, "C0PUBLIC")
    assert answer.get("response_action") is None
    stack.deliver()
    ready = stack.emulator.channel_messages("C0PUBLIC")[-1]
    assert "public" in json.dumps(ready.blocks) and "private channel" in json.dumps(ready.blocks)
    assert _groups(stack) == 1
    setup_group(stack)  # the seeded channel is private: no such word there
    private = stack.emulator.channel_messages(CHANNEL)
    stack.deliver()
    private = stack.emulator.channel_messages(CHANNEL)
    assert private and "is public" not in json.dumps(private[-1].blocks)


def test_the_loser_of_two_setups_at_once_is_told_and_keeps_the_form(stack):
    assert stack.driver.command(FACILITATOR, CHANNEL, "setup").status == 200
    first = open_view_id(stack)
    assert stack.driver.command(PEERS[0], CHANNEL, "setup").status == 200
    second = open_view_id(stack)
    stack.driver.submit_view(FACILITATOR, first, {**FORM, "facilitator": FACILITATOR})
    answer = stack.driver.submit_view(PEERS[0], second, {**FORM, "facilitator": PEERS[0]})
    body = answer.json() or {}
    assert body["response_action"] == "errors"
    assert "Someone else set up" in body["errors"]["name"]
    assert _groups(stack) == 1


def test_two_setups_submitted_at_the_same_moment_make_one_group_and_tell_the_other(stack):
    views = {}
    for user in (FACILITATOR, PEERS[0]):
        assert stack.driver.command(user, CHANNEL, "setup").status == 200
        views[user] = open_view_id(stack)
    start = threading.Barrier(2)
    answers = {}

    def submit(user):
        start.wait()
        values = {**FORM, "facilitator": user}
        answers[user] = stack.driver.submit_view(user, views[user], values).json() or {}

    threads = [threading.Thread(target=submit, args=(u,)) for u in views]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    refused = [a for a in answers.values() if a.get("response_action") == "errors"]
    assert len(answers) == 2 and len(refused) == 1
    assert "Someone else set up" in refused[0]["errors"]["name"]
    assert _groups(stack) == 1
