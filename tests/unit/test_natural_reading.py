"""How the app reads what people write: which question a reply answers, and what kind
of contribution a reply is (measured on labelled corpora in tests/corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.answers import QuestionRef, place_answer, reference, split_answers, split_quote
from bot.domain.kinds import classify

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
QUESTIONS = [
    QuestionRef(1, "How often does the team meet on Mondays?", answered=True),
    QuestionRef(2, "Who decides the weekly planning today?"),
    QuestionRef(3, "Qu'est-ce que ton manager en pense vraiment ?"),
]


@pytest.mark.parametrize(
    ("text", "number", "rest"),
    [
        ("Réponse 1 : huit personnes", 1, "huit personnes"),
        ("réponse 12: oui", 12, "oui"),
        ("R1 oui", 1, "oui"),
        ("R 2 : non", 2, "non"),
        ("*R2* : oui", 2, "oui"),
        ("**Réponse 2** : oui", 2, "oui"),
        ("Pour la question 2, je dirais non", 2, "je dirais non"),
        ("Q° 3 : oui", 3, "oui"),
        ("Q°3 oui", 3, "oui"),
        ("Qu. 3 : oui", 3, "oui"),
        ("n° 3 : oui", 3, "oui"),
        ("Réponse à la question 4 : oui", 4, "oui"),
        ("Réponse à la 2 : oui", 2, "oui"),
        ("En réponse à ta question 5, non", 5, "non"),
        ("Concernant la question 6 : non", 6, "non"),
        ("Sur la Q2 : oui", 2, "oui"),
        ("Rép. 3 : non", 3, "non"),
        ("Answer to 2: yes", 2, "yes"),
        ("answer 7 - sure", 7, "sure"),
        ("re Q3 yes", 3, "yes"),
        ("Re: Q3 - yes", 3, "yes"),
        ("Regarding question 3, yes", 3, "yes"),
        ("About Q4: no", 4, "no"),
        ("reply to #4: yes", 4, "yes"),
        ("A2: yes", 2, "yes"),
        ("#3 yes", 3, "yes"),
        ("Q2 – yes", 2, "yes"),
        ("Q1/ yes", 1, "yes"),
        ("Q12 done", 12, "done"),
    ],
)
def test_a_reply_names_its_question_in_many_ways(text, number, rest):
    assert reference(text) == (number, rest, True)


@pytest.mark.parametrize(
    ("text", "number", "rest"),
    [
        ("3) yes", 3, "yes"),
        ("3. Yes", 3, "Yes"),
        ("(3) yes", 3, "yes"),
        ("Pour la 2, oui", 2, "oui"),
    ],
)
def test_a_bare_number_set_apart_points_to_a_question_if_there_is_one(text, number, rest):
    assert reference(text) == (number, rest, False)


@pytest.mark.parametrize(
    "text",
    [
        "À 3 ans, mon fils savait déjà",
        "No 2 days are alike",
        "3h par semaine",
        "2 fois par semaine",
        "1.5 million, roughly",
        "For 2 weeks I did it alone",
        "Au départ, non",
        "Answer: nobody knows",
    ],
)
def test_numbers_that_are_not_pointers_are_left_alone(text):
    assert reference(text) is None


def test_slack_quotes_are_split_from_the_reply():
    assert split_quote("&gt; Who decides?\n&gt; Really?\nMe.") == ("Who decides?\nReally?", "Me.")
    assert split_quote("No quote here") == ("", "No quote here")


@pytest.mark.parametrize(
    ("text", "number", "answer"),
    [
        ("Q3: il est d'accord", 3, "il est d'accord"),
        ("3) il est d'accord", 3, "il est d'accord"),
        ("&gt; Who decides the weekly planning today?\nMe, mostly.", 2, "Me, mostly."),
        ("> Qu'est-ce que ton manager en pense\nIl est pour", 3, "Il est pour"),
        ("Who decides the weekly planning today? Me, mostly.", 2, None),
        ("Q1: in fact twice a week", 1, "in fact twice a week"),
    ],
)
def test_a_reply_is_placed_by_its_pointer_its_quote_or_the_question_pasted_in(text, number, answer):
    placed = place_answer(text, QUESTIONS)
    assert (placed.number, placed.text) == (number, answer or text)


def test_the_only_question_waiting_takes_a_reply_that_points_nowhere():
    placed = place_answer("Nobody, really.", QUESTIONS[:2])
    assert (placed.number, placed.text) == (2, "Nobody, really.")


def test_when_unsure_the_waiting_questions_are_the_choices():
    placed = place_answer("Nobody, really.", QUESTIONS)
    assert (placed.number, placed.candidates, placed.missing) == (None, (2, 3), None)
    three_answered = [QuestionRef(q.number, q.text, True) for q in QUESTIONS]
    assert place_answer("More on that", three_answered).candidates == (1, 2, 3)


def test_a_question_that_does_not_exist_is_asked_about_not_refused():
    placed = place_answer("Q9: yes", QUESTIONS)
    assert (placed.number, placed.missing, placed.candidates) == (None, 9, (2, 3))
    assert place_answer("9) yes", QUESTIONS[:2]).number == 2  # a list item: the one waiting


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("R1 : oui\nR2 : non", [(1, "oui"), (2, "non")]),
        (
            "Réponse 1 : huit\nsur deux sites\n\nRéponse 3 : deux ans",
            [(1, "huit\nsur deux sites"), (3, "deux ans")],
        ),
        ("Q3: two reasons:\n1) time\n2) money", None),
        ("R1 oui", None),
        ("Let me see\nR1 yes\nR2 no", None),
        ("R1 yes\nR9 no", None),
    ],
)
def test_several_answers_in_one_reply_are_split_by_their_pointers(text, parts):
    assert split_answers(text, QUESTIONS) == parts


def _corpus(lang: str) -> list[tuple[str, str, str]]:
    rows = []
    for path in sorted(CORPUS.glob(f"contributions_{lang}*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                kind, text = line.split("\t", 1)
                rows.append((path.stem, kind, text))
    return rows


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_contributions_are_classified_by_their_wording_at_least_80_percent(lang):
    rows = _corpus(lang)
    assert len(rows) >= 60
    wrong = [(kind, text, classify(text)) for _, kind, text in rows if str(classify(text)) != kind]
    accuracy = 1 - len(wrong) / len(rows)
    print(f"{lang}: {accuracy:.1%} of {len(rows)} contributions", wrong)
    assert accuracy >= 0.8, wrong


@pytest.mark.parametrize("text", ["contribution 4 about ownership", "ok", "Julie.", "plus tard"])
def test_a_reply_without_cues_has_no_kind_so_the_contract_decides(text):
    assert classify(text) is None
