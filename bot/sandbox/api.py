"""What every stand-in Web API method shares: arguments as Slack accepts them, and Slack's errors."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from email import policy
from email.parser import BytesParser
from typing import Any
from urllib.parse import parse_qsl

from bot.sandbox import limits
from bot.sandbox.objects import Json
from bot.sandbox.workspace import Workspace

Args = dict[str, Any]
Method = Callable[[Workspace, Args], Json]

# Arguments Slack takes as JSON even inside form bodies (where they arrive as JSON strings).
_JSON_ARGS = frozenset({"blocks", "attachments", "view", "metadata", "files"})
MAX_MESSAGE_BLOCKS = limits.MESSAGE_BLOCKS
# chat.postMessage: "Slack will truncate messages containing more than 40,000 characters" (refused
# here with msg_too_long, so a test notices; docs.slack.dev/reference/methods/chat.postMessage).
MAX_TEXT = 40_000


class ApiError(Exception):
    """A Web API error answered as Slack does: HTTP 200 and `{"ok": false, "error": ...}`."""

    def __init__(self, error: str, *messages: str) -> None:
        super().__init__(error)
        self.error = error
        self.messages = list(messages)

    def body(self) -> Json:
        """The response body Slack sends for this error."""
        body: Json = {"ok": False, "error": self.error}
        if self.messages:
            body["response_metadata"] = {"messages": self.messages}
        return body


class Throttled(Exception):
    """The call is refused with 429 before it changes anything."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"ratelimited, retry after {retry_after}s")
        self.retry_after = retry_after


def parse_request(content_type: str, body: bytes, query: str) -> tuple[Args, dict[str, bytes]]:
    """Arguments and uploaded files from a JSON, form or multipart body plus the query string."""
    args: Args = dict(parse_qsl(query, keep_blank_values=True))
    files: dict[str, bytes] = {}
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type == "application/json" or (not media_type and body.lstrip().startswith(b"{")):
        if body.strip():
            try:
                decoded = json.loads(body)
            except ValueError:
                raise ApiError("invalid_json", "[ERROR] the body is not valid JSON") from None
            if not isinstance(decoded, dict):
                raise ApiError("invalid_json", "[ERROR] the JSON body must be an object")
            args.update(decoded)
    elif media_type == "multipart/form-data":
        head = f"Content-Type: {content_type}\r\n\r\n".encode()
        message = BytesParser(policy=policy.HTTP).parsebytes(head + body)
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True) or b""
            if part.get_filename() is not None:
                files[str(name)] = payload
            elif name:
                args[str(name)] = payload.decode("utf-8")
    elif body:
        try:
            args.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        except UnicodeDecodeError:
            raise ApiError("invalid_form_data") from None
    for name in _JSON_ARGS & args.keys():
        if isinstance(args[name], str) and args[name].strip()[:1] in ("[", "{"):
            with contextlib.suppress(json.JSONDecodeError):  # bad JSON stays text: the method refuses it
                args[name] = json.loads(args[name])
    return {k: v for k, v in args.items() if v is not None}, files


def text(args: Args, name: str) -> str | None:
    """An optional string argument; empty means absent."""
    value = args.get(name)
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


def required(args: Args, name: str, error: str = "invalid_arguments") -> str:
    """A required string argument, or Slack's error for it missing."""
    value = text(args, name)
    if value is None:
        raise ApiError(error, f"[ERROR] missing required field: {name}")
    return value


def flag(args: Args, name: str) -> bool:
    """A boolean argument given as JSON true/false or as form text ("1", "true")."""
    value = args.get(name)
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes")
    return bool(value)


def number(args: Args, name: str, default: int) -> int:
    """An integer argument, or Slack's invalid_arguments error."""
    value = args.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ApiError("invalid_arguments", f"[ERROR] {name} must be an integer") from None


def message_blocks(args: Args) -> list[Json] | None:
    """The `blocks` of a message, checked as Slack checks them (invalid_blocks); None when absent."""
    if "blocks" not in args or args["blocks"] == "":
        return None
    problems = limits.block_problems(args["blocks"], MAX_MESSAGE_BLOCKS, "/blocks")
    if problems:
        raise ApiError("invalid_blocks", *problems)
    return list(args["blocks"])


def message_text(args: Args) -> str | None:
    """The `text` of a message, refused with msg_too_long past Slack's 40,000 characters."""
    value = text(args, "text")
    if value is not None and len(value) > MAX_TEXT:
        raise ApiError("msg_too_long")
    return value


def message_metadata(args: Args) -> Json | None:
    """Message metadata (`event_type` + `event_payload`), or invalid_metadata_format."""
    metadata = args.get("metadata")
    if metadata in (None, ""):
        return None
    if not isinstance(metadata, dict) or not isinstance(metadata.get("event_type"), str):
        raise ApiError("invalid_metadata_format", "[ERROR] metadata needs an event_type and event_payload")
    if not isinstance(metadata.get("event_payload", {}), dict):
        raise ApiError("invalid_metadata_format", "[ERROR] event_payload must be an object")
    return {"event_type": metadata["event_type"], "event_payload": metadata.get("event_payload", {})}
