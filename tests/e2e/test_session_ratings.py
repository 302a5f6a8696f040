"""Phase 6 ratings as people see them: a private "recorded" in the thread, and the
root message counting who has rated (never what they gave)."""

from __future__ import annotations

import pytest

from tests.support.content_flows import click_in_thread, submit
from tests.support.flows import add_peers, root_message, said, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS

CLIENT, CONSULTANTS = PEERS[0], PEERS[1:3]
EVERYONE = [CLIENT, *CONSULTANTS, FACILITATOR]

WORDS = {
    "en": {
        "recorded": "Thank you: your evaluation (4/5) is recorded",
        "updated": "Your evaluation is updated (2/5)",
        "none": "Evaluations: 0 of 4. Still to rate:",
        "one": "Evaluations: 1 of 4. Still to rate:",
        "all": "Evaluations: everyone has rated (4).",
        "status": "Not rated yet:",
    },
    "fr": {
        "recorded": "Merci : votre évaluation (4/5) est enregistrée",
        "updated": "Votre évaluation est mise à jour (2/5)",
        "none": "Évaluations : 0 sur 4. Reste à évaluer :",
        "one": "Évaluations : 1 sur 4. Reste à évaluer :",
        "all": "Évaluations : tout le monde a évalué (4).",
        "status": "Pas encore évalué :",
    },
}


def _root_text(stack, root):
    stack.deliver()
    return str(stack.emulator.message(CHANNEL, root.ts).blocks)


def _rate(stack, person, root, rating):
    click_in_thread(stack, person, root, "codev_evaluate")
    assert submit(stack, person, {"rating": rating}) == {}
    stack.deliver()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_rating_is_confirmed_privately_and_the_root_counts_who_has_rated(stack, lang):
    words = WORDS[lang]
    setup_group(stack, lang=lang)
    add_peers(stack, 3)
    start_session(stack, f"start <@{CLIENT}|x>")
    root = root_message(stack)
    for _ in range(5):
        assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200
    assert words["none"] in _root_text(stack, root)

    _rate(stack, CONSULTANTS[0], root, "4")
    mine = stack.emulator.ephemerals(user=CONSULTANTS[0])[-1]
    assert words["recorded"] in mine.text and mine.thread_ts == root.ts
    shown = _root_text(stack, root)
    assert words["one"] in shown and f"<@{CONSULTANTS[0]}>" not in shown.split(words["one"])[1]
    assert "4/5" not in shown
    status = said(stack.driver.command(FACILITATOR, CHANNEL, "status"))
    assert words["status"] in status and f"<@{CONSULTANTS[0]}>" not in status

    _rate(stack, CONSULTANTS[0], root, "2")
    assert words["updated"] in stack.emulator.ephemerals(user=CONSULTANTS[0])[-1].text
    assert words["one"] in _root_text(stack, root)

    for person in (CLIENT, CONSULTANTS[1], FACILITATOR):
        _rate(stack, person, root, "5")
    assert words["all"] in _root_text(stack, root)
    assert stack.emulator.rejected() == []
