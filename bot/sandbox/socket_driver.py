"""SocketModeDriver: the same people, commands and presses as SlackDriver, sent as Socket Mode envelopes."""

from __future__ import annotations

import json
from typing import Unpack
from urllib.parse import parse_qsl

from bot.sandbox.driver import SlackDriver
from bot.sandbox.objects import Json
from bot.sandbox.socket_mode import RETRY_REASON, Ack, Envelope
from bot.sandbox.standin import SlackStandIn
from bot.sandbox.wire import Delivery, Signing


class SocketModeDriver(SlackDriver):
    """Plays Slack's part over the stand-in's Socket Mode server: each request becomes an envelope.

    A `Delivery` answers with status 200 when the app acknowledged the envelope within `timeout`
    (0 when it did not), the ack's payload as its JSON, and the time from envelope to ack.
    Signing overrides mean nothing here (Socket Mode is not signed) and are ignored.
    """

    def __init__(self, standin: SlackStandIn, *, timeout: float = 10.0) -> None:
        super().__init__("", "", standin, timeout=timeout)
        self.server = standin.socket_mode

    def send(
        self,
        body: bytes,
        content_type: str,
        *,
        headers: dict[str, str] | None = None,
        **signing: Unpack[Signing],
    ) -> Delivery:
        """Deliver what Slack would have POSTed as the matching envelope, and wait for its ack."""
        kind, payload = envelope_of(body, content_type)
        retry = {k.lower(): v for k, v in (headers or {}).items()}
        attempt = int(retry.get("x-slack-retry-num", 0))
        reason = retry.get("x-slack-retry-reason", "")
        envelope = self.server.deliver(
            kind,
            payload,
            retry_attempt=attempt,
            retry_reason=RETRY_REASON if attempt and reason == "http_timeout" else reason,
            timeout=self.timeout,
        )
        return delivery_of(envelope, self.server.wait_ack(envelope.envelope_id, self.timeout), self.timeout)


def envelope_of(body: bytes, content_type: str) -> tuple[str, Json]:
    """The envelope type and payload for a request body Slack would have POSTed over HTTP."""
    text = body.decode("utf-8")
    if content_type.startswith("application/json"):
        payload = json.loads(text)
        if payload.get("type") != "event_callback":
            raise ValueError(f"Socket Mode carries no {payload.get('type')!r} requests")
        return "events_api", payload
    fields = dict(parse_qsl(text, keep_blank_values=True))
    if "payload" in fields:
        return "interactive", json.loads(fields["payload"])
    if "command" in fields:
        return "slash_commands", fields
    raise ValueError("neither an interaction nor a slash command")


def delivery_of(envelope: Envelope, ack: Ack | None, timeout: float) -> Delivery:
    """How the app answered an envelope, in the shape the HTTP driver uses."""
    if ack is None:
        return Delivery(0, "", None, timeout, envelope_id=envelope.envelope_id)
    text = json.dumps(ack.payload) if ack.payload is not None else ""
    return Delivery(200, text, ack.payload, ack.elapsed_s, envelope_id=envelope.envelope_id)
