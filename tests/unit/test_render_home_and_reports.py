"""Every surface of the home, the assessment and the data commands renders in
French and English, with every key present, and Slack would accept it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.emulator import problems, view_problems
from bot.i18n import CATALOGS, placeholders
from bot.i18n.areas import data
from bot.services.assessment import Assessment, SessionFigures
from bot.services.home import HomeGroup, HomeItem, HomeLearning, HomeSession, HomeView
from bot.services.privacy import PrivacySettings
from bot.slack.render import home, reports

AT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LANGS = ["fr", "en"]


def _home(lang, outsider=False):
    if outsider:
        return HomeView("U1", lang)
    return HomeView(
        "U1",
        lang,
        groups=[
            HomeGroup(1, "Cercle <managers>", "C1", True, 2, 4),
            HomeGroup(2, "B", "C2", False),
        ],
        sessions=[
            HomeSession("Cercle", "C1", 2, "running", AT, 4, False),
            HomeSession("B", "C2", 3, "planned", AT, None, True),
        ],
        items=[
            HomeItem(i, f"Item <!channel> {i}", date(2026, 12, 15), s, "B", 1)
            for i, s in enumerate(["open", "in_progress"] * 6)
        ],
        learnings=[HomeLearning(f"Learning {i}", AT, "B", 1) for i in range(10)],
    )


def _assessment(lang, held=True):
    figures = [
        SessionFigures(n, AT, AT, 120, "U1", ["U1", "U2"], ["U1", "U2", "U3"], r, 2)
        for n, r in ((1, 3.5), (2, None), (3, 4.5))
    ]
    return Assessment(
        1,
        "Cercle",
        "C1",
        lang,
        3 if held else 0,
        2,
        6.0,
        35,
        [("U1", 1), ("U2", 1)],
        0.667,
        {"open": 1, "in_progress": 1, "done": 2, "dropped": 0},
        figures if held else [],
        "up" if held else None,
        [("Listening first", 3)] if held else [],
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("outsider", [False, True])
def test_the_home_view_renders_in_both_languages_and_slack_accepts_it(lang, outsider, caplog):
    view = home.view_of(home.home_view(_home(lang, outsider)))
    assert view["type"] == "home"
    assert view_problems(view) == []
    assert problems(view["blocks"], "home") == []
    assert "missing i18n key" not in caplog.text
    assert "<!channel>" not in str(view)


@pytest.mark.parametrize("lang", LANGS)
def test_every_assessment_and_data_answer_renders_in_both_languages(lang, caplog):
    messages = [
        reports.assessment(_assessment(lang)),
        reports.assessment(_assessment(lang, held=False)),
        reports.lang_set(lang, "me"),
        reports.lang_set(lang, "group", "Cercle"),
        reports.lang_current(lang, "fr"),
        reports.export_ready(lang, "Cercle", {"attendance": 3}),
        reports.export_failed(lang, "Cercle"),
        reports.my_data_ready(lang),
        reports.forget_confirmation(lang, "U1"),
        reports.forget_done(lang),
        reports.privacy_settings(PrivacySettings("Cercle", 12, "anonymise", lang)),
        reports.privacy_settings(PrivacySettings("Cercle", None, "delete", lang)),
        *[reports.notice(lang, key) for key in ("report.posted", "export.queued", "mydata.queued")],
    ]
    for message in messages:
        assert problems(message.blocks, "message") == []
    assert "missing i18n key" not in caplog.text
    markdown = reports.cycle_markdown(_assessment(lang)).text
    assert markdown.startswith("# ") and "| 3 |" in markdown


def test_the_chart_is_a_png_drawn_from_its_queued_figures():
    from bot.slack.render.charts import chart_png

    chart = reports.assessment_chart(_assessment("fr"))
    assert chart.extra["files"][0]["filename"].endswith(".png")
    assert chart_png(chart.extra["files"][0]["chart"]).startswith(b"\x89PNG")


def test_the_data_catalog_has_the_same_keys_and_placeholders_in_both_languages():
    assert set(data.EN) == set(data.FR)
    for key in data.EN:
        assert placeholders(data.EN[key]) == placeholders(data.FR[key]), key
        assert key in CATALOGS["fr"] and key in CATALOGS["en"]
