"""Faults the Slack stand-in injects on purpose: rate limits, server errors, dropped connections."""

from __future__ import annotations

import math
import random
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, get_args

FaultKind = Literal["429", "500", "503", "drop"]
FaultReason = Literal["queued", "random", "paced"]
FAULT_KINDS: tuple[str, ...] = get_args(FaultKind)
ANY_METHOD = "*"


@dataclass(frozen=True)
class Fault:
    """One fault the stand-in injected: on which method, of which kind, and why."""

    method: str
    kind: FaultKind
    retry_after: int | None
    reason: FaultReason
    time: float


@dataclass
class _Planned:
    kind: FaultKind
    retry_after: int


@dataclass
class _RandomPlan:
    methods: frozenset[str]
    rate: float
    kinds: tuple[FaultKind, ...]
    rng: random.Random
    retry_after: int


def check_kind(kind: str) -> FaultKind:
    """The kind, if it is one the stand-in knows; else a ValueError naming the choices."""
    if kind not in FAULT_KINDS:
        raise ValueError(f"unknown fault kind {kind!r}; choose one of {', '.join(FAULT_KINDS)}")
    return kind  # type: ignore[return-value]


class FaultInjector:
    """Decides which requests fail; not locked itself, so callers hold the workspace lock."""

    def __init__(self, pace_per_channel: float | None) -> None:
        if pace_per_channel is not None and pace_per_channel <= 0:
            raise ValueError("pace_per_channel must be a positive number of messages per second")
        self.pace_per_channel = pace_per_channel
        self.injected: list[Fault] = []
        self._queued: dict[str, deque[_Planned]] = {}
        self._random: _RandomPlan | None = None
        self._last_post: dict[str, float] = {}

    def queue(self, method: str, kind: str, times: int, retry_after: int) -> None:
        """Fail the next `times` calls of `method` (or of any method, with `*`)."""
        planned = _Planned(check_kind(kind), retry_after)
        self._queued.setdefault(method, deque()).extend(planned for _ in range(times))

    def set_rate(
        self, methods: Iterable[str] | str, rate: float, kinds: Iterable[str], seed: int, retry_after: int
    ) -> None:
        """Fail a random share of the calls of `methods` (`*` for all) until cleared."""
        if not 0 <= rate <= 1:
            raise ValueError("rate must be between 0 and 1")
        names = frozenset([methods] if isinstance(methods, str) else methods)
        chosen = tuple(check_kind(k) for k in kinds)
        if not chosen:
            raise ValueError("kinds must name at least one fault kind")
        self._random = _RandomPlan(names, rate, chosen, random.Random(seed), retry_after)

    def clear(self) -> None:
        """Stop injecting faults (those already recorded stay recorded)."""
        self._queued.clear()
        self._random = None

    def take(self, method: str) -> Fault | None:
        """The fault to inject into this call of `method`, recorded, or None."""
        for key in (method, ANY_METHOD):
            planned = self._queued.get(key)
            if planned:
                chosen = planned.popleft()
                return self._record(method, chosen.kind, chosen.retry_after, "queued")
        plan = self._random
        if plan and (method in plan.methods or ANY_METHOD in plan.methods) and plan.rng.random() < plan.rate:
            return self._record(method, plan.rng.choice(plan.kinds), plan.retry_after, "random")
        return None

    def pace(self, method: str, channel_id: str) -> Fault | None:
        """A 429 when a channel gets messages faster than `pace_per_channel`, else None."""
        if self.pace_per_channel is None:
            return None
        now = time.monotonic()
        interval = 1.0 / self.pace_per_channel
        last = self._last_post.get(channel_id)
        if last is not None and now - last < interval:
            return self._record(method, "429", max(1, math.ceil(interval - (now - last))), "paced")
        self._last_post[channel_id] = now
        return None

    def _record(self, method: str, kind: FaultKind, retry_after: int, reason: FaultReason) -> Fault:
        fault = Fault(method, kind, retry_after if kind == "429" else None, reason, time.time())
        self.injected.append(fault)
        return fault
