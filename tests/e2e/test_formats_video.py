"""The group's video-meeting link: given in `/codev settings` (checked as a link),
then shown in the session's root message, `/codev status`, the reminders and the
.ics (LOCATION and URL)."""

from __future__ import annotations

from datetime import UTC, datetime

from icalendar import Calendar

from tests.support.flows import (
    add_peers,
    change_settings,
    ephemeral_texts,
    open_view_id,
    root_message,
    said,
    setup_group,
)
from tests.support.stack import CHANNEL, FACILITATOR, PEERS

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
LINK = "https://meet.example.com/abc-defg-hij?pwd=1&lang=fr"
SHOWN = "https://meet.example.com/abc-defg-hij?pwd=1&amp;lang=fr"  # as Slack wants it


def _plan(stack):
    stack.driver.command(FACILITATOR, CHANNEL, "schedule")
    fields = {
        "first_date": "2027-03-12",
        "first_time": "18:00",
        "cadence": "w2",
        "duration": "120",
        "count": "2",
        "hours": "35",
        "reminders": "1440",
    }
    submitted = stack.driver.submit_view(FACILITATOR, open_view_id(stack), fields)
    assert submitted.status == 200 and "errors" not in submitted.body


def test_a_bad_link_is_refused_on_its_field_in_the_readers_language(stack_fr):
    stack = stack_fr
    setup_group(stack, lang="fr")
    for bad in ("meet", "javascript:alert(1)", "https://<!channel>.com", "ftp://x.example.com"):
        errors = change_settings(stack, {"video_url": bad})
        assert "https://" in errors["video_url"] and "Collez" in errors["video_url"], bad


def test_the_video_link_shows_with_the_session_the_status_the_reminders_and_the_ics(stack):
    stack.clock.now = NOW
    setup_group(stack)
    add_peers(stack, 5)
    _plan(stack)  # the reminders queued now get the link given afterwards
    assert change_settings(stack, {"video_url": f"  {LINK} "}) == {}
    stack.deliver()
    assert any(SHOWN in text for text in ephemeral_texts(stack, FACILITATOR))
    stack.driver.command(FACILITATOR, CHANNEL, "settings")  # shown again as saved
    field = next(
        b
        for b in stack.emulator.view(open_view_id(stack))["blocks"]
        if b.get("block_id") == "video_url"
    )
    assert field["element"]["initial_value"] == LINK

    stack.clock.now = datetime(2027, 3, 11, 17, 0, tzinfo=UTC)  # a day before the first
    stack.deliver()
    reminder = [m for m in stack.emulator.dms(PEERS[0]) if m.text.startswith("Reminder")][-1]
    assert SHOWN in reminder.text

    stack.driver.command(PEERS[1], CHANNEL, "calendar")
    stack.deliver()
    content = stack.emulator.files(stack.emulator.dm_channel(PEERS[1]))[-1]["content"]
    events = list(Calendar.from_ical(content).walk("VEVENT"))
    assert events and all(str(e["location"]) == LINK and str(e["url"]) == LINK for e in events)

    stack.clock.now = datetime(2027, 3, 12, 17, 0, tzinfo=UTC)
    stack.driver.command(FACILITATOR, CHANNEL, f"start <@{PEERS[0]}|x>")
    assert SHOWN in str(root_message(stack).blocks)
    assert SHOWN in said(stack.driver.command(PEERS[2], CHANNEL, "status"))

    assert change_settings(stack, {"video_url": ""}) == {}  # empty: no link any more
    assert "meet.example.com" not in said(stack.driver.command(PEERS[2], CHANNEL, "status"))
    assert stack.emulator.rejected() == []
