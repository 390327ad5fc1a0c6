"""Firing nudges: the clock claims what is due and fires it exactly once.

A nudge is fired inside the transaction that marks it done, together with everything it causes
(the messages it owes, the next nudge it schedules). If the process dies mid-way the transaction
rolls back and the nudge is still pending, so it fires once, later. Replicas on PostgreSQL lock
the rows they take (FOR UPDATE SKIP LOCKED), so two never take the same nudge; on SQLite the
single writer (BEGIN IMMEDIATE) gives the same guarantee.

A batch fires under one savepoint, with the cases and people it needs read in two queries. When a
firer raises, that savepoint is rolled back and the batch is fired again one nudge at a time, each
under its own savepoint: the failing nudge stays pending for a retry, the others still fire.
"""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from bot.policy.model import Policy
from bot.recovery import people
from bot.store.db import Database
from bot.store.models import Case, Nudge, NudgeState, utcnow
from bot.store.nudges import Defer

log = logging.getLogger(__name__)
RETRY_AFTER_ERROR = timedelta(seconds=30)
Firer = Callable[[Session, Policy, Nudge], Defer | None]


def fire_due(db: Database, policy: Policy, firers: dict[str, Firer], *, batch: int = 50) -> int:
    """Claim and fire up to `batch` nudges that are due, in one transaction; returns how many were taken."""
    now = utcnow()
    with db.session() as session:
        query = (
            select(Nudge)
            .where(col(Nudge.state) == NudgeState.PENDING, col(Nudge.due_at) <= now)
            .order_by(col(Nudge.due_at), col(Nudge.id))
            .limit(batch)
        )
        if not db.is_sqlite:
            query = query.with_for_update(skip_locked=True)
        due = list(session.exec(query))
        if not due:
            return 0
        _held = _read_ahead(session, due)  # the session forgets unchanged rows nobody references
        try:
            with session.begin_nested():
                for nudge in due:
                    _settle(nudge, firers, _answer(session, policy, firers, nudge), now)
        except Exception as error:
            log.warning("a nudge in a batch of %d failed (%r); firing them one at a time", len(due), error)
            for nudge in due:
                _fire_alone(session, policy, firers, nudge, now)
        return len(due)


def next_due(db: Database) -> datetime | None:
    """When the soonest pending nudge falls due (read without waiting for SQLite's writer)."""
    with db.reading() as session:
        query = select(Nudge.due_at).where(col(Nudge.state) == NudgeState.PENDING).order_by(col(Nudge.due_at))
        return session.exec(query.limit(1)).first()


def _read_ahead(session: Session, due: list[Nudge]) -> list[object]:
    """The batch's cases and people in two queries, so each firer finds them in the session."""
    ids = {nudge.case_id for nudge in due if nudge.case_id is not None}
    cases = list(session.exec(select(Case).where(col(Case.id).in_(ids)))) if ids else []
    who = [nudge.recipient_id for nudge in due] + [case.fix_owner_id for case in cases]
    return [*cases, *people.load(session, who)]


def _answer(session: Session, policy: Policy, firers: dict[str, Firer], nudge: Nudge) -> Defer | None:
    firer = firers.get(nudge.kind)
    return firer(session, policy, nudge) if firer else None


def _fire_alone(
    session: Session, policy: Policy, firers: dict[str, Firer], nudge: Nudge, now: datetime
) -> None:
    try:
        with session.begin_nested():
            answer = _answer(session, policy, firers, nudge)
    except Exception:
        log.exception("nudge %s failed; it will be tried again", nudge.key)
        nudge.due_at = now + RETRY_AFTER_ERROR
        session.add(nudge)
        return
    _settle(nudge, firers, answer, now)


def _settle(nudge: Nudge, firers: dict[str, Firer], answer: Defer | None, now: datetime) -> None:
    """Mark the nudge done, push it back (Defer), or cancel it when nothing can fire its kind."""
    if nudge.kind not in firers:
        log.error("no firer for nudge kind %r (%s); cancelling it", nudge.kind, nudge.key)
        nudge.state = NudgeState.CANCELLED
    elif isinstance(answer, Defer):
        nudge.due_at, nudge.deferrals = answer.until, nudge.deferrals + 1
    else:
        nudge.state, nudge.fired_at = NudgeState.DONE, now
