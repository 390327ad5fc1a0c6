"""Payloads shaped like the ones Slack sends to an app: event envelopes and interaction payloads."""

from __future__ import annotations

import copy
import secrets
import time
from typing import Any

from bot.sandbox.objects import APP_ID, BOT_USER_ID, TEAM_DOMAIN, TEAM_ID, Json

VERIFICATION_TOKEN = "sandboxverificationtoken"  # the deprecated token Slack still puts in payloads


def now_ts() -> str:
    """The current time as a Slack timestamp (for action_ts and event_ts)."""
    return f"{time.time():.6f}"


def new_event_id() -> str:
    """A unique Events API event id (`Ev…`)."""
    return "Ev" + secrets.token_hex(5).upper()


def event_envelope(event: Json, event_id: str) -> Json:
    """An `event_callback` envelope around an event, as Slack delivers it."""
    return {
        "token": VERIFICATION_TOKEN,
        "team_id": TEAM_ID,
        "context_team_id": TEAM_ID,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": "4-" + secrets.token_hex(16),
    }


def channel_type(channel_id: str) -> str:
    """Slack's `channel_type` for a channel id."""
    return {"D": "im", "G": "group"}.get(channel_id[:1], "channel")


def message_event(message: Json) -> Json:
    """The `message` event for a stored message (which carries its `channel`)."""
    event = {k: v for k, v in copy.deepcopy(message).items() if k not in ("reply_count", "reply_users")}
    event["event_ts"] = message["ts"]
    event["channel_type"] = channel_type(message["channel"])
    return event


def unseen_message(ts: str) -> Json:
    """What Slack knows of a message the stand-in never recorded (posted before the app joined)."""
    return {"type": "message", "ts": ts, "text": ""}


def changed_event(channel_id: str, before: Json, after: Json) -> Json:
    """A `message_changed` event: a person edited a message."""
    ts = now_ts()
    return {
        "type": "message",
        "subtype": "message_changed",
        "hidden": True,
        "channel": channel_id,
        "ts": ts,
        "event_ts": ts,
        "channel_type": channel_type(channel_id),
        "message": after,
        "previous_message": before,
    }


def deleted_event(channel_id: str, before: Json) -> Json:
    """A `message_deleted` event: a person deleted a message."""
    ts = now_ts()
    return {
        "type": "message",
        "subtype": "message_deleted",
        "hidden": True,
        "channel": channel_id,
        "ts": ts,
        "deleted_ts": before["ts"],
        "event_ts": ts,
        "channel_type": channel_type(channel_id),
        "previous_message": before,
    }


def interaction(kind: str, user: Json) -> Json:
    """The fields every interaction payload carries."""
    return {
        "type": kind,
        "team": {"id": TEAM_ID, "domain": TEAM_DOMAIN},
        "user": user,
        "api_app_id": APP_ID,
        "token": VERIFICATION_TOKEN,
        "is_enterprise_install": False,
        "enterprise": None,
    }


def find_element(blocks: list[Json], action_id: str, block_id: str | None) -> tuple[str | None, Json]:
    """The block id and the interactive element with `action_id` in `blocks` (empty when not found)."""
    for block in blocks:
        if block_id is not None and block.get("block_id") != block_id:
            continue
        candidates: list[Any] = [block.get("accessory"), block.get("element"), *block.get("elements", [])]
        for element in candidates:
            if isinstance(element, dict) and element.get("action_id") == action_id:
                return block.get("block_id"), element
    return block_id, {}


def action(
    action_id: str,
    block_id: str | None,
    element: Json,
    *,
    value: str | None,
    selected: dict[str, Any],
) -> Json:
    """One entry of a block_actions payload's `actions`."""
    entry: Json = {
        "action_id": action_id,
        "block_id": block_id or "sandbox_block",
        "type": element.get("type", "button"),
        "action_ts": now_ts(),
    }
    if "text" in element:
        entry["text"] = element["text"]
    if value is not None or "value" in element:
        entry["value"] = value if value is not None else element["value"]
    entry.update({k: v for k, v in selected.items() if v is not None})
    return entry
