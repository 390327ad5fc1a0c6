"""The sandbox workspace: the users, channels, messages, views and files the Slack stand-in holds."""

from __future__ import annotations

import copy
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from bot.sandbox.faults import FaultInjector
from bot.sandbox.objects import (
    BOT_ID,
    BOT_NAME,
    BOT_USER_ID,
    SLACK_HOST,
    TEAM_ID,
    Call,
    Json,
    ResponsePost,
    ResponseTarget,
    SandboxFile,
    Trigger,
    dm_channel_id,
    user_object,
)


class Workspace:
    """Everything the stand-in knows; guard reads with `lock` and changes with `changing()`."""

    def __init__(self, *, trigger_lifetime: float, pace_per_channel: float | None) -> None:
        self.lock = threading.RLock()
        self.cond = threading.Condition(self.lock)
        self.trigger_lifetime = trigger_lifetime
        self.base_url = ""
        self.socket_url: Callable[[], str] | None = None  # what apps.connections.open answers
        self.faults = FaultInjector(pace_per_channel)
        self.users: dict[str, Json] = {}
        self.channels: dict[str, Json] = {}
        self.messages: dict[str, dict[str, Json]] = {}
        self.ephemerals: list[Json] = []
        self.views: dict[str, Json] = {}
        self.view_owner: dict[str, str] = {}
        self.modal_log: list[str] = []
        self.stacks: dict[str, list[str]] = {}
        self.homes: dict[str, str] = {}
        self.triggers: dict[str, Trigger] = {}
        self.response_targets: dict[str, ResponseTarget] = {}
        self.responses: list[ResponsePost] = []
        self.files: dict[str, SandboxFile] = {}
        self.calls: list[Call] = []
        self.refusals: list[Json] = []  # response_url posts refused as Slack would (see Records.refused)
        self.version = 0
        self._serial = 0
        self._last_us = 0
        self.users[BOT_USER_ID] = user_object(
            BOT_USER_ID, BOT_NAME, "Bounceback", "", "America/New_York", is_bot=True
        )
        self.users[BOT_USER_ID]["profile"]["bot_id"] = BOT_ID

    @contextmanager
    def changing(self) -> Iterator[None]:
        """Hold the lock for a change, then wake everyone waiting for one."""
        with self.cond:
            try:
                yield
            finally:
                self.version += 1
                self.cond.notify_all()

    def new_id(self, prefix: str) -> str:
        """A fresh Slack-looking id such as `V0SB000001`."""
        self._serial += 1
        return f"{prefix}0SB{self._serial:06d}"

    def new_ts(self) -> str:
        """A Slack message timestamp, unique and increasing."""
        self._last_us = max(int(time.time() * 1_000_000), self._last_us + 1)
        return f"{self._last_us // 1_000_000}.{self._last_us % 1_000_000:06d}"

    def new_hash(self) -> str:
        """A view hash in Slack's format."""
        return f"{int(time.time())}.{secrets.token_hex(4)}"

    def add_channel(self, channel_id: str, name: str) -> None:
        """Create a public channel the bot is a member of."""
        self.channels[channel_id] = {
            "id": channel_id,
            "name": name,
            "name_normalized": name,
            "is_channel": True,
            "is_group": False,
            "is_im": False,
            "is_mpim": False,
            "is_private": False,
            "is_archived": False,
            "is_general": False,
            "is_member": True,
            "created": int(time.time()),
            "creator": BOT_USER_ID,
            "topic": {"value": "", "creator": "", "last_set": 0},
            "purpose": {"value": "", "creator": "", "last_set": 0},
        }
        self.messages.setdefault(channel_id, {})

    def open_dm(self, user_id: str) -> str:
        """The DM channel between the bot and a known user, created on first use."""
        channel_id = dm_channel_id(user_id)
        if channel_id not in self.channels:
            self.channels[channel_id] = {
                "id": channel_id,
                "created": int(time.time()),
                "is_im": True,
                "is_org_shared": False,
                "user": user_id,
                "is_user_deleted": False,
                "priority": 0,
            }
            self.messages.setdefault(channel_id, {})
        return channel_id

    def resolve_channel(self, ref: str | None) -> str | None:
        """A channel id from an id, `#name`, name or user id (meaning the DM); None when unknown."""
        if not ref:
            return None
        if ref in self.channels:
            return ref
        if ref in self.users and ref != BOT_USER_ID:
            return self.open_dm(ref)
        name = ref.lstrip("#")
        return next((cid for cid, c in self.channels.items() if c.get("name") == name), None)

    def channel_name(self, channel_id: str) -> str:
        """A channel's name (`directmessage` for DMs, as Slack sends it)."""
        channel = self.channels.get(channel_id, {})
        return str(channel.get("name") or ("directmessage" if channel.get("is_im") else channel_id))

    def message(self, channel_id: str, ts: str) -> Json | None:
        """The current message at `ts` in a channel, if any (not a copy)."""
        return self.messages.get(channel_id, {}).get(ts)

    def post(self, channel_id: str, fields: Json, *, thread_ts: str | None = None) -> Json:
        """Store a new message (fields: user, text, blocks, bot_id, ...) and return it."""
        ts = self.new_ts()
        message: Json = {"type": "message", "ts": ts, "team": TEAM_ID, "text": ""}
        message.update({k: v for k, v in fields.items() if v is not None})
        parent = self.message(channel_id, thread_ts) if thread_ts else None
        if parent is not None and parent.get("thread_ts") not in (None, parent["ts"]):
            parent = self.message(channel_id, parent["thread_ts"]) or parent
        if thread_ts:
            message["thread_ts"] = parent["ts"] if parent else thread_ts
        if parent is not None:
            message["parent_user_id"] = parent.get("user")
            parent["thread_ts"] = parent["ts"]
            parent["reply_count"] = int(parent.get("reply_count", 0)) + 1
            users = [u for u in parent.get("reply_users", []) if u != message.get("user")]
            parent["reply_users"] = [*users, message.get("user")]
            parent["reply_users_count"] = len(parent["reply_users"])
            parent["latest_reply"] = ts
        self.messages.setdefault(channel_id, {})[ts] = message
        return message

    def remove(self, channel_id: str, message: Json) -> None:
        """Delete a message; its thread parent counts one reply fewer."""
        del self.messages[channel_id][message["ts"]]
        thread_ts = message.get("thread_ts")
        parent = self.message(channel_id, thread_ts) if thread_ts and thread_ts != message["ts"] else None
        if parent is not None and parent.get("reply_count"):
            parent["reply_count"] -= 1

    def permalink(self, channel_id: str, message: Json) -> str:
        """The message's permalink, in Slack's format."""
        link = f"{SLACK_HOST}/archives/{channel_id}/p{message['ts'].replace('.', '')}"
        thread_ts = message.get("thread_ts")
        if thread_ts and thread_ts != message["ts"]:
            link += f"?thread_ts={thread_ts}&cid={channel_id}"
        return link

    def snapshot_messages(self, channel_id: str | None) -> list[Json]:
        """Copies of the current messages (all channels, or one), oldest first, each with its channel."""
        channels = [channel_id] if channel_id else list(self.messages)
        found = [
            {**copy.deepcopy(m), "channel": cid}
            for cid in channels
            for m in self.messages.get(cid, {}).values()
        ]
        return sorted(found, key=lambda m: m["ts"])
