"""Services tested directly: a migrated SQLite database, the demo policy, and cases logged as staff would."""

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import Session, col, select

from bot.policy.model import Policy
from bot.recovery import intake
from bot.recovery.cases import Complaint
from bot.sandbox.cast import COMPLAINTS, FRONT_DESK
from bot.store.db import Database
from bot.store.models import Case, Nudge, NudgeState, Outbox, Source, TimelineEvent, utcnow
from schedules.firing import fire_due
from schedules.jobs import FIRERS
from tests.helpers import migrated


@pytest.fixture
def db(tmp_path) -> Iterator[Database]:
    """A fresh, migrated SQLite database."""
    yield from migrated(f"sqlite:///{tmp_path / 'cases.sqlite3'}")


def log(
    session: Session,
    policy: Policy,
    *,
    severity: str = "minor",
    text: str = "The soup was cold.",
    **more: Any,
) -> Case:
    """A case the front desk logged with `/recover new`, at the severity given (`more`: other Complaint fields)."""
    complaint = Complaint(
        text=text,
        reporter_id=FRONT_DESK.id,
        source=Source.COMMAND,
        source_key=f"test:{utcnow().timestamp()}:{text}",
        severity=severity,
        **more,
    )
    case, created = intake.log_complaint(
        session, policy=policy, complaint=complaint, card_channel=COMPLAINTS, card_thread_ts=None
    )
    assert created
    return case


def owed(session: Session) -> dict[str, Outbox]:
    """Every Slack call owed so far, by key."""
    return {row.key: row for row in session.exec(select(Outbox).order_by(col(Outbox.id)))}


def nudges(session: Session, case: Case) -> dict[str, NudgeState]:
    """Every nudge of the case, by key, with its state."""
    return {n.key: n.state for n in session.exec(select(Nudge).where(Nudge.case_id == case.id))}


def kinds(session: Session, case: Case) -> list[str]:
    """The kinds of the case's timeline events, in order."""
    query = select(TimelineEvent.kind).where(TimelineEvent.case_id == case.id).order_by(col(TimelineEvent.id))
    return list(session.exec(query))


def fire_now(db: Database, policy: Policy, key: str) -> None:
    """Bring one nudge's time forward to now and let the clock's firing take it, as a tick would."""
    with db.session() as session:
        nudge = session.exec(select(Nudge).where(Nudge.key == key)).one()
        nudge.due_at = utcnow() - timedelta(seconds=1)
        session.add(nudge)
    assert fire_due(db, policy, FIRERS) >= 1
