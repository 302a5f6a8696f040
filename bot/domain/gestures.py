"""Slack's own gestures: an emoji reaction that does what a button already does.

People in Slack react with emoji; a client who adds ⭐ to a contribution means
"I keep this one". A gesture is only a second way to an existing action, so it
is checked against the same rules table as the button (`Gesture.action`), and
removing the reaction undoes what adding it did.

A group's mapping is data: {emoji name: gesture}. Slack names reactions without
colons and adds skin tones as `+1::skin-tone-3`; both forms mean the same gesture.
"""

from __future__ import annotations

import re
from enum import StrEnum

from .errors import DomainError
from .roles import Action


class Gesture(StrEnum):
    KEEP = "keep"  # the client keeps a contribution (the harvest board's Keep)
    CONFIRM = "confirm"  # a consultant confirms the contract (the card's Confirm)
    FLOOR = "floor"  # a consultant asks for the floor in clarification (a raised hand)

    @property
    def action(self) -> Action:
        """The action the gesture stands for: it may be done only when that may.
        Asking for the floor is asking a question out loud, so it follows its rule."""
        return {
            Gesture.KEEP: Action.HARVEST,
            Gesture.CONFIRM: Action.CONFIRM_CONTRACT,
            Gesture.FLOOR: Action.ASK_QUESTION,
        }[self]


DEFAULT_GESTURES: dict[str, Gesture] = {
    "star": Gesture.KEEP,
    "+1": Gesture.CONFIRM,
    "raising_hand": Gesture.FLOOR,
}

# What people type to name a gesture, in both languages.
GESTURE_WORDS: dict[str, Gesture] = {
    "keep": Gesture.KEEP,
    "garder": Gesture.KEEP,
    "retenir": Gesture.KEEP,
    "confirm": Gesture.CONFIRM,
    "confirmer": Gesture.CONFIRM,
    "valider": Gesture.CONFIRM,
    "floor": Gesture.FLOOR,
    "hand": Gesture.FLOOR,
    "parole": Gesture.FLOOR,
    "main": Gesture.FLOOR,
}
OFF_WORDS = {"off", "none", "aucun", "aucune", "désactiver", "desactiver", "non"}
DEFAULT_WORDS = {"default", "defaults", "défaut", "defaut", "par-défaut", "reset"}
# "⭐ = keep", ":star: keep", "star→garder", "+1:confirm", "star=keep, +1=confirm" …
SEPARATORS = re.compile(r"[\s,;=:]+|->|→")
SKIN_TONE = re.compile(r"::skin-tone-\d")
# The few emoji people paste rather than name.
EMOJI_NAMES = {
    "⭐": "star",
    "🌟": "star2",
    "👍": "+1",
    "✅": "white_check_mark",
    "🙋": "raising_hand",
}
MAX_GESTURES = 6


def base_name(reaction: str) -> str:
    """`+1::skin-tone-3` → `+1`; `thumbsup` is Slack's other name for `+1`."""
    name = (reaction or "").split("::")[0].strip(":").lower()
    return "+1" if name == "thumbsup" else name


def gesture_for(reaction: str, mapping: dict[str, str] | None) -> Gesture | None:
    """The gesture a reaction stands for in a group (None: just a reaction)."""
    table = DEFAULT_GESTURES if mapping is None else mapping
    value = table.get(base_name(reaction))
    return Gesture(value) if value else None


def parse_gestures(text: str) -> dict[str, str] | None:
    """A facilitator's setting, as people write it: `star=keep +1=confirm`,
    `⭐ garder, 👍 confirmer`, `off` (no gesture) or `default`. Returns the mapping
    to store ({} for off, None for the defaults); refuses what it cannot read."""
    words = (text or "").strip()
    plain = words.lower()
    if plain in OFF_WORDS:
        return {}
    if plain in DEFAULT_WORDS:
        return None
    for emoji, name in EMOJI_NAMES.items():
        words = words.replace(emoji, f" {name} ")
    words = SKIN_TONE.sub("", words)
    tokens = [token for token in SEPARATORS.split(words) if token]
    mapping: dict[str, str] = {}
    for name, word in zip(tokens[::2], tokens[1::2], strict=False):
        gesture = GESTURE_WORDS.get(word.lower())
        if gesture is None:
            raise DomainError("gestures.usage", value=f"{name} {word}")
        mapping[base_name(name)] = str(gesture)
    if len(tokens) % 2:
        raise DomainError("gestures.usage", value=tokens[-1])
    if not mapping or len(mapping) > MAX_GESTURES:
        raise DomainError("gestures.usage", value=text or "—")
    return mapping


def effective(mapping: dict[str, str] | None) -> dict[str, str]:
    """The mapping in force: the group's own, or the defaults."""
    if mapping is None:
        return {name: str(gesture) for name, gesture in DEFAULT_GESTURES.items()}
    return dict(mapping)
