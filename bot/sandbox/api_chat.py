"""The stand-in's messaging methods: auth, chat.*, conversations.* and users.info."""

from __future__ import annotations

import base64
import copy

from bot.sandbox.api import (
    ApiError,
    Args,
    Method,
    Throttled,
    flag,
    message_blocks,
    message_metadata,
    message_text,
    number,
    required,
    text,
)
from bot.sandbox.objects import (
    APP_ID,
    BOT_ID,
    BOT_NAME,
    BOT_USER_ID,
    SLACK_HOST,
    TEAM_ID,
    TEAM_NAME,
    Json,
    dm_channel_id,
)
from bot.sandbox.workspace import Workspace


def bot_fields(body: str | None, blocks: list[Json] | None, metadata: Json | None) -> Json:
    """The fields of a message the bot posts."""
    return {
        "user": BOT_USER_ID,
        "bot_id": BOT_ID,
        "app_id": APP_ID,
        "text": body or "",
        "blocks": blocks or None,
        "metadata": metadata,
        "bot_profile": {
            "id": BOT_ID,
            "app_id": APP_ID,
            "name": BOT_NAME,
            "team_id": TEAM_ID,
            "deleted": False,
        },
    }


def _channel(ws: Workspace, args: Args, name: str = "channel") -> str:
    channel_id = ws.resolve_channel(text(args, name))
    if channel_id is None:
        raise ApiError("channel_not_found")
    return channel_id


def _bot_message(ws: Workspace, channel_id: str, ts: str, refusal: str) -> Json:
    message = ws.message(channel_id, ts)
    if message is None:
        raise ApiError("message_not_found")
    if message.get("bot_id") != BOT_ID:
        raise ApiError(refusal)
    return message


def auth_test(ws: Workspace, args: Args) -> Json:
    """auth.test: who the token belongs to."""
    return {
        "url": f"{SLACK_HOST}/",
        "team": TEAM_NAME,
        "user": BOT_NAME,
        "team_id": TEAM_ID,
        "user_id": BOT_USER_ID,
        "bot_id": BOT_ID,
        "is_enterprise_install": False,
    }


def post_message(ws: Workspace, args: Args) -> Json:
    """chat.postMessage: post as the bot in a channel, or in a user's DM when given a user id."""
    channel_id = _channel(ws, args)
    body, blocks = message_text(args), message_blocks(args)
    if body is None and not blocks and not args.get("attachments"):
        raise ApiError("no_text")
    metadata = message_metadata(args)
    paced = ws.faults.pace("chat.postMessage", channel_id)
    if paced is not None:
        raise Throttled(paced.retry_after or 1)
    fields = {**bot_fields(body, blocks, metadata), "attachments": args.get("attachments") or None}
    message = ws.post(channel_id, fields, thread_ts=text(args, "thread_ts"))
    return {"channel": channel_id, "ts": message["ts"], "message": message}  # encoded under the lock


def update_message(ws: Workspace, args: Args) -> Json:
    """chat.update: new text and/or blocks for one of the bot's messages (absent blocks are kept)."""
    channel_id = _channel(ws, args)
    ts = required(args, "ts", "message_not_found")
    message = _bot_message(ws, channel_id, ts, "cant_update_message")
    body, blocks = message_text(args), message_blocks(args)
    if body is None and blocks is None and not args.get("attachments"):
        raise ApiError("no_text")
    metadata = message_metadata(args)
    if body is not None:
        message["text"] = body
    if blocks:
        message["blocks"] = blocks
    elif blocks is not None:
        message.pop("blocks", None)
    if metadata is not None:
        message["metadata"] = metadata
    if args.get("attachments"):
        message["attachments"] = args["attachments"]
    message["edited"] = {"user": BOT_USER_ID, "ts": ws.new_ts()}
    return {"channel": channel_id, "ts": ts, "text": message["text"], "message": message}  # as above


def post_ephemeral(ws: Workspace, args: Args) -> Json:
    """chat.postEphemeral: a message only `user` sees; answers its `message_ts`."""
    channel_id = _channel(ws, args)
    user_id = required(args, "user", "user_not_found")
    if user_id not in ws.users:
        raise ApiError("user_not_found")
    body, blocks = message_text(args), message_blocks(args)
    if body is None and not blocks and not args.get("attachments"):
        raise ApiError("no_text")
    ts = ws.new_ts()
    ephemeral = {**bot_fields(body, blocks, None), "ts": ts, "thread_ts": text(args, "thread_ts")}
    ephemeral = {k: v for k, v in ephemeral.items() if v is not None}
    ws.ephemerals.append(
        {**ephemeral, "channel": channel_id, "user": user_id, "source": "chat.postEphemeral"}
    )
    return {"message_ts": ts}


def delete_message(ws: Workspace, args: Args) -> Json:
    """chat.delete: remove one of the bot's messages."""
    channel_id = _channel(ws, args)
    ts = required(args, "ts", "message_not_found")
    message = _bot_message(ws, channel_id, ts, "cant_delete_message")
    ws.remove(channel_id, message)
    return {"channel": channel_id, "ts": ts}


def get_permalink(ws: Workspace, args: Args) -> Json:
    """chat.getPermalink: the sandbox permalink of a message."""
    channel_id = _channel(ws, args)
    message = ws.message(channel_id, required(args, "message_ts", "message_not_found"))
    if message is None:
        raise ApiError("message_not_found")
    return {"channel": channel_id, "permalink": ws.permalink(channel_id, message)}


def open_conversation(ws: Workspace, args: Args) -> Json:
    """conversations.open: the bot's DM with one user (a stable `D…` id)."""
    channel_id = text(args, "channel")
    if channel_id:
        if channel_id not in ws.channels:
            raise ApiError("channel_not_found")
        return {"channel": {"id": channel_id}, "no_op": True, "already_open": True}
    users = args.get("users") or []
    names = [u.strip() for u in (users.split(",") if isinstance(users, str) else users) if u.strip()]
    if not names:
        raise ApiError("users_list_not_supplied")
    if len(names) > 1:
        raise ApiError("invalid_arguments", "[ERROR] the sandbox opens DMs with one user at a time")
    if names[0] not in ws.users or names[0] == BOT_USER_ID:
        raise ApiError("user_not_found")
    already_open = dm_channel_id(names[0]) in ws.channels
    channel_id = ws.open_dm(names[0])
    channel = copy.deepcopy(ws.channels[channel_id]) if flag(args, "return_im") else {"id": channel_id}
    return {"channel": channel, **({"no_op": True, "already_open": True} if already_open else {})}


def conversation_info(ws: Workspace, args: Args) -> Json:
    """conversations.info: a channel or DM object."""
    channel_id = text(args, "channel")
    if channel_id not in ws.channels:
        raise ApiError("channel_not_found")
    return {"channel": copy.deepcopy(ws.channels[channel_id])}


def _page(messages: list[Json], args: Args, limit: int) -> Json:
    shown = [_without_metadata(m, args) for m in messages[:limit]]
    more = len(messages) > limit
    cursor = base64.b64encode(f"next_ts:{shown[-1]['ts']}".encode()).decode() if more else ""
    return {"messages": shown, "has_more": more, "response_metadata": {"next_cursor": cursor}}


def _without_metadata(message: Json, args: Args) -> Json:
    shown = copy.deepcopy(message)
    if not flag(args, "include_all_metadata"):
        shown.pop("metadata", None)
    return shown


def _cursor_ts(args: Args) -> str | None:
    cursor = text(args, "cursor")
    if cursor is None:
        return None
    try:
        return base64.b64decode(cursor).decode().removeprefix("next_ts:")
    except ValueError:
        raise ApiError("invalid_cursor") from None


def history(ws: Workspace, args: Args) -> Json:
    """conversations.history: top-level messages, newest first, with Slack's latest/oldest/limit."""
    channel_id = text(args, "channel")
    if channel_id not in ws.channels:
        raise ApiError("channel_not_found")
    inclusive = flag(args, "inclusive")
    latest, oldest, after_cursor = text(args, "latest"), text(args, "oldest"), _cursor_ts(args)
    found = []
    for message in reversed(ws.messages.get(channel_id, {}).values()):
        ts = message["ts"]
        if message.get("thread_ts") not in (None, ts) and message.get("subtype") != "thread_broadcast":
            continue
        if after_cursor and ts >= after_cursor:
            continue
        if latest and (ts > latest or (ts == latest and not inclusive)):
            continue
        if oldest and (ts < oldest or (ts == oldest and not inclusive)):
            continue
        found.append(message)
    return {**_page(found, args, min(number(args, "limit", 100), 999)), "pin_count": 0}


def replies(ws: Workspace, args: Args) -> Json:
    """conversations.replies: a thread's parent and its replies, oldest first."""
    channel_id = text(args, "channel")
    if channel_id not in ws.channels:
        raise ApiError("channel_not_found")
    parent = ws.message(channel_id, required(args, "ts", "thread_not_found"))
    if parent is None:
        raise ApiError("thread_not_found")
    thread_ts = parent.get("thread_ts") or parent["ts"]
    parent = ws.message(channel_id, thread_ts) or parent
    after_cursor = _cursor_ts(args)
    thread = [
        m
        for m in ws.messages[channel_id].values()
        if (m["ts"] == parent["ts"] or m.get("thread_ts") == thread_ts)
        and (after_cursor is None or m["ts"] > after_cursor)
    ]
    return _page(thread, args, min(number(args, "limit", 1000), 1000))


def user_info(ws: Workspace, args: Args) -> Json:
    """users.info: a user with their time zone and profile."""
    user_id = text(args, "user")
    if user_id not in ws.users:
        raise ApiError("user_not_found")
    return {"user": copy.deepcopy(ws.users[user_id])}


METHODS: dict[str, Method] = {
    "auth.test": auth_test,
    "chat.postMessage": post_message,
    "chat.update": update_message,
    "chat.postEphemeral": post_ephemeral,
    "chat.delete": delete_message,
    "chat.getPermalink": get_permalink,
    "conversations.open": open_conversation,
    "conversations.info": conversation_info,
    "conversations.history": history,
    "conversations.replies": replies,
    "users.info": user_info,
}
