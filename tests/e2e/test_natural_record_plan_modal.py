"""The action plan as a structured modal, over signed HTTP: rows pre-filled with the kept
contributions, rows added and removed in the modal, a date picked or written in words, an
action without a date, who with and how the client will know it worked — all the way to
the client's record."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.i18n import t
from bot.slack.render.kit import day_in_words
from tests.support.content_flows import (
    buttons,
    click_in_dm,
    click_in_thread,
    last_view,
    latest_with,
    reply,
)
from tests.support.flows import add_peers, open_view_id, root_message, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, Stack

CLIENT, CONSULTANTS = PEERS[0], PEERS[1:4]
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # a Tuesday
IDEAS = {
    "fr": ["idée : un planning affiché", "idée : une réunion du lundi", "idée : déléguer à Julie"],
    "en": ["idea: a posted planning", "idea: a Monday meeting", "idea: hand it to Julie"],
}
WORDS = {
    "fr": ("Parler à Julie d'ici vendredi", "Parler à Julie"),
    "en": ("Talk to Julie by Friday", "Talk to Julie"),
}


@pytest.fixture(params=["fr", "en"])
def group(request, database_url):
    stack = Stack(database_url, lang=request.param)
    stack.lang = request.param
    yield stack
    stack.close()


def _next(stack, times=1):
    for _ in range(times):
        assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200


def _to_synthesis(stack, lang):
    stack.clock.now = T0
    setup_group(stack, lang=lang)
    add_peers(stack, 4)
    start_session(stack, f"start <@{CLIENT}|peer1>")
    root = root_message(stack)
    _next(stack, 3)  # clarification, contract, exploration
    for n, text in enumerate(IDEAS[lang]):
        reply(stack, CONSULTANTS[n], root, text)
    stack.deliver()
    harvest = latest_with(stack.emulator.dms(CLIENT), "codev_harvest")
    for value in [v for v in buttons(harvest, "codev_harvest") if v.endswith(":keep")]:
        click_in_dm(stack, CLIENT, "codev_harvest", value)
    _next(stack)  # synthesis
    click_in_thread(stack, CLIENT, root, "codev_write_action_plan")
    return root


def _rows(view) -> dict[int, dict[str, dict]]:
    """The modal's row blocks by row and part."""
    rows: dict[int, dict[str, dict]] = {}
    for block in view["blocks"]:
        parts = (block.get("block_id") or "").split("_")
        if parts[0] == "plan" and len(parts) == 4:
            rows.setdefault(int(parts[2]), {})[parts[3]] = block
    return rows


def _initial(block):
    element = block["element"]
    return element.get("initial_value") or element.get("initial_date")


def _items(stack):
    with stack.services.ctx.uow_factory() as uow:
        return [(i.text, i.due_on, i.note) for i in uow.content.action_items(1)]


def test_rows_are_pre_filled_added_removed_and_saved_with_their_details(group):
    stack, lang = group, group.lang
    _to_synthesis(stack, lang)
    view_id = open_view_id(stack)
    rows = _rows(last_view(stack))
    assert len(rows) == 3
    kept = [_initial(rows[n]["what"]) for n in range(3)]
    assert all(kept) and "Julie" in kept[2]
    assert {rows[0][part]["element"]["type"] for part in ("what", "due", "with", "sign")} == {
        "plain_text_input",
        "datepicker",
    }

    # remove the second row, then add one: the rows shown follow, with new block ids
    response = stack.driver.click_in_view(CLIENT, view_id, "codev_plan_remove_row", "1")
    assert response.status == 200
    rows = _rows(last_view(stack))
    assert [_initial(rows[n]["what"]) for n in sorted(rows)] == [kept[0], kept[2]]
    assert stack.driver.click_in_view(CLIENT, view_id, "codev_plan_add_row", "add").status == 200
    view = last_view(stack)
    rows = _rows(view)
    assert len(rows) == 3 and _initial(rows[2]["what"]) is None
    block = {n: {part: b["block_id"] for part, b in r.items()} for n, r in rows.items()}
    assert block[0]["what"].startswith("plan_2_")  # drawn twice since it opened

    # a date picked, a date in words, no date at all; who with and how I'll know
    action, cleaned = WORDS[lang]
    values = {
        block[0]["what"]: kept[0],
        block[0]["due"]: "2026-12-15",
        block[0]["with"]: "Julie",
        block[0]["sign"]: "the board is full on Monday",
        block[1]["what"]: action,
        block[2]["what"]: "",  # an empty row is skipped
    }
    response = stack.driver.submit_view(CLIENT, view_id, values)
    assert response.status == 200 and not response.body.strip()
    items = _items(stack)
    assert [(text, due) for text, due, _ in items] == [
        (kept[0], date(2026, 12, 15)),
        (cleaned, date(2026, 12, 4)),
    ]
    assert "Julie" in items[0][2] and "Monday" in items[0][2] and items[1][2] is None

    # reopened, the modal shows the plan as saved
    _next(stack, 2)
    stack.deliver()
    record = "\n".join(
        str(m.blocks)
        for m in stack.emulator.dms(CLIENT)
        if m.text.startswith(t(lang, "recap.title", number=1, group="Managers circle"))
    )
    assert day_in_words(date(2026, 12, 15), lang, T0.date()) in record
    assert t(lang, "record.with", who="Julie") in record
    assert t(lang, "record.sign", sign="the board is full on Monday") in record
    assert stack.emulator.rejected() == []


def test_a_row_with_a_date_but_no_action_is_shown_on_its_field(group):
    stack, lang = group, group.lang
    root = _to_synthesis(stack, lang)
    view_id = open_view_id(stack)
    rows = _rows(last_view(stack))
    values = {rows[n]["what"]["block_id"]: "" for n in rows}
    values[rows[1]["due"]["block_id"]] = "2026-12-15"
    response = stack.driver.submit_view(CLIENT, view_id, values)
    assert response.json()["errors"] == {rows[1]["what"]["block_id"]: t(lang, "plan.what_missing")}
    # nothing at all: the plan asks for one action, on the free text box
    values[rows[1]["due"]["block_id"]] = None
    response = stack.driver.submit_view(CLIENT, view_id, values)
    assert response.json()["errors"] == {"actions_text": t(lang, "plan.empty")}
    assert _items(stack) == []

    # the plan saved, the button opens it again with the rows as saved
    values[rows[0]["what"]["block_id"]] = "Call Anne"
    assert not stack.driver.submit_view(CLIENT, view_id, values).body.strip()
    click_in_thread(stack, CLIENT, root, "codev_write_action_plan")
    rows = _rows(last_view(stack))
    assert len(rows) == 1 and _initial(rows[0]["what"]) == "Call Anne"


def test_a_plan_longer_than_the_rows_loses_nothing_when_reopened(group):
    stack, lang = group, group.lang
    root = _to_synthesis(stack, lang)
    view_id = open_view_id(stack)
    emptied = {b["block_id"]: "" for n, r in _rows(last_view(stack)).items() for b in [r["what"]]}
    lines = [f"Action {n}" + (" — 2026-12-20" if n % 2 else "") for n in range(1, 16)]
    values = {**emptied, "actions_text": "\n".join(lines)}
    assert not stack.driver.submit_view(CLIENT, view_id, values).body.strip()
    assert len(_items(stack)) == 15

    click_in_thread(stack, CLIENT, root, "codev_write_action_plan")
    view = last_view(stack)
    assert len(_rows(view)) == 12
    box = next(b for b in view["blocks"] if b.get("block_id") == "actions_text")
    assert box["element"]["initial_value"].splitlines() == lines[12:]
    # adding a row keeps what the box holds
    view_id = open_view_id(stack)
    assert stack.driver.click_in_view(CLIENT, view_id, "codev_plan_remove_row", "0").status == 200
    box = next(b for b in last_view(stack)["blocks"] if b.get("block_id") == "actions_text")
    assert box["element"]["initial_value"].splitlines() == lines[12:]
    assert not stack.driver.submit_view(CLIENT, view_id, {}).body.strip()
    items = _items(stack)
    assert [text for text, _, _ in items] == [line.split(" — ")[0] for line in lines[1:]]
    assert items[-1][1] == date(2026, 12, 20)
