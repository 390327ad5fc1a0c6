"""The recovery policy as the code sees it: who apologizes for what, how fast, how the bot nudges people.

A leaf: plain frozen dataclasses and PolicyError. Reading a file into them is bot.policy.reader's job.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time, timedelta
from decimal import Decimal
from types import MappingProxyType
from zoneinfo import ZoneInfo

SEVERITIES = ("minor", "moderate", "major", "critical")

# Used for a severity the policy leaves out of [triage] or [triage.money].
DEFAULT_KEYWORDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "minor": (),
        "moderate": ("rude", "delayed", "waited", "wrong order"),
        "major": ("cancel my", "never again", "overcharged", "chargeback"),
        "critical": ("injur", "lawsuit", "lawyer", "food poisoning", "data breach"),
    }
)
DEFAULT_MONEY: Mapping[str, Decimal] = MappingProxyType(
    {"moderate": Decimal(100), "major": Decimal(1000), "critical": Decimal(10000)}
)


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
class CustomerEmail:
    """What the customer hears from us by e-mail (§2.8); off unless the deployment sets SMTP_URL.

    The file gives `apology`, `checkins` and `link_valid_for`; the runtime adds where check-in links
    point and the secret that signs them, and turns both off when e-mail is not configured.
    """

    apology: bool = True
    checkins: bool = False
    link_valid_for: timedelta = timedelta(days=30)
    public_url: str | None = None  # BOUNCEBACK_PUBLIC_URL, set by the runtime
    secret: str = field(default="", repr=False)  # BOUNCEBACK_SECRET, set by the runtime
    sender_name: str = ""  # MAIL_FROM's display name: the company the customer's page names


FILE_EMAIL_KEYS = ("apology", "checkins", "link_valid_for")
NO_EMAIL = CustomerEmail(apology=False, checkins=False)


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
    customer_email: CustomerEmail = NO_EMAIL  # as read from [customer_email]; the runtime completes it

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
