"""The workspace the emulator pretends to be: users, channels and what was posted.

All state sits behind one re-entrant lock: the HTTP server answers on many
threads while tests read from theirs, and a half-applied update must never be
visible to either.
"""

from __future__ import annotations

import copy
import itertools
import secrets
import threading
import time

from .models import Call, Clock, Message, SlackError

TRIGGER_TTL = 3.0


class Workspace:
    """State and thread-safe reads; the Web API handlers mutate it."""

    def __init__(
        self,
        team_id: str = "T0CODEV",
        bot_name: str = "codev",
        enterprise_id: str | None = None,
    ) -> None:
        self.lock = threading.RLock()
        self.clock = Clock()
        self.team_id, self.bot_name = team_id, bot_name
        # An Enterprise Grid workspace belongs to an organisation (E…); None: a standalone one.
        self.enterprise_id = enterprise_id
        self.enterprise_name = f"Org {enterprise_id}" if enterprise_id else None
        self.org_wide_install = False  # the app installed for the whole organisation
        # Where events the Web API causes go (Driver.subscribe): the bot's own joining.
        self.event_sink = None
        # Slack's limits for apps not listed in the Marketplace (since 2025):
        # conversations.history and .replies give 15 messages a page, once a minute.
        self.history_page: int | None = 15
        self.history_per_minute: int | None = 1
        self.team_domain = "codev-emulator"
        self.bot_user_id, self.bot_id, self.app_id = "U0CODEVBOT", "B0CODEVBOT", "A0CODEVAPP"
        self.bot_token = "xoxb-" + secrets.token_hex(12)
        self.base_url = ""
        self.users: dict[str, dict] = {}
        self.channels: dict[str, dict] = {}
        self._messages: dict[str, list[Message]] = {}
        self._by_ts: dict[tuple[str, str], Message] = {}
        self._ephemerals: list[Message] = []
        self._ims: dict[str, str] = {}
        self._views: dict[str, dict] = {}
        self.view_owner: dict[str, str] = {}
        self.closed_views: set[str] = set()
        self._homes: dict[str, dict] = {}
        self.triggers: dict[str, dict] = {}
        self.response_urls: dict[str, dict] = {}
        self.uploads: dict[str, dict] = {}
        self._files: dict[str, list[dict]] = {}
        self._calls: list[Call] = []
        self._ids = itertools.count(1)

    # -- setup -------------------------------------------------------------
    def add_user(
        self,
        user_id: str,
        name: str,
        real_name: str | None = None,
        locale: str = "en-US",
        tz: str = "UTC",
        deleted: bool = False,
        is_bot: bool = False,
    ) -> None:
        with self.lock:
            self.users[user_id] = {
                "id": user_id,
                "name": name,
                "real_name": real_name or name,
                "locale": locale,
                "tz": tz,
                "deleted": deleted,
                "is_bot": is_bot,
            }

    def add_channel(
        self,
        channel_id: str,
        name: str,
        is_private: bool = False,
        members: list[str] | None = None,
        bot_member: bool = True,
    ) -> None:
        """A channel; the bot is in it unless `bot_member=False`."""
        with self.lock:
            self.channels[channel_id] = {
                "id": channel_id,
                "name": name,
                "is_private": is_private,
                "is_im": False,
                "members": list(members or []),
                "bot_member": bot_member,
                "is_archived": False,
                "deleted": False,
                "created": int(time.time()),
            }
            self._messages.setdefault(channel_id, [])

    # -- what people do in Slack's own UI --------------------------------------
    def set_bot_member(self, channel_id: str, member: bool = True) -> None:
        """`/invite @codev` (or removing it): see Driver.invite_bot for the event."""
        with self.lock:
            self.channels[channel_id]["bot_member"] = member

    def archive(self, channel_id: str, archived: bool = True) -> None:
        """Archived: readable, but nothing can be posted (`is_archived`)."""
        with self.lock:
            self.channels[channel_id]["is_archived"] = archived

    def delete_channel(self, channel_id: str) -> None:
        """Deleted: gone for every method (`channel_not_found`)."""
        with self.lock:
            self.channels[channel_id]["deleted"] = True

    def deactivate(self, user_id: str) -> None:
        """An admin deactivated the account: it is listed as `deleted` and unreachable."""
        with self.lock:
            self.users[user_id]["deleted"] = True

    @property
    def enterprise(self) -> dict | None:
        """The organisation as interaction payloads name it (None outside a Grid)."""
        if not self.enterprise_id:
            return None
        return {"id": self.enterprise_id, "name": self.enterprise_name}

    def emit(self, event: dict) -> None:
        """An event Slack sends because of a Web API call, a moment after it answers."""
        if self.event_sink is not None:
            threading.Thread(target=self.event_sink, args=(event,), daemon=True).start()

    def new_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids):08X}"

    # -- lookups used by handlers ----------------------------------------
    def user(self, user_id: str) -> dict:
        found = self.users.get(user_id or "")
        if found is None:
            raise SlackError("user_not_found")
        return found

    def open_im(self, user_id: str) -> str:
        with self.lock:
            if user_id not in self._ims:
                channel_id = "D" + self.new_id("")[1:] + user_id[-3:]
                self._ims[user_id] = channel_id
                self.channels[channel_id] = {
                    "id": channel_id,
                    "name": user_id,
                    "is_im": True,
                    "is_private": True,
                    "user": user_id,
                    "members": [user_id],
                    "bot_member": True,
                    "is_archived": False,
                    "deleted": False,
                    "created": int(time.time()),
                }
                self._messages[channel_id] = []
            return self._ims[user_id]

    def channel(self, channel_id: str, post: bool = False, member: bool = False) -> dict:
        """The channel the bot may use; a user id (when posting) means its DM.

        As Slack answers: a private channel the bot is not in does not exist for it
        (`channel_not_found`); a public one can be looked at (`conversations.info`)
        but neither read nor written (`not_in_channel`, with `member` or `post`);
        nothing is posted in an archived channel (`is_archived`) nor to a
        deactivated person (`account_inactive`) or a bot (`cannot_dm_bot`)."""
        channel_id = (channel_id or "").lstrip("#")
        with self.lock:
            if post and channel_id in self.users and self.users[channel_id]["is_bot"]:
                raise SlackError("cannot_dm_bot")
            if post and channel_id == self.bot_user_id:
                raise SlackError("cannot_dm_bot")
            found = self.channels.get(channel_id)
            if found is None and post and channel_id in self.users:
                found = self.channels[self.open_im(channel_id)]
            if found is None:
                found = next(
                    (
                        c
                        for c in self.channels.values()
                        if not c["is_im"] and c["name"] == channel_id
                    ),
                    None,
                )
            if found is None or found["deleted"]:
                raise SlackError("channel_not_found")
            if not found["bot_member"] and found["is_private"]:
                raise SlackError("channel_not_found")
            if post and found["is_archived"]:
                raise SlackError("is_archived")
            if not found["bot_member"] and (post or member):
                raise SlackError("not_in_channel")
            if post and found["is_im"] and self.users.get(found["user"], {}).get("deleted"):
                raise SlackError("account_inactive")
            return found

    def members_of(self, channel: dict) -> list[str]:
        extra = [self.bot_user_id] if channel["bot_member"] else []
        return list(dict.fromkeys(channel["members"] + extra))

    def find(self, channel_id: str, ts: str) -> Message | None:
        with self.lock:
            return self._by_ts.get((channel_id, ts))

    def bot_message(self, channel_id: str, text, blocks, **fields) -> Message:
        """A new message from the app's bot user (not stored yet), at the next ts."""
        return Message(
            ts=self.clock.next_ts(),
            channel=channel_id,
            user=self.bot_user_id,
            text=text or "",
            blocks=blocks or [],
            bot=True,
            **fields,
        )

    def store(self, msg: Message) -> Message:
        with self.lock:
            msgs = self._messages.setdefault(msg.channel, [])
            msgs.append(msg)
            if len(msgs) > 1 and msgs[-2].ts > msg.ts:
                msgs.sort(key=lambda m: m.ts)
            self._by_ts[(msg.channel, msg.ts)] = msg
            return msg

    def remove(self, msg: Message) -> None:
        with self.lock:
            self._messages[msg.channel].remove(msg)
            self._by_ts.pop((msg.channel, msg.ts), None)

    def add_ephemeral(self, msg: Message) -> None:
        with self.lock:
            self._ephemerals.append(msg)

    def add_file(self, channel_id: str, file: dict) -> None:
        with self.lock:
            self._files.setdefault(channel_id, []).append(file)

    def record(self, call: Call) -> None:
        with self.lock:
            self._calls.append(call)

    def issue_trigger_id(self, user: str | None = None, view_id: str | None = None) -> str:
        """A trigger like Slack's: valid 3 s, single use; `view_id` for pushes."""
        trigger = f"{int(time.time())}.{secrets.randbelow(10**9)}.{secrets.token_hex(16)}"
        with self.lock:
            self.triggers[trigger] = {
                "expires": time.monotonic() + TRIGGER_TTL,
                "used": False,
                "user": user,
                "view_id": view_id,
            }
        return trigger

    def use_trigger(self, trigger_id: str | None) -> dict:
        with self.lock:
            found = self.triggers.get(trigger_id or "")
            if found is None:
                raise SlackError("invalid_trigger_id")
            if found["used"]:
                raise SlackError("exchanged_trigger_id")
            if time.monotonic() > found["expires"]:
                raise SlackError("expired_trigger_id")
            found["used"] = True
            return found

    def expire_trigger(self, trigger_id: str) -> None:
        """Lets a test act out a slow handler without sleeping three seconds."""
        with self.lock:
            self.triggers[trigger_id]["expires"] = 0.0

    # -- reads for tests ---------------------------------------------------
    def _copy(self, messages: list[Message]) -> list[Message]:
        return [copy.deepcopy(m) for m in messages]

    def channel_messages(self, channel: str) -> list[Message]:
        with self.lock:
            msgs = self._messages.get(self._ims.get(channel, channel), [])
            return self._copy([m for m in msgs if m.thread_ts in (None, m.ts)])

    def thread(self, channel: str, ts: str) -> list[Message]:
        with self.lock:
            msgs = self._messages.get(self._ims.get(channel, channel), [])
            return self._copy([m for m in msgs if m.thread_ts == ts and m.ts != ts])

    def message(self, channel: str, ts: str) -> Message:
        with self.lock:
            found = self.find(self._ims.get(channel, channel), ts)
            if found is None:
                raise KeyError(f"no message {ts} in {channel}")
            return copy.deepcopy(found)

    def all_messages(self, channel: str) -> list[Message]:
        """Top level and replies together, in ts order."""
        with self.lock:
            return self._copy(self._messages.get(self._ims.get(channel, channel), []))

    def ephemerals(self, user: str | None = None, channel: str | None = None) -> list[Message]:
        with self.lock:
            return self._copy(
                [
                    m
                    for m in self._ephemerals
                    if user in (None, m.to) and channel in (None, m.channel)
                ]
            )

    def dm_channel(self, user: str) -> str | None:
        with self.lock:
            return self._ims.get(user)

    def dms(self, user: str) -> list[Message]:
        with self.lock:
            channel = self._ims.get(user)
            return self.all_messages(channel) if channel else []

    @property
    def views(self) -> dict[str, dict]:
        """Modals opened, updated or pushed, by view id (home tabs: see `home`)."""
        with self.lock:
            return {k: copy.deepcopy(v) for k, v in self._views.items() if v["type"] == "modal"}

    def view(self, view_id: str) -> dict:
        """Any view, modal or home tab."""
        with self.lock:
            return copy.deepcopy(self._views[view_id])

    def store_view(self, view: dict) -> None:
        with self.lock:
            self._views[view["id"]] = view

    def home(self, user: str) -> dict | None:
        with self.lock:
            found = self._homes.get(user)
            return copy.deepcopy(self._views[found]) if found else None

    def set_home(self, user: str, view_id: str) -> None:
        with self.lock:
            self._homes[user] = view_id

    def home_id(self, user: str) -> str | None:
        with self.lock:
            return self._homes.get(user)

    def files(self, channel: str) -> list[dict]:
        with self.lock:
            return copy.deepcopy(self._files.get(self._ims.get(channel, channel), []))

    @property
    def calls(self) -> list[Call]:
        with self.lock:
            return list(self._calls)

    def rejected(self, include_injected: bool = False, include_limited: bool = False) -> list[Call]:
        """Calls answered ok:false, except (by default) the faults a test injected and
        Slack's own rate limits (429 on the history methods), which are waited out."""
        with self.lock:
            return [
                c
                for c in self._calls
                if not c.ok
                and (include_injected or not c.injected)
                and (include_limited or not c.limited)
            ]
