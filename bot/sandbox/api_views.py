"""The stand-in's views.* methods: modals opened with a trigger_id, pushed, updated; App Home tabs."""

from __future__ import annotations

import copy
import time
from typing import Any

from bot.sandbox import limits
from bot.sandbox.api import ApiError, Args, Method, required, text
from bot.sandbox.objects import APP_ID, BOT_ID, TEAM_ID, Json, Trigger
from bot.sandbox.workspace import Workspace

MAX_STACK = 3


def check_view(view: Any, *, kind: str) -> Json:
    """The view if Slack would take it as a `kind` view, else invalid_arguments with the reasons."""
    problems = limits.view_problems(view, kind)
    if problems:
        raise ApiError("invalid_arguments", *problems)
    return view


def _stored(ws: Workspace, view_id: str, view: Json, root: str | None, previous: str | None) -> Json:
    stored: Json = {
        "id": view_id,
        "team_id": TEAM_ID,
        "type": view["type"],
        "blocks": copy.deepcopy(view["blocks"]),
        "private_metadata": str(view.get("private_metadata") or ""),
        "callback_id": str(view.get("callback_id") or ""),
        "external_id": str(view.get("external_id") or ""),
        "state": {"values": {}},
        "hash": ws.new_hash(),
        "clear_on_close": bool(view.get("clear_on_close", False)),
        "notify_on_close": bool(view.get("notify_on_close", False)),
        "root_view_id": root or view_id,
        "previous_view_id": previous,
        "app_id": APP_ID,
        "app_installed_team_id": TEAM_ID,
        "bot_id": BOT_ID,
    }
    for key in ("title", "close", "submit", "submit_disabled"):
        if key in view:
            stored[key] = copy.deepcopy(view[key])
    return stored


def _external_id_taken(ws: Workspace, view: Json, keep: str | None = None) -> None:
    external_id = view.get("external_id")
    if external_id and any(v["external_id"] == external_id and k != keep for k, v in ws.views.items()):
        raise ApiError("duplicate_external_id")


def _trigger(ws: Workspace, args: Args) -> Trigger:
    trigger_id = text(args, "trigger_id") or text(args, "interactivity_pointer")
    if trigger_id is None:
        raise ApiError("invalid_arguments", "[ERROR] missing required field: trigger_id")
    trigger = ws.triggers.get(trigger_id)
    if trigger is None:
        raise ApiError("invalid_trigger_id")
    if trigger.used:
        raise ApiError("exchanged_trigger_id")
    if time.monotonic() - trigger.issued > ws.trigger_lifetime:
        raise ApiError("expired_trigger_id")
    return trigger


def _add(ws: Workspace, user_id: str, view: Json) -> Json:
    ws.views[view["id"]] = view
    ws.view_owner[view["id"]] = user_id
    ws.modal_log.append(view["id"])
    ws.stacks.setdefault(user_id, []).append(view["id"])
    return {"view": view}  # encoded before the workspace lock is let go (server.py): no copy needed


def open_view(ws: Workspace, args: Args) -> Json:
    """views.open: a new modal for the user the trigger_id was issued to."""
    trigger = _trigger(ws, args)
    view = check_view(args.get("view"), kind="modal")
    _external_id_taken(ws, view)
    trigger.used = True
    ws.stacks[trigger.user_id] = []
    view_id = ws.new_id("V")
    return _add(ws, trigger.user_id, _stored(ws, view_id, view, None, None))


def push_view(ws: Workspace, args: Args) -> Json:
    """views.push: a modal on top of the one the user has open (at most three deep)."""
    trigger = _trigger(ws, args)
    view = check_view(args.get("view"), kind="modal")
    stack = ws.stacks.get(trigger.user_id) or []
    if not stack:
        raise ApiError("invalid_arguments", "[ERROR] views.push needs a trigger_id from inside an open modal")
    if len(stack) >= MAX_STACK:
        raise ApiError("push_limit_reached")
    _external_id_taken(ws, view)
    trigger.used = True
    view_id = ws.new_id("V")
    return _add(ws, trigger.user_id, _stored(ws, view_id, view, stack[0], stack[-1]))


def find_view(ws: Workspace, args: Args) -> Json:
    """The view named by `view_id` or `external_id`, else not_found."""
    view_id, external_id = text(args, "view_id"), text(args, "external_id")
    if view_id is None and external_id is None:
        raise ApiError("invalid_arguments", "[ERROR] either view_id or external_id is required")
    for candidate in ws.views.values():
        if candidate["id"] == view_id or (external_id and candidate["external_id"] == external_id):
            return candidate
    raise ApiError("not_found")


def replace_view(ws: Workspace, current: Json, view: Json) -> Json:
    """Put new content into an existing view: same id and place in the stack, new hash."""
    replacement = _stored(ws, current["id"], view, current["root_view_id"], current["previous_view_id"])
    replacement["state"] = current["state"]
    ws.views[current["id"]] = replacement
    return replacement


def update_view(ws: Workspace, args: Args) -> Json:
    """views.update: new content for a modal or home view; `hash` guards against races."""
    current = find_view(ws, args)
    expected = text(args, "hash")
    if expected is not None and expected != current["hash"]:
        raise ApiError("hash_conflict")
    view = check_view(args.get("view"), kind=current["type"])
    _external_id_taken(ws, view, keep=current["id"])
    return {"view": copy.deepcopy(replace_view(ws, current, view))}


def publish_view(ws: Workspace, args: Args) -> Json:
    """views.publish: a user's App Home tab."""
    user_id = required(args, "user_id", "user_not_found")
    if user_id not in ws.users:
        raise ApiError("user_not_found")
    view = check_view(args.get("view"), kind="home")
    current = ws.views.get(ws.homes.get(user_id, ""))
    expected = text(args, "hash")
    if current is not None and expected is not None and expected != current["hash"]:
        raise ApiError("hash_conflict")
    if current is not None:
        return {"view": copy.deepcopy(replace_view(ws, current, view))}
    view_id = ws.new_id("V")
    stored = _stored(ws, view_id, view, None, None)
    ws.views[view_id] = stored
    ws.view_owner[view_id] = user_id
    ws.homes[user_id] = view_id
    return {"view": copy.deepcopy(stored)}


def close_view(ws: Workspace, view_id: str, *, clear: bool = False) -> None:
    """Close a modal (and any pushed above it), or with `clear` the user's whole stack."""
    stack = ws.stacks.get(ws.view_owner.get(view_id, ""), [])
    if view_id in stack:
        del stack[0 if clear else stack.index(view_id) :]


def apply_submission(ws: Workspace, view_id: str, ack: Json | None) -> None:
    """Do what the app's answer to a view_submission asks: errors, update, push, clear or close."""
    ack = ack or {}
    action = ack.get("response_action")
    if action == "errors":
        problems = limits.errors_problems(ws.views.get(view_id), ack.get("errors"))
        if problems:
            raise ApiError("invalid_arguments", *problems)
        return
    if action == "update":
        replace_view(ws, ws.views[view_id], check_view(ack.get("view"), kind="modal"))
    elif action == "push":
        stack = ws.stacks.get(ws.view_owner[view_id]) or [view_id]
        pushed = _stored(ws, ws.new_id("V"), check_view(ack.get("view"), kind="modal"), stack[0], view_id)
        _add(ws, ws.view_owner[view_id], pushed)
    else:
        close_view(ws, view_id, clear=action == "clear")


METHODS: dict[str, Method] = {
    "views.open": open_view,
    "views.push": push_view,
    "views.update": update_view,
    "views.publish": publish_view,
}
