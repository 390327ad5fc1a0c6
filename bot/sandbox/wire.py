"""The wire between Slack and an app: v0 request signing, and what a signed POST brought back."""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from typing import Any, TypedDict

from bot.sandbox.objects import Json


class Signing(TypedDict, total=False):
    """Overrides for how a request is signed: a stale `timestamp`, a forged `signature`."""

    timestamp: int | str
    signature: str


@dataclasses.dataclass(frozen=True)
class Delivery:
    """How the app answered one request: status, body (and its JSON), and how long it took."""

    status: int
    body_text: str
    json: Json | None
    elapsed_s: float
    response_url: str | None = None
    trigger_id: str | None = None
    event_id: str | None = None
    payload: Json | None = None
    envelope_id: str | None = None  # Socket Mode: the envelope that carried the request

    @property
    def ok(self) -> bool:
        """True for a 2xx answer."""
        return 200 <= self.status < 300


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """Slack's v0 signature: HMAC-SHA256 over `v0:{timestamp}:{body}`."""
    digest = hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256)
    return "v0=" + digest.hexdigest()


def post_signed(
    url: str,
    secret: str,
    body: bytes,
    content_type: str,
    *,
    timeout: float,
    timestamp: int | str | None = None,
    signature: str | None = None,
    headers: dict[str, str] | None = None,
) -> Delivery:
    """POST a body signed as Slack signs it (or with the given stale/forged timestamp and signature)."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    request = urllib.request.Request(url, data=body, method="POST")
    request.add_header("Content-Type", content_type)
    request.add_header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
    request.add_header("X-Slack-Request-Timestamp", stamp)
    request.add_header("X-Slack-Signature", signature or sign(secret, stamp, body))
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    text = raw.decode("utf-8", errors="replace")
    try:
        decoded = json.loads(text) if text.strip() else None
    except ValueError:
        decoded = None
    return Delivery(status, text, decoded if isinstance(decoded, dict) else None, time.monotonic() - started)


def with_fields(delivery: Delivery, **fields: Any) -> Delivery:
    """The same delivery with more of what was sent filled in."""
    return dataclasses.replace(delivery, **{k: v for k, v in fields.items() if v is not None})
