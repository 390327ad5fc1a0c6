"""The clock replays stored events nobody finished, but not those this process still has queued."""

from collections.abc import Iterator

import pytest
from sqlalchemy import update

from bot.store import inbox
from bot.store.db import Database
from bot.store.models import Inbox, utcnow
from tests.helpers import migrated

EVENT = {"type": "message", "channel": "C1", "user": "U1", "ts": "1.1", "text": "The soup was cold."}


@pytest.fixture
def db(tmp_path) -> Iterator[Database]:
    yield from migrated(f"sqlite:///{tmp_path / 'inbox.sqlite3'}")


def _received_long_ago(db: Database) -> None:
    with db.session() as session:
        session.execute(update(Inbox).values(received_at=utcnow() - inbox.STALE * 3))


def _stale(db: Database) -> list[str]:
    with db.reading() as session:
        return [row.event_id for row in inbox.stale(session)]


def test_an_event_still_queued_here_is_not_replayed_however_long_it_waits(db):
    inbox.accept(db, event_id="EvQueued", event=EVENT)
    _received_long_ago(db)
    assert _stale(db) == []


def test_an_event_stored_by_a_process_that_died_is_replayed(db):
    with db.session() as session:  # stored by another process: this one never held it
        session.add(Inbox(event_id="EvOrphan", payload=EVENT))
    _received_long_ago(db)
    assert _stale(db) == ["EvOrphan"]


def test_an_event_whose_handling_failed_here_is_replayed(db):
    inbox.accept(db, event_id="EvFailed", event=EVENT)
    inbox.let_go(["EvFailed"])
    _received_long_ago(db)
    assert _stale(db) == ["EvFailed"]


def test_an_event_held_here_past_its_time_is_replayed_all_the_same(db, monkeypatch):
    inbox.accept(db, event_id="EvLost", event=EVENT)
    monkeypatch.setattr(inbox, "HELD_FOR", 0.0)
    _received_long_ago(db)
    assert _stale(db) == ["EvLost"]


def test_a_handled_event_is_neither_held_nor_replayed(db):
    inbox.accept(db, event_id="EvDone", event=EVENT)
    with db.session() as session:
        inbox.done(session, event_ids=["EvDone"])
    _received_long_ago(db)
    assert _stale(db) == [] and not inbox._held.here("EvDone")
