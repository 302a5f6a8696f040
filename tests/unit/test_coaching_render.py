"""What the method coach shows: the hint (with its offer), counts without names, coverage."""

from datetime import UTC, datetime, timedelta

from bot.services.read_models import SessionView
from bot.slack.render import SlackRenderer
from bot.slack.render.coaching import counts_line, coverage_line
from bot.slack.render.session import phase_prompt, session_root, session_status

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def _view(phase=4, pending=None, lang="en") -> SessionView:
    return SessionView(
        id=7,
        number=3,
        group_name="Managers",
        channel_id="C1",
        lang=lang,
        mode="live",
        status="running",
        phase=phase,
        phases=tuple(range(1, 7)),
        client_id="U1",
        facilitator_id="U9",
        consultants=("U2", "U3"),
        deadline=NOW + timedelta(minutes=15),
        version=4,
        pending=pending or {},
    )


COUNTS = {"coaching": {2: {"advice": 2}, 4: {"debate": 1, "argument": 1}}}
COVERAGE = {"coverage": [("experience", 0), ("ideas", 3)]}


def test_the_advice_hint_carries_the_offer_to_keep_the_idea_and_the_others_do_not():
    advice = SlackRenderer.coaching_hint("fr", "advice", 7, 2)
    assert "Garder l'idée pour l'exploration" in str(advice.blocks)
    assert '"value": "7:2"' in str(advice.blocks).replace("'", '"')
    debate = SlackRenderer.coaching_hint("en", "debate", 7)
    assert len(debate.blocks) == 1 and debate.text.startswith("Your reply is recorded.")


def test_counts_name_phases_and_slips_never_people():
    line = counts_line(_view(pending=COUNTS), "en")
    assert line == (
        "*Method hints given:* Clarification: 2 disguised advice · "
        "Exploration: 1 consultant argument, 1 client debate"
    )
    assert counts_line(_view(pending={"coaching": {}}), "fr").endswith("aucun pour l'instant.")
    assert counts_line(_view(), "en") == ""  # coaching off: nothing at all


def test_coverage_is_exact_in_status_and_only_ticked_on_the_root():
    view = _view(pending=COVERAGE)
    assert coverage_line(view, "en") == (
        "*Help asked for:* experience asked: 0 received · ideas asked: 3 received"
    )
    root = str(session_root(view).blocks)
    assert "experience asked: 0 received" in root and "ideas asked: received ✅" in root
    status = session_status(view, "fr").text
    assert "expériences demandées : 0 reçue(s)" in status and "idées demandées : 3" in status


def test_status_still_says_nothing_is_pending_when_only_the_coach_speaks():
    text = session_status(_view(pending=COUNTS), "en").text
    assert "Nothing pending" in text and "Method hints given" in text


def test_phase_six_prompt_looks_back_at_the_method_and_no_other_prompt_does():
    assert "Method hints given" in str(phase_prompt(_view(phase=6, pending=COUNTS)).blocks)
    assert "Method hints given" not in str(phase_prompt(_view(phase=4, pending=COUNTS)).blocks)
