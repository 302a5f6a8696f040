"""Every foundation message renders as valid Block Kit, in French and English."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.emulator import problems, view_problems
from bot.services.groups import GroupInfo, MembersChange
from bot.services.read_models import SessionView
from bot.services.summary import SessionSummary
from bot.slack.render import SlackRenderer
from bot.slack.render import group as group_msgs
from bot.slack.render import session as session_msgs
from bot.slack.render.modals import setup_modal
from bot.slack.text import escape

LANGS = ["fr", "en"]
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def _view(lang, phase=2, status="running", mode="live"):
    return SessionView(
        id=7,
        number=3,
        group_name="Managers <!channel>",
        channel_id="C1",
        lang=lang,
        mode=mode,
        status=status,
        phase=phase,
        phases=tuple(range(1, 7)),
        client_id="U1",
        facilitator_id="U9",
        consultants=("U2", "U3"),
        deadline=NOW + timedelta(minutes=15),
        version=4,
        pending={"unanswered": [1, 3], "unconfirmed": ["U2"], "not_rated": ["U3"]},
    )


def _valid(payload):
    assert payload.text
    assert problems(payload.blocks, "message") == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("phase", range(1, 7))
@pytest.mark.parametrize("mode", ["live", "async"])
def test_root_message_and_phase_prompt_are_valid_block_kit(lang, phase, mode):
    _valid(session_msgs.session_root(_view(lang, phase, mode=mode)))
    _valid(session_msgs.phase_prompt(_view(lang, phase, mode=mode)))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("status", ["done", "cancelled"])
def test_a_finished_session_root_keeps_only_the_attendance_sheet_and_journal(lang, status):
    payload = session_msgs.session_root(_view(lang, 6, status=status))
    _valid(payload)
    buttons = [
        e["action_id"] for b in payload.blocks if b["type"] == "actions" for e in b["elements"]
    ]
    assert buttons == (["codev_attendance", "codev_journal"] if status == "done" else [])


@pytest.mark.parametrize("lang", LANGS)
def test_status_help_and_group_messages_are_valid_block_kit(lang):
    _valid(session_msgs.session_status(_view(lang), lang))
    _valid(session_msgs.end_confirmation(_view(lang), lang))
    _valid(group_msgs.help_message(lang))
    info = GroupInfo("Managers", lang, "Europe/Paris", "live", "U9", ["U1", "U2"])
    _valid(group_msgs.group_ready(info, True))
    change = MembersChange(lang, ["U1"], ["U2"], ["U1", "U2"], "U9")
    _valid(group_msgs.members_added(change))
    _valid(group_msgs.members_answer(change, "members.added"))


@pytest.mark.parametrize("lang", LANGS)
def test_summary_and_recap_escape_what_people_wrote(lang):
    summary = SessionSummary(
        session_id=1,
        number=2,
        group_name="G",
        lang=lang,
        client_id="U1",
        status="done",
        contract_request="help me to <!channel> reach <@U123>",
        help_kinds=["ideas"],
        contributions_by_kind={"idea": 3, "resource": 1},
        kept=["<!here> keep this"],
        actions=[("call HR", "2026-12-15")],
        learnings=[("U2", "learned <!everyone>")],
        average_rating=4.5,
        ratings=2,
    )
    for payload in (
        SlackRenderer.session_summary(summary),
        *SlackRenderer.client_record(summary, lang),
    ):
        _valid(payload)
        rendered = str(payload.blocks)
        assert "<!channel>" not in rendered and "<!here>" not in rendered
        assert "<!everyone>" not in rendered and "<@U123>" not in rendered


@pytest.mark.parametrize("lang", LANGS)
def test_the_setup_modal_is_a_valid_view(lang):
    assert view_problems(setup_modal(lang, "C1", None, "U1")) == []
    current = GroupInfo("Managers", "en", "America/Montreal", "async", "U9", [])
    assert view_problems(setup_modal(lang, "C1", current, "U1")) == []


def test_escape_neutralises_slack_control_characters():
    assert escape("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"


@pytest.mark.parametrize("lang", LANGS)
def test_a_group_name_cannot_ping_the_channel_through_a_notification_text(lang):
    payload = session_msgs.session_root(_view(lang))
    assert "<!channel>" not in payload.text
