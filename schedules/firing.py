"""Firing nudges: the clock claims what is due and fires it exactly once.

A nudge is fired inside the transaction that marks it done, together with everything it causes
(the messages it owes, the next nudge it schedules). If the process dies mid-way the transaction
rolls back and the nudge is still pending, so it fires once, later. Replicas on PostgreSQL lock
the rows they take (FOR UPDATE SKIP LOCKED), so two never take the same nudge; on SQLite the
single writer (BEGIN IMMEDIATE) gives the same guarantee.
"""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from bot.db import Database
from bot.models import Nudge, utcnow
from bot.nudges import Defer
from bot.policy import Policy

log = logging.getLogger(__name__)
RETRY_AFTER_ERROR = timedelta(seconds=30)
Firer = Callable[[Session, Policy, Nudge], Defer | None]


def fire_due(db: Database, policy: Policy, firers: dict[str, Firer], *, batch: int = 100) -> int:
    """Claim and fire up to `batch` nudges that are due; returns how many were taken."""
    now = utcnow()
    with db.session() as session:
        query = (
            select(Nudge)
            .where(col(Nudge.state) == "pending", col(Nudge.due_at) <= now)
            .order_by(col(Nudge.due_at), col(Nudge.id))
            .limit(batch)
        )
        if not db.is_sqlite:
            query = query.with_for_update(skip_locked=True)
        due = list(session.exec(query))
        for nudge in due:
            _fire_one(session, policy, firers, nudge, now)
        return len(due)


def _fire_one(
    session: Session, policy: Policy, firers: dict[str, Firer], nudge: Nudge, now: datetime
) -> None:
    firer = firers.get(nudge.kind)
    try:
        with session.begin_nested():
            answer = firer(session, policy, nudge) if firer else None
    except Exception:
        log.exception("nudge %s failed; it will be tried again", nudge.key)
        nudge.due_at = now + RETRY_AFTER_ERROR
        session.add(nudge)
        return
    if firer is None:
        log.error("no firer for nudge kind %r (%s); cancelling it", nudge.kind, nudge.key)
        nudge.state = "cancelled"
    elif isinstance(answer, Defer):
        nudge.due_at, nudge.deferrals = answer.until, nudge.deferrals + 1
    else:
        nudge.state, nudge.fired_at = "done", now
    session.add(nudge)
