"""Case services: log a complaint, find a case, change it. Every change writes a timeline event."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import make_transient_to_detached
from sqlmodel import Session, col, select

from bot.policy.model import SEVERITIES, Policy
from bot.recovery.customer import Customer
from bot.recovery.errors import NotFound, UserError
from bot.recovery.triage import Repeat, Triage, triage
from bot.store.db import insert_once, insert_row, insert_soon, write_waiting
from bot.store.models import Case, CaseStatus, EventKind, FixStatus, Outbox, Source, TimelineEvent, utcnow

MAX_SUMMARY = 4000
STATUS_ORDER = (  # the way forward; "reopened" steps out of it
    CaseStatus.LOGGED,
    CaseStatus.APOLOGY_REQUESTED,
    CaseStatus.APOLOGIZED,
    CaseStatus.FIX_ASSIGNED,
    CaseStatus.FIXED,
    CaseStatus.FOLLOWING_UP,
    CaseStatus.CLOSED,
)


@dataclass(frozen=True)
class Complaint:
    """A complaint as it reached us, before it is a case."""

    text: str
    reporter_id: str
    source: Source
    source_key: str  # unique per Slack delivery: "msg:C1:1700.1", "cmd:<trigger_id>", "view:<view_id>"
    customer: Customer = field(default_factory=Customer)
    severity: str | None = None  # the reporter's explicit choice, which always wins
    channel_id: str | None = None
    message_ts: str | None = None
    permalink: str | None = None
    thread_channel: str | None = None
    thread_ts: str | None = None


def case_key(policy: Policy, case: Case) -> str:
    """The id people read: REC-42 (typed ids are read at the surface, bot/slack/grammar.py)."""
    return f"{policy.case_prefix}-{case.id}"


def get_case(session: Session, *, policy: Policy, number: int) -> Case:
    """Case number `number`, or a NotFound that names it."""
    case = session.get(Case, number)
    if case is None:
        raise no_case(policy, number)
    return case


def no_case(policy: Policy, number: int) -> NotFound:
    """The error for a case number that names no case."""
    return NotFound(f"There is no case {policy.case_prefix}-{number}.")


def thread_started(session: Session, sent: Outbox) -> None:
    """The case card went out: the case's thread is where it is (unless the case already had one)."""
    if sent.case_id is not None:
        where = {"case_id": sent.case_id, "channel": sent.result_channel, "ts": sent.result_ts}
        session.connection().execute(_THREAD_STARTED, where)  # no ORM execution: a Core statement


_CASE_COLUMNS = tuple(c.name for c in Case.__table__.columns if not c.primary_key)  # type: ignore[attr-defined]

# Run once per case by the sender: built once, like the sender's own writes (bot/store/outbox.py).
_THREAD_STARTED = (
    update(Case)
    .where(col(Case.id) == bindparam("case_id"), col(Case.thread_ts).is_(None))
    .values(thread_channel=bindparam("channel"), thread_ts=bindparam("ts"))
)


def find_by_thread(session: Session, *, channel: str, thread_ts: str) -> Case | None:
    """The case whose thread this is, if any."""
    query = select(Case).where(Case.thread_channel == channel, Case.thread_ts == thread_ts)
    return session.exec(query).first()


def advance(case: Case, status: CaseStatus) -> None:
    """Move the case forward to `status` (never backwards: apology and fix run in parallel).

    A reopened case stays "reopened" while its apology is redone; a new fix moves it on again.
    """
    if case.status == CaseStatus.REOPENED:
        current = CaseStatus.APOLOGIZED
    else:
        current = case.status if case.status in STATUS_ORDER else CaseStatus.LOGGED
    if STATUS_ORDER.index(status) > STATUS_ORDER.index(current):
        case.status = status


def record(
    session: Session,
    case: Case,
    *,
    kind: EventKind,
    actor_id: str | None,
    text: str = "",
    data: dict | None = None,
    dedupe_key: str | None = None,
) -> TimelineEvent:
    """Append a timeline event to the case, written at once: the returned copy has its id."""
    values = dict(kind=kind, actor_id=actor_id, text=text, data=data or {}, dedupe_key=dedupe_key)
    at = utcnow()
    written = TimelineEvent(id=event(session, case, at=at, **values), case_id=case.id, at=at, **values)
    case.updated_at = at
    session.add(case)
    return written


def event(session: Session, case: Case, *, at: datetime, **values: Any) -> int:
    """Write the timeline row alone, at `at` (the case's `updated_at` is the caller's to set): its id."""
    return insert_row(session, TimelineEvent, **values, case_id=case.id, at=at)


def event_soon(session: Session, case: Case, *, at: datetime, **values: Any) -> None:
    """`event` whose id nobody needs: written now, or with a batch's others (`db.inserts_later`)."""
    insert_soon(session, TimelineEvent, None, **values, case_id=case.id, at=at)


@dataclass(frozen=True)
class NewCase:
    """A triaged complaint not stored yet: what is still to be decided about it goes on `case` before `store`."""

    case: Case
    explained: str  # the "logged" event's text: why this severity


def new_case(session: Session, *, policy: Policy, complaint: Complaint) -> NewCase:
    """The case a complaint makes, triaged, before it is stored."""
    text = complaint.text.strip()
    if not text:
        raise UserError("There is nothing to log: write what went wrong for the customer.")
    verdict = _triage(session, policy=policy, complaint=complaint)
    customer = complaint.customer
    now = utcnow()
    case = Case(
        source_key=complaint.source_key,
        source=complaint.source,
        summary=text[:MAX_SUMMARY],
        reporter_id=complaint.reporter_id,
        channel_id=complaint.channel_id,
        message_ts=complaint.message_ts,
        permalink=complaint.permalink,
        thread_channel=complaint.thread_channel,
        thread_ts=complaint.thread_ts,
        customer_name=customer.name,
        customer_email=customer.email,
        customer_phone=customer.phone,
        customer_key=customer.key(),
        severity=verdict.severity,
        severity_reasons=list(verdict.reasons),
        created_at=now,
        updated_at=now,
    )
    return NewCase(case, verdict.explain())


def store(session: Session, new: NewCase) -> tuple[Case, bool]:
    """Write the new case in one prebuilt `INSERT`, with its "logged" event; the same delivery twice
    returns the first case, unchanged.

    A repeat is rare (the inbox drops Slack's retries of an event), so it is found by the unique
    source key refusing the insert, not by a read before every case; no savepoint and no flush.
    """
    case = new.case
    values = {name: getattr(case, name) for name in _CASE_COLUMNS}
    number = insert_once(session, Case, "source_key", **values)
    if number is None:  # the same delivery, logged before or a moment ago by another worker
        raced = find_by_source(session, source_key=case.source_key)
        if raced is None:
            raise LookupError(f"{case.source_key} is taken by a case that cannot be read")
        return raced, False
    case.id = number
    make_transient_to_detached(case)  # stored as it is: later changes in this session are updates
    session.add(case)
    logged = dict(kind=EventKind.LOGGED, actor_id=case.reporter_id, text=new.explained)
    event_soon(session, case, at=case.updated_at, **logged)
    return case, True


def log_case(session: Session, *, policy: Policy, complaint: Complaint) -> tuple[Case, bool]:
    """Turn a complaint into a triaged case, stored; the same delivery twice returns the first case, unchanged."""
    return store(session, new_case(session, policy=policy, complaint=complaint))


def change_severity(
    session: Session, *, policy: Policy, case: Case, severity: str, reason: str, actor_id: str
) -> TimelineEvent:
    """Set a new severity with the reason; the event records from and to."""
    severity = severity.strip().lower()
    if severity not in SEVERITIES:
        raise UserError(f"“{severity[:30]}” is not a severity: use one of {', '.join(SEVERITIES)}.")
    reason = reason.strip() or "no reason given"
    old = case.severity
    if old == severity:
        raise UserError(f"{case_key(policy, case)} is already {severity}.")
    case.severity = severity
    case.severity_reasons = [f"changed by <@{actor_id}>: {reason[:300]}"]
    return record(
        session,
        case,
        kind=EventKind.SEVERITY,
        actor_id=actor_id,
        text=f"{old} → {severity}: {reason[:300]}",
        data={"from": old, "to": severity, "reason": reason[:300]},
    )


def update_details(
    session: Session, *, case: Case, actor_id: str, summary: str | None, customer: Customer
) -> TimelineEvent:
    """Correct the summary and the customer; the timeline notes what changed but never the contact."""
    changed = []
    if summary is not None and summary.strip() and summary.strip() != case.summary:
        case.summary = summary.strip()[:MAX_SUMMARY]
        changed.append("summary")
    for name in ("name", "email", "phone"):
        value = getattr(customer, name)
        if value != getattr(case, f"customer_{name}"):
            setattr(case, f"customer_{name}", value)
            changed.append(f"customer {name}")
    if not changed:
        raise UserError("Nothing changed.")
    case.customer_key = Customer(case.customer_name, case.customer_email, case.customer_phone).key()
    return record(
        session, case, kind=EventKind.DETAILS, actor_id=actor_id, text="updated " + ", ".join(changed)
    )


def add_note(session: Session, *, case: Case, actor_id: str, text: str, ts: str) -> bool:
    """A thread reply becomes a note on the timeline; the same reply twice is recorded once."""
    write_waiting(session)  # a batch's rows go in before a savepoint that may be rolled back
    try:
        with session.begin_nested():
            record(
                session,
                case,
                kind=EventKind.NOTE,
                actor_id=actor_id,
                text=text[:MAX_SUMMARY],
                dedupe_key=f"msg:{ts}",
            )
    except IntegrityError:
        return False
    return True


def list_cases(session: Session, *, which: str, user_id: str, limit: int = 20) -> list[Case]:
    """Cases for `/recover list`: open (default), mine (reported or owned), overdue fixes, all."""
    query = select(Case).order_by(col(Case.id).desc()).limit(limit)
    if which in ("open", "mine", "overdue"):
        query = query.where(col(Case.status) != CaseStatus.CLOSED)
    if which == "mine":
        # One query per role, each reading its own index newest first; an OR would sort all their cases
        found = {
            c.id: c
            for role in (Case.reporter_id, Case.fix_owner_id)
            for c in session.exec(query.where(role == user_id))
        }
        return sorted(found.values(), key=lambda c: c.id or 0, reverse=True)[:limit]
    if which == "overdue":
        query = query.where(Case.fix_status == FixStatus.ASSIGNED, col(Case.fix_due_at) < utcnow())
    return list(session.exec(query))


def timeline(session: Session, *, case: Case) -> list[TimelineEvent]:
    """Every event of the case, oldest first."""
    query = select(TimelineEvent).where(TimelineEvent.case_id == case.id).order_by(col(TimelineEvent.id))
    return list(session.exec(query))


def find_by_source(session: Session, *, source_key: str) -> Case | None:
    """The case a Slack delivery already made, if any."""
    return session.exec(select(Case).where(Case.source_key == source_key)).first()


def _triage(session: Session, *, policy: Policy, complaint: Complaint) -> Triage:
    repeat = None
    key = complaint.customer.key()
    if key:
        earlier = session.exec(
            select(Case).where(Case.customer_key == key).order_by(col(Case.id).desc()).limit(1)
        ).first()
        if earlier is not None:
            who = complaint.customer.name or earlier.customer_name or "this customer"
            repeat = Repeat(case_key=case_key(policy, earlier), severity=earlier.severity, customer=who)
    return triage(complaint.text, policy.triage, explicit=complaint.severity, repeat=repeat)
