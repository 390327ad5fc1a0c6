"""The inbox: message events stored before Slack gets its 200, processed after, replayed if a worker died.

Bolt acknowledges an event before its listener runs, so a process killed in between would lose
the complaint (Slack does not retry an event it got a 200 for). Storing the event first, in a
table keyed by Slack's event_id, closes that gap. The inbox only stores and hands back: reading an
event is bot/slack/events.py's job, and it marks the event done in the transaction that handles it.
"""

import threading
import time
from datetime import timedelta
from typing import Any

from sqlalchemy import bindparam, update
from sqlmodel import Session, col, select

from bot.store.db import Database, insert_once
from bot.store.models import Inbox, InboxState, utcnow

STALE = timedelta(seconds=10)  # a pending event this old was taken by a worker that died
HELD_FOR = (
    120.0  # seconds an event this process accepted is left to its own queue before the clock replays it
)


class _Held:
    """Events this process stored and has yet to handle: queued behind a burst, not abandoned.

    Without it, a backlog longer than `STALE` has the process's own clock replay events its
    batches are about to handle (each triaged twice, the second refused by the case's unique key).
    Another process's clock does not know them, and replays them as before; a process that dies
    takes the list with it. An event held longer than `HELD_FOR` is replayed all the same.
    """

    def __init__(self) -> None:
        self._since: dict[str, float] = {}
        self._lock = threading.Lock()

    def hold(self, event_id: str) -> None:
        with self._lock:
            self._since[event_id] = time.monotonic()

    def let_go(self, event_ids: list[str]) -> None:
        with self._lock:
            for event_id in event_ids:
                self._since.pop(event_id, None)

    def here(self, event_id: str) -> bool:
        """True while the event waits for this process's own handling."""
        with self._lock:
            since = self._since.get(event_id)
            if since is not None and time.monotonic() - since > HELD_FOR:
                del self._since[event_id]  # never handled here: the clock replays it
                return False
            return since is not None


_held = _Held()


def accept(db: Database, *, event_id: str, event: dict[str, Any]) -> None:
    """Store the event (once per event_id) before it is acknowledged; this process handles it next.

    Alone in autocommit, ahead of intake's batches on SQLite: every message Slack sends waits for this
    write, so it is the cheapest there is (a Slack retry adds nothing)."""
    db.add_once(Inbox, "event_id", urgent=True, event_id=event_id, payload=event)
    _held.hold(event_id)


def let_go(event_ids: list[str]) -> None:
    """Events this process failed to handle: the clock's to replay (after `STALE`)."""
    _held.let_go(event_ids)


def first_time(session: Session, *, key: str) -> bool:
    """True the first time this interaction (e.g. a modal submission) is seen; False for a repeat."""
    done = {"state": InboxState.DONE, "done_at": utcnow()}
    return insert_once(session, Inbox, "event_id", event_id=key[:64], **done) is not None


def done(session: Session, *, event_ids: list[str]) -> None:
    """Mark stored events handled, in the transaction that handled them (rolled back, they are the clock's)."""
    session.connection().execute(_DONE, {"event_ids": event_ids, "now": utcnow()})
    _held.let_go(event_ids)


_DONE = (  # built once: intake marks every event it handles
    update(Inbox)
    .where(col(Inbox.event_id).in_(bindparam("event_ids", expanding=True)))
    .values(state=InboxState.DONE, done_at=bindparam("now"))
)


def stale(session: Session, *, limit: int = 100) -> list[Inbox]:
    """Events stored but never processed (their worker died), oldest first; not those this process
    still has queued."""
    query = (
        select(Inbox)
        .where(col(Inbox.state) == InboxState.PENDING, col(Inbox.received_at) < utcnow() - STALE)
        .order_by(col(Inbox.id))
        .limit(limit)
    )
    return [row for row in session.exec(query) if not _held.here(row.event_id)]
