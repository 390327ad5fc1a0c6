"""The inbox: message events stored before Slack gets its 200, processed after, replayed if a worker died.

Bolt acknowledges an event before its listener runs, so a process killed in between would lose
the complaint (Slack does not retry an event it got a 200 for). Storing the event first, in a
table keyed by Slack's event_id, closes that gap. The inbox only stores and hands back: reading an
event is bot/slack/events.py's job, and it marks the event done in the transaction that handles it.
"""

from datetime import timedelta
from typing import Any

from sqlalchemy import bindparam, update
from sqlmodel import Session, col, select

from bot.store.db import insert_once
from bot.store.models import Inbox, InboxState, utcnow

STALE = timedelta(seconds=10)  # a pending event this old was taken by a worker that died


def accept(session: Session, *, event_id: str, event: dict[str, Any]) -> None:
    """Store the event (once per event_id) before it is acknowledged."""
    insert_once(session, Inbox, "event_id", event_id=event_id, payload=event)  # a Slack retry adds nothing


def first_time(session: Session, *, key: str) -> bool:
    """True the first time this interaction (e.g. a modal submission) is seen; False for a repeat."""
    done = {"state": InboxState.DONE, "done_at": utcnow()}
    return insert_once(session, Inbox, "event_id", event_id=key[:64], **done) is not None


def done(session: Session, *, event_ids: list[str]) -> None:
    """Mark stored events handled, in the transaction that handled them."""
    session.execute(_DONE, {"event_ids": event_ids, "now": utcnow()})


_DONE = (  # built once: intake marks every event it handles
    update(Inbox)
    .where(col(Inbox.event_id).in_(bindparam("event_ids", expanding=True)))
    .values(state=InboxState.DONE, done_at=bindparam("now"))
)


def stale(session: Session, *, limit: int = 100) -> list[Inbox]:
    """Events stored but never processed (their worker died), oldest first."""
    query = (
        select(Inbox)
        .where(col(Inbox.state) == InboxState.PENDING, col(Inbox.received_at) < utcnow() - STALE)
        .order_by(col(Inbox.id))
        .limit(limit)
    )
    return list(session.exec(query))
