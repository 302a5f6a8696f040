"""auth, team, conversations.* and users.*: who is who, and where.

Answers carry the fields slack_sdk and Bolt read (Bolt reads `auth.test` at
start; listeners read locale and tz from `users.info`).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from .models import Message, SlackError
from .workspace import Workspace


def _truthy(value: object) -> bool:
    return value in (True, 1) or str(value).lower() in ("true", "1")


def _page(items: list, args: dict, key: str, cap: int | None = None) -> dict:
    """Cursor pagination like Slack's: an opaque cursor, empty when done; `cap` is
    the most a page may hold whatever `limit` asks for."""
    start = int(args.get("cursor") or 0) if str(args.get("cursor") or "0").isdigit() else 0
    limit = int(args.get("limit") or 0) or len(items) or 1
    if cap:
        limit = min(limit, cap)
    end = start + limit
    return {
        key: items[start:end],
        "response_metadata": {"next_cursor": str(end) if end < len(items) else ""},
    }


def auth_test(ws: Workspace, args: dict) -> dict:
    out = {
        "url": f"https://{ws.team_domain}.slack.com/",
        "team": "codev emulator",
        "user": ws.bot_name,
        "team_id": ws.team_id,
        "user_id": ws.bot_user_id,
        "bot_id": ws.bot_id,
        "app_id": ws.app_id,
        "is_enterprise_install": False,
    }
    if ws.enterprise_id:
        out["enterprise_id"] = ws.enterprise_id
    return out


def team_info(ws: Workspace, args: dict) -> dict:
    return {"team": {"id": ws.team_id, "name": "codev emulator", "domain": ws.team_domain}}


def _channel_obj(ws: Workspace, c: dict) -> dict:
    if c["is_im"]:
        return {
            "id": c["id"],
            "created": c["created"],
            "is_im": True,
            "is_org_shared": False,
            "user": c["user"],
            "is_user_deleted": bool(ws.users.get(c["user"], {}).get("deleted")),
            "priority": 0,
        }
    return {
        "id": c["id"],
        "name": c["name"],
        "is_channel": not c["is_private"],
        "is_group": c["is_private"],
        "is_im": False,
        "is_mpim": False,
        "is_private": c["is_private"],
        "created": c["created"],
        "is_archived": c["is_archived"],
        "is_general": False,
        "is_member": c["bot_member"],
        "name_normalized": c["name"],
        "is_shared": False,
        "is_ext_shared": False,
        "is_org_shared": False,
        "context_team_id": ws.team_id,
        "num_members": len(ws.members_of(c)),
    }


def conversations_open(ws: Workspace, args: dict) -> dict:
    if args.get("channel"):
        return {"channel": _channel_obj(ws, ws.channel(args["channel"]))}
    users = args.get("users")
    users = users.split(",") if isinstance(users, str) else list(users or [])
    users = [u.strip() for u in users if u.strip() and u.strip() != ws.bot_user_id]
    if not users:
        raise SlackError("users_list_not_supplied")
    if len(users) > 1:
        raise SlackError("invalid_user_combination")
    if users[0] in ws.users and ws.users[users[0]]["is_bot"]:
        raise SlackError("cannot_dm_bot")
    if ws.user(users[0])["deleted"]:
        raise SlackError("user_disabled")
    existed = ws.dm_channel(users[0]) is not None
    channel = ws.channels[ws.open_im(users[0])]
    out = _channel_obj(ws, channel) if _truthy(args.get("return_im")) else {"id": channel["id"]}
    return {"channel": out, "no_op": existed, "already_open": existed}


def conversations_info(ws: Workspace, args: dict) -> dict:
    return {"channel": _channel_obj(ws, ws.channel(args.get("channel")))}


def conversations_join(ws: Workspace, args: dict) -> dict:
    with ws.lock:
        channel = ws.channels.get(args.get("channel") or "")
        if channel is None or channel["deleted"] or channel["is_private"]:
            # A bot joins public channels only; a private one must invite it.
            raise SlackError(
                "method_not_supported_for_channel_type"
                if channel is not None and channel["bot_member"] and not channel["deleted"]
                else "channel_not_found"
            )
        if channel["is_archived"]:
            raise SlackError("is_archived")
        joined = not channel["bot_member"]
        channel["bot_member"] = True
    if joined:  # Slack tells the app of its own joining too
        ws.emit(
            {
                "type": "member_joined_channel",
                "user": ws.bot_user_id,
                "channel": channel["id"],
                "channel_type": "C",
                "team": ws.team_id,
                "event_ts": ws.clock.next_ts(),
            }
        )
    return {"channel": _channel_obj(ws, channel)}


def conversations_members(ws: Workspace, args: dict) -> dict:
    return _page(ws.members_of(ws.channel(args.get("channel"))), args, "members")


def _wants_metadata(args: dict) -> bool:
    """Slack returns message metadata in history and replies only when asked."""
    return str(args.get("include_all_metadata") or "").lower() in ("1", "true")


def _listed(ws: Workspace, msg: Message, metadata: bool) -> dict:
    out = msg.to_slack(ws.bot_id, ws.app_id, ws.team_id)
    if not metadata:
        out.pop("metadata", None)
    return out


def _with_thread(ws: Workspace, root: Message, replies: list[Message], metadata: bool) -> dict:
    out = _listed(ws, root, metadata)
    if replies:
        out.update(
            thread_ts=root.ts,
            reply_count=len(replies),
            reply_users=list(dict.fromkeys(r.user for r in replies)),
            reply_users_count=len({r.user for r in replies}),
            latest_reply=replies[-1].ts,
        )
    return out


def _history_page(ws: Workspace, messages: list, args: dict) -> dict:
    """Apps outside the Marketplace get at most `history_page` messages per page."""
    out = _page(messages, args, "messages", ws.history_page)
    return out | {"has_more": bool(out["response_metadata"]["next_cursor"])}


def conversations_replies(ws: Workspace, args: dict) -> dict:
    channel = ws.channel(args.get("channel"), member=True)
    with ws.lock:
        root = ws.find(channel["id"], args.get("ts") or "")
        if root is None:
            raise SlackError("thread_not_found")
        root = ws.find(channel["id"], root.thread_ts or root.ts) or root
        replies = ws.thread(channel["id"], root.ts)
        metadata = _wants_metadata(args)
        oldest, latest = float(args.get("oldest") or 0), float(args.get("latest") or 9e12)
        messages = [_with_thread(ws, root, replies, metadata)] + [
            _listed(ws, r, metadata) | {"parent_user_id": root.user}
            for r in replies
            if oldest <= float(r.ts) <= latest
        ]
    return _history_page(ws, messages, args)


def conversations_history(ws: Workspace, args: dict) -> dict:
    channel = ws.channel(args.get("channel"), member=True)
    oldest, latest = float(args.get("oldest") or 0), float(args.get("latest") or 9e12)
    with ws.lock:
        top = [m for m in ws.channel_messages(channel["id"]) if oldest <= float(m.ts) <= latest]
        metadata = _wants_metadata(args)
        messages = [
            _with_thread(ws, m, ws.thread(channel["id"], m.ts), metadata) for m in reversed(top)
        ]
    return _history_page(ws, messages, args)


def _user_obj(ws: Workspace, u: dict, locale: bool) -> dict:
    try:
        offset = int(datetime.now(ZoneInfo(u["tz"])).utcoffset().total_seconds())
    except Exception:  # an unknown zone name: Slack would show UTC
        offset = 0
    profile = {
        "real_name": u["real_name"],
        "display_name": u["name"],
        "real_name_normalized": u["real_name"],
        "display_name_normalized": u["name"],
        "team": ws.team_id,
    }
    out = {
        "id": u["id"],
        "team_id": ws.team_id,
        "name": u["name"],
        "deleted": u["deleted"],
        "real_name": u["real_name"],
        "tz": u["tz"],
        "tz_label": u["tz"],
        "tz_offset": offset,
        "profile": profile,
        "is_admin": False,
        "is_owner": False,
        "is_primary_owner": False,
        "is_restricted": False,
        "is_ultra_restricted": False,
        "is_bot": u["is_bot"],
        "is_app_user": False,
        "updated": 1700000000,
    }
    if locale:
        out["locale"] = u["locale"]
    return out


def _bot_user(ws: Workspace) -> dict:
    return {
        "id": ws.bot_user_id,
        "name": ws.bot_name,
        "real_name": ws.bot_name,
        "locale": "en-US",
        "tz": "UTC",
        "deleted": False,
        "is_bot": True,
    }


def users_info(ws: Workspace, args: dict) -> dict:
    user_id = args.get("user")
    u = _bot_user(ws) if user_id == ws.bot_user_id else ws.user(user_id)
    return {"user": _user_obj(ws, u, _truthy(args.get("include_locale")))}


def users_list(ws: Workspace, args: dict) -> dict:
    with ws.lock:
        everyone = [*ws.users.values(), _bot_user(ws)]
    locale = _truthy(args.get("include_locale"))
    return _page([_user_obj(ws, u, locale) for u in everyone], args, "members")


HANDLERS = {
    "auth.test": auth_test,
    "team.info": team_info,
    "conversations.open": conversations_open,
    "conversations.info": conversations_info,
    "conversations.join": conversations_join,
    "conversations.members": conversations_members,
    "conversations.replies": conversations_replies,
    "conversations.history": conversations_history,
    "users.info": users_info,
    "users.list": users_list,
}
