"""Gestures as people write them, and what each stands for."""

import pytest

from bot.domain import Action, DomainError
from bot.domain.gestures import Gesture, effective, gesture_for, parse_gestures


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("star=keep +1=confirm", {"star": "keep", "+1": "confirm"}),
        ("⭐ garder, 👍 confirmer", {"star": "keep", "+1": "confirm"}),
        (":star: = keep, :+1: = confirm", {"star": "keep", "+1": "confirm"}),
        ("star -> retenir", {"star": "keep"}),
        ("star→keep", {"star": "keep"}),
        ("+1::skin-tone-2 valider", {"+1": "confirm"}),
        ("🙋 parole", {"raising_hand": "floor"}),
        ("off", {}),
        ("aucun", {}),
    ],
)
def test_a_facilitator_writes_gestures_as_they_come(typed, expected):
    assert parse_gestures(typed) == expected


@pytest.mark.parametrize("typed", ["défaut", "default"])
def test_default_goes_back_to_the_defaults(typed):
    assert parse_gestures(typed) is None
    assert effective(parse_gestures(typed)) == {
        "star": "keep",
        "+1": "confirm",
        "raising_hand": "floor",
    }


@pytest.mark.parametrize("typed", ["heart=love", "star", "", "star=keep heart"])
def test_what_cannot_be_read_is_refused_with_the_usage(typed):
    with pytest.raises(DomainError) as refusal:
        parse_gestures(typed)
    assert refusal.value.key == "gestures.usage"


def test_skin_tones_and_slacks_other_name_are_the_same_gesture():
    assert gesture_for("+1::skin-tone-5", None) is Gesture.CONFIRM
    assert gesture_for("thumbsup", None) is Gesture.CONFIRM
    assert gesture_for("star", {}) is None  # gestures off
    assert gesture_for("heart", None) is None


def test_a_gesture_is_the_action_behind_its_button():
    assert Gesture.KEEP.action is Action.HARVEST
    assert Gesture.CONFIRM.action is Action.CONFIRM_CONTRACT
    assert Gesture.FLOOR.action is Action.ASK_QUESTION
