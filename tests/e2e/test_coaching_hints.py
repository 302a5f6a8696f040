"""Method coaching through the app: a disguised advice in clarification, a client who
debates and consultants who argue in exploration each get a private hint in the thread
that nobody else sees; the reply is recorded all the same. The facilitator sees the
counts (no names) in `/codev status` and in phase 6, and during exploration the kinds
of help asked for against what came; consultants get one nudge half-way when a kind
is still empty. A group turns it all off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import DomainError
from bot.i18n import t
from bot.services.nudges import NudgeJobs
from tests.support.content_flows import click_in_thread, reply, submit, thread
from tests.support.flows import (
    add_peers,
    change_settings,
    root_message,
    said,
    setup_group,
    start_session,
)
from tests.support.stack import CHANNEL, FACILITATOR, PEERS

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
CLIENT, ADVISER, ASKER = PEERS[:3]
ADVICE = t("en", "coaching.hint.advice")
DEBATE = t("en", "coaching.hint.debate")
ARGUMENT = t("en", "coaching.hint.argument")
HINTS = (ADVICE, DEBATE, ARGUMENT)


def _start(stack, lang="en"):
    stack.clock.now = T0
    setup_group(stack, lang=lang)
    add_peers(stack, 3)
    start_session(stack, f"start <@{CLIENT}|x>")
    return root_message(stack)


def _next(stack):
    assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200


def _hints(stack, user):
    stack.deliver()
    return [m for m in stack.emulator.ephemerals(user=user) if m.text.startswith(HINTS)]


def _status(stack, user=FACILITATOR) -> str:
    response = stack.driver.command(user, CHANNEL, "status")
    assert response.status == 200, response.body
    return said(response)


def _questions(stack):
    with stack.services.ctx.uow_factory() as uow:
        return [q.text for q in uow.content.questions(1)]


def _to_exploration(stack, root, kinds):
    _next(stack)  # contract
    stack.driver.command(CLIENT, CHANNEL, "contract Help me to get the team on board")
    assert submit(stack, CLIENT, {"help_kinds": kinds}) == {}
    for consultant in (ADVISER, ASKER):
        click_in_thread(stack, consultant, root, "codev_confirm_contract", ends_with=":1")
    _next(stack)  # exploration


def test_a_disguised_advice_gets_its_author_a_private_hint_and_is_recorded_as_asked(stack):
    root = _start(stack)
    _next(stack)  # clarification
    advice = "Have you considered talking to her one-on-one?"
    reply(stack, ADVISER, root, advice)
    reply(stack, ASKER, root, "Why does this matter so much to you?")
    hints = _hints(stack, ADVISER)
    assert [h.text for h in hints] == [ADVICE]
    assert hints[0].thread_ts == root.ts and hints[0].channel == CHANNEL
    for someone in (ASKER, CLIENT, FACILITATOR):
        assert _hints(stack, someone) == []
    assert _questions(stack) == [advice, "Why does this matter so much to you?"]
    assert advice in str([m.blocks for m in thread(stack, root)])  # on the question board
    assert stack.emulator.rejected() == []


def test_debate_and_argument_in_exploration_hint_only_their_authors(stack):
    root = _start(stack)
    assert change_settings(stack, {"exploration": "open"}) == {}
    _next(stack)  # clarification
    reply(stack, ADVISER, root, "Why not ask HR to sit in?")
    _to_exploration(stack, root, ["ideas", "experience"])
    reply(stack, ADVISER, root, "idea: a weekly fifteen-minute check-in")
    reply(stack, CLIENT, root, "Yes but we already tried that last year.")
    reply(stack, ASKER, root, f"I disagree with <@{ADVISER}>, a weekly slot is too slow.")
    reply(stack, CLIENT, root, "Thanks, noted.")
    assert [h.text for h in _hints(stack, CLIENT)] == [DEBATE]
    assert [h.text for h in _hints(stack, ASKER)] == [ARGUMENT]
    assert [h.text for h in _hints(stack, ADVISER)] == [ADVICE]  # the one from clarification
    assert _hints(stack, FACILITATOR) == []
    assert all(h.thread_ts == root.ts for h in _hints(stack, CLIENT) + _hints(stack, ASKER))

    status = _status(stack)
    assert "ideas asked: 2 received" in status  # the untagged reply is filed as an idea
    assert "experience asked: 0 received" in status
    assert "Clarification: 1 disguised advice" in status
    assert "Exploration: 1 consultant argument, 1 client debate" in status
    assert not any(person in status for person in (CLIENT, ADVISER, ASKER))
    consultant_status = _status(stack, ASKER)  # counts are the facilitator's; coverage is not
    assert "Method hints" not in consultant_status and "ideas asked: 2" in consultant_status
    root_text = str(root_message(stack).blocks)
    assert "experience asked: 0 received" in root_text and "ideas asked: received ✅" in root_text
    for message in thread(stack, root):  # hints are never posted in the thread for all
        assert not message.text.startswith(HINTS)

    _next(stack)  # synthesis: coverage leaves the root and the status
    assert "asked:" not in _status(stack) and "asked:" not in str(root_message(stack).blocks)
    _next(stack)  # learning & regulation: the prompt looks back at the method
    prompt = [m for m in thread(stack, root) if "Method hints" in str(m.blocks)]
    assert len(prompt) == 1 and "1 client debate" in str(prompt[-1].blocks)


def test_consultants_get_one_nudge_half_way_when_a_kind_asked_for_is_still_empty(stack):
    root = _start(stack)
    _next(stack)
    _to_exploration(stack, root, ["ideas", "experience"])
    reply(stack, ADVISER, root, "idea: pair the newcomers")
    jobs = NudgeJobs(stack.services.ctx)
    stack.clock.now = T0 + timedelta(minutes=12)  # exploration lasts 25 minutes
    jobs.run()
    stack.deliver()
    assert not any("half-way" in m.text for m in stack.emulator.dms(ASKER))
    stack.clock.now = T0 + timedelta(minutes=13)
    jobs.run()
    jobs.run()
    stack.deliver()
    for consultant in (ADVISER, ASKER):
        nudges = [m.text for m in stack.emulator.dms(consultant) if "half-way" in m.text]
        assert len(nudges) == 1 and "experience" in nudges[0] and "`experience:`" in nudges[0]
    assert not any("half-way" in m.text for m in stack.emulator.dms(CLIENT))


def test_no_nudge_when_every_kind_asked_for_has_come(stack):
    root = _start(stack)
    _next(stack)
    _to_exploration(stack, root, ["ideas", "experience"])
    reply(stack, ADVISER, root, "idea: pair the newcomers")
    reply(stack, ASKER, root, "experience: I did this in 2021")
    stack.clock.now = T0 + timedelta(minutes=20)
    assert NudgeJobs(stack.services.ctx).run() == 0


def test_a_group_turns_coaching_off_and_on_again(stack):
    root = _start(stack, lang="fr")
    asked = stack.driver.command(ADVISER, CHANNEL, "coaching off")
    assert "animateur" in said(asked).lower() or "facilitat" in said(asked).lower()
    wrong = stack.driver.command(FACILITATOR, CHANNEL, "coaching peut-être")
    assert "coaching oui" in said(wrong)
    assert "désactivés" in said(stack.driver.command(FACILITATOR, CHANNEL, "coaching non"))
    _next(stack)
    reply(stack, ADVISER, root, "As-tu pensé à lui en parler directement ?")
    assert _hints(stack, ADVISER) == [] and not [
        m for m in stack.emulator.ephemerals(user=ADVISER) if "enregistrée" in m.text
    ]
    assert "Repères" not in _status(stack)
    assert "activés" in said(stack.driver.command(FACILITATOR, CHANNEL, "coaching oui"))
    status = _status(stack)
    assert "Clarification : 1 conseil(s) déguisé(s)" in status
    reply(stack, ASKER, root, "Pourquoi ne pas faire un atelier ?")
    stack.deliver()
    hints = [m.text for m in stack.emulator.ephemerals(user=ASKER)]
    assert hints == [t("fr", "coaching.hint.advice")]


def test_the_hint_offers_to_keep_the_idea_and_shows_it_back_when_exploration_opens(stack):
    root = _start(stack)
    _next(stack)  # clarification
    reply(stack, ADVISER, root, "Why not pair her with a senior colleague?")
    hint = _hints(stack, ADVISER)[0]
    assert t("en", "coaching.keep_idea") in str(hint.blocks)
    for _ in range(2):  # a double click keeps it once
        response = stack.driver.click(ADVISER, CHANNEL, hint.ts, "codev_keep_idea", "1:1")
        assert response.status == 200, response.body
    stack.deliver()
    kept = t("en", "coaching.kept")
    assert [m.text for m in stack.emulator.ephemerals(user=ADVISER)].count(kept) == 2
    with stack.services.ctx.uow_factory() as uow:
        assert [n.text for n in uow.content.notes(1, "kept_idea")] == [
            "Why not pair her with a senior colleague?"
        ]
    with pytest.raises(DomainError) as refused:  # only its author keeps a question's idea
        stack.services.coaching.keep_idea(ASKER, 1, 1)
    assert refused.value.key == "coaching.keep_gone"
    _to_exploration(stack, root, ["ideas"])
    stack.deliver()
    late = stack.driver.click(ADVISER, CHANNEL, hint.ts, "codev_keep_idea", "1:1")
    assert late.status == 200
    stack.deliver()
    assert t("en", "coaching.keep_now") in [m.text for m in stack.emulator.ephemerals(user=ADVISER)]
    shown = [m for m in stack.emulator.ephemerals(user=ADVISER) if "you kept" in m.text]
    assert len(shown) == 1 and "senior colleague" in shown[0].text
    assert shown[0].thread_ts == root.ts
    for someone in (ASKER, CLIENT, FACILITATOR):
        assert not any(
            "senior colleague" in m.text for m in stack.emulator.ephemerals(user=someone)
        )
    assert stack.emulator.rejected() == []
