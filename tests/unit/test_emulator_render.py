"""render() shows a channel the way a person reads it in Slack."""

from slack_sdk import WebClient

from bot.emulator import Emulator


def test_render_reads_like_slack():
    emu = Emulator(tz="Europe/Paris").start()
    try:
        emu.add_user("U01", "alice")
        emu.add_channel("C01", "codev-managers", members=["U01"])
        client = WebClient(base_url=emu.api_url, token=emu.bot_token)
        root = client.chat_postMessage(
            channel="C01",
            text="fallback",
            blocks=[
                {"type": "header", "text": {"type": "plain_text", "text": "Session 3"}},
                {
                    "type": "section",
                    "text": {
                        "type": "mrkdwn",
                        "text": "Client: <@U01> &lt;3 at <!date^1700000000^{time}|10:00>",
                    },
                },
                {
                    "type": "actions",
                    "elements": [
                        {
                            "type": "button",
                            "action_id": "next",
                            "text": {"type": "plain_text", "text": "Next phase"},
                        }
                    ],
                },
            ],
        )["ts"]
        client.chat_postMessage(channel="C01", thread_ts=root, text="Phase 2: clarification")
        client.chat_update(
            channel="C01",
            ts=root,
            text="fallback",
            blocks=[
                {"type": "section", "text": {"type": "mrkdwn", "text": "Client: <@U01|alice>"}},
                {
                    "type": "actions",
                    "elements": [
                        {
                            "type": "button",
                            "action_id": "next",
                            "text": {"type": "plain_text", "text": "Next phase"},
                        }
                    ],
                },
            ],
        )
        text = emu.render("C01")
    finally:
        emu.stop()
    lines = text.splitlines()
    assert lines[0] == "#codev-managers"
    assert lines[1].startswith("codev (app)") and lines[1].endswith("(edited)")
    assert "  Client: @alice" in lines
    assert "  [Next phase]" in lines
    assert lines[-1] == "      Phase 2: clarification"
    assert lines[-2].startswith("    codev (app)  ")


def test_mrkdwn_tokens_become_readable():
    from bot.emulator.render import mrkdwn

    emu = Emulator()
    emu.add_user("U01", "alice")
    emu.add_channel("C01", "codev")
    assert mrkdwn(
        emu, "<@U01> in <#C01> &amp; <!here> <https://x.org|docs> <!date^1700000000^{date}|Nov 14>"
    ) == ("@alice in #codev & @here docs (https://x.org) Nov 14")
