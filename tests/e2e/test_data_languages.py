"""`/codev lang` (langue): my language, the group's, and the Slack locale by default."""

from __future__ import annotations

from tests.support.data import uow
from tests.support.flows import add_peers, said, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, PEERS


def test_i_choose_french_and_the_app_answers_me_in_french(stack):
    setup_group(stack)
    add_peers(stack, 2)
    answer = stack.driver.command(PEERS[0], CHANNEL, "lang fr")
    assert "je vous écrirai désormais en français" in said(answer)
    assert "cette aide" in said(stack.driver.command(PEERS[0], CHANNEL, "aide"))
    assert "this help" in said(stack.driver.command(PEERS[1], CHANNEL, "help"))
    stack.deliver()
    assert "Vos groupes" in str(stack.emulator.home(PEERS[0])["blocks"])
    assert stack.emulator.rejected() == []


def test_the_facilitator_sets_the_group_language_and_a_member_may_not(stack):
    setup_group(stack)
    add_peers(stack, 2)
    refused = stack.driver.command(PEERS[0], CHANNEL, "langue groupe fr")
    assert "Only the group's facilitator" in said(refused)
    stack.driver.app_home_opened(FACILITATOR)
    stack.services.locales.run()  # the job it wakes remembers their Slack locale (en-US)
    done = stack.driver.command(FACILITATOR, CHANNEL, "lang group fr")
    assert "now speaks French" in said(done)
    with uow(stack) as u:
        assert u.groups.by_channel("T0CODEV", CHANNEL).lang == "fr"


def test_a_language_i_do_not_speak_is_explained(stack):
    setup_group(stack)
    answer = stack.driver.command(PEERS[0], CHANNEL, "lang de")
    assert "“de” is not a language I speak" in said(answer)
    assert "/codev lang fr" in said(answer)


def test_lang_alone_shows_mine_and_the_groups(stack):
    setup_group(stack, lang="fr")
    answer = stack.driver.command(FACILITATOR, CHANNEL, "lang")
    assert "Groupe de ce canal : français" in said(answer) or "group: French" in said(answer)


def test_without_a_choice_my_slack_locale_is_remembered_on_the_home_tab(stack):
    setup_group(stack)
    stack.emulator.add_user("U0FRENCH", "francoise", real_name="Françoise", locale="fr-FR")
    stack.driver.app_home_opened("U0FRENCH")
    assert not [c for c in stack.emulator.calls if c.method == "users.info"]  # not on the ack
    assert stack.services.locales.run() == 2  # hers, and the facilitator of the group
    stack.deliver()
    with uow(stack) as u:
        assert u.prefs.lang("U0FRENCH") == "fr"
    assert "Vous ne faites encore partie" in str(stack.emulator.home("U0FRENCH")["blocks"])
    info_calls = [c for c in stack.emulator.calls if c.method == "users.info"]
    stack.driver.app_home_opened("U0FRENCH")
    assert stack.services.locales.run() == 0
    assert len([c for c in stack.emulator.calls if c.method == "users.info"]) == len(info_calls)
