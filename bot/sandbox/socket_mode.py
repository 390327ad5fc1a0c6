"""The stand-in's Socket Mode side: a WebSocket server on loopback that speaks Slack's protocol.

`apps.connections.open` (with an `xapp-` token) hands out a single-use `ws://` URL to this server.
Each connection gets `hello`, then envelopes (`events_api`, `slash_commands`, `interactive`) that the
app must acknowledge with their `envelope_id`; every envelope and ack is recorded with its timing.
The server can also do what Slack's side of the link does to an app: send `disconnect` (reason
`refresh_requested` or `warning`), drop the connection without a close frame, or go silent on it
(a NAT that forgot it: nothing more arrives, not even a pong, and nothing closes). An `events_api`
envelope that was never acknowledged when its connection ended is delivered again, with
`retry_attempt` and `retry_reason`, on another live connection or else as soon as the next one
says hello.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import logging
import secrets
import socket
import threading
import time
from urllib.parse import parse_qs, urlsplit

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

from bot.sandbox.api import ApiError, Args, Method
from bot.sandbox.objects import APP_ID, Json
from bot.sandbox.workspace import Workspace

log = logging.getLogger(__name__)

LINK_PATH = "/link/"
ACK_WINDOW_S = 3.0  # how long Slack waits for an envelope's ack before the person sees an error
RETRY_REASON = "timeout"  # what Slack puts in `retry_reason` when it sends an unacknowledged event again
ENVELOPE_TYPES = ("events_api", "slash_commands", "interactive")
_ANSWERABLE_INTERACTIONS = ("view_submission", "block_suggestion")  # their ack may carry a response


@dataclasses.dataclass
class Link:
    """One WebSocket connection an app opened: numbered from 1 in the order they said hello."""

    number: int
    opened_at: float
    greeted: bool = False  # `hello` (and any re-deliveries it was owed) went out
    closed_at: float | None = None
    ended: str | None = None  # "closed" (by either side), "dropped" (no close frame), "silent", "stopped"
    disconnect_sent: str | None = None  # the reason of the `disconnect` Slack sent on it, if any
    connection: ServerConnection | None = dataclasses.field(default=None, repr=False)

    @property
    def live(self) -> bool:
        """True until the connection ended."""
        return self.ended is None


@dataclasses.dataclass(frozen=True)
class Envelope:
    """One envelope Slack sent on a link."""

    envelope_id: str
    type: str
    payload: Json
    link: int
    sent_at: float
    retry_attempt: int = 0
    retry_reason: str = ""

    @property
    def accepts_response_payload(self) -> bool:
        """Whether the ack may carry an answer (a command's reply, a modal's `response_action`)."""
        if self.type == "slash_commands":
            return True
        return self.type == "interactive" and self.payload.get("type") in _ANSWERABLE_INTERACTIONS

    def message(self) -> Json:
        """The envelope as it goes over the wire."""
        body: Json = {
            "envelope_id": self.envelope_id,
            "payload": self.payload,
            "type": self.type,
            "accepts_response_payload": self.accepts_response_payload,
        }
        if self.type == "events_api":
            body.update(retry_attempt=self.retry_attempt, retry_reason=self.retry_reason)
        return body


@dataclasses.dataclass(frozen=True)
class Ack:
    """An app's acknowledgement of an envelope: when, on which link, and the payload it carried."""

    envelope_id: str
    link: int
    at: float
    elapsed_s: float  # since the envelope went out
    payload: Json | None


class SocketModeServer:
    """Slack's end of Socket Mode for one app; `new_url()` is what apps.connections.open answers."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self._host = host
        self._server: Server | None = None
        self._thread: threading.Thread | None = None
        self._cond = threading.Condition()
        self._tickets: set[str] = set()
        self._links: list[Link] = []
        self._envelopes: list[Envelope] = []
        self._acks: list[Ack] = []
        self._owed: list[Envelope] = []  # unacknowledged events of ended links, to deliver again
        self._hush = threading.Event()  # set to end every silence (a new link said hello, or stop)

    # -- lifecycle ---------------------------------------------------------------------------------

    def start(self) -> SocketModeServer:
        """Listen on a free port of the host, on a background thread."""
        with self._cond:  # apps.connections.open may be called from several threads at once
            if self._server is not None:
                return self
            self._server = serve(self._serve, self._host, 0, ping_interval=None, close_timeout=2)
            self._thread = threading.Thread(
                target=self._server.serve_forever, name="slack-socket-mode", daemon=True
            )
            self._thread.start()
            return self

    def stop(self) -> None:
        """Close every connection and stop listening; the records stay readable."""
        if self._server is None:
            return
        self._hush.set()
        with self._cond:
            for link in self._links:
                if link.live:
                    link.ended, link.closed_at = "stopped", time.monotonic()
        self._server.shutdown()
        if self._thread is not None:
            self._thread.join(5)
        self._server, self._thread = None, None

    def new_url(self) -> str:
        """A fresh single-use WebSocket URL (apps.connections.open); starts the server if needed."""
        self.start()
        ticket = secrets.token_hex(12)
        with self._cond:
            self._tickets.add(ticket)
        host, port = self._server.socket.getsockname()[:2]
        return f"ws://{host}:{port}{LINK_PATH}?ticket={ticket}&app_id={APP_ID}"

    # -- what Slack does ---------------------------------------------------------------------------

    def deliver(
        self,
        kind: str,
        payload: Json,
        *,
        retry_attempt: int = 0,
        retry_reason: str = "",
        timeout: float = 10.0,
    ) -> Envelope:
        """Send an envelope on the newest live link (waiting up to `timeout` for one)."""
        if kind not in ENVELOPE_TYPES:
            raise ValueError(f"unknown envelope type {kind!r}: one of {', '.join(ENVELOPE_TYPES)}")
        link = self._current(timeout)
        envelope = Envelope(
            "sb-" + secrets.token_hex(12),
            kind,
            copy.deepcopy(payload),
            link.number,
            time.monotonic(),
            retry_attempt,
            retry_reason,
        )
        self._send(link, envelope)
        return envelope

    def request(self, kind: str, payload: Json, *, timeout: float = 10.0) -> tuple[Envelope, Ack | None]:
        """Deliver an envelope and wait for its ack (None when none came within `timeout`)."""
        envelope = self.deliver(kind, payload, timeout=timeout)
        return envelope, self.wait_ack(envelope.envelope_id, timeout)

    def wait_ack(self, envelope_id: str, timeout: float = 10.0) -> Ack | None:
        """The ack of an envelope, waiting up to `timeout` seconds for it."""
        with self._cond:
            self._cond.wait_for(lambda: self._ack_of(envelope_id) is not None, timeout)
            return self._ack_of(envelope_id)

    def disconnect(self, reason: str = "refresh_requested") -> int:
        """Send `disconnect` on the newest live link, as Slack does before it refreshes one; its number."""
        link = self._current(0)
        message = {"type": "disconnect", "reason": reason, "debug_info": {"host": "applink-sandbox"}}
        with self._cond:
            link.disconnect_sent = reason
        link.connection.send(json.dumps(message))
        return link.number

    def drop(self) -> int:
        """Cut the newest live link without a close frame (a proxy or NAT timing out); its number."""
        link = self._current(0)
        with self._cond:
            link.ended, link.closed_at = "dropped", time.monotonic()
            self._owe_unacked(link)
            self._cond.notify_all()
        link.connection.socket.shutdown(socket.SHUT_RDWR)  # a FIN, and no WebSocket close frame
        self._redeliver()
        return link.number

    def go_silent(self) -> int:
        """Stop answering on the newest live link, pongs included, without closing it; its number.

        The silence lasts until the app's next connection says hello: then what the app sent
        meanwhile is read and the link closes as the app left it.
        """
        link = self._current(0)
        with self._cond:
            link.ended, link.closed_at = "silent", time.monotonic()
            self._owe_unacked(link)
            self._hush.clear()
            self._cond.notify_all()
        held = threading.Event()

        def hold() -> None:
            with link.connection.protocol_mutex:  # websockets answers pings under this lock
                held.set()
                self._hush.wait()

        threading.Thread(target=hold, name=f"socket-mode-silence-{link.number}", daemon=True).start()
        held.wait(5)
        self._redeliver()
        return link.number

    def deliver_then_drop(self, kind: str, payload: Json, *, timeout: float = 10.0) -> Envelope:
        """Send an envelope and cut the link at once, before any ack can come back on it."""
        with self._cond:  # holds acks back until the link is marked dropped
            envelope = self.deliver(kind, payload, timeout=timeout)
            self.drop()
        return envelope

    def wait_link(self, number: int, timeout: float = 10.0) -> Link:
        """Wait until link `number` (1 is the first) has said hello; answers a copy of it."""
        with self._cond:
            if not self._cond.wait_for(
                lambda: len(self._links) >= number and self._links[number - 1].greeted, timeout
            ):
                raise TimeoutError(f"the app opened no connection #{number} within {timeout}s")
            return dataclasses.replace(self._links[number - 1], connection=None)

    # -- what was recorded -------------------------------------------------------------------------

    @property
    def links(self) -> list[Link]:
        """Every connection so far, oldest first (copies)."""
        with self._cond:
            return [dataclasses.replace(link, connection=None) for link in self._links]

    @property
    def envelopes(self) -> list[Envelope]:
        """Every envelope sent, re-deliveries too, oldest first."""
        with self._cond:
            return list(self._envelopes)

    @property
    def acks(self) -> list[Ack]:
        """Every ack received, oldest first."""
        with self._cond:
            return list(self._acks)

    # -- the connections ---------------------------------------------------------------------------

    def _serve(self, connection: ServerConnection) -> None:
        """One connection, from hello to its end (runs on the server's thread for it)."""
        ticket = parse_qs(urlsplit(connection.request.path).query).get("ticket", [""])[0]
        with self._cond:
            valid = ticket in self._tickets
            self._tickets.discard(ticket)
        if not valid or not connection.request.path.startswith(LINK_PATH):
            connection.close(1008, "invalid or used ticket: call apps.connections.open")
            return
        with self._cond:
            link = Link(len(self._links) + 1, time.monotonic(), connection=connection)
            self._links.append(link)
            live = sum(1 for other in self._links if other.live)
        connection.send(json.dumps(_hello(live)))
        self._redeliver(link)
        with self._cond:
            link.greeted = True
            self._cond.notify_all()
        self._hush.set()
        try:
            for message in connection:
                self._receive(link, message)
        except ConnectionClosed:
            pass
        except OSError:
            log.debug("socket mode link %s failed", link.number, exc_info=True)
        with self._cond:
            if link.live:
                link.ended, link.closed_at = "closed", time.monotonic()
                self._owe_unacked(link)
            self._cond.notify_all()
        self._redeliver()

    def _redeliver(self, link: Link | None = None) -> None:
        """Send the events owed by ended links again, on `link` or else on a live one (if any)."""
        with self._cond:
            if link is None:
                live = [other for other in self._links if other.live and other.greeted]
                link = live[-1] if live else None
            if link is None:
                return  # the next link gets them after its hello
            owed, self._owed = self._owed, []
        for envelope in owed:
            retry = dataclasses.replace(
                envelope,
                envelope_id="sb-" + secrets.token_hex(12),
                link=link.number,
                sent_at=time.monotonic(),
                retry_attempt=envelope.retry_attempt + 1,
                retry_reason=RETRY_REASON,
            )
            self._send(link, retry)

    def _receive(self, link: Link, message: str | bytes) -> None:
        try:
            body = json.loads(message)
        except ValueError:
            log.warning("socket mode link %s sent something that is not JSON", link.number)
            return
        if not isinstance(body, dict) or not isinstance(body.get("envelope_id"), str):
            log.warning("socket mode link %s sent a message without an envelope_id", link.number)
            return
        with self._cond:
            if not link.live:
                return  # it arrived after the link was cut: Slack never sees it
            sent = next((e for e in self._envelopes if e.envelope_id == body["envelope_id"]), None)
            if sent is None or self._ack_of(sent.envelope_id) is not None:
                return
            now = time.monotonic()
            payload = body.get("payload") if isinstance(body.get("payload"), dict) else None
            self._acks.append(Ack(sent.envelope_id, link.number, now, now - sent.sent_at, payload))
            self._cond.notify_all()

    def _send(self, link: Link, envelope: Envelope) -> None:
        with self._cond:
            self._envelopes.append(envelope)
        link.connection.send(json.dumps(envelope.message()))

    def _current(self, timeout: float) -> Link:
        """The newest live link, preferring one Slack has not asked the app to leave."""

        def pick() -> Link | None:
            live = [link for link in self._links if link.live and link.greeted]
            fresh = [link for link in live if link.disconnect_sent is None]
            return (fresh or live or [None])[-1]

        with self._cond:
            self._cond.wait_for(lambda: pick() is not None, timeout)
            link = pick()
        if link is None:
            raise TimeoutError(f"the app has no Socket Mode connection open (waited {timeout}s)")
        return link

    def _ack_of(self, envelope_id: str) -> Ack | None:
        return next((ack for ack in self._acks if ack.envelope_id == envelope_id), None)

    def _owe_unacked(self, link: Link) -> None:
        """Queue the link's unacknowledged events for the next link (the caller holds the lock)."""
        acked = {ack.envelope_id for ack in self._acks}
        self._owed.extend(
            e
            for e in self._envelopes
            if e.link == link.number and e.type == "events_api" and e.envelope_id not in acked
        )


def connections_open(ws: Workspace, args: Args) -> Json:
    """apps.connections.open: a WebSocket URL for the app's next Socket Mode connection."""
    if ws.socket_url is None:
        raise ApiError("not_allowed", "[ERROR] Socket Mode is not on for this app")
    return {"url": ws.socket_url()}


APP_LEVEL_METHODS: dict[str, Method] = {"apps.connections.open": connections_open}  # xapp- tokens only


def _hello(num_connections: int) -> Json:
    return {
        "type": "hello",
        "num_connections": num_connections,
        "debug_info": {"host": "applink-sandbox", "build_number": 1, "approximate_connection_time": 18060},
        "connection_info": {"app_id": APP_ID},
    }
