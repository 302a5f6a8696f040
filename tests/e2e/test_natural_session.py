"""A session written the way people write, in French and in English, over signed HTTP:
answers pointed to in many ways (or not at all), contributions without tags, a plan
in words. Nothing anyone typed is lost: every question keeps its answer and every
contribution its kind."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.i18n import t
from tests.support.content_flows import (
    buttons,
    click_in_dm,
    click_in_thread,
    everything_said,
    reply,
    submit,
    thread,
)
from tests.support.flows import add_peers, root_message, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, Stack

CLIENT, CONSULTANTS = PEERS[0], PEERS[1:5]
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

# Per language: the questions, then the client's replies in order, each with the question
# it must end on (None: the app asks, `click` says which button the client then presses).
SCRIPTS = {
    "fr": {
        "questions": [
            "Combien de personnes dans ton équipe ?",
            "Depuis quand tu fais le planning toi-même ?",
            "Est-ce que ton manager est au courant de la situation ?",
            "Qu'est-ce que tu as déjà essayé pour déléguer ?",
            "Comment réagit l'équipe quand tu es absent ?",
            "Qui serait volontaire pour reprendre le planning ?",
            "Quel outil utilisez-vous pour le planning aujourd'hui ?",
        ],
        "replies": [
            ("Réponse 1 : huit personnes, dont deux chefs d'équipe.", 1, None),
            ("R2 depuis deux ans, depuis la réorganisation.", 2, None),
            ("Pour la question 3, oui, il m'a même dit de lâcher prise.", 3, None),
            ("Honnêtement, pas grand-chose.", None, "4"),
            (
                "&gt; Comment réagit l'équipe quand tu es absent ?\n"
                "Ils attendent mon retour, rien ne bouge.",
                5,
                None,
            ),
            ("Q° 6 : Julie, je pense.", 6, None),
            ("Q9 : merci pour toutes ces questions", None, "none"),
            ("Un tableur partagé que personne n'ouvre.", 7, None),
        ],
        "answers": {
            1: "huit personnes, dont deux chefs d'équipe.",
            2: "depuis deux ans, depuis la réorganisation.",
            3: "oui, il m'a même dit de lâcher prise.",
            4: "Honnêtement, pas grand-chose.",
            5: "Ils attendent mon retour, rien ne bouge.",
            6: "Julie, je pense.",
            7: "Un tableur partagé que personne n'ouvre.",
        },
        "note": "Q9 : merci pour toutes ces questions",
        "contributions": [
            ("J'ai l'impression que l'équipe attend ton feu vert pour tout.", "impression"),
            ("Qu'est-ce que tu perdrais vraiment si Julie faisait le planning ?", "question"),
            ("Et si chaque chef d'équipe faisait le planning une semaine sur deux ?", "idea"),
            ("À ta place, je dirais clairement à l'équipe ce que j'attends d'elle.", "suggestion"),
            ("J'ai vécu la même chose dans mon ancien poste, ça a pris trois mois.", "experience"),
            ("Il y a un bon livre là-dessus : « Le manager minute ».", "resource"),
            ("Je te sens épuisé quand tu parles du lundi matin.", "impression"),
            ("Idée : un planning affiché que chacun complète.", "idea"),
        ],
        "relabel": (7, "suggestion"),
        "plan": [
            ("Demander à chaque chef d'équipe un planning d'ici vendredi", "2026-12-04"),
            ("Partager le tableau avec l'équipe avant le 15/12", "2026-12-15"),
            ("Faire le point avec mon manager fin janvier", "2027-01-31"),
            ("Parler à Julie mardi prochain", "2026-12-08"),
            ("Tester une semaine sans moi", None),
        ],
    },
    "en": {
        "questions": [
            "How many people are in your team?",
            "How long have you been doing the planning yourself?",
            "Does your manager know about the situation?",
            "What have you already tried to delegate?",
            "How does the team react when you're away?",
            "Who would volunteer to take the planning over?",
            "Which tool do you use for the planning today?",
        ],
        "replies": [
            ("Answer to 1: eight people, two of them team leads.", 1, None),
            ("re Q2 - two years, since the reorganisation.", 2, None),
            ("For question 3, yes, he even told me to let go.", 3, None),
            ("Honestly, not much.", None, "4"),
            (
                "&gt; How does the team react when you're away?\n"
                "They wait for me to come back, nothing moves.",
                5,
                None,
            ),
            ("#6 Julie, I think.", 6, None),
            ("Q9: thanks for all these questions", None, "none"),
            ("A shared spreadsheet nobody opens.", 7, None),
        ],
        "answers": {
            1: "eight people, two of them team leads.",
            2: "two years, since the reorganisation.",
            3: "yes, he even told me to let go.",
            4: "Honestly, not much.",
            5: "They wait for me to come back, nothing moves.",
            6: "Julie, I think.",
            7: "A shared spreadsheet nobody opens.",
        },
        "note": "Q9: thanks for all these questions",
        "contributions": [
            ("I get the feeling the team waits for your green light on everything.", "impression"),
            ("What would you really lose if Julie did the planning?", "question"),
            ("What if each team lead did the planning every other week?", "idea"),
            ("If I were you, I'd tell the team clearly what I expect from them.", "suggestion"),
            ("I went through the same thing in my last job, it took three months.", "experience"),
            ('There\'s a good book on this: "The One Minute Manager".', "resource"),
            ("You sound exhausted when you talk about Monday mornings.", "impression"),
            ("idea: a posted planning that everyone fills in.", "idea"),
        ],
        "relabel": (7, "suggestion"),
        "plan": [
            ("Ask each team lead for a planning by Friday", "2026-12-04"),
            ("Share the board with the team before 12/15", "2026-12-15"),
            ("Review it with my manager at the end of January", "2027-01-31"),
            ("Talk to Julie next Tuesday", "2026-12-08"),
            ("Try a week without me", None),
        ],
    },
}


@pytest.fixture(params=["fr", "en"])
def natural(request, database_url):
    stack = Stack(database_url, lang=request.param)
    stack.lang = request.param
    yield stack
    stack.close()


def _next(stack, times=1):
    for _ in range(times):
        assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200


def _which_question(stack):
    """The client's last private "which question?" message."""
    stack.deliver()
    asked = [m for m in stack.emulator.ephemerals(CLIENT, CHANNEL) if buttons(m, "codev_place")]
    return asked[-1]


def _stored(stack):
    with stack.services.ctx.uow_factory() as uow:
        answers = {}
        by_id = {q.id: q.number for q in uow.content.questions(1)}
        for answer in uow.content.answers(1):
            answers.setdefault(by_id[answer.question_id], []).append(answer.text)
        return (
            len(by_id),
            answers,
            [(n.kind, n.text) for n in uow.content.notes(1)],
            [(c.kind, c.text) for c in uow.content.contributions(1)],
        )


def test_a_session_written_naturally_keeps_every_answer_and_every_kind(natural):
    stack, lang = natural, natural.lang
    script = SCRIPTS[lang]
    stack.clock.now = T0
    setup_group(stack, lang=lang)
    add_peers(stack, 5)
    start_session(stack, f"start <@{CLIENT}|peer1>")
    root = root_message(stack)
    _next(stack)  # clarification

    for n, question in enumerate(script["questions"]):
        reply(stack, CONSULTANTS[n % len(CONSULTANTS)], root, question)
    for text, expected, click in script["replies"]:
        reply(stack, CLIENT, root, text)
        if click is None:
            assert expected in _stored(stack)[1], text
            continue
        asked = _which_question(stack)
        assert t(lang, "answer.not_an_answer") in str(asked.blocks)
        value = next(v for v in buttons(asked, "codev_place") if v.endswith(f":{click}"))
        action = f"codev_place_answer_{click}"
        assert stack.driver.click(CLIENT, CHANNEL, asked.ts, action, value).status == 200
        # a second click on the same message changes nothing
        assert stack.driver.click(CLIENT, CHANNEL, asked.ts, action, value).status == 200

    count, answers, notes, _ = _stored(stack)
    assert count == 7
    assert answers == {n: [text] for n, text in script["answers"].items()}
    assert notes == [("client_note", script["note"])]
    board = [m for m in thread(stack, root) if m.bot and "Q7" in str(m.blocks)]
    assert len(board) == 1 and "7/7" in board[0].text
    said = " ".join(m.text for m in stack.emulator.ephemerals(CLIENT, CHANNEL))
    assert t(lang, "answer.placed", number=4) in said
    assert t(lang, "answer.kept_as_note") in said
    assert t(lang, "answer.already_placed") in said

    _next(stack, 2)  # contract, then exploration
    for n, (text, _) in enumerate(script["contributions"]):
        reply(stack, CONSULTANTS[n % len(CONSULTANTS)], root, text)
    *_, contributions = _stored(stack)
    kinds = [kind for kind, _ in contributions]
    assert kinds == [kind for _, kind in script["contributions"]]

    # the client re-labels one on their board
    number, kind = script["relabel"]
    stack.deliver()
    contribution_id = [c for c in _ids(stack) if c[1] == number][0][0]
    click_in_dm(stack, CLIENT, "codev_contribution_kind", f"1:{contribution_id}:{kind}")
    *_, contributions = _stored(stack)
    assert contributions[number - 1][0] == kind
    assert len(contributions) == len(script["contributions"])

    # synthesis: the plan written in words, one action without a date
    _next(stack)
    click_in_thread(stack, CLIENT, root, "codev_write_action_plan")
    plan = "\n".join(line for line, _ in script["plan"])
    assert submit(stack, CLIENT, {"actions_text": plan}) == {}
    items = _plan(stack)
    assert [due for _, due in items] == [due for _, due in script["plan"]]
    assert all(
        what and what in line for (what, _), (line, _) in zip(items, script["plan"], strict=True)
    )
    shown = everything_said(thread(stack, root))
    in_words = {"fr": "dimanche 31 janvier 2027", "en": "Sunday, January 31, 2027"}[lang]
    assert t(lang, "plan.no_date") in shown and in_words in shown

    _next(stack, 2)  # learning, then the end
    summary = everything_said([thread(stack, root)[-1]])
    assert t(lang, "summary.questions", count=7, answered=7) in summary
    for what, _ in items:
        assert what in summary
    assert stack.emulator.rejected() == []


def _plan(stack):
    with stack.services.ctx.uow_factory() as uow:
        return [
            (i.text, i.due_on.isoformat() if i.due_on else None)
            for i in uow.content.action_items(1)
        ]


def _ids(stack):
    with stack.services.ctx.uow_factory() as uow:
        return [(c.id, c.number) for c in uow.content.contributions(1)]


def test_several_answers_in_one_reply_and_edits_that_point_elsewhere(stack):
    stack.clock.now = T0
    setup_group(stack)
    add_peers(stack, 3)
    start_session(stack, f"start <@{CLIENT}|peer1>")
    root = root_message(stack)
    _next(stack)
    for n in range(4):
        reply(stack, CONSULTANTS[n % 2], root, f"Question number {n + 1}, what happened then?")

    both = reply(stack, CLIENT, root, "A1: yes, twice\nand once more in May\nA2: no")
    assert _stored(stack)[1] == {1: ["yes, twice\nand once more in May"], 2: ["no"]}

    kept = reply(stack, CLIENT, root, "Honestly I don't know.")  # Q3 and Q4 wait: asked
    assert _stored(stack)[2] == [("pending_answer", "Honestly I don't know.")]
    stack.driver.edit(CLIENT, CHANNEL, kept, "Q4: honestly I don't know.")
    _, answers, notes, _ = _stored(stack)
    assert answers[4] == ["honestly I don't know."] and notes == []

    only = reply(stack, CLIENT, root, "It was the team.")  # only Q3 waits
    stack.driver.edit(CLIENT, CHANNEL, only, "It was the whole team.")
    assert _stored(stack)[1][3] == ["It was the whole team."]
    stack.driver.edit(CLIENT, CHANNEL, only, "re Q1 - it was the whole team.")
    answers = _stored(stack)[1]
    assert 3 not in answers and answers[1][-1] == "it was the whole team."

    stack.driver.delete(CLIENT, CHANNEL, both)
    answers = _stored(stack)[1]
    assert 2 not in answers and answers[1] == ["it was the whole team."]
    asked = _which_question(stack)
    clicked = stack.driver.click(
        CLIENT, CHANNEL, asked.ts, "codev_place_answer_3", buttons(asked, "codev_place")[0]
    )
    assert clicked.status == 200  # the reply was placed by its edit: nothing changes
    stack.deliver()
    said = " ".join(m.text for m in stack.emulator.ephemerals(CLIENT, CHANNEL))
    assert t("en", "answer.already_placed") in said
    assert stack.emulator.rejected() == []
