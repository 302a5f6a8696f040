"""How replies and the action plan's text are read: kind tags, dated lines."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain import ContributionKind
from bot.services.action_plan import parse_plan
from bot.services.common import InvalidFields
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


def test_a_plan_is_one_dated_action_per_line():
    text = "• Call Anne — 2026-12-15\n\nShare the board by 2026-12-20\nRelire avant 2027-01-05"
    assert parse_plan(text) == [
        ("Call Anne", date(2026, 12, 15)),
        ("Share the board", date(2026, 12, 20)),
        ("Relire", date(2027, 1, 5)),
    ]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "plan.empty"),
        ("Call Anne", "plan.bad_line"),
        ("Call Anne — 2026-02-30", "plan.bad_line"),
        ("\n".join(f"a{n} — 2026-12-15" for n in range(21)), "plan.too_many"),
    ],
)
def test_a_bad_plan_names_what_to_fix(text, key):
    with pytest.raises(InvalidFields) as refused:
        parse_plan(text)
    assert refused.value.errors["actions_text"][0] == key
