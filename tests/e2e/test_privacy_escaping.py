"""Nobody pings the channel through the bot: a whole session where the group's name
and every text carry broadcasts, a mention and a disguised link, then every field of
every Web API call the app made (text, blocks, initial_comment, file titles and
names, modals, home) and every command answer searched for them un-escaped."""

from __future__ import annotations

import json
import re

from tests.e2e.test_privacy_logs import run_session

HOSTILE = "<!channel><!here><@UEVIL><https://e.vil|x><!subteam^S1>"
RAW = re.compile(r"<!channel|<!here|<!subteam|<@UEVIL|<https://e\.vil")
# A text box pre-filled with the person's own words, for them to edit: Slack shows it
# as typed and never parses it, and escaping it would save entities into their text.
EDITABLE = ".initial_value"


def _fields(value, path=""):
    """Every string in a call's arguments (JSON strings such as `files` opened too)."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _fields(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for n, inner in enumerate(value):
            yield from _fields(inner, f"{path}[{n}]")
    elif isinstance(value, str):
        if value[:1] in "[{":
            try:
                yield from _fields(json.loads(value), path)
                return
            except ValueError:
                pass
        yield path, value


def test_hostile_names_and_texts_reach_no_field_of_any_payload_unescaped(stack):
    kinds = set()

    def typed(kind, n=0):
        kinds.add(kind)
        return f"{kind}{n} {HOSTILE}"

    answers = run_session(stack, typed)
    calls = stack.emulator.calls
    methods = {c.method for c in calls}
    assert {"chat.postMessage", "chat.update", "views.open", "views.publish"} <= methods
    assert "files.completeUploadExternal" in methods  # the chart, the exports, mydata
    found = []
    for call in calls:
        for path, text in _fields(call.args, call.method):
            if RAW.search(text) and not path.endswith(EDITABLE):
                found.append((path, text[:160]))
    for answer in answers:
        for path, text in _fields(answer.json() if answer.body.strip() else {}, "answer"):
            if RAW.search(text):
                found.append((path, text[:160]))
    assert found == [], "\n".join(map(str, found))
