"""File uploads and response URLs, the two URLs Slack hands out besides the API.

Response URLs keep Slack's limits (five uses in thirty minutes) so an app that
leans on them too much fails here first.
"""

from __future__ import annotations

import json
import secrets
import time

from .models import Message, SlackError
from .webapi_chat import content, decode_json
from .workspace import Workspace

RESPONSE_URL_USES, RESPONSE_URL_TTL = 5, 30 * 60


def get_upload_url(ws: Workspace, args: dict) -> dict:
    if not str(args.get("length") or "").isdigit():
        raise SlackError("invalid_arguments")
    file_id = ws.new_id("F")
    with ws.lock:
        ws.uploads[file_id] = {
            "name": args.get("filename"),
            "length": int(args["length"]),
            "content": None,
        }
    return {"upload_url": f"{ws.base_url.removesuffix('api/')}upload/{file_id}", "file_id": file_id}


def upload(ws: Workspace, file_id: str, body: bytes) -> tuple[int, str]:
    """The upload URL itself: Slack answers a plain-text 200."""
    with ws.lock:
        found = ws.uploads.get(file_id)
        if found is None:
            return 404, "file_not_found"
        found["content"] = body
    return 200, f"OK - {len(body)}"


def complete_upload(ws: Workspace, args: dict) -> dict:
    files = decode_json(args.get("files"), "invalid_arguments") or []
    with ws.lock:
        done = []
        for f in files:
            up = ws.uploads.get(f.get("id", ""))
            if up is None or up["content"] is None:
                raise SlackError("file_not_found")
            done.append(
                {
                    "id": f["id"],
                    "title": f.get("title") or up["name"],
                    "name": up["name"],
                    "size": len(up["content"]),
                    "content": up["content"],
                }
            )
        channel_id = args.get("channel_id") or args.get("channels")
        if channel_id:
            channel = ws.channel(channel_id.split(",")[0], post=True)
            for f in done:
                ws.add_file(channel["id"], f)
            thread = args.get("thread_ts") or None
            ws.store(
                Message(
                    ts=ws.clock.next_ts(),
                    channel=channel["id"],
                    user=ws.bot_user_id,
                    text=args.get("initial_comment") or "",
                    bot=True,
                    files=done,
                    thread_ts=thread,
                )
            )
    return {"files": [{"id": f["id"], "title": f["title"], "name": f["name"]} for f in done]}


def issue_response_url(
    ws: Workspace,
    channel: str,
    user: str,
    message_ts: str | None = None,
    thread_ts: str | None = None,
) -> str:
    """A response URL for one interaction; `message_ts` is the message it came from."""
    rid = secrets.token_hex(8)
    with ws.lock:
        ws.response_urls[rid] = {
            "channel": channel,
            "user": user,
            "message_ts": message_ts,
            "thread_ts": thread_ts,
            "uses": 0,
            "expires": time.time() + RESPONSE_URL_TTL,
        }
    return f"{ws.base_url.removesuffix('api/')}response/{rid}"


def respond(ws: Workspace, rid: str, body: dict) -> dict:
    """What Slack does with a POST to a response URL."""
    with ws.lock:
        ctx = ws.response_urls.get(rid)
        if ctx is None:
            raise SlackError("invalid_url")
        if ctx["uses"] >= RESPONSE_URL_USES:
            raise SlackError("used_url")
        if time.time() > ctx["expires"]:
            raise SlackError("expired_url")
        ctx["uses"] += 1
        original = ws.find(ctx["channel"], ctx["message_ts"] or "") or next(
            (m for m in ws._ephemerals if m.ts == ctx["message_ts"]), None
        )
        if body.get("delete_original") in (True, "true"):
            if original in ws._ephemerals:
                ws._ephemerals.remove(original)
            elif original is not None:
                ws.remove(original)
            return {}
        text, blocks = content(body)
        if body.get("replace_original") in (True, "true") and original is not None:
            original.text, original.blocks, original.edited = text or "", blocks or [], True
            return {}
        thread_ts = body.get("thread_ts") or ctx["thread_ts"]
        msg = ws.bot_message(ctx["channel"], text, blocks, thread_ts=thread_ts)
        if body.get("response_type") == "in_channel":
            ws.store(msg)
        else:
            msg.to = ctx["user"]
            ws.add_ephemeral(msg)
        return {}


def parse_body(raw: bytes) -> dict:
    try:
        out = json.loads(raw or b"{}")
    except ValueError:
        raise SlackError("invalid_payload") from None
    return out if isinstance(out, dict) else {}


HANDLERS = {
    "files.getUploadURLExternal": get_upload_url,
    "files.completeUploadExternal": complete_upload,
}
