"""The scribe in a hybrid session: the group talks on video, the scribe records what is
said with the message shortcut « Noter dans codev » / "Record in codev", and each item
counts as its speaker's on the board, the harvest, the summary, their data and their
App Home. Refusals are said privately, or on the modal's field with the text kept."""

from __future__ import annotations

import json

from bot.i18n import t
from tests.support.content_flows import everything_said, last_view, submit, thread
from tests.support.flows import (
    add_peers,
    change_settings,
    ephemeral_texts,
    root_message,
    said,
    setup_group,
    start_session,
)
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, TEAM

CLIENT, SCRIBE, CONSULTANTS = PEERS[0], PEERS[1], PEERS[2:6]
OUTSIDER = PEERS[8]


def _session(stack, lang="en", mode="live", settings=None):
    setup_group(stack, lang=lang, mode=mode)
    if settings:
        assert change_settings(stack, settings) == {}
    add_peers(stack, 6)
    start_session(stack, f"start <@{CLIENT}|client>")
    return root_message(stack)


def _next(stack, times=1):
    for _ in range(times):
        assert stack.driver.command(FACILITATOR, CHANNEL, "next").status == 200


def _note(stack, user, root, text, in_thread=True):
    """What the scribe types: a line in the session thread (or in the channel)."""
    response, ts = stack.driver.message(user, CHANNEL, text, root.ts if in_thread else None)
    assert response.status == 200, response.body
    return ts


def _record(stack, user, ts, values: dict | None = None, channel=CHANNEL):
    """The message's menu › Record in codev, then the modal submitted with `values`
    (the others as pre-filled); returns the field errors (None: no modal opened)."""
    opened = len(stack.emulator.views)
    response = stack.driver.message_shortcut(user, channel, ts)
    assert response.status == 200, response.body
    if len(stack.emulator.views) == opened:
        return None
    return submit(stack, user, values or {})


def _content(stack):
    with stack.services.ctx.uow_factory(read_only=True) as uow:
        row = uow.sessions.by_root_message(CHANNEL, root_message(stack).ts)
        content = uow.content
        answers = {
            a.question_id: (a.author_id, a.text, a.recorded_by) for a in content.answers(row.id)
        }
        return {
            "questions": [
                (q.number, q.author_id, q.text, q.recorded_by, answers.get(q.id))
                for q in content.questions(row.id)
            ],
            "contributions": [
                (c.number, c.author_id, c.kind, c.text, c.recorded_by)
                for c in content.contributions(row.id)
            ],
            "learnings": [(m.author_id, m.text, m.recorded_by) for m in content.learnings(row.id)],
            "notes": [(n.author_id, n.text) for n in content.notes(row.id)],
        }


def _harvest_boards(stack):
    stack.deliver()
    return [m for m in stack.emulator.dms(CLIENT) if "codev_harvest" in json.dumps(m.blocks)]


def test_the_scribe_records_each_kind_and_it_counts_as_the_speakers_everywhere(stack):
    root = _session(stack)
    assert f"<@{FACILITATOR}>" in str(root.blocks) and "Scribe" in str(root.blocks)

    # the facilitator hands the pen to a consultant: the root says so, the scribe is told
    answer = stack.driver.command(FACILITATOR, CHANNEL, f"scribe <@{SCRIBE}|scribe>")
    assert f"<@{SCRIBE}> is now the scribe" in said(answer)
    assert f"📝 Scribe: <@{SCRIBE}>" in str(root_message(stack).blocks)
    assert any("You are the scribe" in text for text in ephemeral_texts(stack, SCRIBE))

    _next(stack)  # clarification: the scribe's line is read as their own question at first
    ts = _note(stack, SCRIBE, root, "How long has this been going on?")
    stack.deliver()
    assert [q[1] for q in _content(stack)["questions"]] == [SCRIBE]
    view = stack.driver.message_shortcut(SCRIBE, CHANNEL, ts)
    assert view.status == 200
    form = last_view(stack)
    assert "How long has this been going on?" in json.dumps(form)  # pre-filled
    assert submit(stack, SCRIBE, {"record_who": CONSULTANTS[0], "record_what": "question"}) == {}
    questions = _content(stack)["questions"]
    assert questions == [
        (1, CONSULTANTS[0], "How long has this been going on?", SCRIBE, None)
    ]  # replaced, not counted twice

    # the client's answer, said aloud and noted by the scribe
    ts = _note(stack, SCRIBE, root, "Since March, when the team doubled")
    assert _record(stack, SCRIBE, ts, {"record_who": CLIENT, "record_what": "answer:1"}) == {}
    (question,) = _content(stack)["questions"]
    assert question[4] == (CLIENT, "Since March, when the team doubled", SCRIBE)
    board = [m for m in thread(stack, root) if m.bot and "Q1" in str(m.blocks)][-1]
    assert f"<@{CONSULTANTS[0]}>" in str(board.blocks) and "Since March" in str(board.blocks)
    assert "1/1" in board.text

    # exploration: a contribution of the kind chosen, on the client's harvest board
    _next(stack, 2)
    ts = _note(stack, SCRIBE, root, "idea: pair each lead with a peer from another team")
    assert (
        _record(
            stack,
            SCRIBE,
            ts,
            {"record_who": CONSULTANTS[1], "record_what": "contribution:experience"},
        )
        == {}
    )
    assert _content(stack)["contributions"] == [
        (1, CONSULTANTS[1], "experience", "pair each lead with a peer from another team", SCRIBE)
    ]
    harvest = _harvest_boards(stack)[-1]
    assert f"<@{CONSULTANTS[1]}>" in str(harvest.blocks) and "pair each lead" in str(harvest.blocks)
    # the facilitator records too, from a line anyone wrote in the channel
    ts = _note(stack, CONSULTANTS[2], root, "Resource: the book Turn the Ship Around", False)
    assert (
        _record(
            stack,
            FACILITATOR,
            ts,
            {"record_who": CONSULTANTS[2], "record_what": "contribution:resource"},
        )
        == {}
    )
    assert [c[1] for c in _content(stack)["contributions"]] == [CONSULTANTS[1], CONSULTANTS[2]]
    assert _content(stack)["contributions"][1][4] == FACILITATOR

    # synthesis: a learning, credited to the consultant who said it
    _next(stack)
    ts = _note(stack, SCRIBE, root, "I learned to ask before I advise")
    assert _record(stack, SCRIBE, ts, {"record_who": CONSULTANTS[3]}) == {}  # suggested: learning
    assert _content(stack)["learnings"] == [
        (CONSULTANTS[3], "I learned to ask before I advise", SCRIBE)
    ]
    assert _content(stack)["notes"] == []  # nothing the scribe typed is left as theirs
    with stack.services.ctx.uow_factory(read_only=True) as uow:  # presence: speakers, scribe
        row = uow.sessions.by_root_message(CHANNEL, root.ts)
        assert uow.attendance.took_part(row.id) == {SCRIBE, FACILITATOR, CLIENT, *CONSULTANTS}

    # the summary and the App Home credit the speakers
    assert stack.driver.command(FACILITATOR, CHANNEL, "end").status == 200
    confirm = stack.emulator.ephemerals(FACILITATOR, CHANNEL)[-1]
    assert stack.driver.click(FACILITATOR, CHANNEL, confirm.ts, "codev_end_confirm").status == 200
    summary = everything_said([m for m in thread(stack, root) if m.bot][-3:])
    assert f"<@{CONSULTANTS[3]}>" in summary and "I learned to ask before I advise" in summary
    assert stack.driver.app_home_opened(CONSULTANTS[3]).status == 200
    stack.deliver()
    assert "I learned to ask before I advise" in json.dumps(stack.emulator.home(CONSULTANTS[3]))

    # their own data holds what they said, the scribe's holds none of it
    assert stack.driver.command(CONSULTANTS[0], CHANNEL, "mydata").status == 200
    stack.deliver()
    (data,) = [f for f in stack.emulator.files(CONSULTANTS[0]) if f["name"].endswith(".json")]
    mine = json.loads(data["content"].decode("utf-8"))
    assert [q["text"] for q in mine["questions"]] == ["How long has this been going on?"]
    assert stack.emulator.rejected() == []


def test_who_may_record_and_for_whom_is_checked_and_the_text_is_kept(stack):
    root = _session(stack)
    _next(stack)
    ts = _note(stack, CONSULTANTS[0], root, "What did you try already?")

    # a consultant who is not the scribe: told privately, nothing opens
    assert _record(stack, CONSULTANTS[1], ts) is None
    stack.deliver()
    assert t("en", "scribe.not_scribe") in ephemeral_texts(stack, CONSULTANTS[1])

    # the facilitator records: the wrong person for the kind is refused on its field
    errors = _record(stack, FACILITATOR, ts, {"record_who": CLIENT, "record_what": "question"})
    assert errors == {"record_who": t("en", "scribe.role.question")}
    errors = submit(stack, FACILITATOR, {"record_who": OUTSIDER})
    assert errors == {"record_who": t("en", "scribe.not_member")}
    errors = submit(stack, FACILITATOR, {"record_who": CONSULTANTS[1], "record_what": "answer:1"})
    assert errors == {"record_who": t("en", "scribe.role.answer")}
    answer = {"record_who": CLIENT, "record_what": "answer:1"}
    errors = submit(stack, FACILITATOR, {"record_text": "  ", **answer})
    assert set(errors) == {"record_text"}, errors
    # the modal stayed open with what was typed: fixed, it saves
    assert "What did you try already?" in json.dumps(last_view(stack))
    assert submit(stack, FACILITATOR, {"record_text": "Nothing yet, really", **answer}) == {}
    (question,) = _content(stack)["questions"]
    assert question[4] == (CLIENT, "Nothing yet, really", FACILITATOR)

    # naming the scribe: the facilitator only, a consultant of this session only
    refused = stack.driver.command(CONSULTANTS[0], CHANNEL, f"scribe <@{CONSULTANTS[1]}|x>")
    assert t("en", "rules.facilitator_only") in said(refused)
    refused = stack.driver.command(FACILITATOR, CHANNEL, f"scribe <@{CLIENT}|client>")
    assert t("en", "scribe.name_consultant") in said(refused)
    refused = stack.driver.command(FACILITATOR, CHANNEL, f"scribe <@{OUTSIDER}|x>")
    assert t("en", "scribe.name_consultant") in said(refused)
    # a scribe replaced, or sent back with `scribe me`, no longer records
    stack.driver.command(FACILITATOR, CHANNEL, f"scribe <@{SCRIBE}|s>")
    stack.driver.command(FACILITATOR, CHANNEL, f"scribe <@{CONSULTANTS[2]}|s>")
    assert _record(stack, SCRIBE, ts) is None
    assert _record(stack, CONSULTANTS[2], ts, {"record_who": CONSULTANTS[0]}) == {}
    answer = stack.driver.command(FACILITATOR, CHANNEL, "scribe me")
    assert f"<@{FACILITATOR}> is now the scribe" in said(answer)
    assert _record(stack, CONSULTANTS[2], ts) is None
    shown = stack.driver.command(CONSULTANTS[3], CHANNEL, "scribe")
    assert f"is <@{FACILITATOR}>" in said(shown)

    # the session has ended between opening the modal and saving it: said on the field
    stack.driver.message_shortcut(FACILITATOR, CHANNEL, ts)
    stack.services.sessions.end(TEAM, CHANNEL, FACILITATOR)
    errors = submit(stack, FACILITATOR, {"record_who": CONSULTANTS[0], "record_what": "question"})
    assert errors == {"record_text": t("en", "session.not_running")}
    # no session running in the channel any more
    assert _record(stack, FACILITATOR, ts) is None
    stack.deliver()
    assert t("en", "session.not_running") in ephemeral_texts(stack, FACILITATOR)
    assert stack.emulator.rejected() == []


def test_outside_a_groups_channel_the_refusal_comes_by_direct_message_in_french(stack_fr):
    stack = stack_fr
    setup_group(stack, lang="fr")
    add_peers(stack, 4)
    response, ts = stack.driver.message(FACILITATOR, FACILITATOR, "une note pour moi")
    assert response.status == 200
    assert _record(stack, FACILITATOR, ts, channel=FACILITATOR) is None
    stack.deliver()
    told = [m.text for m in stack.emulator.dms(FACILITATOR)]
    assert t("fr", "group.none_here") in told
    # in the group's channel, before any session: privately, in French
    response, ts = stack.driver.message(PEERS[1], CHANNEL, "Une idée à noter")
    assert _record(stack, FACILITATOR, ts) is None
    stack.deliver()
    assert t("fr", "session.not_running") in ephemeral_texts(stack, FACILITATOR)


def test_a_french_scribe_records_in_french_and_errors_are_in_french(stack_fr):
    stack = stack_fr
    root = _session(stack, lang="fr")
    assert "Secrétaire de séance" in str(root.blocks)
    answer = stack.driver.command(FACILITATOR, CHANNEL, f"secrétaire <@{SCRIBE}|s>")
    assert "rôle de secrétaire" in said(answer)
    _next(stack)
    ts = _note(stack, SCRIBE, root, "Qu'as-tu déjà essayé ?")
    assert stack.driver.message_shortcut(SCRIBE, CHANNEL, ts).status == 200
    assert "Noter dans codev" in json.dumps(last_view(stack), ensure_ascii=False)
    errors = submit(stack, SCRIBE, {"record_who": CLIENT, "record_what": "question"})
    assert errors == {"record_who": t("fr", "scribe.role.question")}
    assert submit(stack, SCRIBE, {"record_who": CONSULTANTS[0]}) == {}  # suggested: a question
    stack.deliver()
    assert any("Noté au nom de" in text for text in ephemeral_texts(stack, SCRIBE))


def test_the_harvest_board_waits_for_synthesis_when_the_group_holds_it(stack):
    root = _session(stack, settings={"hold_harvest": ["on"]})
    _next(stack, 3)  # exploration
    for n, consultant in enumerate(CONSULTANTS[:3], 1):
        _note(stack, consultant, root, f"idea: option number {n}")
    assert len(_content(stack)["contributions"]) == 3
    assert _harvest_boards(stack) == []  # the client listens
    _next(stack)  # synthesis: the board comes with every contribution
    (board,) = _harvest_boards(stack)
    assert all(f"option number {n}" in str(board.blocks) for n in (1, 2, 3))
    stack.deliver()
    saved = stack.emulator.ephemerals(FACILITATOR, CHANNEL)
    assert any("comes at synthesis" in m.text for m in saved)


def test_without_the_setting_or_in_async_the_board_follows_the_exploration(stack):
    root = _session(stack, mode="async", settings={"hold_harvest": ["on"]})
    _next(stack, 3)
    _note(stack, CONSULTANTS[0], root, "idea: a first option")
    assert len(_harvest_boards(stack)) == 1


def test_an_edit_of_the_noted_line_reaches_the_item_and_the_scribe_forgotten_leaves_it_theirs(
    stack,
):
    root = _session(stack)
    stack.driver.command(FACILITATOR, CHANNEL, f"scribe <@{SCRIBE}|s>")
    _next(stack)
    ts = _note(stack, SCRIBE, root, "Who decides the planning today?")
    assert _record(stack, SCRIBE, ts, {"record_who": CONSULTANTS[0]}) == {}
    assert stack.driver.edit(SCRIBE, CHANNEL, ts, "Who decides the weekly planning today?").status
    (question,) = _content(stack)["questions"]
    assert question[1:3] == (CONSULTANTS[0], "Who decides the weekly planning today?")

    # forget-me of the scribe: the question stays the consultant's, the scribe's id goes
    assert stack.driver.command(SCRIBE, CHANNEL, "forget-me").status == 200
    confirm = stack.emulator.ephemerals(user=SCRIBE)[-1]
    stack.driver.click(SCRIBE, CHANNEL, confirm.ts, "codev_forget_confirm", SCRIBE)
    stack.deliver()
    (question,) = _content(stack)["questions"]
    assert question[1] == CONSULTANTS[0] and question[3] not in (None, SCRIBE)
    with stack.services.ctx.uow_factory(read_only=True) as uow:
        row = uow.sessions.by_root_message(CHANNEL, root.ts)
        assert row.scribe_id not in (None, SCRIBE)
    assert SCRIBE not in str(root_message(stack).blocks)


def test_the_facilitator_names_the_scribe_with_the_root_messages_button(stack):
    root = _session(stack)
    # anyone else is told privately that it is the facilitator's
    refused = stack.driver.click(
        CONSULTANTS[0], CHANNEL, root.ts, "codev_name_scribe", block_id="session_actions"
    )
    assert refused.status == 200
    stack.deliver()
    assert t("en", "rules.facilitator_only") in ephemeral_texts(stack, CONSULTANTS[0])

    opened = len(stack.emulator.views)
    assert stack.driver.click(FACILITATOR, CHANNEL, root.ts, "codev_name_scribe").status == 200
    assert len(stack.emulator.views) == opened + 1
    assert submit(stack, FACILITATOR, {"scribe": CLIENT}) == {
        "scribe": t("en", "scribe.name_consultant")
    }
    assert submit(stack, FACILITATOR, {"scribe": SCRIBE}) == {}
    assert f"📝 Scribe: <@{SCRIBE}>" in str(root_message(stack).blocks)
    status = stack.driver.command(CONSULTANTS[1], CHANNEL, "status")
    assert f"Scribe: <@{SCRIBE}>" in said(status)


def test_in_a_peer_run_group_the_sessions_facilitator_names_the_scribe(stack):
    setup_group(stack)
    add_peers(stack, 6)
    assert change_settings(stack, {"peer_run": ["on"]}) == {}
    lead, client = PEERS[5], PEERS[0]
    stack.driver.command(lead, CHANNEL, f"start <@{client}|c> facilitated by <@{lead}|l>")
    root = root_message(stack)
    assert f"📝 Scribe: <@{lead}>" in str(root.blocks)  # whoever facilitates, by default

    refused = stack.driver.command(client, CHANNEL, f"scribe <@{SCRIBE}|s>")
    assert t("en", "rules.session_facilitator_only") in said(refused)
    assert "now the scribe" in said(stack.driver.command(lead, CHANNEL, f"scribe <@{SCRIBE}|s>"))
    stack.driver.command(lead, CHANNEL, "next")
    ts = _note(stack, SCRIBE, root, "What would your team say?")
    assert _record(stack, SCRIBE, ts, {"record_who": CONSULTANTS[0]}) == {}
    # the group's facilitator, who may stand in, records too; the client does not
    ts = _note(stack, FACILITATOR, root, "And your manager?")
    assert _record(stack, FACILITATOR, ts, {"record_who": CONSULTANTS[1]}) == {}
    assert _record(stack, client, ts) is None
    authors = [(q[1], q[3]) for q in _content(stack)["questions"]]
    assert authors == [(CONSULTANTS[0], SCRIBE), (CONSULTANTS[1], FACILITATOR)]
