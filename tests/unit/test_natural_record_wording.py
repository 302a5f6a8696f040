"""Typography and wording held across the catalogs: one « n° », one inclusive-writing
choice (epicene, no midpoint), French names in the French help, times as Slack tokens
with words in the group's zone under them."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

from bot.i18n import CATALOGS
from bot.services.read_models import SessionView
from bot.slack.listeners.commands import french_names
from bot.slack.render import session as session_msgs
from bot.slack.render.group import help_message
from bot.slack.render.kit import slack_time

FRENCH = CATALOGS["fr"]


def test_one_spelling_of_numero_in_french():
    glued = {key: text for key, text in FRENCH.items() if re.search(r"n°(?!\s)", text)}
    assert glued == {}


def test_one_inclusive_writing_choice_epicene_without_midpoint():
    midpoints = {key: text for key, text in FRENCH.items() if re.search(r"\w·\w", text)}
    assert midpoints == {}
    agreed = {key: text for key, text in FRENCH.items() if re.search(r"vous seul\b", text)}
    assert agreed == {}


def test_no_typo_in_the_help_placeholders():
    assert not [key for key, text in FRENCH.items() if "quelquun" in text]


def test_the_french_help_shows_the_french_names_of_commands_and_their_words():
    french = french_names()
    english_with_a_french_name = set(french) | {"list", "cancel", "move", "close", "absent"}
    text = "\n".join(
        b["text"]["text"] for b in help_message("fr", french).blocks if b["type"] == "section"
    )
    for line in text.splitlines():
        description = line.split(" — ", 1)[-1]
        for code in re.findall(r"`([^`]+)`", description):
            words = code.replace("/codev ", "").split()
            assert not set(words[:2]) & english_with_a_french_name, line


def test_a_time_is_a_slack_token_with_words_in_the_groups_zone():
    moment = datetime(2026, 12, 10, 13, 30, tzinfo=UTC)
    shown = slack_time(moment, "Europe/Paris", "fr")
    assert shown.startswith(f"<!date^{int(moment.timestamp())}^")
    assert shown.endswith("|jeudi 10 décembre, 14:30 (Europe/Paris)>")
    assert slack_time(moment, "Nowhere/City", "en").endswith("|Thursday, December 10, 13:30 (UTC)>")


def test_the_phase_prompts_give_times_in_the_groups_zone():
    view = SessionView(
        id=1,
        number=2,
        group_name="G",
        channel_id="C1",
        lang="fr",
        mode="async",
        status="running",
        phase=2,
        phases=tuple(range(1, 7)),
        client_id="U1",
        facilitator_id="U9",
        consultants=("U2",),
        deadline=datetime(2026, 12, 10, 13, 30, tzinfo=UTC),
        version=1,
        tz="America/Montreal",
    )
    for shown in (session_msgs.session_root(view), session_msgs.phase_prompt(view)):
        said = str(shown.blocks)
        assert "<!date^" in said and "08:30 (America/Montreal)" in said and " UTC" not in said
    live = replace(view, mode="live")
    assert "08:30 (America/Montreal)" in str(session_msgs.phase_prompt(live).blocks)


def test_reminders_and_nudges_say_the_time_in_words_in_the_groups_zone():
    from bot.slack.render import cycle, nudges

    moment = datetime(2026, 12, 10, 17, 0, tzinfo=UTC)
    reminder = cycle.session_reminder("fr", "Cercle", 3, moment, 60, "Europe/Paris")
    assert "|jeudi 10 décembre, 18:00 (Europe/Paris)>" in str(reminder.blocks)
    nudge = nudges.phase_nudge("en", "ask", "Circle", 3, "C1", moment, 2, tz="America/Montreal")
    assert "|Thursday, December 10, 12:00 (America/Montreal)>" in str(nudge.blocks)
