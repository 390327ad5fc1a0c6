"""The recovery policy: who apologizes for what, how fast, and how the bot nudges people."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time, timedelta
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from zoneinfo import ZoneInfo

from bot.durations import format_duration

SEVERITIES = ("minor", "moderate", "major", "critical")

# Used for a severity the policy leaves out of [triage] or [triage.money].
DEFAULT_KEYWORDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "minor": (),
        "moderate": ("rude", "delayed", "waited", "wrong order", "disappointed", "not happy"),
        "major": ("refund", "cancel my", "never again", "overcharged", "unacceptable", "chargeback"),
        "critical": ("injur", "lawsuit", "lawyer", "food poisoning", "data breach", "hospital"),
    }
)
DEFAULT_MONEY: Mapping[str, Decimal] = MappingProxyType(
    {"moderate": Decimal(100), "major": Decimal(1000), "critical": Decimal(10000)}
)

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class PolicyError(Exception):
    """A problem with the policy file, as one line: "<file>: <key>: <problem>"."""

    def __init__(self, source: str, key: str | None = None, problem: str | None = None) -> None:
        self.source, self.key, self.problem = source, key, problem
        super().__init__(": ".join(part for part in (source, key, problem) if part))


@dataclass(frozen=True)
class Level:
    level: str
    title: str
    people: tuple[str, ...]
    gesture_limit: Decimal


@dataclass(frozen=True)
class SeverityRule:
    apologize: str
    respond_within: timedelta
    fix_within: timedelta
    checkins: tuple[timedelta, ...]


@dataclass(frozen=True)
class Reminders:
    before_due: tuple[timedelta, ...]
    overdue_every: timedelta
    escalate_overdue_after: timedelta
    quiet_hours: tuple[time, time] | None
    checkin_retry: timedelta
    checkin_attempts: int


@dataclass(frozen=True)
class TriageRules:
    keywords: Mapping[str, tuple[str, ...]]
    money: Mapping[str, Decimal]


@dataclass(frozen=True)
class Digest:
    weekday: int
    at: time


@dataclass(frozen=True)
class Policy:
    source: str
    case_prefix: str
    timezone: ZoneInfo
    complaints_channels: tuple[str, ...]
    digest_channel: str | None
    digest: Digest | None
    admins: tuple[str, ...]
    ladder: tuple[Level, ...]
    severity: Mapping[str, SeverityRule]
    reminders: Reminders
    triage: TriageRules
    gestures: Mapping[str, tuple[str, ...]]

    def level(self, name: str) -> Level:
        """The level called `name`; PolicyError if the ladder has no such level."""
        return self.ladder[self.rank(name)]

    def rank(self, level_name: str) -> int:
        """Position of a level on the ladder, 0 for the lowest rung."""
        for index, level in enumerate(self.ladder):
            if level.level == level_name:
                return index
        names = ", ".join(level.level for level in self.ladder)
        raise PolicyError(self.source, "ladder", f"no level named {level_name!r} (levels: {names})")

    def level_of(self, user_id: str) -> Level | None:
        """The highest level this person stands on, or None if they are not on the ladder."""
        return next((level for level in reversed(self.ladder) if user_id in level.people), None)

    def next_level(self, name: str) -> Level | None:
        """The level one rung above `name`, or None at the top."""
        index = self.rank(name) + 1
        return self.ladder[index] if index < len(self.ladder) else None

    def is_admin(self, user_id: str) -> bool:
        """Whether this person administers the bot."""
        return user_id in self.admins

    def rule(self, severity: str) -> SeverityRule:
        """The targets for a severity; PolicyError if it is not one of SEVERITIES."""
        if severity not in self.severity:
            raise PolicyError(self.source, "severity", f"no severity {severity!r} ({', '.join(SEVERITIES)})")
        return self.severity[severity]


# The file's keys are the dataclasses' fields, so the schema and the code cannot drift apart.


def default_policy_path() -> Path:
    """The documented example policy that ships inside the package."""
    return Path(__file__).with_name("recovery.toml")


def load_policy(path: str | Path) -> Policy:
    """Read and validate a policy file; every problem is a one-line PolicyError."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyError(source, None, "file not found") from None
    except UnicodeDecodeError:
        raise PolicyError(source, None, "not UTF-8 text") from None
    except OSError as exc:
        raise PolicyError(source, None, f"cannot read it ({exc.strerror or exc})") from None
    return parse_policy(text, source)


def parse_policy(text: str, source: str = "recovery.toml") -> Policy:
    """Validate policy TOML text completely and build the frozen Policy."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        if where is None:
            raise PolicyError(source, None, f"not valid TOML: {message}") from None
        problem = f"not valid TOML: {message[: where.start()]} (column {where.group(2)})"
        raise PolicyError(source, f"line {where.group(1)}", problem) from None
    from bot.policy_reader import Reader  # the reader builds these dataclasses

    return Reader(source).policy(data)


def describe_policy(policy: Policy) -> list[str]:
    """The rules in force as plain lines, readable in a terminal and in Slack mrkdwn."""
    tz, r = policy.timezone.key, policy.reminders
    prefix = policy.case_prefix
    lines = [
        f"Policy {policy.source}: cases are numbered {prefix}-1, {prefix}-2, …; time zone {tz}",
        "Complaints channels: " + ", ".join(f"<#{c}>" for c in policy.complaints_channels),
        "Admins: " + (", ".join(f"<@{u}>" for u in policy.admins) or "none"),
        "Apology ladder (lowest first):",
    ]
    for i, level in enumerate(policy.ladder, 1):
        people = ", ".join(f"<@{u}>" for u in level.people)
        lines.append(f"  {i}. {level.title} ({level.level}): {people}; gestures up to {level.gesture_limit}")
    lines.append("Targets by severity:")
    for name in SEVERITIES:
        rule = policy.severity[name]
        checkins = _and([format_duration(c) for c in rule.checkins])
        lines.append(
            f"  • {name}: apology from {policy.level(rule.apologize).title} within "
            f"{format_duration(rule.respond_within)} (else one level up); fix within "
            f"{format_duration(rule.fix_within)}; "
            + (f"check in {checkins} after the fix" if checkins else "no check-ins")
        )
    before = _and([format_duration(b) for b in r.before_due]) or "no time"
    quiet = (
        f"{r.quiet_hours[0]:%H:%M}–{r.quiet_hours[1]:%H:%M} in each person's time zone; reminders wait"
        if r.quiet_hours
        else "none; reminders go out at any hour"
    )
    attempts = f"{r.checkin_attempts} attempt{'s' if r.checkin_attempts > 1 else ''}"
    lines += [
        f"Fix reminders: {before} before the deadline, at it, then every {format_duration(r.overdue_every)}; "
        f"the leader is told once a fix is {format_duration(r.escalate_overdue_after)} overdue",
        f"Check-ins: customer not reached? Try again after {format_duration(r.checkin_retry)}, "
        f"{attempts} in all",
        f"Quiet hours: {quiet}",
        "Amounts in a complaint: " + ", ".join(f"{s} from {n}" for s, n in policy.triage.money.items()),
    ]
    if policy.digest and policy.digest_channel:
        when = f"{_DAYS[policy.digest.weekday]}s at {policy.digest.at:%H:%M} ({tz})"
        lines.append(f"Weekly digest: {when} in <#{policy.digest_channel}>")
    else:
        lines.append("Weekly digest: off (set digest_channel to turn it on)")
    return lines


def _and(items: list[str]) -> str:
    return ", ".join(items[:-1]) + f" and {items[-1]}" if len(items) > 1 else "".join(items)
