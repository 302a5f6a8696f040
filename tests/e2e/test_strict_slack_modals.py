"""A modal that fails keeps what was typed, and a refusal in a modal is always said."""

from __future__ import annotations

from tests.support.flows import open_view_id, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, PEERS


def _open_charter_editor(stack) -> str:
    setup_group(stack)
    assert stack.driver.command(FACILITATOR, CHANNEL, "charter edit").status == 200
    return open_view_id(stack)


def test_an_unexpected_failure_keeps_the_modal_open_with_an_error(stack, monkeypatch):
    view_id = _open_charter_editor(stack)

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(stack.services.charter, "edit", broken)
    answer = stack.driver.submit_view(FACILITATOR, view_id, {"charter_text": "Our own rules"})
    body = answer.json() or {}
    assert answer.status == 200 and body.get("response_action") == "errors"
    assert "still here" in body["errors"]["charter_text"]
    assert view_id not in stack.emulator.closed_views


def test_a_refused_charter_edit_says_why_instead_of_closing_silently(stack):
    view_id = _open_charter_editor(stack)
    # Meanwhile the group got another facilitator: the form's author may no longer edit.
    assert stack.driver.command(FACILITATOR, CHANNEL, "setup").status == 200
    setup_view = open_view_id(stack)
    stack.driver.submit_view(
        FACILITATOR,
        setup_view,
        {
            "name": "Circle",
            "lang": "en",
            "tz": "Europe/Paris",
            "mode": "live",
            "facilitator": PEERS[0],
        },
    )
    answer = stack.driver.submit_view(FACILITATOR, view_id, {"charter_text": "Our own rules"})
    body = answer.json() or {}
    assert body.get("response_action") == "errors"
    assert "facilitator" in body["errors"]["charter_text"].lower()
    assert view_id not in stack.emulator.closed_views
