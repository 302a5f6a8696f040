"""Events API deliveries: messages, edits, deletions, reactions, App Home, URL checks.

Shapes follow Slack's event_callback samples; a message a person writes is
stored in the emulator first so it shows in threads and renders.
"""

from __future__ import annotations

import json
import secrets
import time
import uuid

from . import payloads
from .models import Message, Response
from .transport import Transport


class Events(Transport):
    """The Events API half of the driver."""

    # -- events ---------------------------------------------------------------
    def event(
        self,
        event: dict,
        event_id: str | None = None,
        retry_num: int | None = None,
        retry_reason: str = "http_timeout",
    ) -> Response:
        now = int(time.time())
        envelope = {
            "token": "emulator-verification-token",
            "team_id": self.emu.team_id,
            "api_app_id": self.emu.app_id,
            "event": event,
            "type": "event_callback",
            "event_id": event_id or "Ev" + secrets.token_hex(6).upper(),
            "event_time": now,
            "authorizations": [
                {
                    "enterprise_id": self.emu.enterprise_id,
                    "team_id": self.emu.team_id,
                    "user_id": self.emu.bot_user_id,
                    "is_bot": True,
                    "is_enterprise_install": self.emu.org_wide_install,
                }
            ],
            "is_ext_shared_channel": False,
        }
        if self.emu.enterprise_id:
            envelope["enterprise_id"] = self.emu.enterprise_id
        headers = {}
        if retry_num is not None:
            headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": retry_reason}
        return self.send(json.dumps(envelope).encode(), "application/json", headers=headers)

    def _channel_type(self, ch: dict) -> str:
        return "im" if ch["is_im"] else "group" if ch["is_private"] else "channel"

    def message(
        self, user: str, channel: str, text: str, thread_ts: str | None = None
    ) -> tuple[Response, str]:
        ch = self._channel(channel)
        root = self.emu.find(ch["id"], thread_ts) if thread_ts else None
        if thread_ts and root is None:
            raise LookupError(f"no thread {thread_ts} in {ch['id']}")
        ts = self.emu.clock.next_ts()
        self.emu.store(Message(ts=ts, channel=ch["id"], user=user, text=text, thread_ts=thread_ts))
        event = {
            "client_msg_id": str(uuid.uuid4()),
            "type": "message",
            "text": text,
            "user": user,
            "ts": ts,
            "team": self.emu.team_id,
            "blocks": [
                {
                    "type": "rich_text",
                    "block_id": payloads.block_id_of(0, {"t": ts}),
                    "elements": [
                        {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}
                    ],
                }
            ],
            "channel": ch["id"],
            "event_ts": ts,
            "channel_type": self._channel_type(ch),
        }
        if root is not None:
            event.update(thread_ts=thread_ts, parent_user_id=root.user)
        return self.event(event), ts

    def _posted(self, ch: dict, ts: str):
        """The message at `ts` in the channel, which a test edits or deletes."""
        msg = self.emu.find(ch["id"], ts)
        if msg is None:
            raise LookupError(f"no message {ts} in {ch['id']}")
        return msg

    def edit(self, user: str, channel: str, ts: str, new_text: str) -> Response:
        ch = self._channel(channel)
        with self.emu.lock:
            msg = self._posted(ch, ts)
            before = msg.to_slack(team_id=self.emu.team_id)
            msg.text, msg.edited = new_text, True
            after = msg.to_slack(team_id=self.emu.team_id)
        now = self.emu.clock.next_ts()
        after["edited"] = {"user": user, "ts": now}
        return self.event(
            {
                "type": "message",
                "subtype": "message_changed",
                "hidden": True,
                "message": after,
                "previous_message": before,
                "channel": ch["id"],
                "ts": now,
                "event_ts": now,
                "channel_type": self._channel_type(ch),
            }
        )

    def delete(self, user: str, channel: str, ts: str) -> Response:
        ch = self._channel(channel)
        with self.emu.lock:
            msg = self._posted(ch, ts)
            before = msg.to_slack(team_id=self.emu.team_id)
            self.emu.remove(msg)
        now = self.emu.clock.next_ts()
        return self.event(
            {
                "type": "message",
                "subtype": "message_deleted",
                "hidden": True,
                "deleted_ts": ts,
                "previous_message": before,
                "channel": ch["id"],
                "ts": now,
                "event_ts": now,
                "channel_type": self._channel_type(ch),
            }
        )

    def react(
        self,
        user: str,
        channel: str,
        ts: str,
        name: str,
        added: bool = True,
        event_id: str | None = None,
        retry_num: int | None = None,
    ) -> Response:
        """A person adds (or takes back) an emoji reaction on a message: the message's
        reactions change as Slack shows them, then reaction_added / reaction_removed."""
        ch = self._channel(channel)
        with self.emu.lock:
            msg = self.emu.find(ch["id"], ts)
            if msg is None:
                raise LookupError(f"no message {ts} in {ch['id']}")
            users = msg.reactions.setdefault(name, [])
            if added and user not in users:
                users.append(user)
            elif not added and user in users:
                users.remove(user)
            if not users:
                msg.reactions.pop(name)
            author = msg.user
        return self.event(
            {
                "type": "reaction_added" if added else "reaction_removed",
                "user": user,
                "reaction": name,
                "item_user": author,
                "item": {"type": "message", "channel": ch["id"], "ts": ts},
                "event_ts": self.emu.clock.next_ts(),
            },
            event_id=event_id,
            retry_num=retry_num,
        )

    def subscribe(self) -> None:
        """Send the app the events its own Web API calls cause (conversations.join)."""
        self.emu.event_sink = lambda event: self.event(event)

    # -- channel life, as Slack tells an app about it ------------------------------
    def join(self, user: str, channel: str, inviter: str | None = None) -> Response:
        """`user` joins `channel` (or is invited): the members change and the app hears
        member_joined_channel. The bot's own joining is told the same way."""
        ch = self._channel(channel)
        with self.emu.lock:
            if user == self.emu.bot_user_id:
                ch["bot_member"] = True
            elif user not in ch["members"]:
                ch["members"].append(user)
        event = {
            "type": "member_joined_channel",
            "user": user,
            "channel": ch["id"],
            "channel_type": "G" if ch["is_private"] else "C",
            "team": self.emu.team_id,
            "event_ts": self.emu.clock.next_ts(),
        }
        if inviter:
            event["inviter"] = inviter
        return self.event(event)

    def invite_bot(self, user: str, channel: str) -> Response:
        """Someone types `/invite @codev` in `channel`."""
        return self.join(self.emu.bot_user_id, channel, inviter=user)

    def archive_channel(self, user: str, channel: str) -> Response:
        """`user` archives `channel`: channel_archive (group_archive if private)."""
        ch = self._channel(channel)
        self.emu.archive(ch["id"])
        kind = "group_archive" if ch["is_private"] else "channel_archive"
        return self.event(
            {"type": kind, "channel": ch["id"], "user": user, "event_ts": self.emu.clock.next_ts()}
        )

    def unarchive_channel(self, user: str, channel: str) -> Response:
        ch = self._channel(channel)
        self.emu.archive(ch["id"], archived=False)
        kind = "group_unarchive" if ch["is_private"] else "channel_unarchive"
        return self.event(
            {"type": kind, "channel": ch["id"], "user": user, "event_ts": self.emu.clock.next_ts()}
        )

    def delete_channel(self, channel: str) -> Response:
        """An admin deletes `channel`: channel_deleted (group_deleted if private)."""
        ch = self._channel(channel)
        self.emu.delete_channel(ch["id"])
        kind = "group_deleted" if ch["is_private"] else "channel_deleted"
        return self.event({"type": kind, "channel": ch["id"], "event_ts": self.emu.clock.next_ts()})

    def app_home_opened(self, user: str) -> Response:
        event = {
            "type": "app_home_opened",
            "user": user,
            "channel": self.emu.open_im(user),
            "tab": "home",
            "event_ts": self.emu.clock.next_ts(),
        }
        home = self.emu.home(user)
        if home:
            event["view"] = home
        return self.event(event)

    def url_verification(self, challenge: str | None = None) -> Response:
        body = {
            "token": "emulator-verification-token",
            "type": "url_verification",
            "challenge": challenge or secrets.token_urlsafe(24),
        }
        return self.send(json.dumps(body).encode(), "application/json")
