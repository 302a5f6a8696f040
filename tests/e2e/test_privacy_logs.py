"""Nothing typed reaches the logs: a whole session whose every text carries a unique
marker, run at DEBUG with a database write that fails half-way, then the log searched."""

from __future__ import annotations

import io
import logging
from datetime import timedelta

import pytest
from sqlalchemy import text

from bot.observability.logs import QUIET_LIBRARIES, configure_logging
from tests.support.content_flows import (
    buttons,
    click_in_dm,
    click_in_thread,
    latest_with,
    reply,
    submit,
)
from tests.support.data import START
from tests.support.flows import add_peers, root_message, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, SECRET

CLIENT, CONSULTANTS = PEERS[0], PEERS[1:4]
T0 = START  # the stack's own calendar, never the machine's
FAILING = "zzfailmark"


def marker(kind: str, n: int = 0) -> str:
    return f"mk{kind}{n}qx"


@pytest.fixture
def debug_log(caplog):
    """The app's own log configuration at DEBUG (JSON to a buffer), plus pytest's capture."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    libraries = {name: logging.getLogger(name).level for name in QUIET_LIBRARIES}
    stream = io.StringIO()
    configure_logging("json", "DEBUG", stream=stream)
    root.addHandler(caplog.handler)
    caplog.handler.setLevel(logging.DEBUG)
    yield lambda: stream.getvalue() + "\n" + caplog.text
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, was in libraries.items():
        logging.getLogger(name).setLevel(was)


def _inject_write_failure(engine):
    """The next question that carries FAILING cannot be written: a constraint refuses it."""
    with engine.begin() as db:
        if engine.dialect.name == "postgresql":
            db.execute(
                text(
                    "ALTER TABLE questions ADD CONSTRAINT injected_failure "
                    f"CHECK (text NOT LIKE '%{FAILING}%') NOT VALID"
                )
            )
        else:
            db.execute(
                text(
                    "CREATE TRIGGER injected_failure BEFORE INSERT ON questions "
                    f"WHEN NEW.text LIKE '%{FAILING}%' BEGIN SELECT RAISE(ABORT, 'refused'); END"
                )
            )


def _remove_write_failure(engine):
    with engine.begin() as db:
        if engine.dialect.name == "postgresql":
            db.execute(text("ALTER TABLE questions DROP CONSTRAINT injected_failure"))
        else:
            db.execute(text("DROP TRIGGER injected_failure"))


def _next(stack):
    assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200


def run_session(stack, typed, fail_one_write=False) -> list:
    """A whole session in which every text is `typed(kind, n)`; returns the answers
    of the commands (what Slack shows from the HTTP response)."""
    stack.clock.now = T0
    setup_group(stack, lang="en", mode="live", name=f"Circle {typed('group')}")
    add_peers(stack, 4)
    stack.driver.command(FACILITATOR, CHANNEL, "charter edit")
    assert submit(stack, FACILITATOR, {"charter_text": f"We {typed('charter')} agree"}) == {}
    answers = [stack.driver.command(CLIENT, CHANNEL, "charter")]
    answers += [stack.driver.command(CONSULTANTS[0], CHANNEL, f"topic {typed('topic')} at work")]
    start_session(stack, f"start <@{CLIENT}|peer1>")
    root = root_message(stack)
    reply(stack, CLIENT, root, f"My team {typed('expose')} waits for me")

    _next(stack)  # clarification, with a write that fails
    if fail_one_write:
        _inject_write_failure(stack.runtime.engine)
        failed, _ = stack.driver.message(
            CONSULTANTS[0], CHANNEL, f"How {typed('failed')} {FAILING}?", thread_ts=root.ts
        )
        assert failed.status == 200  # stored before the ack; the write fails just after
        _remove_write_failure(stack.runtime.engine)
        stack.clock.now = T0 + timedelta(seconds=11)  # kept, and retried once its lease ends
        stack.services.inbox.sweep()
        stack.runtime.settle()
    for n, consultant in enumerate(CONSULTANTS, 1):
        reply(stack, consultant, root, f"How often {typed('question', n)}?")
    reply(stack, CLIENT, root, f"Q1 {typed('answer')} every week")

    _next(stack)  # contract
    stack.driver.command(CLIENT, CHANNEL, f"contract Help me {typed('contract')}")
    assert submit(stack, CLIENT, {"help_kinds": ["ideas"]}) == {}
    for consultant in CONSULTANTS:
        click_in_thread(stack, consultant, root, "codev_confirm_contract", ends_with=":1")

    _next(stack)  # exploration, sorted by the client
    for n, consultant in enumerate(CONSULTANTS, 1):
        reply(stack, consultant, root, f"idea: {typed('contribution', n)}")
    stack.deliver()
    harvest = latest_with(stack.emulator.dms(CLIENT), "codev_harvest")
    for value in [v for v in buttons(harvest, "codev_harvest") if v.endswith(":keep")]:
        click_in_dm(stack, CLIENT, "codev_harvest", value)

    _next(stack)  # synthesis
    click_in_thread(stack, CLIENT, root, "codev_write_action_plan")
    due = (T0 + timedelta(days=7)).date().isoformat()
    assert submit(stack, CLIENT, {"actions_text": f"Do {typed('plan')} — {due}"}) == {}
    reply(stack, CONSULTANTS[1], root, f"I learnt {typed('learning')}")

    _next(stack)  # learning and evaluation
    for n, person in enumerate([CLIENT, *CONSULTANTS], 1):
        click_in_thread(stack, person, root, "codev_evaluate")
        four_a = {
            "rating": "4",
            "appreciation": typed("appreciation", n),
            "expectations": typed("expectations", n),
            "learnings": typed("learnt", n),
            "applications": typed("applications", n),
        }
        assert submit(stack, person, four_a) == {}
    _next(stack)
    for user, command in [
        (CONSULTANTS[2], "report"),
        (CONSULTANTS[2], "report group"),
        (FACILITATOR, "export"),
        (CLIENT, "mydata"),
        (CLIENT, "status"),
        (FACILITATOR, "members"),
        (FACILITATOR, "privacy"),
        (FACILITATOR, "schedule list"),
        (CLIENT, "calendar"),
    ]:
        answers.append(stack.driver.command(user, CHANNEL, command))
    for person in (CLIENT, CONSULTANTS[0]):
        assert stack.driver.app_home_opened(person).status == 200
    stack.deliver()
    return answers


def test_no_typed_text_token_or_secret_reaches_the_log_even_when_a_write_fails(stack, debug_log):
    markers = []

    def typed(kind, n=0):
        markers.append(marker(kind, n))
        return markers[-1]

    run_session(stack, typed, fail_one_write=True)
    log = debug_log()
    assert "failed" in log and "IntegrityError" in log  # the failure was logged
    assert "DEBUG" in log or '"level": "debug"' in log  # and the log was at DEBUG
    leaked = [m for m in markers if m in log]
    assert leaked == []
    for secret in (stack.emulator.bot_token, SECRET):
        assert secret not in log
