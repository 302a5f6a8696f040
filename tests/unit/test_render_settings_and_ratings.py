"""The settings modal, its confirmation and the root's ratings line render as valid
Block Kit in French and English, with the group's name escaped."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import DEFAULT_ASYNC_HOURS, DEFAULT_LIVE_MINUTES
from bot.emulator import problems, view_problems
from bot.i18n import t
from bot.services.group_settings import GroupSettings
from bot.services.read_models import SessionView
from bot.slack.render import session as session_msgs
from bot.slack.render.settings import settings_modal, settings_saved

LANGS = ["fr", "en"]
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def _settings(lang, **changes):
    settings = GroupSettings(
        lang=lang,
        group_name="Managers <!channel>",
        mode="live",
        with_follow_up=False,
        strict_exploration=True,
        live_minutes={int(p): m for p, m in DEFAULT_LIVE_MINUTES.items()},
        async_hours={int(p): h for p, h in DEFAULT_ASYNC_HOURS.items()},
    )
    return replace(settings, **changes)


def _learning(lang, not_rated):
    return SessionView(
        id=7,
        number=3,
        group_name="Managers",
        channel_id="C1",
        lang=lang,
        mode="live",
        status="running",
        phase=6,
        phases=tuple(range(1, 7)),
        client_id="U1",
        facilitator_id="U9",
        consultants=("U2", "U3"),
        deadline=NOW + timedelta(minutes=15),
        version=4,
        pending={"not_rated": not_rated},
        minutes=20,
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("follow_up", [True, False])
def test_the_settings_modal_is_a_valid_view_prefilled_with_the_settings(lang, follow_up):
    view = settings_modal(lang, "C1", _settings(lang, with_follow_up=follow_up))
    assert view_problems(view) == []
    inputs = [b for b in view["blocks"] if b["type"] == "input"]
    # 14 boxes; follow-up, exploration, evaluations, video, peer-run, harvest held,
    # workdays, holidays
    assert len(inputs) == 8 + 14
    assert bool(inputs[0]["element"].get("initial_options")) is follow_up


@pytest.mark.parametrize("lang", LANGS)
def test_the_saved_settings_message_is_valid_and_escapes_the_group_name(lang):
    payload = settings_saved(_settings(lang, strict_exploration=False))
    assert problems(payload.blocks, "message") == []
    assert "<!channel>" not in payload.text + str(payload.blocks)
    assert "5 / 10 / 15 / 5 / 25 / 15 / 15" in payload.text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("not_rated", [["U2", "U9"], []])
def test_the_root_in_phase_six_counts_ratings_and_shows_the_groups_time_box(lang, not_rated):
    payload = session_msgs.session_root(_learning(lang, not_rated))
    assert problems(payload.blocks, "message") == []
    shown = str(payload.blocks)
    if not_rated:
        expected = t(lang, "session.root.rated", count=2, total=4, people="<@U2>, <@U9>")
    else:
        expected = t(lang, "session.root.all_rated", total=4)
    assert expected in shown and "20 min" in shown
