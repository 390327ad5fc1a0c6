"""How fast Slack lets the sender call in each lane (a channel, or a person's DM), learned from 429s.

A 429 closes its lane for the Retry-After Slack gives; afterwards the lane keeps a spacing between
calls that doubles on each 429 and shrinks a little with every call that goes through, and is
forgotten once the lane has been quiet for a minute. Other lanes are never held up.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from slack_sdk.errors import SlackApiError

FIRST_SPACING = 0.05  # seconds between calls in a lane after its first 429
MAX_SPACING = 0.1  # at most: Slack lets a channel have short bursts, and a 429 may be bad luck, not pace
SPEED_UP = 0.98  # each call that goes through shortens the spacing by 2 %
FORGET_PACE = timedelta(minutes=1)  # a lane quiet this long starts again at full speed


@dataclass
class Pace:
    """One lane: no call before `reopens`; `spacing` seconds between calls."""

    reopens: datetime
    spacing: float = 0.0
    refused: bool = False  # reopens is a Retry-After: the calls behind it wait in the outbox, in order


def retry_after(error: SlackApiError) -> float | None:
    """Seconds Slack asks us to wait when it answered 429 (rate limited); None for any other refusal."""
    response = error.response
    if response is None or (response.status_code != 429 and response.get("error") != "ratelimited"):
        return None
    for name, value in (response.headers or {}).items():
        if name.lower() == "retry-after":
            try:
                return max(1.0, float(value[0] if isinstance(value, list) else value))
            except ValueError:
                break
    return 1.0


class Paces:
    """The pace of every lane Slack has slowed down, kept in memory by one sender."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self.clock = clock
        self._lanes: dict[str, Pace] = {}

    def closed(self, lane: str, now: datetime) -> Pace | None:
        """The lane's pace when no call may go there at `now`; None when it is open."""
        pace = self._lanes.get(lane)
        return pace if pace is not None and pace.reopens > now else None

    def paced(self, lane: str) -> bool:
        """True when Slack has slowed this lane down: one call at a time, each after the last went through."""
        return lane in self._lanes

    def opens(self, lanes: Iterable[str]) -> datetime:
        """When the first of these (closed) lanes opens."""
        return min(self._lanes[lane].reopens for lane in lanes)

    def went_through(self, lane: str) -> None:
        """A call went through: keep to the lane's pace, a little faster each time."""
        pace = self._lanes.get(lane)
        if pace is not None:
            pace.spacing *= SPEED_UP
            pace.reopens, pace.refused = self.clock() + timedelta(seconds=pace.spacing), False

    def limited(self, lane: str, seconds: float) -> datetime:
        """Slack answered 429 with Retry-After `seconds`: close the lane and slow it down; when it reopens."""
        reopens = self.clock() + timedelta(seconds=seconds)
        pace = self._lanes.setdefault(lane, Pace(reopens))
        pace.spacing = min(MAX_SPACING, max(FIRST_SPACING, 2 * pace.spacing))
        pace.reopens, pace.refused = max(reopens, pace.reopens), True
        return pace.reopens

    def idle(self) -> float:
        """Seconds the pump may sleep: a second, or until the first closed lane opens."""
        now = self.clock()
        for lane, pace in list(self._lanes.items()):
            if pace.reopens < now - FORGET_PACE:
                del self._lanes[lane]
        soonest = min((p.reopens for p in self._lanes.values() if p.reopens > now), default=None)
        return 1.0 if soonest is None else min(1.0, max(0.01, (soonest - now).total_seconds()))
