"""Ratings and learnings leave the group only as people were told: the facilitator's
evaluation export is anonymous unless the group chose named evaluations (and the
rating form says which, before anyone rates); the sponsor's cycle report quotes only
the learnings of members who agreed."""

from __future__ import annotations

import csv
import io

from bot.i18n import t
from tests.support.content_flows import click_in_thread, last_view, reply, submit
from tests.support.data import START
from tests.support.flows import add_peers, change_settings, root_message, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS

CLIENT, SHARER, PRIVATE = PEERS[0], PEERS[1], PEERS[2]
T0 = START  # the stack's own calendar, never the machine's


def _to_phase_six(stack):
    stack.clock.now = T0
    setup_group(stack)
    add_peers(stack, 3)
    assert start_session(stack, f"start <@{CLIENT}|peer1>").status == 200
    root = root_message(stack)
    for _ in range(5):
        assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200
    return root


def _rate(stack, root, person, rating, learnt, share):
    click_in_thread(stack, person, root, "codev_evaluate")
    form = str(last_view(stack)["blocks"])
    values = {"rating": rating, "learnings": learnt, "share_learnings": ["share"] if share else []}
    assert submit(stack, person, values) == {}
    return form


def _files(stack, user):
    stack.deliver()
    return {f["name"].rsplit("-", 3)[0]: f for f in stack.emulator.files(user)}


def _evaluations(stack):
    assert stack.driver.command(FACILITATOR, CHANNEL, "export").status == 200
    file = _files(stack, FACILITATOR)["evaluations"]
    return list(csv.DictReader(io.StringIO(file["content"].decode("utf-8-sig"))))


def test_evaluations_are_exported_without_names_by_default_and_the_form_says_so(stack):
    root = _to_phase_six(stack)
    form = _rate(stack, root, SHARER, "4", "listen first", share=False)
    _rate(stack, root, PRIVATE, "2", "ask open questions", share=False)
    assert t("en", "modal.eval.privacy.anon") in form
    stack.deliver()
    assert "Only the group's averages" in str(stack.emulator.ephemerals(SHARER))
    assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200

    rows = _evaluations(stack)
    assert sorted(int(r["rating"]) for r in rows) == [2, 4]
    assert {r["user_id"] for r in rows} == {""} and {r["created_at"] for r in rows} == {""}
    exported = str(rows)
    assert SHARER not in exported and PRIVATE not in exported


def test_named_evaluations_are_announced_before_rating_and_exported_with_names(stack):
    stack.clock.now = T0
    setup_group(stack)
    errors = change_settings(stack, {"named_evaluations": ["on"]})
    assert errors == {}
    add_peers(stack, 3)
    assert start_session(stack, f"start <@{CLIENT}|peer1>").status == 200
    root = root_message(stack)
    for _ in range(5):
        assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200
    form = _rate(stack, root, SHARER, "5", "listen first", share=False)
    assert t("en", "modal.eval.privacy.named").replace("*", "") in form.replace("*", "")
    stack.deliver()
    assert "under your name" in str(stack.emulator.ephemerals(SHARER))
    assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200
    rows = _evaluations(stack)
    assert [(r["user_id"], r["rating"]) for r in rows] == [(SHARER, "5")]


def test_the_cycle_report_quotes_only_the_learnings_of_members_who_agreed(stack):
    root = _to_phase_six(stack)
    reply(stack, SHARER, root, "shared insight about delegation")
    reply(stack, PRIVATE, root, "private insight about my boss")
    _rate(stack, root, SHARER, "4", "shared answer on listening", share=True)
    _rate(stack, root, PRIVATE, "3", "private answer on fear", share=False)
    click_in_thread(stack, SHARER, root, "codev_evaluate")
    assert last_view(stack)["blocks"][-1]["element"].get("initial_options")  # remembered
    assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200

    answer = stack.driver.command(CLIENT, CHANNEL, "report group")
    assert answer.status == 200 and "being posted" in answer.body, answer.body
    assert stack.driver.command(FACILITATOR, CHANNEL, "export").status == 200
    report = _files(stack, FACILITATOR)["cycle-report"]["content"].decode("utf-8")
    posted = "\n".join(str(m.blocks) for m in stack.emulator.channel_messages(CHANNEL))
    for shown in (report, posted):
        assert "shared insight about delegation" in shown
        assert "shared answer on listening" in shown
        assert "private insight" not in shown and "private answer" not in shown


def test_a_member_gives_and_withdraws_consent_with_a_command_at_any_time(stack):
    root = _to_phase_six(stack)
    reply(stack, SHARER, root, "an insight about trust")
    _rate(stack, root, SHARER, "4", "", share=True)
    assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200

    def quoted():
        assert stack.driver.command(FACILITATOR, CHANNEL, "export").status == 200
        return "an insight about trust" in _files(stack, FACILITATOR)["cycle-report"][
            "content"
        ].decode("utf-8")

    assert quoted()
    withdrawn = stack.driver.command(SHARER, CHANNEL, "confidentialité partage non")
    assert t("en", "privacy.share.off") in withdrawn.body
    assert not quoted()
    given = stack.driver.command(SHARER, CHANNEL, "privacy share on")
    assert t("en", "privacy.share.on").split("`")[0] in given.body
    assert quoted()
    wrong = stack.driver.command(SHARER, CHANNEL, "privacy share maybe")
    assert "privacy share on" in wrong.body
    outsider = stack.driver.command(PEERS[5], CHANNEL, "privacy share on")
    assert "Only the members" in outsider.body
