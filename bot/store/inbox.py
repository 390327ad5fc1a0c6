"""The inbox: message events stored before Slack gets its 200, processed after, replayed if a worker died.

Bolt acknowledges an event before its listener runs, so a process killed in between would lose
the complaint (Slack does not retry an event it got a 200 for). Storing the event first, in a
table keyed by Slack's event_id, closes that gap; processing is idempotent, so a replay or a
Slack retry never makes a second case.
"""

from datetime import timedelta
from typing import Any

from sqlmodel import Session, col, select

from bot.policy.model import Policy
from bot.slack.events import handle_message
from bot.store.db import insert_once
from bot.store.models import Inbox, utcnow

STALE = timedelta(seconds=10)  # a pending event this old was taken by a worker that died


def accept(session: Session, *, event_id: str, event: dict[str, Any]) -> None:
    """Store the event (once per event_id) before it is acknowledged."""
    insert_once(session, Inbox, "event_id", event_id=event_id, payload=event)  # a Slack retry adds nothing


def first_time(session: Session, *, key: str) -> bool:
    """True the first time this interaction (e.g. a modal submission) is seen; False for a repeat."""
    return (
        insert_once(session, Inbox, "event_id", event_id=key[:64], state="done", done_at=utcnow()) is not None
    )


def process(
    session: Session, *, policy: Policy, event_id: str, event: dict[str, Any], workspace_url: str | None
) -> None:
    """Turn the event into a case or a note, and mark it done, in one transaction."""
    handle_message(session, policy=policy, event=event, workspace_url=workspace_url)
    row = session.exec(select(Inbox).where(Inbox.event_id == event_id)).first()
    if row is not None:
        row.state, row.done_at = "done", utcnow()
        session.add(row)


def stale(session: Session, *, limit: int = 100) -> list[Inbox]:
    """Events stored but never processed (their worker died), oldest first."""
    query = (
        select(Inbox)
        .where(col(Inbox.state) == "pending", col(Inbox.received_at) < utcnow() - STALE)
        .order_by(col(Inbox.id))
        .limit(limit)
    )
    return list(session.exec(query))
