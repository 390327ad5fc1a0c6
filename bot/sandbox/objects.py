"""The sandbox's Slack objects: its team and bot, user objects, and what the stand-in records."""

from __future__ import annotations

import functools
import json
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

Json = dict[str, Any]

TEAM_ID = "T0SANDBOX"
TEAM_DOMAIN = "sandbox"
TEAM_NAME = "Bounceback Sandbox"
APP_ID = "A0BOUNCEBACK"
BOT_USER_ID = "UBOUNCEBACK"
BOT_ID = "BBOUNCEBACK"
BOT_NAME = "bounceback"
SLACK_HOST = "https://sandbox.slack.com"

_TZ_NAMES = {
    "EST": "Eastern Standard Time",
    "EDT": "Eastern Daylight Time",
    "CST": "Central Standard Time",
    "CDT": "Central Daylight Time",
    "MST": "Mountain Standard Time",
    "MDT": "Mountain Daylight Time",
    "PST": "Pacific Standard Time",
    "PDT": "Pacific Daylight Time",
    "GMT": "Greenwich Mean Time",
    "BST": "British Summer Time",
    "CET": "Central European Time",
    "CEST": "Central European Summer Time",
    "UTC": "Coordinated Universal Time",
}


@dataclass(frozen=True)
class Call:
    """One Web API call as the stand-in received and answered it (status 0: the connection was dropped).

    Its arguments and answer are kept as the JSON they were at the time of the call, and decoded when
    read: a test reads a few calls, a benchmark makes thousands (a deep copy of each cost more than
    answering it)."""

    method: str
    args_json: str = field(repr=False)
    response_json: bytes | None = field(repr=False)
    status: int
    time: float

    @functools.cached_property
    def args(self) -> Json:
        """The arguments, as they were when the call was made."""
        return dict(json.loads(self.args_json))

    @functools.cached_property
    def response(self) -> Json | None:
        """The JSON body answered, or None (a fault's text, a dropped connection)."""
        return None if self.response_json is None else dict(json.loads(self.response_json))


@dataclass(frozen=True)
class ResponsePost:
    """One POST to a response URL."""

    url: str
    body: Json
    user_id: str | None
    channel_id: str | None
    message_ts: str | None
    time: float

    @property
    def text(self) -> str:
        """The posted text, or an empty string."""
        return str(self.body.get("text") or "")

    @property
    def response_type(self) -> str:
        """`ephemeral` (Slack's default) or `in_channel`."""
        return str(self.body.get("response_type") or "ephemeral")


@dataclass
class SandboxFile:
    """A file uploaded through files.getUploadURLExternal and completed (or still pending)."""

    id: str
    name: str
    length: int
    title: str = ""
    content: bytes | None = None
    mimetype: str = "application/octet-stream"
    user: str = BOT_USER_ID
    channels: list[str] = field(default_factory=list)
    completed: bool = False

    def public(self) -> Json:
        """The file as Slack's file object (without its bytes)."""
        return {
            "id": self.id,
            "name": self.name,
            "title": self.title or self.name,
            "mimetype": self.mimetype,
            "filetype": self.name.rsplit(".", 1)[-1].lower() if "." in self.name else "binary",
            "size": len(self.content or b""),
            "user": self.user,
            "channels": [c for c in self.channels if c.startswith("C")],
            "ims": [c for c in self.channels if c.startswith("D")],
            "url_private": f"{SLACK_HOST}/files/{self.user}/{self.id}/{self.name}",
            "permalink": f"{SLACK_HOST}/files/{self.user}/{self.id}/{self.name}",
        }


@dataclass
class Trigger:
    """A trigger_id issued to a user; single use and short lived."""

    user_id: str
    issued: float
    used: bool = False


@dataclass
class ResponseTarget:
    """What a response URL belongs to: the user, the channel and maybe the message."""

    user_id: str | None
    channel_id: str | None
    message_ts: str | None
    uses: int = 0


def user_object(user_id: str, name: str, real_name: str, title: str, tz: str, is_bot: bool) -> Json:
    """A Slack user object, with the time zone fields Slack computes."""
    now = datetime.now(ZoneInfo(tz))
    offset = now.utcoffset()
    abbreviation = now.tzname() or tz
    return {
        "id": user_id,
        "team_id": TEAM_ID,
        "name": name,
        "deleted": False,
        "real_name": real_name,
        "tz": tz,
        "tz_label": _TZ_NAMES.get(abbreviation, abbreviation),
        "tz_offset": int(offset.total_seconds()) if offset else 0,
        "is_admin": False,
        "is_owner": False,
        "is_bot": is_bot,
        "is_app_user": False,
        "updated": int(time.time()),
        "profile": {
            "title": title,
            "real_name": real_name,
            "real_name_normalized": real_name,
            "display_name": name,
            "display_name_normalized": name,
            "team": TEAM_ID,
            **({} if is_bot else {"email": f"{name}@hotel.example"}),  # users:read.email
        },
    }


def dm_channel_id(user_id: str) -> str:
    """The stable id of the bot's DM with a user."""
    return "D" + user_id[1:]
