"""`/codev help` lists every subcommand the router knows, with its French name, in
both languages: a new subcommand without its help line fails here."""

from __future__ import annotations

import pytest
from slack_sdk.models.blocks import Block

from bot.i18n import CATALOGS
from bot.slack.listeners.commands import french_names, parse, route_table
from bot.slack.render.group import SUBCOMMANDS, help_message

ROUTED = sorted(route_table())


@pytest.mark.parametrize("name", ROUTED)
def test_every_routed_subcommand_has_a_help_line_in_both_languages(name):
    assert name in SUBCOMMANDS
    for lang in ("fr", "en"):
        assert f"help.cmd.{name}" in CATALOGS[lang], (lang, name)


@pytest.mark.parametrize("name", ROUTED)
def test_every_routed_subcommand_has_a_french_name_that_routes_to_it(name):
    french = french_names()[name]
    assert parse(french)[0] == name


def test_every_help_line_is_a_subcommand_the_router_knows():
    for name in SUBCOMMANDS:
        assert name.split(" ")[0] in ROUTED, name


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_help_shows_every_subcommand_with_its_french_name(lang):
    message = help_message(lang, french_names())
    text = "\n".join(b["text"]["text"] for b in message.blocks if b["type"] == "section")
    for name, french in french_names().items():
        if name not in SUBCOMMANDS:
            continue
        assert f"`/codev {name}`" in text or f"`{name}`" in text, name
        assert f"`{french}`" in text or f"`/codev {french}`" in text, french
    for block in message.blocks:
        Block.parse(block).validate_json()
        if block["type"] == "section":  # none cut at Slack's limit
            assert len(block["text"]["text"]) < 3000
