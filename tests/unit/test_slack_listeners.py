"""Listeners alone, against fake services: each parses its request, calls exactly one
use case (which queues the person's answer in its own unit of work) and acks after it."""

from __future__ import annotations

import pytest

from bot.domain import ConfirmStatus, DomainError
from bot.services.container import deferred_use_cases
from bot.services.forms import InvalidFields
from bot.services.notices import Answer
from bot.services.sessions import NEXT
from bot.slack.ids import BlockId
from bot.slack.listeners import (
    actions,
    attendance,
    case_choice,
    commands,
    content_actions,
    cycle_actions,
    cycle_views,
    home,
)
from bot.slack.listeners.responding import bound, save_modal


class FakeService:
    """Records each call; answers with what the test set for that method (an exception
    is raised)."""

    def __init__(self, log: list, name: str, answers: dict):
        self._log, self._name, self._answers = log, name, answers

    def __getattr__(self, method):
        def call(*args, **kwargs):
            self._log.append((f"{self._name}.{method}", args, kwargs))
            answer = self._answers.get(f"{self._name}.{method}")
            if isinstance(answer, BaseException):
                raise answer
            return answer

        return call


class FakeServices:
    def __init__(self, **answers):
        self.calls: list = []
        self._answers = {key.replace("__", "."): value for key, value in answers.items()}

    def __getattr__(self, name):
        return FakeService(self.calls, name, self._answers)

    @property
    def called(self) -> list[str]:
        return [name for name, _, _ in self.calls]


class Ack:
    def __init__(self, log: list | None = None):
        self.calls: list[dict] = []
        self._log = log

    def __call__(self, **kwargs):
        self.calls.append(kwargs)
        if self._log is not None:
            self._log.append(("ack", (), kwargs))


def _click(value="", action_id="codev_x", channel="C1", **action):
    return {
        "type": "block_actions",
        "team": {"id": "T1"},
        "user": {"id": "U1"},
        "channel": {"id": channel},
        "container": {"type": "message", "channel_id": channel},
        "trigger_id": "1.2.3",
        "actions": [{"action_id": action_id, "value": value, "action_ts": "5.5", **action}],
    }


def _command(text=""):
    return {"team_id": "T1", "channel_id": "C1", "user_id": "U1", "text": text, "trigger_id": "t"}


def test_accepting_the_charter_from_a_dm_is_one_use_case_for_the_group_named_on_the_button():
    services = FakeServices()
    ack = Ack(services.calls)
    body = _click("C9", "codev_accept_charter", channel="D1")
    cycle_actions.accept_charter(services, ack, body)
    assert services.called == ["charter.accept", "ack"]
    _, args, _ = services.calls[0]
    assert args == ("T1", "C9", "U1", Answer("C9", "U1", "action:U1:codev_accept_charter:5.5"))


def test_accepting_the_charter_in_the_channel_answers_there():
    services = FakeServices()
    cycle_actions.accept_charter(services, Ack(), _click("accept", "codev_accept_charter"))
    assert services.calls[0][1][1] == "C1"


def test_closing_the_cycle_anyway_is_one_use_case_that_answers_in_the_group_channel():
    services = FakeServices()
    cycle_actions.close_anyway(services, Ack(), _click("C7", "codev_close_cycle", channel="D1"))
    ((name, args, kwargs),) = services.calls
    assert (name, args) == ("schedule.close", ("T1", "C7", "U1"))
    assert kwargs["confirmed"] is True and kwargs["answer"].channel == "C7"


def _deferred(services, listener, body):
    """The listener stores one request in the inbox, then acks; the use case the inbox
    applies for it, called on the same fake services."""
    ack = Ack(services.calls)
    listener(services, ack, body)
    assert services.called == ["inbox.accept", "ack"]
    _, (kind, *where), arguments = services.calls[0]
    services.calls.clear()
    deferred_use_cases(services.sessions, services.replies)[kind](**arguments)
    return where


def test_the_status_button_is_stored_acked_then_queues_the_status_in_one_use_case():
    services = FakeServices()
    where = _deferred(services, actions.status, _click(action_id="codev_status"))
    assert where == ["T1", "C1", "U1"]
    ((name, args, _),) = services.calls
    assert name == "sessions.status_to"
    assert args == ("T1", "C1", "U1", Answer("C1", "U1", "action:U1:codev_status:5.5"))


def test_the_next_button_is_stored_acked_then_moves_naming_the_phase_it_leaves():
    services = FakeServices()
    _deferred(services, actions.next_phase, _click("12:3", "codev_next_phase"))
    ((name, args, kwargs),) = services.calls
    assert (name, args, kwargs) == (
        "sessions.move",
        ("T1", "C1", "U1", NEXT),
        {"leaving": 3, "session_id": 12},
    )


def test_a_forged_value_fails_before_any_use_case_and_nothing_is_acked():
    services, ack = FakeServices(), Ack()
    with pytest.raises(ValueError):
        actions.next_phase(services, ack, _click("12", "codev_next_phase"))
    assert services.calls == [] and ack.calls == []


@pytest.mark.parametrize(
    "listener, status",
    [
        (content_actions.confirm_contract, ConfirmStatus.CONFIRMED),
        (content_actions.reword_contract, ConfirmStatus.REWORD),
    ],
)
def test_a_consultant_answers_the_contract_in_one_use_case(listener, status):
    services = FakeServices()
    listener(services, Ack(), _click("4:2", "codev_confirm_contract"))
    ((name, args, _),) = services.calls
    assert name == "contract.respond"
    assert args[:4] == ("U1", 4, 2, status) and isinstance(args[4], Answer)


def test_a_harvest_choice_carries_session_contribution_and_verdict():
    services = FakeServices()
    content_actions.harvest(services, Ack(), _click("4:40:park", "codev_harvest_park"))
    assert services.calls == [("harvest.sort", ("U1", 4, 40, "park"), {})]


def test_choosing_the_case_starts_in_one_use_case():
    services = FakeServices()
    case_choice.choose_case(services, Ack(), _click("8", "codev_choose_case"))
    ((name, args, kwargs),) = services.calls
    assert name == "sessions.start_from_click" and args[:3] == ("T1", "C1", "U1")
    assert kwargs == {"topic_id": 8}


def test_starting_a_small_group_anyway_passes_the_go_ahead():
    services = FakeServices()
    case_choice.start_anyway(services, Ack(), _click("U5:4:U7", "codev_start_anyway"))
    ((_, _, kwargs),) = services.calls
    assert kwargs == {
        "client_id": "U5",
        "topic_id": 4,
        "small_group_ok": True,
        "facilitator_id": "U7",
    }


def test_cancelling_forget_me_is_told_in_one_use_case():
    services = FakeServices()
    home.forget_cancel(services, Ack(), _click(action_id="codev_forget_cancel"))
    assert services.calls == [
        ("notices.tell", ("T1", Answer("C1", "U1", "forget-cancel:U1:5.5"), "forget.cancelled"), {})
    ]


def test_a_home_item_with_no_number_matches_no_row():
    services = FakeServices()
    home.item_status(services, Ack(), _click("x:done", "codev_home_item_done"))
    assert services.calls == [("home.set_item_status", ("T1", "U1", 0, "done"), {})]


def test_a_check_in_without_a_session_id_is_session_zero():
    services = FakeServices()
    attendance.check_in(services, Ack(), _click("", "codev_check_in"))
    assert services.calls == [
        ("attendance.check_in", ("T1", "C1", "U1", 0, "action:U1:codev_check_in:5.5"), {})
    ]


def test_a_command_that_moves_the_phase_reads_the_language_in_the_same_use_case():
    class View:
        status, number, phase = "running", 2, 3

    services = FakeServices(sessions__move_for_reader=(View(), "fr"))
    answer = commands._next(services, _command("next"), "", None, None)
    assert services.called == ["sessions.move_for_reader"]
    assert answer["response_type"] == "ephemeral" and "Contrat" in answer["text"]


def test_a_modal_with_problems_shows_them_on_their_fields_in_the_reader_language():
    ack = Ack()
    problems = InvalidFields({BlockId.COUNT: ("schedule.error.count", {})})
    save_modal(ack, _raises(problems), lambda: "en", BlockId.FIRST_DATE)
    (answer,) = ack.calls
    assert answer["response_action"] == "errors" and list(answer["errors"]) == [BlockId.COUNT]


def test_a_refusal_of_the_rules_goes_on_the_main_field_and_the_language_is_asked_then_only():
    asked, ack = [], Ack()
    save_modal(
        ack,
        _raises(DomainError("rules.facilitator_only")),
        lambda: asked.append(1) or "fr",
        BlockId.FIRST_DATE,
    )
    assert list(ack.calls[0]["errors"]) == [BlockId.FIRST_DATE] and asked == [1]
    save_modal(ack, lambda: None, lambda: asked.append(1) or "fr", BlockId.FIRST_DATE)
    assert ack.calls[1] == {} and asked == [1]


def test_without_a_main_field_a_refusal_is_left_to_the_error_handler():
    with pytest.raises(DomainError):
        save_modal(Ack(), _raises(DomainError("charter.too_long")), lambda: "fr", None)


def test_the_charter_modal_calls_one_use_case_with_the_group_of_its_metadata():
    services = FakeServices()
    view = {
        "private_metadata": '{"channel_id": "C4"}',
        "state": {
            "values": {
                BlockId.CHARTER_TEXT: {"input": {"type": "plain_text_input", "value": "Be kind"}}
            }
        },
    }
    body = {"team": {"id": "T1"}, "user": {"id": "U1"}, "view": view}
    ack = Ack()
    cycle_views.charter_submitted(services, ack, body, view)
    assert services.calls == [("charter.edit", ("T1", "C4", "U1", "Be kind"), {})]
    assert ack.calls == [{}]


def test_a_bound_listener_keeps_its_name_and_the_arguments_bolt_passes():
    import inspect

    listener = bound(cycle_actions.accept_charter, FakeServices())
    assert listener.__name__ == "accept_charter"
    assert inspect.getfullargspec(inspect.unwrap(listener)).args == ["ack", "body"]


def _raises(error):
    def call():
        raise error

    return call
