"""Validation and value types for what people write in a session."""

import pytest

from bot.domain import (
    MAX_TEXT,
    ActionStatus,
    ConfirmStatus,
    ContributionKind,
    Harvest,
    HelpKind,
    InvalidText,
    InvalidValue,
    check_rating,
    clean_text,
    default_contribution_kind,
)


def test_text_is_stripped():
    assert clean_text("  help me to decide \n") == "help me to decide"


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_is_refused(text):
    with pytest.raises(InvalidText) as refused:
        clean_text(text)
    assert refused.value.key == "text.empty"


def test_text_at_the_limit_is_accepted():
    assert len(clean_text("x" * MAX_TEXT)) == 3000


def test_text_over_the_limit_is_refused_with_both_lengths():
    with pytest.raises(InvalidText) as refused:
        clean_text("x" * 12, limit=10)
    assert refused.value.key == "text.too_long"
    assert refused.value.params == {"limit": 10, "length": 12}


@pytest.mark.parametrize(
    ("help_kinds", "expected"),
    [
        ([HelpKind.IDEAS], ContributionKind.IDEA),
        ([HelpKind.EXPERIENCE], ContributionKind.EXPERIENCE),
        ([HelpKind.RESOURCES], ContributionKind.RESOURCE),
        ([HelpKind.REFRAMING_QUESTIONS], ContributionKind.QUESTION),
        ([HelpKind.IMPRESSIONS], ContributionKind.IMPRESSION),
        ([HelpKind.ACTION_OPTIONS, HelpKind.IDEAS], ContributionKind.SUGGESTION),
        ([], ContributionKind.IDEA),
    ],
)
def test_a_plain_contribution_takes_the_first_kind_of_help_asked(help_kinds, expected):
    assert default_contribution_kind(help_kinds) is expected


@pytest.mark.parametrize("rating", [1, 3, 5])
def test_ratings_from_one_to_five_are_accepted(rating):
    assert check_rating(rating) == rating


def test_a_rating_sent_as_text_by_a_select_menu_is_accepted():
    assert check_rating("4") == 4


@pytest.mark.parametrize("rating", [0, 6, -1, 2.5, "five", None, True])
def test_other_ratings_are_refused(rating):
    with pytest.raises(InvalidValue) as refused:
        check_rating(rating)
    assert refused.value.key == "evaluation.rating_range"


@pytest.mark.parametrize("enum", [HelpKind, ContributionKind, Harvest, ActionStatus, ConfirmStatus])
def test_enum_values_are_lower_snake_case_of_their_names(enum):
    assert all(member.value == member.name.lower() for member in enum)
