"""Due dates written in words, read relative to the group's date (a Thursday here)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain import InvalidValue
from bot.domain.dates import find_due

THURSDAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("line", "what", "due"),
    [
        ("Parler à Anne d'ici vendredi", "Parler à Anne", date(2026, 12, 4)),
        ("Relire le planning avant le 15/12", "Relire le planning", date(2026, 12, 15)),
        (
            "Faire le point avec mon N+1 fin janvier",
            "Faire le point avec mon N+1",
            date(2027, 1, 31),
        ),
        ("Call Anne next Tuesday", "Call Anne", date(2026, 12, 8)),
        ("Réunion d'équipe mardi prochain", "Réunion d'équipe", date(2026, 12, 8)),
        ("Share the board by Dec 15th", "Share the board", date(2026, 12, 15)),
        ("Ask each lead — 2026-12-08", "Ask each lead", date(2026, 12, 8)),
        ("Déléguer le planning dans deux semaines", "Déléguer le planning", date(2026, 12, 17)),
        ("Finir d'ici 15 jours", "Finir", date(2026, 12, 18)),
        ("within the next 2 weeks, talk to HR", "talk to HR", date(2026, 12, 17)),
        ("Parler à Julie demain", "Parler à Julie", date(2026, 12, 4)),
        ("Talk to Julie tomorrow", "Talk to Julie", date(2026, 12, 4)),
        ("Envoyer le mail le 20", "Envoyer le mail", date(2026, 12, 20)),
        ("Envoyer le mail avant le 2", "Envoyer le mail", date(2027, 1, 2)),
        ("Send it by the 20th", "Send it", date(2026, 12, 20)),
        ("Fix the 3 reports by the end of the month", "Fix the 3 reports", date(2026, 12, 31)),
        (
            "Préparer les 2 réunions la semaine prochaine",
            "Préparer les 2 réunions",
            date(2026, 12, 10),
        ),
        ("d'ici la fin de la semaine, écrire le cadre", "écrire le cadre", date(2026, 12, 4)),
        ("début février : lancer le binôme", "lancer le binôme", date(2027, 2, 1)),
        ("mi-janvier, bilan", "bilan", date(2027, 1, 15)),
        (
            "Rencontrer les 8 personnes avant le 1er mars",
            "Rencontrer les 8 personnes",
            date(2027, 3, 1),
        ),
        (
            "Envoyer la proposition au plus tard le 10 janvier 2027",
            "Envoyer la proposition",
            date(2027, 1, 10),
        ),
        ("Write the rules this Friday", "Write the rules", date(2026, 12, 4)),
        ("Do it before 05/04", "Do it", date(2027, 4, 5)),
    ],
)
def test_a_due_date_is_found_wherever_it_is_written(line, what, due):
    assert find_due(line, THURSDAY) == (what, due)


def test_month_first_where_people_write_it_so():
    assert find_due("Do it before 05/04", THURSDAY, day_first=False) == ("Do it", date(2027, 5, 4))
    assert find_due("Do it before 12/25", THURSDAY, day_first=False)[1] == date(2026, 12, 25)


@pytest.mark.parametrize(
    "line",
    [
        "Call Anne",
        "Lire 3 chapitres du livre",
        "Prendre 2 jours de congé",
        "Appeler les 8",
        "Prendre 15 min chaque lundi",
        "Appeler le 06 12 34 56 78",
    ],
)
def test_a_line_without_a_date_stays_whole(line):
    assert find_due(line, THURSDAY) == (line, None)


@pytest.mark.parametrize(
    ("line", "shown"), [("Relire — 2026-02-30", "2026-02-30"), ("Relire avant le 31/04", "31/04")]
)
def test_a_date_that_does_not_exist_is_pointed_out(line, shown):
    with pytest.raises(InvalidValue) as refused:
        find_due(line, THURSDAY)
    assert (refused.value.key, refused.value.params) == ("plan.bad_date", {"date": shown})
