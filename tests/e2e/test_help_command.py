"""`/codev help` (`aide`) over signed HTTP: every subcommand with its French name."""

from __future__ import annotations

from tests.support.flows import said, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, PEERS


def test_help_lists_each_subcommand_with_its_french_name_in_the_readers_language(stack_fr):
    stack = stack_fr
    setup_group(stack, lang="fr")
    shown = said(stack.driver.command(PEERS[0], CHANNEL, "aide"))
    assert "`/codev réglages` (ou `settings`)" in shown
    assert "`/codev suivant` (ou `next`)" in shown
    assert "`/codev rapport groupe` (ou `report group`)" in shown
    assert stack.driver.command(FACILITATOR, CHANNEL, "lang en").status == 200
    shown = said(stack.driver.command(FACILITATOR, CHANNEL, "n'importe quoi"))
    assert "`/codev settings` (French: `réglages`)" in shown
    assert "`/codev forget-me` (French: `oublie-moi`)" in shown
    assert stack.emulator.rejected() == []
