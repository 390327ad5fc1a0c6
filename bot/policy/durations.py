"""Durations (30s, 15m, 4h, 2d, 1w, 1h30m) and times of day (09:00) as people write them in the policy."""

from __future__ import annotations

import re
from datetime import time, timedelta

ACCEPTED = "write 30s, 15m, 4h, 2d, 1w or 1h30m"

_UNITS: tuple[tuple[str, int], ...] = (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60), ("s", 1))
_SECONDS = dict(_UNITS)
_LONGEST = 520 * 604800  # ten years: beyond this a typo is likelier than intent, and timedelta would overflow
_PART = re.compile(r"\s*(\d+)\s*([a-zA-Z]+)\s*")
_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def parse_duration(text: str) -> timedelta:
    """Read a duration such as "4h", "1d12h" or "1h 30m"; raise ValueError saying what is accepted."""
    if not isinstance(text, str):
        raise ValueError(f"{text!r} is not a duration ({ACCEPTED})")
    pos, total, last_rank = 0, 0, -1
    while pos < len(text):
        match = _PART.match(text, pos)
        unit = match.group(2).lower() if match else ""
        if match is None or unit not in _SECONDS:
            raise ValueError(f"{text!r} is not a duration ({ACCEPTED})")
        rank = next(i for i, (name, _) in enumerate(_UNITS) if name == unit)
        # Largest unit first, each at most once: "30m1h" and "1h1h" are more likely typos than intent.
        if rank <= last_rank:
            raise ValueError(f"{text!r} is not a duration (largest unit first, each unit once: {ACCEPTED})")
        last_rank = rank
        total += int(match.group(1)) * _SECONDS[unit]
        pos = match.end()
    if last_rank < 0:
        raise ValueError(f"{text!r} is not a duration ({ACCEPTED})")
    if total <= 0:
        raise ValueError(f"{text!r} must be longer than zero ({ACCEPTED})")
    if total > _LONGEST:
        raise ValueError(f"{text!r} is longer than anyone will wait (at most {_LONGEST // 604800}w)")
    return timedelta(seconds=total)


def format_duration(td: timedelta) -> str:
    """Write a duration the way parse_duration reads it, e.g. "1h 30m", "2d", "45s"."""
    seconds = round(td.total_seconds())
    if seconds == 0:
        return "0s"
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    # Weeks only when they are whole: "30d" reads better than "4w 2d".
    units = _UNITS if seconds % _SECONDS["w"] == 0 else _UNITS[1:]
    parts: list[str] = []
    for unit, size in units:
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{count}{unit}")
    return sign + " ".join(parts)


def parse_clock(text: str) -> time:
    """Read a 24-hour time of day such as "09:00" or "8:30"."""
    match = _CLOCK.match(text)
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ValueError(f"{text.strip()!r} is not a 24h time (write 09:00 or 17:30)")
    return time(int(match.group(1)), int(match.group(2)))


def parse_time_range(text: str) -> tuple[time, time]:
    """Read a daily window such as "20:00-08:00"; it may wrap past midnight."""
    start, dash, end = text.replace("–", "-").partition("-")
    if not (dash and _CLOCK.match(start) and _CLOCK.match(end)):
        raise ValueError(f"{text.strip()!r} is not a time range (write 24h times: 20:00-08:00)")
    window = (parse_clock(start), parse_clock(end))
    if window[0] == window[1]:
        raise ValueError(f"{text.strip()!r} starts and ends at the same time")
    return window


def parse_weekly(text: str) -> tuple[int, time]:
    """Read a weekly moment such as "mon 09:00" into (weekday with 0 = Monday, time of day)."""
    day, _, clock = text.strip().lower().partition(" ")
    if (day in WEEKDAYS or day in _DAY_NAMES) and _CLOCK.match(clock):
        return WEEKDAYS.index(day[:3]), parse_clock(clock)
    raise ValueError(f"{text.strip()!r} is not a weekly time (write a weekday and a 24h time: mon 09:00)")
