"""Every word exists in French and English, with the same placeholders."""

from __future__ import annotations

import pytest

from bot.domain import REASON_KEYS, ContributionKind, HelpKind, Phase
from bot.i18n import CATALOGS, normalise_lang, placeholders, t


def test_french_and_english_catalogs_have_the_same_keys():
    assert set(CATALOGS["fr"]) == set(CATALOGS["en"])


@pytest.mark.parametrize("key", sorted(CATALOGS["en"]))
def test_each_message_has_the_same_placeholders_in_both_languages(key):
    assert placeholders(CATALOGS["fr"][key]) == placeholders(CATALOGS["en"][key])


def test_every_refusal_reason_of_the_rules_table_is_worded():
    assert set(CATALOGS["en"]) >= REASON_KEYS


@pytest.mark.parametrize("phase", list(Phase))
def test_every_phase_has_a_name_a_howto_and_who_speaks(phase):
    for part in ("name", "howto", "who"):
        assert f"phase.{phase.key}.{part}" in CATALOGS["fr"]


def test_every_kind_of_help_and_contribution_is_worded():
    for kind in HelpKind:
        assert f"help.{kind}" in CATALOGS["fr"]
    for kind in ContributionKind:
        assert f"contribution.{kind}" in CATALOGS["fr"]


def test_messages_are_formatted_with_their_parameters():
    assert t("fr", "group.full", max=8, current=8, asked=1).startswith("Un groupe")
    assert "8" in t("en", "group.full", max=8, current=8, asked=1)


def test_slack_locales_reduce_to_a_catalog_language():
    assert normalise_lang("fr-CA") == "fr"
    assert normalise_lang("en-GB") == "en"
    assert normalise_lang("de-DE", default="en") == "en"
    assert normalise_lang(None) == "fr"
