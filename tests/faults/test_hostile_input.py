"""Generated hostile text (unicode, mrkdwn, broadcasts, mentions, 40,000 characters) in
commands, thread replies and modal fields: never an unhandled error, every answer valid
Block Kit, and nothing a person typed makes the bot ping anyone."""

from __future__ import annotations

import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.flows import add_peers, open_view_id, root_message, setup_group, start_session
from tests.support.stack import CHANNEL, FACILITATOR, NAMES, PEERS

from .support import LONG, size

pytestmark = pytest.mark.faults

# Ids that exist nowhere in the workspace: if one shows up in a bot message as a live
# mention, it came from a person's text.
PINGS = ("<!channel", "<!here", "<!everyone", "<!subteam", "<@U0HYPO", "<#C0HYPO")
HOSTILE = [
    "<!channel>",
    "<!here|here>",
    "<!everyone>",
    "<!subteam^S0HYPO|team>",
    "<@U0HYPO1>",
    "<@U0HYPO2|boss>",
    "<#C0HYPO|general>",
    "<https://evil.example|click me>",
    "*bold* _it_ ~strike~ `code` ```block```",
    "&lt;!channel&gt;",
    "> quoted\n>>> more",
    "Q1 ",
    "\u202e\u200b\ufeff",
    "🧑‍🤝‍🧑 ✨ é à ç œ",
    "\x00\x07",
]
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20)), max_size=8).map(" ".join),
    st.builds(
        lambda piece, n: (piece * n)[:40_000],
        st.sampled_from(HOSTILE + ["é", "a"]),
        st.integers(1, 40_000),
    ),
)
SUBCOMMANDS = [
    "",
    "next",
    "suivant",
    "status",
    "start",
    "members add",
    "members",
    "help",
    "end",
    "setup",
    "frobnicate",
]
SETTINGS = settings(
    max_examples=size(40, 2500),
    deadline=None,
    database=None,
    derandomize=not LONG,
    suppress_health_check=list(HealthCheck),
)


class Watch:
    """Everything the app said (messages, ephemerals, DMs, modals) and every logged crash."""

    def __init__(self, stack, caplog):
        self.stack, self.caplog = stack, caplog
        caplog.set_level(logging.ERROR)

    def said(self) -> list[str]:
        emu = self.stack.emulator
        channels = [CHANNEL] + [emu.dm_channel(u) for u in NAMES]
        out = [m for c in channels if c for m in emu.all_messages(c) if m.bot]
        out += emu.ephemerals()
        texts = [m.text for m in out] + [t for m in out for t in _mrkdwn(m.blocks)]
        # a modal's state and its inputs' plain-text initial values are what the
        # person typed and cannot ping; its mrkdwn texts are what the bot says
        return texts + [t for v in emu.views.values() for t in _mrkdwn(v.get("blocks"))]

    def check(self) -> None:
        self.stack.deliver()
        crashes = [r.getMessage() for r in self.caplog.records if "unexpected" in r.getMessage()]
        assert crashes == []
        rejected = [c for c in self.stack.emulator.rejected() if c.error != "user_not_found"]
        assert rejected == [], [(c.method, c.error) for c in rejected]
        leaks = [t for t in self.said() if any(p in t for p in PINGS)]
        assert leaks == [], leaks[:3]


def _mrkdwn(node) -> list[str]:
    """Every mrkdwn text object in some Block Kit: where Slack turns `<!…>` into a ping."""
    if isinstance(node, list):
        return [t for item in node for t in _mrkdwn(item)]
    if not isinstance(node, dict):
        return []
    found = [node.get("text", "")] if node.get("type") == "mrkdwn" else []
    return found + [t for value in node.values() for t in _mrkdwn(value)]


def _answered(response) -> None:
    assert response.status == 200, response.body
    assert "went wrong" not in response.body


def test_generated_command_texts_are_answered_cleanly(stack, caplog):
    watch = Watch(stack, caplog)
    setup_group(stack)
    add_peers(stack, 3)

    @SETTINGS
    @given(
        sub=st.sampled_from(SUBCOMMANDS), text=texts, who=st.sampled_from([FACILITATOR, PEERS[1]])
    )
    def command(sub, text, who):
        _answered(stack.driver.command(who, CHANNEL, f"{sub} {text}".strip()))

    command()
    watch.check()


def test_generated_thread_replies_are_answered_cleanly(stack, caplog):
    watch = Watch(stack, caplog)
    setup_group(stack)
    add_peers(stack, 4)
    start_session(stack, f"start <@{PEERS[0]}|peer1>")
    root = root_message(stack).ts
    moves = iter(range(1_000_000))

    @SETTINGS
    @given(text=texts, who=st.sampled_from([FACILITATOR, *PEERS[:4]]), move=st.booleans())
    def reply(text, who, move):
        if move and next(moves) % 7 == 0:
            stack.driver.command(FACILITATOR, CHANNEL, "next")
        response, _ = stack.driver.message(who, CHANNEL, text, root)
        _answered(response)

    reply()
    watch.check()


def test_generated_modal_values_are_answered_cleanly(stack, caplog):
    watch = Watch(stack, caplog)

    @SETTINGS
    @given(name=texts)
    def modal(name):
        _answered(stack.driver.command(FACILITATOR, CHANNEL, "setup"))
        values = {
            "name": name,
            "lang": "en",
            "tz": "Europe/Paris",
            "mode": "live",
            "facilitator": FACILITATOR,
        }
        _answered(stack.driver.submit_view(FACILITATOR, open_view_id(stack), values))
        _answered(stack.driver.command(FACILITATOR, CHANNEL, "members"))

    modal()
    watch.check()


def test_a_nul_character_in_a_reply_or_a_group_name_is_dropped_not_a_crash(stack, caplog):
    watch = Watch(stack, caplog)
    setup_group(stack, name="Circle\x00 one")
    add_peers(stack, 3)
    start_session(stack, f"start <@{PEERS[0]}|peer1>")
    root = root_message(stack).ts
    stack.driver.command(FACILITATOR, CHANNEL, "next")
    response, _ = stack.driver.message(PEERS[1], CHANNEL, "Since\x00 when?", root)
    _answered(response)
    watch.check()
    assert "Circle one" in str(stack.emulator.message(CHANNEL, root).blocks)
