"""Reading a policy file: every key checked, every problem a one-line PolicyError."""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import fields
from datetime import timedelta
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.policy.durations import parse_duration, parse_time_range, parse_weekly
from bot.policy.model import (
    DEFAULT_KEYWORDS,
    DEFAULT_MONEY,
    FILE_EMAIL_KEYS,
    SEVERITIES,
    CustomerEmail,
    Digest,
    Level,
    Policy,
    PolicyError,
    Reminders,
    SeverityRule,
    TriageRules,
)

_PERSON = re.compile(r"^[UW][A-Z0-9]{2,}$")
_CHANNEL = re.compile(r"^[CG][A-Z0-9]{2,}$")
_LEVEL_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_MONEY_KEYS = "expected one of: moderate, major, critical (every complaint is at least minor)"
T = TypeVar("T")
_REQUIRED: Any = object()

_TOP_KEYS = tuple(f.name for f in fields(Policy) if f.name != "source")
_LEVEL_KEYS, _RULE_KEYS, _REMINDER_KEYS = (
    tuple(f.name for f in fields(c)) for c in (Level, SeverityRule, Reminders)
)


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name


def _hint(name: str, choices: tuple[str, ...] | list[str], what: str) -> str:
    close = difflib.get_close_matches(name, choices, n=1)
    return f"did you mean {close[0]!r}?" if close else f"{what}: {', '.join(choices)}"


class Reader:
    """Reads parsed TOML into a Policy, stopping at the first problem with its key."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, problem: str) -> NoReturn:
        raise PolicyError(self.source, key, problem)

    def table(self, value: Any, key: str, allowed: tuple[str, ...], hint: str = "") -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(key, "must be a table of keys" + ("" if "[" in key else f" (a [{key}] section)"))
        for name in value:
            if name not in allowed:
                self.fail(
                    _join(key, name), "unknown key, " + (hint or _hint(name, allowed, "expected one of"))
                )
        return value

    def get(
        self, table: dict[str, Any], path: str, name: str, read: Callable[[Any, str], T], default: Any
    ) -> T:
        """Read table[name] with `read`; a missing key reads `default` instead, or fails if _REQUIRED."""
        if name not in table and default is _REQUIRED:
            self.fail(_join(path, name), "missing")
        return read(table.get(name, default), _join(path, name))

    def text(self, value: Any, key: str) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(key, 'must be text in quotes, like "…"')
        return value.strip()

    def texts(self, value: Any, key: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.fail(key, 'must be a list, like ["…", "…"]')
        items = tuple(self.text(item, f"{key}[{i}]") for i, item in enumerate(value, 1))
        for i, item in enumerate(items):
            if item in items[:i]:
                self.fail(key, f"{item!r} is listed twice")
        return items

    def people(self, value: Any, key: str) -> tuple[str, ...]:
        return self.ids(value, key, _PERSON, "user id (like U0123ABCD; profile, ⋯, Copy member ID)")

    def channels(self, value: Any, key: str) -> tuple[str, ...]:
        return self.ids(value, key, _CHANNEL, "channel id (like C0123ABCD; see the channel's details)")

    def ids(self, value: Any, key: str, pattern: re.Pattern[str], what: str) -> tuple[str, ...]:
        for item in (items := self.texts(value, key)):
            if not pattern.match(item):
                self.fail(key, f"{item!r} is not a Slack {what}")
        return items

    def parsed(self, value: Any, key: str, parse: Callable[[str], T], example: str) -> T:
        if not isinstance(value, str):
            self.fail(key, f'must be text in quotes, like "{example}"')
        try:
            return parse(value)
        except ValueError as exc:
            self.fail(key, str(exc))

    def duration(self, value: Any, key: str) -> timedelta:
        return self.parsed(value, key, parse_duration, "4h")

    def durations(self, value: Any, key: str) -> tuple[timedelta, ...]:
        if not isinstance(value, list):
            self.fail(key, 'must be a list of durations, like ["1d", "2h"]')
        items = [self.duration(item, f"{key}[{i}]") for i, item in enumerate(value, 1)]
        if len(set(items)) != len(items):
            self.fail(key, "the same duration is listed twice")
        return tuple(sorted(items))

    def amount(self, value: Any, key: str) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            self.fail(key, "must be a number, like 250 (no quotes, no currency sign)")
        amount = Decimal(str(value))
        if not amount.is_finite() or amount < 0:
            self.fail(key, "must be 0 or more")
        return amount

    def policy(self, data: dict[str, Any]) -> Policy:
        top = self.table(data, "", _TOP_KEYS)
        prefix = self.get(top, "", "case_prefix", self.text, "REC")
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]{0,9}", prefix):
            self.fail("case_prefix", f"{prefix!r} must be 1-10 letters or digits, starting with a letter")
        channels = self.get(top, "", "complaints_channels", self.channels, _REQUIRED)
        if not channels:
            self.fail(
                "complaints_channels", "is empty; list at least one channel where staff report complaints"
            )
        digest_channel = (
            self.channels([top["digest_channel"]], "digest_channel")[0] if "digest_channel" in top else None
        )
        digest = Digest(*self.parsed(top.get("digest", "mon 09:00"), "digest", parse_weekly, "mon 09:00"))
        if "digest" in top and not digest_channel:
            self.fail("digest", "needs digest_channel, the channel to post the weekly digest in")
        ladder = self.ladder(self.get(top, "", "ladder", lambda v, k: v, _REQUIRED))
        triage = self.table(top.get("triage", {}), "triage", (*SEVERITIES, "money"))
        gestures = self.table(top.get("gestures", {}), "gestures", SEVERITIES)
        return Policy(
            source=self.source,
            case_prefix=prefix.upper(),
            timezone=self.zone(self.get(top, "", "timezone", self.text, "UTC")),
            complaints_channels=channels,
            digest_channel=digest_channel,
            digest=digest if digest_channel else None,
            admins=self.get(top, "", "admins", self.people, []),
            ladder=ladder,
            severity=self.severities(self.get(top, "", "severity", lambda v, k: v, _REQUIRED), ladder),
            reminders=self.reminders(self.table(top.get("reminders", {}), "reminders", _REMINDER_KEYS)),
            triage=TriageRules(
                keywords=MappingProxyType({s: self.keywords(triage, s) for s in SEVERITIES}),
                money=self.money(
                    self.table(triage.get("money", {}), "triage.money", tuple(DEFAULT_MONEY), _MONEY_KEYS)
                ),
            ),
            gestures=MappingProxyType(
                {s: self.get(gestures, "gestures", s, self.texts, []) for s in SEVERITIES}
            ),
            customer_email=self.customer_email(top.get("customer_email")),
        )

    def customer_email(self, value: Any) -> CustomerEmail:
        if value is None:
            return CustomerEmail()
        table = self.table(value, "customer_email", FILE_EMAIL_KEYS)
        flags = {}
        for name in ("apology", "checkins"):
            flags[name] = table.get(name, name == "apology")
            if not isinstance(flags[name], bool):
                self.fail(f"customer_email.{name}", "must be true or false (no quotes)")
        valid = self.get(table, "customer_email", "link_valid_for", self.duration, "30d")
        return CustomerEmail(**flags, link_valid_for=valid)

    def zone(self, name: str) -> ZoneInfo:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            close = difflib.get_close_matches(name, sorted(available_timezones()), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "use an IANA name like 'America/New_York'"
            self.fail("timezone", f"{name!r} is not a time zone, {hint}")

    def ladder(self, value: Any) -> tuple[Level, ...]:
        if not isinstance(value, list):
            self.fail("ladder", "must be a list of [[ladder]] tables (double brackets), lowest level first")
        if not value:
            self.fail("ladder", "is empty; add at least one [[ladder]] level with people")
        levels: list[Level] = []
        for i, item in enumerate(value, 1):
            key = f"ladder[{i}]"
            entry = self.table(item, key, _LEVEL_KEYS)
            name = self.get(entry, key, "level", self.text, _REQUIRED)
            if not _LEVEL_NAME.match(name):
                self.fail(
                    f"{key}.level", f"{name!r} must be a short name like 'team_lead' (letters, digits, _)"
                )
            if any(level.level == name for level in levels):
                self.fail(f"{key}.level", f"{name!r} is already a level above; level names must be unique")
            people = self.get(entry, key, "people", self.people, _REQUIRED)
            if not people:
                self.fail(f"{key}.people", f"level {name!r} has no people; who apologizes at this level?")
            title = self.get(entry, key, "title", self.text, name.replace("_", " ").capitalize())
            limit = self.get(entry, key, "gesture_limit", self.amount, 0)
            levels.append(Level(level=name, title=title, people=people, gesture_limit=limit))
        return tuple(levels)

    def severities(self, value: Any, ladder: tuple[Level, ...]) -> Mapping[str, SeverityRule]:
        table = self.table(value, "severity", SEVERITIES)
        names = [level.level for level in ladder]
        rules: dict[str, SeverityRule] = {}
        for severity in SEVERITIES:
            key = f"severity.{severity}"
            if severity not in table:
                self.fail(key, f"missing; every severity needs a rule ({', '.join(SEVERITIES)})")
            entry = self.table(table[severity], key, _RULE_KEYS)
            level = self.get(entry, key, "apologize", self.text, _REQUIRED)
            if level not in names:
                self.fail(
                    f"{key}.apologize", f"unknown level {level!r}, " + _hint(level, names, "levels are")
                )
            rules[severity] = SeverityRule(
                apologize=level,
                respond_within=self.get(entry, key, "respond_within", self.duration, _REQUIRED),
                fix_within=self.get(entry, key, "fix_within", self.duration, _REQUIRED),
                checkins=self.get(entry, key, "checkins", self.durations, ["2d"]),
            )
        for lower, higher in pairwise(SEVERITIES):
            low, high = rules[lower].apologize, rules[higher].apologize
            if names.index(high) < names.index(low):
                problem = f"{high!r} is below {low!r}, the level for {lower}; a more serious case needs"
                self.fail(f"severity.{higher}.apologize", problem + " the same level or higher")
        return MappingProxyType(rules)

    def reminders(self, table: dict[str, Any]) -> Reminders:
        attempts = table.get("checkin_attempts", 3)
        if isinstance(attempts, bool) or not isinstance(attempts, int) or attempts < 1:
            self.fail("reminders.checkin_attempts", "must be a whole number, 1 or more (no quotes)")
        quiet = (
            self.parsed(table["quiet_hours"], "reminders.quiet_hours", parse_time_range, "20:00-08:00")
            if "quiet_hours" in table
            else None
        )
        return Reminders(
            before_due=tuple(
                reversed(self.get(table, "reminders", "before_due", self.durations, ["1d", "2h"]))
            ),
            overdue_every=self.get(table, "reminders", "overdue_every", self.duration, "4h"),
            escalate_overdue_after=self.get(
                table, "reminders", "escalate_overdue_after", self.duration, "1d"
            ),
            quiet_hours=quiet,
            checkin_retry=self.get(table, "reminders", "checkin_retry", self.duration, "1d"),
            checkin_attempts=attempts,
        )

    def keywords(self, triage: dict[str, Any], severity: str) -> tuple[str, ...]:
        if severity not in triage:
            return DEFAULT_KEYWORDS[severity]
        words = self.texts(triage[severity], f"triage.{severity}")
        return tuple(dict.fromkeys(" ".join(word.lower().split()) for word in words))

    def money(self, table: dict[str, Any]) -> Mapping[str, Decimal]:
        amounts = {
            s: self.get(table, "triage.money", s, self.amount, DEFAULT_MONEY[s]) for s in DEFAULT_MONEY
        }
        for lower, higher in pairwise(DEFAULT_MONEY):
            if amounts[higher] < amounts[lower]:
                problem = f"{amounts[higher]} is less than {lower} ({amounts[lower]})"
                self.fail(f"triage.money.{higher}", problem)
        if (zero := next((s for s, amount in amounts.items() if amount == 0), None)) is not None:
            self.fail(f"triage.money.{zero}", "must be more than 0")
        return MappingProxyType(amounts)


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
    return Reader(source).policy(data)
