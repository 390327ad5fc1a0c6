"""The team's figures for a period: the weekly digest, `/recover stats` and the App Home read them."""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from sqlalchemy import case as when
from sqlalchemy import func, null, or_, tuple_, union_all
from sqlmodel import Session, col, select

from bot.policy.durations import format_duration
from bot.policy.model import SEVERITIES, Policy
from bot.recovery.cases import case_key
from bot.recovery.errors import UserError
from bot.store.models import Case, Gesture, TimelineEvent

WINDOWS: Mapping[str, timedelta] = MappingProxyType(
    {"7d": timedelta(days=7), "30d": timedelta(days=30), "90d": timedelta(days=90)}
)
OUTCOMES = ("ok", "unhappy", "unreachable")
_MAX_TEXT = 200  # an improvement is a line in a digest, not an essay
LATEST = 10  # improvements shown: 90 days can hold thousands, far past what a Slack message can carry


@dataclass(frozen=True)
class Improvement:
    case_key: str
    root_cause: str
    change: str
    at: datetime


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
    )


def summary_lines(fig: Figures, *, policy: Policy) -> list[str]:
    """The figures as Slack mrkdwn lines a support lead reads at a glance."""
    lines = [
        f"*{fig.opened}* {_plural(fig.opened, 'case')} opened, *{fig.closed}* closed"
        + (f", {fig.reopened} reopened" if fig.reopened else "")
    ]
    if fig.opened:
        mix = [f"{fig.by_severity.get(s, 0)} {s}" for s in reversed(SEVERITIES) if fig.by_severity.get(s)]
        lines.append("Cases by severity: " + " · ".join(mix))
    lines += _apology_lines(fig)
    overdue = f"{fig.fixes_overdue_open} overdue now" if fig.fixes_overdue_open else "none overdue now"
    if fig.fixes_done:
        lines.append(f"Fixes: *{fig.fixes_on_time} of {fig.fixes_done}* on time; {overdue}")
    else:
        lines.append(f"Fixes: none finished; {overdue}")
    if any(fig.checkins.values()):
        ok, unhappy, unreachable = (fig.checkins.get(o, 0) for o in OUTCOMES)
        lines.append(f"Check-ins: {ok} all good · {unhappy} still unhappy · {unreachable} couldn't reach")
    else:
        lines.append("Check-ins: none")
    if fig.gestures:
        amount = f", {_money(fig.gesture_total)} in all" if fig.gesture_total else ""
        lines.append(f"Something extra: *{fig.gestures}* {_plural(fig.gestures, 'gesture')}{amount}")
    else:
        lines.append("Something extra: no gestures given")
    lines.append(f"Repeat customers: {fig.repeat_customers}")
    lines.append("*What we changed*")
    if not fig.improvements:
        lines.append(
            "No improvements recorded yet — every major or critical case needs one before it closes."
        )
    for item in fig.improvements:
        lines.append(f"• {item.case_key}: {_clean(item.change)} (root cause: {_clean(item.root_cause)})")
    if fig.earlier_improvements:
        lines.append(f"…and {fig.earlier_improvements} more")
    return lines


def _apology_lines(fig: Figures) -> list[str]:
    if not fig.apologies or fig.median_to_apology is None:
        return ["Apology: none sent"]
    lines = [
        f"Apology: median *{rounded_duration(fig.median_to_apology)}* after the complaint; "
        f"*{fig.apologies_on_target} of {fig.apologies}* within target"
    ]
    per = [
        f"{name} *{rounded_duration(median)}* (target {format_duration(fig.target_by_severity[name])})"
        for name in reversed(SEVERITIES)
        if (median := fig.median_by_severity.get(name)) is not None
    ]
    lines.append("Apology by severity: " + " · ".join(per))
    sent = (
        f"{fig.as_written} sent as written despite errors"
        if fig.as_written
        else "none sent as written despite errors"
    )
    lines.append(
        f"Owned it: *{fig.clean_apologies} of {fig.apologies}* {_plural(fig.apologies, 'apology', 'apologies')} "
        f"approved without quality errors; {sent}"
    )
    return lines


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
        "closed": kind == "closed",
        "reopened": kind == "reopened",
        "fixed": kind == "fixed",
        "on_time": (kind == "fixed") & data["on_time"].as_boolean(),
        **{name: (kind == "checkin") & (data["outcome"].as_string() == name) for name in OUTCOMES},
    }
    query = select(*(_count_if(condition) for condition in counted.values())).where(
        kind.in_(("closed", "reopened", "fixed", "checkin")), _in(TimelineEvent.at, since, until)
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
        .where(TimelineEvent.kind == "apologized", _in(TimelineEvent.at, since, until))
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
    still_open = (col(Case.fix_status) == "assigned") & (col(Case.status) != "closed")
    fixed_later = col(Case.fixed_at) >= until  # a past period: this fix was still open at its end
    query = select(func.count()).where(
        col(Case.fix_due_at) < until, col(Case.created_at) < until, or_(still_open, fixed_later)
    )
    return int(session.exec(query).one())


def _gestures(session: Session, since: datetime, until: datetime) -> tuple[int, Decimal]:
    query = select(func.count(), func.coalesce(func.sum(Gesture.amount), 0)).where(
        col(Gesture.state).in_(("given", "approved")), _in(Gesture.created_at, since, until)
    )
    count, total = session.exec(query).one()
    return int(count), Decimal(str(total)).quantize(Decimal("0.01"))


def _improvements(
    session: Session, policy: Policy, since: datetime, until: datetime
) -> tuple[tuple[Improvement, ...], int]:
    """The latest improvements of the period, oldest first, and how many came before them."""
    recorded = (TimelineEvent.kind == "improvement", _in(TimelineEvent.at, since, until))
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


def _flag(condition: Any) -> Any:
    return when((condition, 1), else_=0)


def _count_if(condition: Any) -> Any:
    return func.coalesce(func.sum(_flag(condition)), 0)


def _seconds(value: Any) -> timedelta | None:
    return None if value is None else timedelta(seconds=float(value))


def rounded_duration(td: timedelta) -> str:
    """A duration in whole minutes once past a minute: "2h 10m" reads better than "2h 10m 7s"."""
    seconds = td.total_seconds()
    return format_duration(timedelta(minutes=round(seconds / 60)) if seconds >= 60 else td)


def _money(amount: Decimal) -> str:
    return f"${amount:,.0f}" if amount == amount.to_integral_value() else f"${amount:,.2f}"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return one if n == 1 else (many or one + "s")


def _clean(text: str) -> str:
    """Slack's three control characters escaped, so a typed "<!channel>" cannot ping everyone."""
    text = " ".join(text.split())
    if len(text) > _MAX_TEXT:
        text = text[: _MAX_TEXT - 1].rstrip() + "…"
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
