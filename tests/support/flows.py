"""Steps shared by e2e tests, written as a person does them in Slack."""

from __future__ import annotations

from .stack import CHANNEL, FACILITATOR, PEERS, TEAM


def open_view_id(stack) -> str:
    views = stack.emulator.views
    return list(views)[-1]


def setup_group(stack, lang="en", mode="live", name="Managers circle", facilitator=FACILITATOR):
    response = stack.driver.command(facilitator, CHANNEL, "setup")
    assert response.status == 200, response.body
    view_id = open_view_id(stack)
    submitted = stack.driver.submit_view(
        facilitator,
        view_id,
        {
            "name": name,
            "lang": lang,
            "tz": "Europe/Paris",
            "mode": mode,
            "facilitator": facilitator,
        },
    )
    assert submitted.status == 200, submitted.body
    assert submitted.body in ("", "{}") or "errors" not in submitted.body, submitted.body
    return view_id


def add_peers(stack, count=8, accept_charter=True):
    """Add peers; each accepts the charter (as with its button) unless told otherwise."""
    mentions = " ".join(f"<@{p}|peer{i}>" for i, p in enumerate(PEERS[:count], 1))
    response = stack.driver.command(FACILITATOR, CHANNEL, f"members add {mentions}")
    assert response.status == 200
    for peer in PEERS[:count] if accept_charter else ():
        accept_the_charter(stack, peer)
    return response


def accept_the_charter(stack, peer):
    """What the charter's Accept button does (directly, when the stack runs in-process)."""
    if hasattr(stack, "services"):
        stack.services.charter.accept(TEAM, CHANNEL, peer)
        return
    stack.driver.command(peer, CHANNEL, "charter")
    shown = stack.emulator.ephemerals(peer, CHANNEL)[-1]
    assert stack.driver.click(peer, CHANNEL, shown.ts, "codev_accept_charter").status == 200


def root_message(stack):
    stack.deliver()
    messages = [
        m
        for m in stack.emulator.channel_messages(CHANNEL)
        if m.bot
        and m.blocks
        and any(b.get("block_id") == "session_actions" for b in m.blocks)
        or (m.bot and m.text.startswith(("Codev session", "Séance")))
    ]
    return messages[-1]


def ephemeral_texts(stack, user):
    return [m.text for m in stack.emulator.ephemerals(user=user)]


def said(response) -> str:
    """What the person reads in an ephemeral command answer (the ack's body, or the
    message sent to the command's response_url after it)."""
    body = response.answer if response.answer is not None else response.json()
    if isinstance(body, dict):
        return body.get("text", "") + "\n" + str(body.get("blocks", ""))
    return response.body


def change_settings(stack, values: dict, user=FACILITATOR):
    """`/codev settings`, then submit the modal with `values` by block id (the others
    as pre-filled); returns the field errors (empty when saved)."""
    response = stack.driver.command(user, CHANNEL, "settings")
    assert response.status == 200, response.body
    submitted = stack.driver.submit_view(user, open_view_id(stack), values)
    assert submitted.status == 200, submitted.body
    body = submitted.json() if submitted.body.strip() else {}
    return (body or {}).get("errors") or {}


def start_session(stack, text="start", user=FACILITATOR):
    """`/codev start …` as the facilitator does it. Below four consultants the app
    warns and the facilitator confirms with the warning's button, as they would.
    Returns the command's response (the warning, for a small group)."""
    response = stack.driver.command(user, CHANNEL, text)
    if response.status == 200 and "codev_start_anyway" in response.body:
        shown = stack.emulator.ephemerals(user, CHANNEL)[-1]
        assert stack.driver.click(user, CHANNEL, shown.ts, "codev_start_anyway").status == 200
    return response


def plan_cycle(stack, **values):
    """`/codev schedule`, then submit the modal: a cycle of eight two-hour sessions
    every two weeks from 2027-03-12 18:00 unless `values` (by block id) say otherwise.
    Returns the submission's response."""
    assert stack.driver.command(FACILITATOR, CHANNEL, "schedule").status == 200
    fields = {
        "first_date": "2027-03-12",
        "first_time": "18:00",
        "cadence": "w2",
        "duration": "120",
        "count": "8",
        "hours": "35",
        "reminders": "1440, 60",
    } | values
    return stack.driver.submit_view(FACILITATOR, open_view_id(stack), fields)


def in_clarification(stack):
    """A group of three peers whose session (peer1 the client) is in clarification;
    its root message."""
    setup_group(stack)
    add_peers(stack, 3)
    start_session(stack, f"start <@{PEERS[0]}|peer1>")
    stack.driver.command(FACILITATOR, CHANNEL, "next")
    return root_message(stack)
