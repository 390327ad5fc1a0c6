"""Load loops: N concurrent senders, bounded in count and in time, and what they measured."""

from __future__ import annotations

import http.client
import itertools
import json
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Unpack, cast
from urllib.parse import urlsplit

from bot.sandbox.cast import SIGNING_SECRET
from bot.sandbox.driver import SlackDriver
from bot.sandbox.objects import Json
from bot.sandbox.standin import SlackStandIn
from bot.sandbox.wire import Delivery, Signing, post_signed, sign, with_fields

_FORM = "application/x-www-form-urlencoded"

PREPARE_AHEAD = 0.25  # seconds before its due time a request is built


@dataclass(frozen=True)
class Load:
    """What a load run saw: each acknowledgement's latency (seconds), failures, and the wall time."""

    latencies: tuple[float, ...]
    failures: int
    wall_s: float
    planned: int

    @property
    def sent(self) -> int:
        """Requests that got an answer (any status)."""
        return len(self.latencies) + self.failures

    def percentile(self, p: float) -> float:
        """The p-th percentile latency (nearest rank), in seconds."""
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        rank = min(len(ordered), max(1, math.ceil(p / 100 * len(ordered))))
        return ordered[rank - 1]


def run_load(send: Callable[[int], Delivery], *, total: int, concurrency: int, time_limit: float) -> Load:
    """Call `send(i)` for i in range(total) from `concurrency` threads; stop early after `time_limit`s.

    A non-2xx answer or an exception counts as a failure; only successful acknowledgements have a latency.
    """
    numbers = itertools.count()
    lock = threading.Lock()
    latencies: list[float] = []
    failures = 0
    deadline = time.monotonic() + time_limit

    def sender() -> None:
        nonlocal failures
        while time.monotonic() < deadline:
            with lock:
                i = next(numbers)
            if i >= total:
                return
            try:
                delivery = send(i)
            except OSError:
                with lock:
                    failures += 1
                continue
            with lock:
                if delivery.ok:
                    latencies.append(delivery.elapsed_s)
                else:
                    failures += 1

    threads = [threading.Thread(target=sender, name=f"bench-sender-{n}") for n in range(concurrency)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(time_limit + 60)
    return Load(tuple(latencies), failures, time.monotonic() - started, total)


@dataclass(frozen=True)
class Prepared:
    """One signed request's body, made just before it is due (a trigger id lives three seconds)."""

    body: bytes
    content_type: str


class Preparing(SlackDriver):
    """A driver that builds the request Slack would send and keeps it instead of sending it."""

    def __init__(self, standin: SlackStandIn) -> None:
        super().__init__("http://unused", SIGNING_SECRET, standin)
        self.kept: Prepared | None = None

    def send(self, body: bytes, content_type: str, **_: object) -> Delivery:  # type: ignore[override]
        """Keep the body; answer a placeholder."""
        self.kept = Prepared(body, content_type)
        return Delivery(0, "", None, 0.0)


def prepared(
    standin: SlackStandIn, prepare: Callable[[Preparing, int], object], to: Callable[[int], SlackDriver]
) -> Callable[[int], Delivery]:
    """For a closed loop: request i is built by `prepare` on the sending thread and sent by `to(i)`."""
    mine = threading.local()

    def send(i: int) -> Delivery:
        if not hasattr(mine, "driver"):
            mine.driver = Preparing(standin)
        prepare(mine.driver, i)
        kept = mine.driver.kept
        return to(i).send(kept.body, kept.content_type)

    return send


class Remembering:
    """The stand-in as a sender thread sees it when requests must cost the measuring process little: what
    stays the same (people, channel names, DMs, the pressed message) asked once, a fresh trigger and
    response URL asked for every request. The servers read nothing else of a press or command."""

    def __init__(self, standin: SlackStandIn) -> None:
        self._standin = standin
        self._known: dict[tuple[str, tuple[object, ...]], Any] = {}

    def _once(self, name: str, *args: object) -> Any:
        if (name, args) not in self._known:
            self._known[name, args] = getattr(self._standin, name)(*args)
        known = self._known[name, args]
        return dict(known) if isinstance(known, dict) else known  # the driver pops a message's channel

    def user(self, user_id: str) -> Json:
        return self._once("user", user_id)

    def channel_name(self, channel_id: str) -> str:
        return self._once("channel_name", channel_id)

    def dm_channel(self, user_id: str) -> str:
        return self._once("dm_channel", user_id)

    def message(self, channel_id: str, ts: str) -> Json | None:
        return self._once("message", channel_id, ts)

    def ephemerals(self, user_id: str | None = None) -> list[Json]:
        return self._once("ephemerals", user_id)

    def issue_trigger(self, user_id: str) -> str:
        return self._standin.issue_trigger(user_id)

    def new_response_url(self, **where: str | None) -> str:
        return self._standin.new_response_url(**where)


class FormPreparing(Preparing):
    """`Preparing`, its interactions' form bodies encoded in one pass (urlencode quotes byte by byte in
    Python: for a press on a case card, a third of what building the request costs)."""

    def _interact(self, payload: Json, **signing: Unpack[Signing]) -> Delivery:
        body = b"payload=" + quote_plus(json.dumps(payload)).encode()
        delivery = self.send(body, _FORM, **signing)
        return with_fields(delivery, payload=payload, trigger_id=payload.get("trigger_id"))


_PLUS = {b: chr(b) for b in range(128) if chr(b).isalnum() or chr(b) in "_.-~"} | {0x20: "+"}
_QUOTED = str.maketrans({chr(b): _PLUS.get(b, f"%{b:02X}") for b in range(256)})


def quote_plus(text: str) -> str:
    """`urllib.parse.quote_plus(text)`, the same characters, translated in one pass."""
    return text.encode().decode("latin-1").translate(_QUOTED)


class KeptAlive:
    """One sender thread's HTTP connections, one per server, kept open between requests (as Slack's own
    senders or a load balancer keep theirs); each request signed as Slack signs it."""

    def __init__(self, secret: str = SIGNING_SECRET, timeout: float = 30.0) -> None:
        self._secret, self._timeout = secret, timeout
        self._open: dict[str, http.client.HTTPConnection] = {}

    def post(self, url: str, body: bytes, content_type: str) -> Delivery:
        """POST a signed body to `url` over this thread's connection to its server; again on a new
        connection if the kept one was closed by the server meanwhile (nothing was answered on it)."""
        parts = urlsplit(url)
        stamp = str(int(time.time()))
        headers = {
            "Content-Type": content_type,
            "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": sign(self._secret, stamp, body),
        }
        started = time.monotonic()
        for tries_left in (1, 0):
            connection = self._open.get(parts.netloc)
            if connection is None:
                connection = self._open[parts.netloc] = http.client.HTTPConnection(
                    parts.netloc, timeout=self._timeout
                )
            try:
                connection.request("POST", parts.path, body, headers)
                response = connection.getresponse()
                status, raw = response.status, response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                connection.close()
                del self._open[parts.netloc]
                if not tries_left:
                    raise
        text = raw.decode("utf-8", errors="replace")
        try:
            decoded = json.loads(text) if text.strip() else None
        except ValueError:
            decoded = None
        return Delivery(
            status, text, decoded if isinstance(decoded, dict) else None, time.monotonic() - started
        )

    def close(self) -> None:
        """Close every connection."""
        for connection in self._open.values():
            connection.close()
        self._open.clear()


def kept_alive(
    standin: SlackStandIn, prepare: Callable[[Preparing, int], object], to: Callable[[int], str]
) -> Callable[[int], Delivery]:
    """For a closed loop whose senders share the cores with the servers: request i is built by `prepare`
    on the sending thread (the stand-in asked only for what changes) and sent over the thread's kept
    connection to the URL `to(i)`."""
    mine = threading.local()

    def send(i: int) -> Delivery:
        if not hasattr(mine, "driver"):
            mine.driver = FormPreparing(cast(SlackStandIn, Remembering(standin)))
            mine.http = KeptAlive()
        prepare(mine.driver, i)
        kept = mine.driver.kept
        assert kept is not None
        return mine.http.post(to(i), kept.body, kept.content_type)

    return send


def run_rate(
    url: str,
    prepare: Callable[[Preparing, int], object],
    standin: SlackStandIn,
    *,
    rate: float,
    total: int,
    time_limit: float,
    workers: int = 32,
) -> Load:
    """Open loop: request i is due `i / rate` seconds in, whether or not earlier ones were answered.

    Each latency runs from the request's due time to its answer, so a server that stalls is charged
    for every request that should have gone out meanwhile (no coordinated omission). A request is
    built (`prepare(driver, i)`, which asks the stand-in for a trigger) a moment before it is due,
    so that work is not timed; a worker that finds its request already due sends at once.
    """
    numbers = itertools.count()
    lock = threading.Lock()
    latencies: list[float] = []
    failures = 0
    started = time.monotonic() + 0.2
    deadline = started + time_limit

    def sender() -> None:
        nonlocal failures
        driver = Preparing(standin)
        while True:
            with lock:
                i = next(numbers)
            due = started + i / rate
            if i >= total or due > deadline:
                return
            _sleep_until(due - PREPARE_AHEAD)
            prepare(driver, i)
            request = driver.kept
            assert request is not None
            _sleep_until(due)
            try:
                delivery = post_signed(url, SIGNING_SECRET, request.body, request.content_type, timeout=30)
            except OSError:
                with lock:
                    failures += 1
                continue
            answered = time.monotonic()
            with lock:
                if delivery.ok:
                    latencies.append(answered - due)
                else:
                    failures += 1

    threads = [threading.Thread(target=sender, name=f"bench-rate-{n}") for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(time_limit + 60)
    return Load(tuple(latencies), failures, time.monotonic() - started, total)


def _sleep_until(moment: float) -> None:
    wait = moment - time.monotonic()
    if wait > 0:
        time.sleep(wait)
