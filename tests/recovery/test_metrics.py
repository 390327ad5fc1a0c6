"""The digest's figures from a seeded week: what counts, what falls outside, and how it reads."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import count, pairwise
from typing import Any

import pytest
from sqlmodel import Session

from bot.policy.model import SEVERITIES
from bot.policy.reader import default_policy_path, load_policy
from bot.recovery import intake
from bot.recovery.errors import UserError
from bot.recovery.messages.figures import summary_lines
from bot.recovery.metrics import Correction, Figures, Improvement, figures, window
from bot.recovery.triage import BY_REPORTER, NO_SIGNS, Triage
from bot.recovery.words import SharedWord
from bot.sandbox.cast import FRONT_DESK
from bot.store.db import Database
from bot.store.models import Case, Gesture, TimelineEvent, utcnow
from tests.recovery.conftest import log
from tests.recovery.messages.weeks import quiet_week

POLICY = load_policy(default_policy_path())  # targets: minor 1d, moderate 4h, major 2h, critical 1h
SINCE = datetime(2025, 3, 3, tzinfo=UTC)
UNTIL = SINCE + timedelta(days=7)
DAY, HOUR = timedelta(days=1), timedelta(hours=1)
_numbers = count(1)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Database]:
    url = (
        f"sqlite:///{tmp_path / 'x.sqlite3'}"
        if request.param == "sqlite"
        else request.getfixturevalue("postgres_url")
    )
    database = Database(url)
    database.migrate()
    yield database
    database.dispose()


def case(session: Session, at: datetime, severity: str, customer: str | None = None, **fields: Any) -> Case:
    row = Case(
        source_key=f"test:{next(_numbers)}",
        source="command",
        summary="a complaint",
        reporter_id="U1",
        customer_name="Ana Lima" if customer else None,
        customer_key=customer,
        severity=severity,
        created_at=at,
        **fields,
    )
    session.add(row)
    session.flush()
    return row


def event(session: Session, of: Case, kind: str, at: datetime, **data: Any) -> None:
    session.add(TimelineEvent(case_id=of.id, kind=kind, at=at, actor_id="U1", data=data))


def gesture(session: Session, of: Case, amount: str | None, state: str, at: datetime) -> None:
    money = Decimal(amount) if amount else None
    session.add(
        Gesture(case_id=of.id, what="a credit", amount=money, offered_by="U1", state=state, created_at=at)
    )


def apologized(
    session: Session, of: Case, at: datetime, seconds: int, on_target: bool, errors: int = 0
) -> None:
    data = {"seconds": seconds, "on_target": on_target, "errors": errors, "as_written": errors > 0}
    event(session, of, "apologized", at, edited=False, **data)


def seed(db: Database) -> None:
    """Eight cases around the week of 3 March 2025; comments say what each one tests."""
    with db.session() as s:
        # Before the week: not opened in it, but its closing is; Ana's first case makes her a repeat.
        old = case(s, SINCE - 12 * DAY, "minor", "k:ana")
        event(s, old, "closed", SINCE + DAY)
        # Opened at the very start (included): apology on target, fixed on time, improved, closed.
        two = case(s, SINCE, "major", "k:ana", status="closed", fix_status="fixed")
        apologized(s, two, SINCE + HOUR, 3600, True)
        event(s, two, "fixed", SINCE + 2 * DAY, on_time=True)
        event(
            s, two, "improvement", SINCE + 4 * DAY, root_cause="no stock check", change="Stock checked at 8am"
        )
        event(s, two, "closed", SINCE + 5 * DAY)
        # Critical, apology late and sent as written; the fix is overdue; the customer is still unhappy.
        three = case(s, SINCE + DAY, "critical", "k:ben", fix_status="assigned", fix_due_at=SINCE + 2 * DAY)
        apologized(s, three, SINCE + DAY + 2 * HOUR, 7200, False, errors=2)
        event(s, three, "checkin", SINCE + 3 * DAY, outcome="unhappy")
        event(
            s,
            three,
            "improvement",
            SINCE + DAY + HOUR,
            root_cause="<!channel> & co",
            change="Two-person rule",
        )
        # Moderate: fixed late, reopened, two check-ins, gestures in every state.
        four = case(s, SINCE + 2 * DAY, "moderate", "k:cy", fix_status="fixed")
        apologized(s, four, SINCE + 2 * DAY + HOUR, 1800, True)
        event(s, four, "fixed", SINCE + 4 * DAY, on_time=False)
        event(s, four, "checkin", SINCE + 5 * DAY, outcome="ok")
        event(s, four, "checkin", SINCE + 6 * DAY, outcome="unreachable")
        event(s, four, "reopened", SINCE + 6 * DAY)
        gesture(s, four, "120", "given", SINCE + 3 * DAY)
        gesture(s, four, "200.50", "approved", SINCE + 3 * DAY)
        gesture(s, four, None, "given", SINCE + 3 * DAY)  # a personal call: counted, no amount
        gesture(s, four, "500", "pending", SINCE + 3 * DAY)
        gesture(s, four, "50", "declined", SINCE + 3 * DAY)
        gesture(s, four, "70", "given", UNTIL)  # the end is excluded
        # Opened exactly at the end (excluded), with events at the end; still makes Ben a repeat.
        five = case(s, UNTIL, "minor", "k:ben")
        apologized(s, five, UNTIL, 60, True)
        event(s, five, "closed", UNTIL)
        # No customer key; its deadline is after the week, so not overdue.
        case(s, SINCE + 3 * DAY, "minor", fix_status="assigned", fix_due_at=UNTIL + DAY)
        # Closed with a fix left open: not counted as overdue. Events before the week don't count.
        due = SINCE - 4 * DAY
        seven = case(
            s, SINCE - 5 * DAY, "major", "k:dee", status="closed", fix_status="assigned", fix_due_at=due
        )
        apologized(s, seven, SINCE - timedelta(seconds=1), 100, True)
        event(s, seven, "checkin", SINCE - DAY, outcome="ok")
        # Fixed only after the week, past its deadline: it was overdue when the week ended.
        case(s, SINCE - DAY, "moderate", fix_status="fixed", fix_due_at=SINCE + DAY, fixed_at=UNTIL + HOUR)


def test_figures_count_the_week_and_nothing_else(db: Database) -> None:
    seed(db)
    with db.session() as session:
        fig = figures(session, policy=POLICY, since=SINCE, until=UNTIL)
    assert (fig.since, fig.until) == (SINCE, UNTIL)
    assert (fig.opened, fig.closed, fig.reopened) == (4, 2, 1)
    assert dict(fig.by_severity) == {"minor": 1, "moderate": 1, "major": 1, "critical": 1}
    assert (fig.apologies, fig.median_to_apology, fig.apologies_on_target) == (3, HOUR, 2)
    assert (fig.clean_apologies, fig.as_written) == (2, 1)
    assert dict(fig.median_by_severity) == {
        "minor": None,
        "moderate": timedelta(minutes=30),
        "major": HOUR,
        "critical": 2 * HOUR,
    }
    assert dict(fig.target_by_severity) == {
        "minor": DAY,
        "moderate": 4 * HOUR,
        "major": 2 * HOUR,
        "critical": HOUR,
    }
    assert (fig.fixes_done, fig.fixes_on_time, fig.fixes_overdue_open) == (2, 1, 2)
    assert dict(fig.checkins) == {"ok": 1, "unhappy": 1, "unreachable": 1}
    assert (fig.gestures, fig.gesture_total) == (3, Decimal("320.50"))
    assert [(i.case_key, i.root_cause, i.change, i.at) for i in fig.improvements] == [
        ("REC-3", "<!channel> & co", "Two-person rule", SINCE + DAY + HOUR),
        ("REC-2", "no stock check", "Stock checked at 8am", SINCE + 4 * DAY),
    ]
    assert fig.repeat_customers == 2


def test_the_week_may_be_given_in_any_time_zone(db: Database) -> None:
    seed(db)
    with db.session() as session:
        utc = figures(session, policy=POLICY, since=SINCE, until=UNTIL)
        local = figures(
            session,
            policy=POLICY,
            since=SINCE.astimezone(POLICY.timezone),
            until=UNTIL.astimezone(POLICY.timezone),
        )
    assert local == utc


def test_an_empty_database_has_zero_figures_and_says_so(db: Database) -> None:
    with db.session() as session:
        fig = figures(session, policy=POLICY, since=SINCE, until=UNTIL)
    assert (fig.opened, fig.closed, fig.apologies, fig.fixes_done, fig.gestures) == (0, 0, 0, 0, 0)
    assert fig.median_to_apology is None and set(fig.median_by_severity.values()) == {None}
    assert (fig.gesture_total, fig.improvements, fig.repeat_customers) == (Decimal("0.00"), (), 0)
    assert summary_lines(fig, policy=POLICY) == [
        "*0* cases opened, *0* closed",
        "Apology: none sent",
        "Fixes: none finished; none overdue now",
        "Check-ins: none",
        "Something extra: no gestures given",
        "Repeat customers: 0",
        "*What we changed*",
        "No improvements recorded yet — every major or critical case needs one before it closes.",
    ]


def test_summary_lines_read_like_a_report(db: Database) -> None:
    seed(db)
    with db.session() as session:
        fig = figures(session, policy=POLICY, since=SINCE, until=UNTIL)
    assert summary_lines(fig, policy=POLICY) == [
        "*4* cases opened, *2* closed, 1 reopened",
        "Cases by severity: 1 critical · 1 major · 1 moderate · 1 minor",
        "Apology: median *1h* after the complaint; *2 of 3* within target",
        "Apology by severity: critical *2h* (target 1h) · major *1h* (target 2h) · moderate *30m* (target 4h)",
        "Owned it: *2 of 3* apologies approved without quality errors; 1 sent as written despite errors",
        "Fixes: *1 of 2* on time; 2 overdue now",
        "Check-ins: 1 all good · 1 still unhappy · 1 couldn't reach",
        "Something extra: *3* gestures, $320.50 in all",
        "Repeat customers: 2",
        "*What we changed*",
        "• REC-3: Two-person rule (root cause: &lt;!channel&gt; &amp; co)",
        "• REC-2: Stock checked at 8am (root cause: no stock check)",
    ]


def test_summary_lines_show_the_latest_ten_improvements_and_count_the_rest(db: Database) -> None:
    with db.session() as s:
        for n in range(25):
            row = case(s, SINCE + n * HOUR, "major")
            why = "why " * 100  # clipped to a line
            event(s, row, "improvement", SINCE + DAY + n * HOUR, root_cause=why, change=f"change {n}")
    with db.session() as session:
        fig = figures(session, policy=POLICY, since=SINCE, until=UNTIL)
    lines = summary_lines(fig, policy=POLICY)
    shown = [line for line in lines if line.startswith("• ")]
    assert (len(fig.improvements), fig.earlier_improvements) == (10, 15)
    assert [line.split(" (")[0] for line in shown] == [f"• REC-{n + 1}: change {n}" for n in range(15, 25)]
    assert lines[-1] == "…and 15 more"
    message = "*How we did, last 90d*\n" + "\n".join(lines)
    assert len(message) < 40_000  # where Slack truncates a message's text


def test_summary_lines_round_durations_and_singular_counts() -> None:
    fig = _one_of_each(median=timedelta(hours=2, minutes=10, seconds=7), total=Decimal("320"))
    lines = summary_lines(fig, policy=POLICY)
    assert lines[0] == "*1* case opened, *1* closed"
    assert lines[2] == "Apology: median *2h 10m* after the complaint; *1 of 1* within target"
    assert (
        lines[4]
        == "Owned it: *1 of 1* apology approved without quality errors; none sent as written despite errors"
    )
    assert "Something extra: *1* gesture, $320 in all" in lines
    long = summary_lines(_one_of_each(median=timedelta(seconds=45), total=Decimal(0)), policy=POLICY)
    assert "Apology: median *45s* after the complaint; *1 of 1* within target" in long
    assert "Something extra: *1* gesture" in long


def test_window_reads_7d_30d_90d_and_defaults_to_a_week() -> None:
    now = datetime(2025, 3, 10, 9, 30, tzinfo=UTC)
    assert window(None, now=now) == (now - timedelta(days=7), now)
    assert window("", now=now) == (now - timedelta(days=7), now)
    assert window(" 30D ", now=now) == (now - timedelta(days=30), now)
    assert window("90d", now=now) == (now - timedelta(days=90), now)
    for wrong in ("1y", "7", "week", "-7d"):
        with pytest.raises(UserError, match=r"^Choose 7d, 30d or 90d\.$"):
            window(wrong, now=now)


def triaged(
    session: Session,
    at: datetime,
    *changes: str,
    summary: str = "a complaint",
    name: str | None = None,
    by_reporter: bool = False,
) -> Case:
    """A case as `log_case` leaves it, the first severity in its "logged" event; then people's changes."""
    row = case(session, at, changes[-1])
    row.summary, row.customer_name = summary, name
    reasons = (BY_REPORTER, NO_SIGNS) if by_reporter else (NO_SIGNS,)
    text = Triage(changes[0], reasons).explain()
    session.add(TimelineEvent(case_id=row.id, kind="logged", at=at, actor_id="U1", text=text))
    for n, (old, new) in enumerate(pairwise(changes), start=1):
        event(session, row, "severity", at + n * HOUR, **{"from": old, "to": new, "reason": "second look"})
    return row


def test_triage_kept_counts_cases_triage_chose_and_names_the_most_common_correction(db: Database) -> None:
    with db.session() as s:
        grace = "Grace Kimura"
        triaged(s, SINCE, "minor", "major", summary="Housekeeping threw out Kimura's medication", name=grace)
        triaged(s, SINCE + DAY, "minor", "major", summary="Kimura's medications went missing", name=grace)
        triaged(s, SINCE + DAY, "minor", "critical", "major", summary="A pharmacy parcel was left outside")
        triaged(s, SINCE + DAY, "minor", "moderate", summary="The medication fridge was warm")
        triaged(s, SINCE + DAY, "minor", "moderate", "minor", summary="The medication was late")  # kept
        triaged(s, SINCE + 2 * DAY, "minor")
        # Not counted: the reporter chose the severity, or the case was opened outside the week.
        triaged(s, SINCE + DAY, "minor", "major", summary="The medication", by_reporter=True)
        triaged(s, SINCE - HOUR, "minor", "major", summary="The medication")
        triaged(s, UNTIL, "minor", "major", summary="The medication")
        case(s, SINCE + DAY, "major")  # no "logged" event: not known to be triage's
    with db.session() as session:
        fig = figures(session, policy=POLICY, since=SINCE, until=UNTIL)
    assert (fig.triaged, fig.triage_kept) == (6, 2)
    # "Kimura" is in two of the three complaints too, and first in the alphabet: names never count.
    assert fig.correction == Correction("minor", "major", 3, SharedWord("medication", 2))
    assert fig.correction.raised
    assert (
        "Triage: people kept the severity on *2 of 6* cases (33%). "
        "Most common correction: 3 raised from minor to major — 2 mention “medication”."
    ) in summary_lines(fig, policy=POLICY)


def test_between_corrections_as_common_a_raise_wins(db: Database) -> None:
    with db.session() as s:
        triaged(s, SINCE, "critical", "major")
        triaged(s, SINCE, "major", "critical", "major", "critical")
        triaged(s, SINCE, "minor", "moderate")
    with db.session() as session:
        fig = figures(session, policy=POLICY, since=SINCE, until=UNTIL)
    assert (fig.triaged, fig.triage_kept) == (3, 0)
    assert fig.correction == Correction("major", "critical", 1)


def test_no_triaged_case_in_the_period_no_triage_figures(db: Database) -> None:
    seed(db)  # cases without a "logged" event, as in a database written before triage was recorded
    with db.session() as s:
        triaged(s, SINCE - DAY, "minor", "major")
    with db.session() as session:
        fig = figures(session, policy=POLICY, since=SINCE, until=UNTIL)
    assert (fig.triaged, fig.triage_kept, fig.correction) == (0, 0, None)
    assert not [line for line in summary_lines(fig, policy=POLICY) if line.startswith("Triage")]


def test_the_services_record_what_the_triage_figures_read(db: Database) -> None:
    """Through `/recover new` and `/recover severity`'s services, whatever triage decides for the text."""
    start = utcnow()
    with db.session() as s:
        chosen = log(s, POLICY, severity="minor", text="The soup was cold.")  # the reporter's choice
        by_triage = log(s, POLICY, severity=None, text="The soup was cold again.")
        first = by_triage.severity
        later = next(level for level in SEVERITIES if level != first)
        for row, severity in ((chosen, "major"), (by_triage, later)):
            intake.change_severity(
                s, policy=POLICY, case=row, severity=severity, reason="second look", actor_id=FRONT_DESK.id
            )
    with db.session() as session:
        fig = figures(session, policy=POLICY, since=start, until=utcnow() + HOUR)
    assert (fig.triaged, fig.triage_kept, fig.correction) == (1, 0, Correction(first, later, 1))


def _one_of_each(*, median: timedelta, total: Decimal) -> Figures:
    severities = {"minor": 0, "moderate": 0, "major": 1, "critical": 0}
    return replace(
        quiet_week(POLICY, SINCE),
        opened=1,
        closed=1,
        by_severity=severities,
        apologies=1,
        median_to_apology=median,
        apologies_on_target=1,
        clean_apologies=1,
        median_by_severity={name: median if n else None for name, n in severities.items()},
        checkins={"ok": 1, "unhappy": 0, "unreachable": 0},
        gestures=1,
        gesture_total=total,
        improvements=(Improvement("REC-1", "cause", "change", SINCE),),
    )
