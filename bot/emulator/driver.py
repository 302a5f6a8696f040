"""Sends an app what Slack sends it, signed the way Slack signs.

Tests and the demo act as people through this driver: slash commands,
button clicks, modal submissions and messages. It builds each request from
the emulator's current state (a click on a button that is not in the message
is a test's mistake and raises), and it never raises on an HTTP error: the
status is what tests assert on.
"""

from __future__ import annotations

import time
from typing import Any

from . import payloads, webapi_files, webapi_views
from .driver_events import Events
from .models import Message, Response
from .transport import sign

__all__ = ["Driver", "sign"]

ANSWER_WAIT_SECONDS = 3.0  # Slack's own bound on an answer (the ack), for an app elsewhere


def manifest_message_shortcuts() -> frozenset[str]:
    """The callback ids of the message shortcuts codev's manifest declares."""
    from ..manifest import load  # the app's manifest.yml, one source of truth

    shortcuts = load()["features"].get("shortcuts") or []
    return frozenset(s["callback_id"] for s in shortcuts if s.get("type") == "message")


class Driver(Events):
    """Acts as Slack (and its users) towards the app at `app_url`."""

    # -- people ---------------------------------------------------------------
    def command(self, user: str, channel: str, text: str = "", command: str = "/codev") -> Response:
        ch = self._channel(channel)
        response_url = self.emu.issue_response_url(ch["id"], user)
        fields = {
            "token": "emulator-verification-token",
            "team_id": self.emu.team_id,
            "team_domain": self.emu.team_domain,
            "channel_id": ch["id"],
            "channel_name": "directmessage" if ch["is_im"] else ch["name"],
            "user_id": user,
            "user_name": self._user(user)["name"],
            "command": command,
            "text": text,
            "api_app_id": self.emu.app_id,
            "is_enterprise_install": str(self.emu.org_wide_install).lower(),
            "response_url": response_url,
            "trigger_id": self.emu.issue_trigger_id(user),
        }
        if self.emu.enterprise_id:
            fields.update(
                enterprise_id=self.emu.enterprise_id, enterprise_name=self.emu.enterprise_name
            )
        resp = self._form(fields)
        self._ack_message(resp, ch["id"], user)
        resp.answered = lambda: self._answered(response_url)
        return resp

    def _answered(self, response_url: str) -> dict | None:
        """The first message the app sent to `response_url`, given a moment to come (the
        app sends it on a thread of its own once the answer is ready)."""
        rid = response_url.rsplit("/", 1)[1]
        deadline = time.monotonic() + ANSWER_WAIT_SECONDS
        while True:
            for call in self.emu.calls:
                if call.method == "response_url" and call.ok and call.args.get("id") == rid:
                    return {k: v for k, v in call.args.items() if k != "id"}
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.02)

    def _ack_message(self, resp: Response, channel: str, user: str) -> None:
        """A command's ack body is shown like a response_url message."""
        if resp.status != 200 or not resp.body.strip():
            return
        body = resp.json()
        if not isinstance(body, dict):
            body = {"text": resp.body}
        if body.get("text") or body.get("blocks"):
            rid = self.emu.issue_response_url(channel, user).rsplit("/", 1)[1]
            webapi_files.respond(self.emu, rid, body)

    def click(
        self,
        user: str,
        channel: str,
        message_ts: str,
        action_id: str,
        value: Any = None,
        block_id: str | None = None,
    ) -> Response:
        ch = self._channel(channel)
        msg: Message | None = self.emu.find(ch["id"], message_ts)
        ephemeral = msg is None
        if ephemeral:
            msg = next((m for m in self.emu.ephemerals(user, ch["id"]) if m.ts == message_ts), None)
        if msg is None:
            raise LookupError(f"no message {message_ts} in {ch['id']} for {user}")
        bid, element = self._element(msg.blocks, action_id, value, block_id)
        payload = self._base("block_actions", user, self.emu.issue_trigger_id(user))
        payload.update(
            container={
                "type": "message",
                "message_ts": msg.ts,
                "channel_id": ch["id"],
                "is_ephemeral": ephemeral,
            },
            channel={"id": ch["id"], "name": ch["name"]},
            state={"values": {}},
            response_url=self.emu.issue_response_url(ch["id"], user, msg.ts, msg.thread_ts),
            actions=[payloads.action(bid, element, value, self.emu.clock.next_ts())],
        )
        if not ephemeral:
            payload["message"] = msg.to_slack(self.emu.bot_id, self.emu.app_id, self.emu.team_id)
        return self._interaction(payload)

    def message_shortcut(
        self, user: str, channel: str, message_ts: str, callback_id: str = "codev_record"
    ) -> Response:
        """`user` opens a message's menu ⋮ and picks the app's message shortcut: Slack
        sends `message_action` with the whole message. Only shortcuts the manifest
        declares exist, and ephemerals have no menu (both are a test's mistake)."""
        if callback_id not in manifest_message_shortcuts():
            raise LookupError(f"the manifest declares no message shortcut {callback_id!r}")
        ch = self._channel(channel)
        msg: Message | None = self.emu.find(ch["id"], message_ts)
        if msg is None:
            raise LookupError(f"no message {message_ts} in {ch['id']}")
        payload = self._base("message_action", user, self.emu.issue_trigger_id(user))
        payload.update(
            callback_id=callback_id,
            action_ts=self.emu.clock.next_ts(),
            channel={"id": ch["id"], "name": "directmessage" if ch["is_im"] else ch["name"]},
            message_ts=msg.ts,
            message=msg.to_slack(self.emu.bot_id, self.emu.app_id, self.emu.team_id),
            response_url=self.emu.issue_response_url(ch["id"], user, msg.ts, msg.thread_ts),
        )
        return self._interaction(payload)

    def _element(
        self, blocks: list[dict], action_id: str, value: Any, block_id: str | None
    ) -> tuple[str, dict]:
        for bid, element, _ in payloads.elements(blocks):
            if (
                element["action_id"] == action_id
                and block_id in (None, bid)
                and payloads.accepts(element, value)
            ):
                return bid, element
        raise LookupError(f"no element {action_id!r} (value {value!r}) in the current blocks")

    def click_in_view(
        self,
        user: str,
        view_id: str,
        action_id: str,
        value: Any = None,
        block_id: str | None = None,
    ) -> Response:
        view = self.emu.view(view_id)
        bid, element = self._element(view.get("blocks", []), action_id, value, block_id)
        act = payloads.action(bid, element, value, self.emu.clock.next_ts())
        if element.get("type") != "button":
            with self.emu.lock:
                stored = self.emu._views[view_id]["state"]["values"]
                stored.setdefault(bid, {})[action_id] = payloads.typed(element, value)
            view = self.emu.view(view_id)
        payload = self._base("block_actions", user, self.emu.issue_trigger_id(user, view_id))
        payload.update(
            container={"type": "view", "view_id": view_id},
            view=view,
            actions=[act],
            state=view["state"],
        )
        return self._interaction(payload)

    def submit_view(
        self, user: str, view_id: str, values: dict[str, Any] | None = None
    ) -> Response:
        view = self.emu.view(view_id)
        if view_id in self.emu.closed_views:
            raise LookupError(f"view {view_id} is closed")
        view["state"] = {"values": payloads.view_state(view, values or {})}
        payload = self._base("view_submission", user, self.emu.issue_trigger_id(user, view_id))
        payload.update(view=view, response_urls=[])
        resp = self._interaction(payload)
        if resp.status == 200:
            body = resp.json()
            webapi_views.apply_view_response(
                self.emu, view_id, body if isinstance(body, dict) else None
            )
        return resp

    def close_view(self, user: str, view_id: str) -> Response | None:
        """The user closes a modal; the app hears of it only with notify_on_close."""
        view = self.emu.view(view_id)
        webapi_views.apply_view_response(self.emu, view_id, None)
        if not view.get("notify_on_close"):
            return None
        payload = self._base("view_closed", user, "")
        payload.update(view=view, is_cleared=False)
        return self._interaction(payload)
