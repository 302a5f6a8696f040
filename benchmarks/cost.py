"""(b) Slack Web API calls per user action over one whole session with 8 peers.

Every request the driver sends is one user action (a command, a click, a modal
submission, a thread reply, an edit); every call the emulator records except
`response_url` posts (answers to the request itself) is a Web API call.
"""

from __future__ import annotations

from collections import Counter

from tests.support.flows import add_peers, root_message, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, PEERS, Stack


class Counting:
    """Wraps the driver's transport to count what people do."""

    def __init__(self, driver):
        self.actions = 0
        self._send = driver.send
        driver.send = self

    def __call__(self, *args, **kwargs):
        self.actions += 1
        return self._send(*args, **kwargs)


def run(database_url: str) -> dict:
    stack = Stack(database_url, lang="en")
    try:
        counter = Counting(stack.driver)
        client, consultants = PEERS[0], PEERS[1:8]
        setup_group(stack)
        add_peers(stack, 8)
        stack.driver.command(FACILITATOR, CHANNEL, f"start <@{client}|peer1>")
        root = root_message(stack).ts
        say = stack.driver.message
        say(client, CHANNEL, "My situation: a team that stopped talking to each other.", root)
        stack.driver.command(FACILITATOR, CHANNEL, "next")
        for i, consultant in enumerate(consultants, 1):
            say(consultant, CHANNEL, f"Question {i}: what have you tried so far?", root)
            say(client, CHANNEL, f"Q{i} Several things, none lasted.", root)
        for _ in range(4):
            stack.driver.command(FACILITATOR, CHANNEL, "next")
            for consultant in consultants:
                say(consultant, CHANNEL, "An idea for this phase.", root)
            say(client, CHANNEL, "Thank you, noted.", root)
            stack.deliver()
        stack.driver.command(FACILITATOR, CHANNEL, "next")
        stack.deliver()
        calls = [c for c in stack.emulator.calls if c.method != "response_url"]
        by_method = Counter(c.method for c in calls)
        return {
            "user actions (requests)": counter.actions,
            "Web API calls": len(calls),
            "calls per action": round(len(calls) / counter.actions, 2),
            "by method": ", ".join(f"{m} {n}" for m, n in by_method.most_common()),
            "rejected calls": len(stack.emulator.rejected()),
        }
    finally:
        stack.close()
