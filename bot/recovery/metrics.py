"""The team's figures for a period, counted by the database: the digest, `/recover stats` and the Home tab show them."""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from sqlalchemy import case as when
from sqlalchemy import func, not_, null, or_, tuple_, union_all
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from bot.policy.model import SEVERITIES, Policy
from bot.recovery.cases import case_key
from bot.recovery.errors import UserError
from bot.recovery.triage import BY_REPORTER
from bot.recovery.words import SharedWord, shared_word
from bot.store.models import (
    Case,
    CaseStatus,
    CheckinOutcome,
    EventKind,
    FixStatus,
    Gesture,
    GestureState,
    TimelineEvent,
)

WINDOWS: Mapping[str, timedelta] = MappingProxyType(
    {"7d": timedelta(days=7), "30d": timedelta(days=30), "90d": timedelta(days=90)}
)
OUTCOMES = tuple(CheckinOutcome)
LATEST = 10  # improvements shown: 90 days can hold thousands, far past what a Slack message can carry
# The word behind a correction is read from the latest complaints' openings: plenty to see a pattern.
READ_FOR_WORDS, OPENING = 500, 1000


@dataclass(frozen=True)
class Improvement:
    case_key: str
    root_cause: str
    change: str
    at: datetime


@dataclass(frozen=True)
class Correction:
    """How people most often corrected triage: from its severity to theirs, and the word those complaints share."""

    triaged: str
    now: str
    cases: int
    word: SharedWord | None = None

    @property
    def raised(self) -> bool:
        """True when people made it more severe than triage did."""
        return SEVERITIES.index(self.now) > SEVERITIES.index(self.triaged)


@dataclass(frozen=True)
class Figures:
    since: datetime
    until: datetime
    opened: int
    closed: int
    reopened: int
    by_severity: Mapping[str, int]  # cases opened in the window, by their severity now
    apologies: int
    median_to_apology: timedelta | None
    apologies_on_target: int
    clean_apologies: int  # approved with no quality errors
    as_written: int  # sent "as written" despite errors
    median_by_severity: Mapping[str, timedelta | None]
    target_by_severity: Mapping[str, timedelta]
    fixes_done: int
    fixes_on_time: int
    fixes_overdue_open: int  # open fixes whose deadline had passed at `until`
    checkins: Mapping[str, int]  # ok / unhappy / unreachable
    gestures: int
    gesture_total: Decimal  # given and approved gestures
    improvements: tuple[Improvement, ...]  # the latest few, oldest first
    repeat_customers: int  # customers with a case in the window who have at least two cases ever
    earlier_improvements: int = 0  # in the window too, before those in `improvements`
    triaged: int = 0  # cases opened in the window whose severity triage chose, not the reporter
    triage_kept: int = 0  # of those, the cases whose severity now is the one triage chose
    correction: Correction | None = None  # the most common change people made to triage's severity


def window(text: str | None, *, now: datetime) -> tuple[datetime, datetime]:
    """The period `/recover stats 7d|30d|90d` asks for (7d when nothing is given), ending now."""
    choice = (text or "7d").strip().lower() or "7d"
    if choice not in WINDOWS:
        raise UserError("Choose 7d, 30d or 90d.")
    return now - WINDOWS[choice], now


def figures(session: Session, *, policy: Policy, since: datetime, until: datetime) -> Figures:
    """Count what happened from `since` (included) to `until` (excluded): events by time, cases by creation."""
    since, until = since.astimezone(UTC), until.astimezone(UTC)
    opened = _opened(session, since, until)
    events = _event_counts(session, since, until)
    apologies = _apologies(session, since, until)
    overall = apologies.get(None, _NO_APOLOGIES)
    gestures, gesture_total = _gestures(session, since, until)
    improvements, earlier = _improvements(session, policy, since, until)
    triaged, kept, correction = _triage(session, since, until)
    return Figures(
        since=since,
        until=until,
        opened=sum(opened.values()),
        closed=events["closed"],
        reopened=events["reopened"],
        by_severity=MappingProxyType(opened),
        apologies=overall.count,
        median_to_apology=overall.median,
        apologies_on_target=overall.on_target,
        clean_apologies=overall.clean,
        as_written=overall.as_written,
        median_by_severity=MappingProxyType(
            {name: apologies.get(name, _NO_APOLOGIES).median for name in SEVERITIES}
        ),
        target_by_severity=MappingProxyType({name: policy.rule(name).respond_within for name in SEVERITIES}),
        fixes_done=events["fixed"],
        fixes_on_time=events["on_time"],
        fixes_overdue_open=_overdue_open(session, until),
        checkins=MappingProxyType({name: events[name] for name in OUTCOMES}),
        gestures=gestures,
        gesture_total=gesture_total,
        improvements=improvements,
        repeat_customers=_repeat_customers(session, since, until),
        earlier_improvements=earlier,
        triaged=triaged,
        triage_kept=kept,
        correction=correction,
    )


def _in(column: Any, since: datetime, until: datetime) -> Any:
    return (col(column) >= since) & (col(column) < until)


def _opened(session: Session, since: datetime, until: datetime) -> dict[str, int]:
    query = (
        select(Case.severity, func.count()).where(_in(Case.created_at, since, until)).group_by(Case.severity)
    )
    counts = dict.fromkeys(SEVERITIES, 0)
    counts.update({severity: n for severity, n in session.exec(query)})
    return counts


def _event_counts(session: Session, since: datetime, until: datetime) -> dict[str, int]:
    """Closings, reopenings, fixes (on time or not) and check-in outcomes, in one pass over the period."""
    kind, data = col(TimelineEvent.kind), col(TimelineEvent.data)
    counted = {
        "closed": kind == EventKind.CLOSED,
        "reopened": kind == EventKind.REOPENED,
        "fixed": kind == EventKind.FIXED,
        "on_time": (kind == EventKind.FIXED) & data["on_time"].as_boolean(),
        **{name: (kind == EventKind.CHECKIN) & (data["outcome"].as_string() == name) for name in OUTCOMES},
    }
    query = select(*(_count_if(condition) for condition in counted.values())).where(
        kind.in_((EventKind.CLOSED, EventKind.REOPENED, EventKind.FIXED, EventKind.CHECKIN)),
        _in(TimelineEvent.at, since, until),
    )
    return {name: int(n) for name, n in zip(counted, session.exec(query).one(), strict=True)}


@dataclass(frozen=True)
class _Apologies:
    count: int
    on_target: int
    clean: int
    as_written: int
    median: timedelta | None


_NO_APOLOGIES = _Apologies(0, 0, 0, 0, None)


def _apologies(session: Session, since: datetime, until: datetime) -> dict[str | None, _Apologies]:
    """Apologies by the case's severity and for all (None): counts and median waits, worked out by the database."""
    data = col(TimelineEvent.data)
    sent = (
        select(
            col(Case.severity).label("severity"),
            func.coalesce(data["seconds"].as_integer(), 0).label("seconds"),
            _flag(data["on_target"].as_boolean()).label("on_target"),
            _flag(func.coalesce(data["errors"].as_integer(), 0) == 0).label("clean"),
            _flag(data["as_written"].as_boolean()).label("as_written"),
        )
        .join(Case, col(Case.id) == col(TimelineEvent.case_id))
        .where(TimelineEvent.kind == EventKind.APOLOGIZED, _in(TimelineEvent.at, since, until))
    )
    if session.get_bind().dialect.name == "postgresql":
        rows = _percentiles(session, sent.subquery())
    else:
        rows = _middles(session, sent.cte("sent"))
    return {
        severity: _Apologies(int(n), int(on_target), int(clean), int(as_written), _seconds(median))
        for severity, n, on_target, clean, as_written, median in rows
        if n
    }


def _sums(sent: Any) -> tuple[Any, ...]:
    return func.count(), func.sum(sent.c.on_target), func.sum(sent.c.clean), func.sum(sent.c.as_written)


def _percentiles(session: Session, sent: Any) -> list[Any]:
    """PostgreSQL: one pass, per severity and overall (the empty grouping set, severity NULL)."""
    median = func.percentile_cont(0.5).within_group(sent.c.seconds)
    query = select(sent.c.severity, *_sums(sent), median).group_by(
        func.grouping_sets(tuple_(sent.c.severity), tuple_())
    )
    return list(session.exec(query))


def _middles(session: Session, sent: Any) -> list[Any]:
    """SQLite has no percentile_cont, and ranking there is slow: it counts, and hands over the waits as text."""
    waits = func.group_concat(sent.c.seconds)
    each = select(sent.c.severity, *_sums(sent), waits).group_by(sent.c.severity)
    everyone = select(null(), *_sums(sent), waits)
    return [
        (*counts, statistics.median(int(s) for s in text.split(",")) if text else None)
        for *counts, text in session.exec(union_all(each, everyone))
    ]


def _overdue_open(session: Session, until: datetime) -> int:
    still_open = (col(Case.fix_status) == FixStatus.ASSIGNED) & (col(Case.status) != CaseStatus.CLOSED)
    fixed_later = col(Case.fixed_at) >= until  # a past period: this fix was still open at its end
    query = select(func.count()).where(
        col(Case.fix_due_at) < until, col(Case.created_at) < until, or_(still_open, fixed_later)
    )
    return int(session.exec(query).one())


def _gestures(session: Session, since: datetime, until: datetime) -> tuple[int, Decimal]:
    query = select(func.count(), func.coalesce(func.sum(Gesture.amount), 0)).where(
        col(Gesture.state).in_((GestureState.GIVEN, GestureState.APPROVED)),
        _in(Gesture.created_at, since, until),
    )
    count, total = session.exec(query).one()
    return int(count), Decimal(str(total)).quantize(Decimal("0.01"))


def _improvements(
    session: Session, policy: Policy, since: datetime, until: datetime
) -> tuple[tuple[Improvement, ...], int]:
    """The latest improvements of the period, oldest first, and how many came before them."""
    recorded = (TimelineEvent.kind == EventKind.IMPROVEMENT, _in(TimelineEvent.at, since, until))
    count = int(session.exec(select(func.count()).where(*recorded)).one())
    query = (
        select(TimelineEvent, Case)
        .join(Case, col(Case.id) == col(TimelineEvent.case_id))
        .where(*recorded)
        .order_by(col(TimelineEvent.at).desc(), col(TimelineEvent.id).desc())
        .limit(LATEST)
    )
    latest = [
        Improvement(
            case_key=case_key(policy, case),
            root_cause=str(event.data.get("root_cause", "")),
            change=str(event.data.get("change", "")),
            at=event.at,
        )
        for event, case in session.exec(query)
    ]
    return tuple(reversed(latest)), count - len(latest)


def _repeat_customers(session: Session, since: datetime, until: datetime) -> int:
    recent = select(Case.customer_key).where(
        col(Case.customer_key).is_not(None), _in(Case.created_at, since, until)
    )
    repeats = (
        select(Case.customer_key)
        .where(col(Case.customer_key).in_(recent))
        .group_by(Case.customer_key)
        .having(func.count() >= 2)
        .subquery()
    )
    return int(session.exec(select(func.count()).select_from(repeats)).one())


def _triage(session: Session, since: datetime, until: datetime) -> tuple[int, int, Correction | None]:
    """Cases triage chose the severity of, how many still have it, and the most common correction.

    Triage's severity is the "from" of a case's first severity change, so a change and a change back
    counts as kept. A case the reporter gave a severity says so first in its "logged" event, which
    records the triage verdict (`Triage.explain`).
    """
    logged = aliased(TimelineEvent)
    by_triage = _opened_by_triage(logged, since, until)
    counted = session.exec(
        select(func.count()).select_from(Case).join(logged, by_triage[0]).where(*by_triage[1:])
    )
    total = int(counted.one())
    # Few cases are changed: the changes drive the query, each joined to its case and "logged" event.
    first = (
        select(TimelineEvent.case_id, func.min(TimelineEvent.id).label("id"))
        .where(TimelineEvent.kind == EventKind.SEVERITY, col(TimelineEvent.at) >= since)
        .group_by(TimelineEvent.case_id)
        .subquery()
    )
    change = aliased(TimelineEvent)
    verdicts = (
        select(
            col(Case.id).label("id"),
            col(change.data)["from"].as_string().label("triaged"),
            col(Case.severity).label("now"),
        )
        .select_from(first)
        .join(change, col(change.id) == first.c.id)
        .join(Case, col(Case.id) == first.c.case_id)
        .join(logged, by_triage[0])
        .where(*by_triage[1:])
        .subquery()
    )
    query = select(verdicts.c.triaged, verdicts.c.now, func.count()).group_by(
        verdicts.c.triaged, verdicts.c.now
    )
    moved = {(triaged, now): int(n) for triaged, now, n in session.exec(query) if triaged != now}
    changed = [pair for pair in moved if set(pair) <= set(SEVERITIES)]
    if not changed:
        return total, total - sum(moved.values()), None
    triaged, now = max(changed, key=lambda pair: (moved[pair], *_seriousness(*pair)))
    latest = (
        select(func.substr(Case.summary, 1, OPENING), Case.customer_name)
        .join(verdicts, verdicts.c.id == col(Case.id))
        .where(verdicts.c.triaged == triaged, verdicts.c.now == now)
        .order_by(col(Case.id).desc())
        .limit(READ_FOR_WORDS)
    )
    rows = list(session.exec(latest))
    word = shared_word([text for text, _ in rows], names=[name for _, name in rows])
    return total, total - sum(moved.values()), Correction(triaged, now, moved[triaged, now], word)


def _opened_by_triage(logged: Any, since: datetime, until: datetime) -> tuple[Any, ...]:
    """How a case opened in the window meets its "logged" event (first), and that triage chose its severity."""
    by_reporter = or_(*(col(logged.text).startswith(f"{s}: {BY_REPORTER}") for s in SEVERITIES))
    return (
        col(logged.case_id) == col(Case.id),
        logged.kind == EventKind.LOGGED,
        col(logged.at) >= since,  # logged as the case was opened: the database reads events by kind and time
        not_(by_reporter),
        _in(Case.created_at, since, until),
    )


def _seriousness(triaged: str, now: str) -> tuple[bool, int, int]:
    """Between corrections as common: a raise first (triage missed something), then the more severe levels."""
    before, after = SEVERITIES.index(triaged), SEVERITIES.index(now)
    return after > before, after, before


def _flag(condition: Any) -> Any:
    return when((condition, 1), else_=0)


def _count_if(condition: Any) -> Any:
    return func.coalesce(func.sum(_flag(condition)), 0)


def _seconds(value: Any) -> timedelta | None:
    return None if value is None else timedelta(seconds=float(value))
