"""Reading Slack's requests in one place: real payload shapes (Slack's own samples) give
who and where, click keys, typed values, composite ids and a modal's fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.slack import payloads
from bot.slack.ids import ActionId

SAMPLES = Path(__file__).parent / "slack_samples"


def _sample(name: str) -> dict:
    return json.loads((SAMPLES / name).read_text())


def _click(value: str = "", action_id: str = "a", **extra) -> dict:
    body = {
        "type": "block_actions",
        "team": {"id": "T1"},
        "user": {"id": "U1"},
        "container": {"type": "message", "channel_id": "C1", "message_ts": "1.0"},
        "actions": [{"action_id": action_id, "value": value, "action_ts": "9.5", **extra}],
    }
    return body


def test_a_button_click_says_team_enterprise_channel_and_user():
    here = payloads.where(_sample("block_actions_message_button.json"))
    assert (here.team, here.channel, here.user, here.enterprise) == ("T111", "C111", "W111", "E111")
    assert here.ids == ("T111", "C111", "W111")


def test_a_slash_command_says_the_same_in_its_own_fields():
    fields = _sample("slash_command_official_docs.json")["fields"]
    here = payloads.where(fields)
    assert here.ids == ("T0001", "C2147483705", "U2147483697")
    assert here.enterprise == "E0001"


def test_an_event_says_where_through_its_event_and_the_thread_it_is_in():
    here = payloads.where(_sample("event_callback_message_thread_reply_im.json"))
    assert here.ids == ("T111", "D111", "W222")
    assert here.thread_ts == "1726133698.626339"
    assert payloads.event_key({"event_id": "Ev111"}) == "event:Ev111"


def test_a_modal_submission_has_no_channel_but_a_team_and_a_user():
    here = payloads.where(_sample("view_submission_modal_state_values.json"))
    assert (here.team, here.channel, here.user) == ("T111", None, "W111")


def test_a_click_in_a_dm_or_a_thread_is_placed_by_its_container():
    body = _click()
    body["container"]["thread_ts"] = "1.0"
    here = payloads.where(body)
    assert (here.channel, here.thread_ts) == ("C1", "1.0")


def test_a_click_key_is_the_same_for_a_retry_and_new_for_a_second_click():
    first = payloads.click_key(_click(action_id="codev_status"))
    assert first == "action:U1:codev_status:9.5"
    second = _click(action_id="codev_status")
    second["actions"][0]["action_ts"] = "9.6"
    assert payloads.click_key(second) != first


def test_the_answer_to_a_click_goes_to_whoever_clicked_where_or_to_a_named_channel():
    answer = payloads.answer(_click(action_id="x"))
    assert (answer.channel, answer.user, answer.key) == ("C1", "U1", "action:U1:x:9.5")
    assert payloads.answer(_click(action_id="x"), "C9").channel == "C9"


def test_typed_values_read_back_what_the_button_carries():
    assert payloads.values(_click("12:3"), int, int) == (12, 3)
    assert payloads.values(_click("12:40:keep"), int, int, str) == (12, 40, "keep")
    assert payloads.values(_click("7:2"), int) == (7,)  # the first parts only


def test_a_select_carries_its_value_in_the_chosen_option():
    body = _click(selected_option={"value": "5:6:idea"})
    body["actions"][0].pop("value")
    assert payloads.values(body, int, int, str) == (5, 6, "idea")


@pytest.mark.parametrize("value", ["", "12", "x:3", "12:"])
def test_a_value_the_app_did_not_draw_is_refused(value):
    with pytest.raises(ValueError):
        payloads.values(_click(value), int, int)


def test_values_are_joined_as_they_are_read():
    body = _click(payloads.join(12, 3, "none"))
    assert payloads.values(body, int, int, str) == (12, 3, "none")


@pytest.mark.parametrize("text, expected", [("4", 4), ("", 0), (None, 0), ("x", 0), ("-1", 0)])
def test_a_number_that_may_be_missing_is_zero_then(text, expected):
    assert payloads.number(text) == expected


def test_a_composite_action_id_is_matched_and_its_choice_read():
    action_id = payloads.composite(ActionId.HARVEST, "park")
    pattern = payloads.composite_pattern(ActionId.HARVEST, "keep|park|drop")
    assert pattern.match(action_id)
    assert not pattern.match(payloads.composite(ActionId.HARVEST, "burn"))
    assert not pattern.match(f"{ActionId.HARVEST}_park_extra")
    assert payloads.suffix(action_id, ActionId.HARVEST) == "park"
    assert payloads.composite_pattern(ActionId.PLACE_ANSWER, r"\d+|none").match(
        f"{ActionId.PLACE_ANSWER}_none"
    )


def test_a_block_id_is_split_like_a_value():
    body = _click(block_id="client:C7:3")
    assert payloads.block_parts(body) == ["client", "C7", "3"]


def test_a_modal_gives_its_metadata_and_the_fields_its_errors_go_on():
    view = _sample("view_submission_modal_state_values.json")["view"]
    assert payloads.first_field(view) == "hspI"
    assert payloads.first_input_block(view) == "hspI"
    assert payloads.metadata({"private_metadata": json.dumps({"session_id": 4})}) == {
        "session_id": 4
    }
    assert payloads.metadata({}) == {}
    assert payloads.first_field({}) == ""
    assert payloads.first_input_block({"blocks": [{"type": "section"}]}) is None


def test_a_form_of_text_fields_reads_each_from_its_block_empty_when_not_filled():
    from bot.services.schedule import ScheduleForm

    values = {"first_date": "2027-01-04", "hours": "35", "cadence": None}
    form = payloads.text_form(values, ScheduleForm, hours_engaged="hours")
    assert form.first_date == "2027-01-04" and form.hours_engaged == "35"
    assert form.cadence == "" and form.reminders == ""
