"""A whole session with its content, over signed HTTP: 1 facilitator, 1 client
and 7 consultants, live and async, in English and French groups, on each database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.i18n import t
from tests.support.content_flows import (
    buttons,
    click_in_dm,
    click_in_thread,
    everything_said,
    last_view,
    latest_with,
    reply,
    submit,
    thread,
)
from tests.support.flows import (
    add_peers,
    change_settings,
    ephemeral_texts,
    root_message,
    said,
    setup_group,
    start_session,
)
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, Stack

CLIENT, CONSULTANTS = PEERS[0], PEERS[1:8]
EVERYONE = [CLIENT, *CONSULTANTS, FACILITATOR]
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
REQUEST = "Help me to get my team to own the weekly planning"
TAGS = {"en": ("idea:", "resource:", "experience:"), "fr": ("idée :", "ressource :", "vécu :")}
PLAN = [
    ("Ask each team lead to draft next week's plan", "2026-12-08"),
    ("Share the planning board with the whole team", "2026-12-10"),
    ("Review with my manager what I let go", "2026-12-15"),
]


@pytest.fixture(params=["en", "fr"])
def group_stack(request, database_url):
    stack = Stack(database_url, lang=request.param)
    stack.lang = request.param
    yield stack
    stack.close()


def _next(stack):
    assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200


def _later(stack, minutes):
    stack.clock.now += timedelta(minutes=minutes)


@pytest.mark.parametrize("mode", ["live", "async"])
def test_a_whole_session_leaves_the_client_with_contract_contributions_and_plan(group_stack, mode):
    stack, lang = group_stack, group_stack.lang
    stack.clock.now = T0
    setup_group(stack, lang=lang, mode=mode)
    assert change_settings(stack, {"exploration": "strict"}) == {}  # the client only listens
    add_peers(stack, 8)
    start_session(stack, f"start <@{CLIENT}|peer1>")
    root = root_message(stack)

    # 1 exposé: the client speaks, a consultant who speaks is reminded privately
    reply(stack, CLIENT, root, "My team waits for me to plan every week.")
    reply(stack, CONSULTANTS[0], root, "Why not delegate?")
    stack.deliver()
    assert t(lang, "rules.listen_during_expose") in ephemeral_texts(stack, CONSULTANTS[0])

    # 2 clarification: 12 questions, answered by reply and by the Answer button's modal
    _next(stack)
    for n in range(12):
        reply(stack, CONSULTANTS[n % 7], root, f"Question {n + 1}: how often does it happen?")
    for n in range(1, 13):
        if n % 2:
            reply(stack, CLIENT, root, f"Q{n} answer number {n}")
        else:
            click_in_thread(stack, CLIENT, root, "codev_answer_question", ends_with=f":{n}")
            assert f"Q{n}" in str(last_view(stack)["blocks"])
            assert submit(stack, CLIENT, {"answer": f"answer number {n}"}) == {}
    boards = [m for m in thread(stack, root) if "Q12" in str(m.blocks) and m.bot]
    assert len(boards) == 1 and "12/12" in boards[0].text
    if mode == "live":
        _later(stack, 14)
        assert "⏳" in everything_said(thread(stack, root))
        _later(stack, 2)
        assert "⌛" in everything_said(thread(stack, root))

    # 3 contract: modal from the prompt's button, then reworded with /codev contract
    _next(stack)
    click_in_thread(stack, CLIENT, root, "codev_write_contract")
    errors = submit(stack, CLIENT, {"request": "Help me", "help_kinds": []})
    assert errors == {"help_kinds": t(lang, "contract.kinds_missing")}
    assert submit(stack, CLIENT, {"request": "Help me", "help_kinds": ["ideas"]}) == {}
    click_in_thread(stack, CONSULTANTS[0], root, "codev_reword_contract", ends_with=":1")
    stack.driver.command(CLIENT, CHANNEL, f"contrat {REQUEST}")
    assert REQUEST in str(last_view(stack)["blocks"])
    kinds = ["ideas", "experience", "resources"]
    assert submit(stack, CLIENT, {"help_kinds": kinds}) == {}
    for consultant in CONSULTANTS:
        click_in_thread(stack, consultant, root, "codev_confirm_contract", ends_with=":2")
    card = latest_with(thread(stack, root), "codev_confirm_contract")
    assert "(7)" in str(card.blocks) and REQUEST in str(card.blocks)
    assert "7/7" in card.text

    # 4 exploration: 21 contributions of several kinds, the client sorts them by DM
    _next(stack)
    contributions = []
    for n in range(21):
        tag = TAGS[lang][n % 3] if n % 2 else ""
        text = f"contribution {n + 1} about ownership"
        reply(stack, CONSULTANTS[n % 7], root, f"{tag} {text}".strip())
        contributions.append(text)
    reply(stack, CLIENT, root, "But I already tried that!")
    reply(stack, CONSULTANTS[1], root, "x" * 3001)
    stack.deliver()
    assert t(lang, "rules.client_listens") in ephemeral_texts(stack, CLIENT)
    too_long = t(lang, "text.too_long", length=3001, limit=3000)
    assert too_long in ephemeral_texts(stack, CONSULTANTS[1])
    harvest = latest_with(stack.emulator.dms(CLIENT), "codev_harvest")
    values = buttons(harvest, "codev_harvest")
    verdicts = {}
    for n, value in enumerate(v for v in values if v.endswith(":keep")):
        verdict = ("keep", "park", "drop")[n % 3]
        click_in_dm(stack, CLIENT, "codev_harvest", value.replace(":keep", f":{verdict}"))
        verdicts[n] = verdict
    kind_value = buttons(harvest, "codev_contribution_kind")[3]
    click_in_dm(stack, CLIENT, "codev_contribution_kind", kind_value)
    kept = [c for n, c in enumerate(contributions) if verdicts[n] == "keep"]
    stack.deliver()
    board = latest_with(stack.emulator.dms(CLIENT), "codev_harvest")
    assert "21/21" in board.text
    assert len([m for m in stack.emulator.dms(CLIENT) if buttons(m, "codev_harvest")]) == 1

    # 5 synthesis: the plan modal is pre-filled with what was kept
    _next(stack)
    reply(stack, CLIENT, root, "I keep the ideas about delegation.")
    for consultant in CONSULTANTS:
        reply(stack, consultant, root, f"learning of {consultant}")
    click_in_thread(stack, CLIENT, root, "codev_write_action_plan")
    assert kept[0] in str(last_view(stack)["blocks"])
    errors = submit(stack, CLIENT, {"actions_text": "do something — 2026-02-30"})
    assert errors == {"actions_text": t(lang, "plan.bad_date", line=1, date="2026-02-30")}
    plan_text = "\n".join(f"{what} — {due}" for what, due in PLAN)
    assert submit(stack, CLIENT, {"actions_text": plan_text}) == {}

    # 6 learning: everyone shares and rates; a second rating replaces the first
    _next(stack)
    reply(stack, CLIENT, root, f"learning of {CLIENT}")
    reply(stack, FACILITATOR, root, f"learning of {FACILITATOR}")
    for person in EVERYONE:
        click_in_thread(stack, person, root, "codev_evaluate")
        assert submit(stack, person, {"rating": "4", "learnings": "to listen"}) == {}
    click_in_thread(stack, CLIENT, root, "codev_evaluate")
    assert submit(stack, CLIENT, {"rating": "5"}) == {}
    _next(stack)

    summary = thread(stack, root)[-1]
    title = t(lang, "recap.title", number=1, group="Managers circle")
    recap = [m for m in stack.emulator.dms(CLIENT) if m.text.startswith(title)]
    report = said(stack.driver.command(CONSULTANTS[2], CHANNEL, "rapport"))
    for shown in (everything_said([summary]), report):
        average = {"en": "4.1/5", "fr": "4,1/5"}[lang]  # a decimal comma in French
        assert REQUEST in shown and "21" in shown and average in shown and "(9" in shown
        for text in [*kept, *(what for what, _ in PLAN)]:
            assert text in shown
        for person in EVERYONE:
            assert f"learning of {person}" in shown
    recap_text = everything_said(recap)
    assert REQUEST in recap_text
    for text in [*kept, *(what for what, _ in PLAN)]:
        assert text in recap_text
    if mode == "async":
        assert "<!date^" in everything_said(thread(stack, root))
    else:
        contract_name = t(lang, "phase.contract.name")
        over = [m.text for m in thread(stack, root) if m.text.startswith("⌛")]
        assert not any(contract_name in text for text in over)
    assert stack.emulator.rejected() == []
