"""`Database.add_once`: a row added alone in autocommit, once however often, and a dropped connection survived."""

import pytest
from sqlalchemy import func, select, text
from sqlmodel import col

from bot.store import inbox
from bot.store.db import Database
from bot.store.models import Inbox, InboxState

EVENT = {"type": "message", "channel": "C1", "user": "U1", "ts": "1.1", "text": "The soup was cold."}


def _stored(db: Database) -> list[tuple[str, str]]:
    with db.reading() as session:
        return list(session.exec(select(Inbox.event_id, Inbox.state).order_by(col(Inbox.id))).all())


def test_a_row_is_added_once_however_often_and_with_its_defaults(db: Database) -> None:
    for _ in range(3):  # a Slack retry, or the same insert again after a dropped connection
        inbox.accept(db, event_id="Ev1", event=EVENT)
    inbox.accept(db, event_id="Ev2", event=EVENT)
    assert _stored(db) == [("Ev1", InboxState.PENDING), ("Ev2", InboxState.PENDING)]


def test_the_row_is_committed_at_once_even_inside_a_transaction_of_the_same_thread(db: Database) -> None:
    if db.is_sqlite:
        pytest.skip("SQLite has one writer: a thread holding it would wait for itself")
    with db.session() as session:
        session.execute(text("SELECT 1"))
        inbox.accept(db, event_id="Ev1", event=EVENT)
        session.rollback()  # the caller's transaction is not the row's
    assert _stored(db) == [("Ev1", InboxState.PENDING)]


def test_on_postgresql_a_connection_the_server_dropped_is_written_again(postgres_url: str) -> None:
    db = Database(postgres_url)
    db.migrate()
    inbox.accept(db, event_id="Ev1", event=EVENT)
    (backend,) = db.read_row(select(func.pg_backend_pid()), {})  # the pooled connection add_once uses
    with db.engine.connect() as admin:  # the server ends it, as a restart would
        admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
    inbox.accept(db, event_id="Ev2", event=EVENT)
    assert [event_id for event_id, _ in _stored(db)] == ["Ev1", "Ev2"]
    db.dispose()
