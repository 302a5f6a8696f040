"""How replies and the action plan's text are read: kind tags, dated lines."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain import ContributionKind
from bot.services.action_plan import parse_plan
from bot.services.forms import InvalidFields
from bot.services.harvest import split_kind_tag


@pytest.mark.parametrize(
    ("text", "kind", "rest"),
    [
        ("idea: talk to her", ContributionKind.IDEA, "talk to her"),
        ("Idée : lui parler", ContributionKind.IDEA, "lui parler"),
        ("[ressource]: un livre", ContributionKind.RESOURCE, "un livre"),
        ("vécu : j'ai vécu ça", ContributionKind.EXPERIENCE, "j'ai vécu ça"),
        ("Impression: tension", ContributionKind.IMPRESSION, "tension"),
    ],
)
def test_a_leading_tag_gives_the_contribution_its_kind(text, kind, rest):
    assert split_kind_tag(text) == (kind, rest)


@pytest.mark.parametrize("text", ["note: not a kind", "idea:", "http://example.com", "plain text"])
def test_text_without_a_known_tag_is_left_alone(text):
    assert split_kind_tag(text) == (None, text)


TODAY = date(2026, 12, 3)  # a Thursday


def test_a_plan_is_one_action_per_line_with_its_date_wherever_it_is():
    text = (
        "• Call Anne — 2026-12-15\n\nShare the board by 2026-12-20\nRelire avant 2027-01-05\n"
        "1) Parler à Julie d'ici vendredi\n- Faire le point fin janvier\nThink it over"
    )
    assert parse_plan(text, TODAY) == [
        ("Call Anne", date(2026, 12, 15)),
        ("Share the board", date(2026, 12, 20)),
        ("Relire", date(2027, 1, 5)),
        ("Parler à Julie", date(2026, 12, 4)),
        ("Faire le point", date(2027, 1, 31)),
        ("Think it over", None),
    ]


def test_the_pre_filled_lines_of_kept_contributions_are_actions_without_a_date():
    assert parse_plan("Talk to her — \nAsk the team —", TODAY) == [
        ("Talk to her", None),
        ("Ask the team", None),
    ]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "plan.empty"),
        (" — \n•", "plan.empty"),
        ("Call Anne — 2026-02-30", "plan.bad_date"),
        ("Call Anne avant le 31/04", "plan.bad_date"),
        ("\n".join(f"a{n} — 2026-12-15" for n in range(21)), "plan.too_many"),
    ],
)
def test_a_bad_plan_names_what_to_fix(text, key):
    with pytest.raises(InvalidFields) as refused:
        parse_plan(text, TODAY)
    assert refused.value.errors["actions_text"][0] == key
