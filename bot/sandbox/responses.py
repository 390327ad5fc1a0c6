"""Response URLs: where an app answers a command, shortcut or button after acknowledging it."""

from __future__ import annotations

import copy
import secrets
import time

from bot.sandbox import limits
from bot.sandbox.api import MAX_MESSAGE_BLOCKS, MAX_TEXT
from bot.sandbox.api_chat import bot_fields
from bot.sandbox.objects import Json, ResponsePost, ResponseTarget
from bot.sandbox.workspace import Workspace

RESPONSE_PATH = "/response/"
MAX_USES = 5  # Slack accepts five posts per response URL


def new_response_url(
    ws: Workspace, *, user_id: str | None, channel_id: str | None, message_ts: str | None
) -> str:
    """A fresh response URL for an interaction by `user_id` in `channel_id` (on `message_ts`)."""
    token = secrets.token_urlsafe(12)
    ws.response_targets[token] = ResponseTarget(user_id, channel_id, message_ts)
    return f"{ws.base_url}{RESPONSE_PATH}{token}"


def _problem(body: Json) -> tuple[str, list[str]] | None:
    if body.get("delete_original"):
        return None
    blocks = body.get("blocks")
    problems = limits.block_problems(blocks, MAX_MESSAGE_BLOCKS, "/blocks") if blocks is not None else []
    if problems:
        return "invalid_blocks", problems
    if not body.get("text") and not blocks and not body.get("attachments"):
        return "no_text", []
    if len(str(body.get("text") or "")) > MAX_TEXT:
        return "msg_too_long", []
    return None


def _replace(original: Json, body: Json) -> None:
    original["text"] = str(body.get("text") or "")
    if body.get("blocks"):
        original["blocks"] = copy.deepcopy(body["blocks"])
    else:
        original.pop("blocks", None)


def respond(ws: Workspace, token: str, body: Json) -> tuple[int, Json]:
    """Act on a POST to a response URL as Slack does, and record it; answers (status, body)."""
    target = ws.response_targets.get(token)
    if target is None:
        return 404, {"ok": False, "error": "no_service"}
    if target.uses >= MAX_USES:
        return 404, {"ok": False, "error": "used_url"}
    problem = _problem(body)
    if problem is not None:
        error, messages = problem
        ws.refusals.append({"to": "response_url", "error": error, "messages": messages, "body": body})
        return 400, {"ok": False, "error": error, "response_metadata": {"messages": messages}}
    target.uses += 1
    url = f"{ws.base_url}{RESPONSE_PATH}{token}"
    post = ResponsePost(
        url, copy.deepcopy(body), target.user_id, target.channel_id, target.message_ts, time.time()
    )
    ws.responses.append(post)
    channel_id, ts = target.channel_id, target.message_ts
    original = ws.message(channel_id, ts) if channel_id and ts else None
    ephemeral = next((e for e in ws.ephemerals if ts and e["ts"] == ts and e["channel"] == channel_id), None)
    if body.get("delete_original"):
        if original is not None:
            ws.remove(str(channel_id), original)
        elif ephemeral is not None:
            ws.ephemerals.remove(ephemeral)
    elif body.get("replace_original") and (original or ephemeral) is not None:
        _replace(original or ephemeral or {}, body)
    elif body.get("response_type") == "in_channel" and channel_id:
        fields = bot_fields(body.get("text"), body.get("blocks"), None)
        ws.post(channel_id, fields, thread_ts=body.get("thread_ts"))
    elif target.user_id and channel_id:
        fields = {
            k: v for k, v in bot_fields(body.get("text"), body.get("blocks"), None).items() if v is not None
        }
        fields.update(ts=ws.new_ts(), channel=channel_id, user=target.user_id, source="response_url")
        ws.ephemerals.append(fields)
    return 200, {"ok": True}
