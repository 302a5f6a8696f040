"""chat.* and reactions.* as Slack answers them.

Content is checked the way Slack checks it (no_text, msg_too_long,
invalid_blocks with the offending JSON pointers) so an app that passes here
does not fail for the first time in a real workspace.
"""

from __future__ import annotations

import json
from typing import Any

from . import blockkit
from .models import Message, SlackError
from .workspace import Workspace

MAX_TEXT = 40_000


def decode_json(value: Any, error: str) -> Any:
    """Form-encoded calls carry blocks, views and metadata as JSON strings."""
    if isinstance(value, str):
        try:
            return json.loads(value) if value else None
        except ValueError:
            raise SlackError(error) from None
    return value


def _metadata(value: Any) -> dict | None:
    """Message metadata as Slack checks it: an `event_type` and an `event_payload` object."""
    metadata = decode_json(value, "invalid_metadata_format")
    if metadata is None:
        return None
    if (
        not isinstance(metadata, dict)
        or not isinstance(metadata.get("event_type"), str)
        or not isinstance(metadata.get("event_payload"), dict)
    ):
        raise SlackError("invalid_metadata_schema")
    return metadata


def content(args: dict, required: bool = True) -> tuple[str | None, list | None]:
    """Text and blocks of a message, validated; None where not given."""
    text = args.get("text")
    blocks = decode_json(args.get("blocks"), "invalid_blocks_format")
    attachments = decode_json(args.get("attachments"), "invalid_attachments")
    if required and not text and not blocks and not attachments:
        raise SlackError("no_text")
    if text is not None and not isinstance(text, str):
        text = str(text)
    if text and len(text) > MAX_TEXT:
        raise SlackError("msg_too_long")
    if blocks is not None:
        found = blockkit.problems(blocks, "message")
        if found:
            raise SlackError("invalid_blocks", messages=found, errors=found)
    return text, blocks


def _out(ws: Workspace, msg: Message) -> dict:
    return msg.to_slack(ws.bot_id, ws.app_id, ws.team_id)


def _thread_root(ws: Workspace, channel_id: str, thread_ts: str | None) -> str | None:
    if not thread_ts:
        return None
    root = ws.find(channel_id, thread_ts)
    if root is None:
        raise SlackError("thread_not_found")
    return root.thread_ts or root.ts


def _message(ws: Workspace, args: dict, key: str = "ts", member: bool = False) -> Message:
    channel = ws.channel(args.get("channel"), member=member)
    found = ws.find(channel["id"], args.get(key) or "")
    if found is None:
        raise SlackError("message_not_found")
    return found


def post_message(ws: Workspace, args: dict) -> dict:
    channel = ws.channel(args.get("channel"), post=True)
    text, blocks = content(args)
    with ws.lock:
        thread_ts = _thread_root(ws, channel["id"], args.get("thread_ts"))
        metadata = _metadata(args.get("metadata"))
        msg = ws.bot_message(channel["id"], text, blocks, thread_ts=thread_ts, metadata=metadata)
        ws.store(msg)
    return {"channel": channel["id"], "ts": msg.ts, "message": _out(ws, msg)}


def update(ws: Workspace, args: dict) -> dict:
    with ws.lock:
        msg = _message(ws, args, member=True)
        if not msg.bot or msg.user != ws.bot_user_id:
            raise SlackError("cant_update_message")
        text, blocks = content(args)
        if text is not None:
            msg.text = text
        if blocks is not None:
            msg.blocks = blocks
        if "metadata" in args:
            msg.metadata = _metadata(args["metadata"])
        msg.edited = True
        return {"channel": msg.channel, "ts": msg.ts, "text": msg.text, "message": _out(ws, msg)}


def post_ephemeral(ws: Workspace, args: dict) -> dict:
    channel = ws.channel(args.get("channel"), post=True)
    user = args.get("user")
    if user not in ws.users or user not in ws.members_of(channel):
        raise SlackError("user_not_in_channel")
    text, blocks = content(args)
    thread_ts = args.get("thread_ts") or None
    msg = ws.bot_message(channel["id"], text, blocks, to=user, thread_ts=thread_ts)
    ws.add_ephemeral(msg)
    return {"message_ts": msg.ts}


def delete(ws: Workspace, args: dict) -> dict:
    with ws.lock:
        msg = _message(ws, args, member=True)
        if not msg.bot:
            raise SlackError("cant_delete_message")
        ws.remove(msg)
        return {"channel": msg.channel, "ts": msg.ts}


def get_permalink(ws: Workspace, args: dict) -> dict:
    msg = _message(ws, args, "message_ts")
    link = f"{ws.base_url.removesuffix('/api/')}/archives/{msg.channel}/p{msg.ts.replace('.', '')}"
    if msg.thread_ts and msg.thread_ts != msg.ts:
        link += f"?thread_ts={msg.thread_ts}&cid={msg.channel}"
    return {"channel": msg.channel, "permalink": link}


def reactions_add(ws: Workspace, args: dict) -> dict:
    with ws.lock:
        msg = _message(ws, args, "timestamp")
        if ws.channels[msg.channel]["is_archived"]:
            raise SlackError("is_archived")
        name = (args.get("name") or "").strip(":")
        if not name:
            raise SlackError("invalid_name")
        users = msg.reactions.setdefault(name, [])
        if ws.bot_user_id in users:
            raise SlackError("already_reacted")
        users.append(ws.bot_user_id)
    return {}


HANDLERS = {
    "chat.postMessage": post_message,
    "chat.update": update,
    "chat.postEphemeral": post_ephemeral,
    "chat.delete": delete,
    "chat.getPermalink": get_permalink,
    "reactions.add": reactions_add,
}
