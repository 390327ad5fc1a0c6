"""Load loops: N concurrent senders, bounded in count and in time, and what they measured."""

from __future__ import annotations

import itertools
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.sandbox.cast import SIGNING_SECRET
from bot.sandbox.driver import SlackDriver
from bot.sandbox.standin import SlackStandIn
from bot.sandbox.wire import Delivery, post_signed

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
