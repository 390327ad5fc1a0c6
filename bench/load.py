"""Load loops: N concurrent senders, bounded in count and in time, and what they measured."""

from __future__ import annotations

import itertools
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.sandbox.wire import Delivery


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
