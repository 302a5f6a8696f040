"""Each person in their own language from the start, read from their Slack locale,
though nobody ever opens the App Home: a French group with English speakers (en-US),
French speakers (fr-FR) and a German one (de-DE, a language the app does not speak,
who gets the group's). Every reminder, preparation, suggestion, nudge, due action
and recap reaches each in their language; `/codev lang` still wins; `user_change`
makes the app read a locale again. The look-up job runs as the scheduler would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar

from bot.services.nudges import NudgeJobs
from tests.support.content_flows import reply
from tests.support.data import uow
from tests.support.flows import (
    add_peers,
    open_view_id,
    root_message,
    said,
    setup_group,
    start_session,
)
from tests.support.stack import CHANNEL, FACILITATOR, NAMES, PEERS, TEAM

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
EN, FR, DE = "en-US", "fr-FR", "de-DE"


def _speakers(stack, locales: dict[str, str]) -> None:
    for user, locale in locales.items():
        stack.emulator.add_user(user, NAMES[user], real_name=NAMES[user].title(), locale=locale)


def _plan(stack, **values):
    stack.driver.command(FACILITATOR, CHANNEL, "schedule")
    fields = {
        "first_date": "2027-03-12",
        "first_time": "18:00",
        "cadence": "w1",
        "duration": "120",
        "count": "2",
        "hours": "35",
        "reminders": "1440, 60",
    } | values
    submitted = stack.driver.submit_view(FACILITATOR, open_view_id(stack), fields)
    assert submitted.status == 200 and "errors" not in submitted.body, submitted.body


def _queued_texts(stack, user: str) -> list[str]:
    with uow(stack) as u:
        return [row.payload["text"] for row in u.locales.queued_dms(user)]


def _user_change(stack, user: str, locale: str | None) -> None:
    person = {"id": user, "team_id": TEAM, "name": NAMES.get(user, "someone"), "deleted": False}
    if locale:
        person["locale"] = locale
    response = stack.driver.event({"type": "user_change", "user": person, "cache_ts": 0})
    assert response.status == 200


def _lookups_of(stack, user: str) -> int:
    return sum(
        1 for c in stack.emulator.calls if c.method == "users.info" and c.args.get("user") == user
    )


def test_reminders_and_preparation_reach_each_person_in_their_slack_language(stack_fr):
    stack = stack_fr
    stack.clock.now = NOW
    _speakers(stack, {FACILITATOR: EN, PEERS[0]: EN, PEERS[1]: FR, PEERS[2]: DE, PEERS[3]: FR})
    setup_group(stack, lang="fr")
    add_peers(stack, 4)
    _plan(stack)
    # queued at once, before anyone's locale was read: in the group's language for now
    assert any(text.startswith("Rappel") for text in _queued_texts(stack, PEERS[0]))
    assert not [c for c in stack.emulator.calls if c.method == "users.info"]  # not on any ack

    assert stack.services.locales.run() == 5
    assert all(text.startswith("Reminder") for text in _queued_texts(stack, PEERS[0]))
    assert all(text.startswith("Reminder") for text in _queued_texts(stack, FACILITATOR))
    assert all(text.startswith("Rappel") for text in _queued_texts(stack, PEERS[2]))
    with uow(stack) as u:
        german = u.locales.get(PEERS[2])
        assert (german.locale, german.lang, german.due_at) == (DE, None, None)

    # an explicit choice wins, and what is queued follows it at once
    chosen = stack.driver.command(PEERS[3], CHANNEL, "lang en")
    assert "English" in said(chosen)
    assert all(text.startswith("Reminder") for text in _queued_texts(stack, PEERS[3]))

    # Slack says profiles changed: a new locale is read again; the same locale is not
    stack.emulator.add_user(PEERS[1], NAMES[PEERS[1]], locale=EN)
    _user_change(stack, PEERS[1], None)  # an event without the locale: look it up
    _user_change(stack, PEERS[2], DE)  # a status change, same locale: nothing to read
    stack.emulator.add_user(PEERS[3], NAMES[PEERS[3]], locale=DE)
    _user_change(stack, PEERS[3], DE)  # read again, but their own choice still wins
    _user_change(stack, "U0NOBODY", EN)  # someone outside every group: nothing kept
    odd = stack.driver.event({"type": "user_change", "user": PEERS[0]})  # not Slack's shape
    assert odd.status == 200
    assert stack.services.locales.run() == 2
    assert stack.services.locales.run() == 0
    assert _lookups_of(stack, PEERS[2]) == 1  # de-DE was read once, its answer kept
    assert _lookups_of(stack, "U0NOBODY") == 0

    stack.clock.now = datetime(2027, 3, 9, 17, 0, tzinfo=UTC)  # the client's suggestion
    assert stack.services.cycle_jobs.suggest_clients() == 1
    with uow(stack) as u:
        first, plan = u.cycle.slot(u.groups.by_channel(TEAM, CHANNEL).id, 1)
        client = plan.suggested_client_id
    assert client in PEERS[:4]
    for moment in ((10, 17), (11, 17), (12, 16)):  # preparation, 24 h and 1 h before
        stack.clock.now = datetime(2027, 3, *moment, 0, tzinfo=UTC)
        stack.deliver()

    english = {FACILITATOR, PEERS[0], PEERS[1], PEERS[3]}
    for person, title in ((PEERS[0], "Codev session 1"), (PEERS[2], "Séance de codév")):
        stack.driver.command(person, CHANNEL, "calendar")  # a file, in the reader's language
        stack.deliver()
        files = stack.emulator.files(stack.emulator.dm_channel(person))
        events = Calendar.from_ical(files[0]["content"]).walk("VEVENT")
        assert len(files) == 1 and str(events[0]["summary"]).startswith(title), person
    for person in [FACILITATOR, *PEERS[:4]]:
        reminders = [
            m.text for m in stack.emulator.dms(person) if "(in " in m.text or "(dans " in m.text
        ]
        start = "Reminder:" if person in english else "Rappel :"
        assert len(reminders) == 2 and all(t.startswith(start) for t in reminders), person
        if person != PEERS[3]:  # `/codev lang` publishes the chooser's home
            assert stack.emulator.home(person) is None  # nobody opened the App Home
    suggestion = [m.text for m in stack.emulator.dms(FACILITATOR) if client in m.text]
    assert any("the rotation suggests" in text for text in suggestion)
    prep = [m.text for m in stack.emulator.dms(client) if "client" in m.text]
    words = "You are the client" if client in english else "Vous avez le rôle de client"
    assert len(prep) == 1 and prep[0].startswith(words)
    assert stack.emulator.rejected() == []


def test_nudges_reach_each_person_in_their_slack_language(stack_fr):
    stack = stack_fr
    start = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    stack.clock.now = start
    client, english_silent, german_silent, asker = PEERS[:4]
    _speakers(
        stack, {FACILITATOR: FR, client: EN, english_silent: EN, german_silent: DE, asker: FR}
    )
    setup_group(stack, lang="fr", mode="async")
    add_peers(stack, 4)
    stack.services.locales.run()
    start_session(stack, f"start <@{client}|x>")
    root = root_message(stack)
    stack.driver.command(FACILITATOR, CHANNEL, "next")
    reply(stack, asker, root, "Qu'avez-vous déjà essayé ?")
    stack.clock.now = start + timedelta(hours=36)
    assert NudgeJobs(stack.services.ctx).run() == 3
    stack.deliver()

    def nudges(person):
        return [m.text for m in stack.emulator.dms(person) if "clarification" in m.text]

    assert nudges(english_silent)[0].endswith("you have not asked a question yet.")
    assert nudges(german_silent)[0].endswith("vous n'avez pas encore posé de question.")
    assert "1 question(s) still wait for your answer" in nudges(client)[0]
    assert nudges(asker) == []
    assert all(stack.emulator.home(p) is None for p in PEERS[:4])
    assert stack.emulator.rejected() == []


def test_action_follow_ups_reach_the_client_in_their_slack_language(stack_fr):
    stack = stack_fr
    stack.clock.now = NOW
    client = PEERS[0]
    _speakers(stack, {FACILITATOR: FR, client: EN, PEERS[1]: FR, PEERS[2]: DE})
    setup_group(stack, lang="fr")
    add_peers(stack, 3)
    stack.services.locales.run()
    _plan(stack)
    stack.clock.now = datetime(2027, 3, 12, 17, 0, tzinfo=UTC)
    start_session(stack, f"start <@{client}|x>")
    for _ in range(4):
        stack.driver.command(FACILITATOR, CHANNEL, "next")
    with uow(stack) as u:
        session_id = u.sessions.running(u.groups.by_channel(TEAM, CHANNEL).id).id
    stack.services.action_plan.save(client, session_id, "Call Anne — 2027-03-15")
    stack.services.sessions.end(TEAM, CHANNEL, FACILITATOR)
    stack.deliver()
    jobs = NudgeJobs(stack.services.ctx)
    stack.clock.now = datetime(2027, 3, 15, 8, 0, tzinfo=UTC)  # 09:00 in Paris
    assert jobs.run() == 1
    stack.clock.now = datetime(2027, 3, 18, 18, 0, tzinfo=UTC)  # a day before session 2
    assert jobs.run() == 1
    stack.deliver()
    due = [m.text for m in stack.emulator.dms(client) if "Call Anne" in m.text]
    assert due == [
        "Today is the date you set in session 1 of *Managers circle* for this action: Call Anne"
    ]
    recap = [m.text for m in stack.emulator.dms(client) if "still open" in m.text]
    assert len(recap) == 1 and recap[0].startswith("Session 2 of *Managers circle* is")
    assert stack.emulator.home(client) is None
    assert stack.emulator.rejected() == []


def test_a_new_group_language_reaches_what_is_queued_for_those_who_read_it(stack_fr):
    stack = stack_fr
    stack.clock.now = NOW
    _speakers(stack, {FACILITATOR: FR, PEERS[0]: FR, PEERS[1]: DE})
    setup_group(stack, lang="fr")
    add_peers(stack, 2)
    stack.services.locales.run()
    _plan(stack, count="1")
    assert all(text.startswith("Rappel") for text in _queued_texts(stack, PEERS[1]))
    stack.driver.command(FACILITATOR, CHANNEL, "lang group en")
    assert all(text.startswith("Reminder") for text in _queued_texts(stack, PEERS[1]))
    assert all(text.startswith("Rappel") for text in _queued_texts(stack, PEERS[0]))
    stack.clock.now = datetime(2027, 3, 11, 17, 0, tzinfo=UTC)
    stack.deliver()
    assert [m.text[:9] for m in stack.emulator.dms(PEERS[1]) if "(in " in m.text] == ["Reminder:"]
    assert stack.emulator.rejected() == []
