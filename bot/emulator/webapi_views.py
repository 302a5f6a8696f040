"""views.*: modals and home tabs.

Triggers keep Slack's limits (3 s, single use, push depth 3) because the
app's design depends on living within them: only views.open is called on the
ack path.
"""

from __future__ import annotations

import secrets
import time

from . import blockkit
from .models import SlackError
from .webapi_chat import decode_json
from .workspace import Workspace

PUSH_DEPTH = 3


def _checked_view(args: dict) -> dict:
    view = decode_json(args.get("view"), "invalid_arguments")
    found = blockkit.view_problems(view)
    if found:
        raise SlackError("invalid_arguments", messages=found)
    return view


def _full(ws: Workspace, view: dict, view_id: str, root: str, previous: str | None) -> dict:
    full = {
        "id": view_id,
        "team_id": ws.team_id,
        "callback_id": "",
        "private_metadata": "",
        "external_id": "",
        "clear_on_close": False,
        "notify_on_close": False,
        "submit": None,
        "close": None,
        **view,
        "state": {"values": {}},
        "hash": f"{int(time.time())}.{secrets.token_hex(4)}",
        "root_view_id": root,
        "previous_view_id": previous,
        "app_id": ws.app_id,
        "app_installed_team_id": ws.team_id,
        "bot_id": ws.bot_id,
    }
    ws.store_view(full)
    return full


def _check_external(ws: Workspace, view: dict, own_id: str | None = None) -> None:
    ext = view.get("external_id")
    with ws.lock:
        for other in ws._views.values():
            if ext and other["external_id"] == ext and other["id"] != own_id:
                raise SlackError("duplicate_external_id")


def views_open(ws: Workspace, args: dict) -> dict:
    view = _checked_view(args)
    with ws.lock:
        trigger = ws.use_trigger(args.get("trigger_id"))
        _check_external(ws, view)
        view_id = ws.new_id("V")
        if trigger["user"]:
            ws.view_owner[view_id] = trigger["user"]
        return {"view": _full(ws, view, view_id, view_id, None)}


def views_push(ws: Workspace, args: dict) -> dict:
    view = _checked_view(args)
    with ws.lock:
        trigger = ws.use_trigger(args.get("trigger_id"))
        under = ws._views.get(trigger["view_id"] or "")
        if under is None:
            raise SlackError("not_found")
        root = under["root_view_id"]
        depth = sum(
            1
            for v in ws._views.values()
            if v["root_view_id"] == root and v["id"] not in ws.closed_views
        )
        if depth >= PUSH_DEPTH:
            raise SlackError("push_limit_reached")
        _check_external(ws, view)
        view_id = ws.new_id("V")
        if root in ws.view_owner:
            ws.view_owner[view_id] = ws.view_owner[root]
        return {"view": _full(ws, view, view_id, root, under["id"])}


def views_update(ws: Workspace, args: dict) -> dict:
    view = _checked_view(args)
    with ws.lock:
        if args.get("view_id"):
            old = ws._views.get(args["view_id"])
        elif args.get("external_id"):
            old = next(
                (v for v in ws._views.values() if v["external_id"] == args["external_id"]), None
            )
        else:
            raise SlackError("invalid_arguments", messages=["view_id or external_id required"])
        if old is None:
            raise SlackError("not_found")
        if args.get("hash") and args["hash"] != old["hash"]:
            raise SlackError("hash_conflict")
        _check_external(ws, view, old["id"])
        kept = {k: v for k, v in view.items() if k != "id"}
        full = _full(ws, kept, old["id"], old["root_view_id"], old["previous_view_id"])
        full["state"] = old["state"]
        return {"view": full}


def views_publish(ws: Workspace, args: dict) -> dict:
    view = _checked_view(args)
    with ws.lock:
        user = ws.user(args.get("user_id"))["id"]
        if view.get("type") != "home":
            raise SlackError("invalid_arguments", messages=["[ERROR] view type must be home"])
        old_id = ws.home_id(user)
        if old_id and args.get("hash") and args["hash"] != ws._views[old_id]["hash"]:
            raise SlackError("hash_conflict")
        view_id = old_id or ws.new_id("V")
        ws.set_home(user, view_id)
        ws.view_owner[view_id] = user
        return {"view": _full(ws, view, view_id, view_id, None)}


def apply_view_response(ws: Workspace, view_id: str, body: dict | None) -> None:
    """What Slack does with a view_submission's answer: close, update, push or clear."""
    body = body or {}
    kind = body.get("response_action")
    with ws.lock:
        current = ws._views[view_id]
        if kind == "errors":
            return
        if kind in ("update", "push"):
            view = _checked_view({"view": body.get("view")})
            if kind == "update":
                full = _full(
                    ws, view, view_id, current["root_view_id"], current["previous_view_id"]
                )
            else:
                full = _full(ws, view, ws.new_id("V"), current["root_view_id"], view_id)
            if view_id in ws.view_owner:
                ws.view_owner[full["id"]] = ws.view_owner[view_id]
            return
        stack = (
            [v["id"] for v in ws._views.values() if v["root_view_id"] == current["root_view_id"]]
            if kind == "clear"
            else [view_id]
        )
        ws.closed_views.update(stack)


HANDLERS = {
    "views.open": views_open,
    "views.push": views_push,
    "views.update": views_update,
    "views.publish": views_publish,
}
