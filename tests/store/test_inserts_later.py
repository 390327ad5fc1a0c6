"""`inserts_later`: a batch's rows written at its end, a table's in one statement, in order, or not at all."""

import pytest
from sqlalchemy import event
from sqlmodel import col, select

from bot.store.db import Database, insert_row, insert_soon, inserts_later
from bot.store.models import Nudge, NudgeKind, Outbox, utcnow
from bot.store.nudges import schedule_soon
from bot.store.outbox import owe_soon


def _inserts(db: Database) -> list[tuple[str, int, bool]]:
    """The INSERT calls the engine makes from now on: (table, rows in the call, whether it is the driver's
    executemany: one statement parsed once and run for each row, which psycopg sends in one round trip;
    else the rows of a multi-row VALUES rendered anew)."""
    seen: list[tuple[str, int, bool]] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def _count(conn, cursor, statement: str, parameters, context, executemany: bool) -> None:
        if statement.lstrip().upper().startswith("INSERT"):
            rows = len(parameters) if executemany else statement.count("), (") + 1
            seen.append((statement.split()[2].strip('"'), rows, executemany))

    return seen


def _owe(session, key: str) -> None:
    owe_soon(session, key=key, method="chat.postMessage", payload={"channel": "C1", "text": key})


def test_waiting_rows_go_in_at_the_end_one_statement_a_table_in_order(db: Database) -> None:
    seen = _inserts(db)
    with db.session() as session, inserts_later(session):
        for n in range(5):
            _owe(session, f"k{n}")
            schedule_soon(session, key=f"n{n}", kind=NudgeKind.DIGEST, due_at=utcnow())
        _owe(session, "k0")  # a key taken within the batch is owed once, as `owe` would
        assert seen == []  # nothing written before the end
    assert sorted(seen) == [("nudge", 5, True), ("outbox", 6, True)]
    with db.reading() as session:
        keys = session.exec(select(Outbox.key).order_by(col(Outbox.id))).all()
        assert keys == [f"k{n}" for n in range(5)]
        assert len(session.exec(select(Nudge)).all()) == 5


def test_a_row_inserted_at_once_goes_after_the_rows_waiting_for_its_table(db: Database) -> None:
    with db.session() as session, inserts_later(session):
        _owe(session, "first")
        insert_row(session, Outbox, key="second", method="chat.postMessage", payload={}, purpose="message")
        _owe(session, "third")
    with db.reading() as session:
        assert session.exec(select(Outbox.key).order_by(col(Outbox.id))).all() == ["first", "second", "third"]


def test_a_failed_batch_writes_none_of_its_rows_and_outside_a_batch_rows_go_in_at_once(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as session, inserts_later(session):
        _owe(session, "lost-with-the-batch")
        raise RuntimeError("the batch fails")
    with db.session() as session:
        insert_soon(
            session, Outbox, "key", key="alone", method="chat.postMessage", payload={}, purpose="message"
        )
        assert session.exec(select(Outbox.key)).all() == ["alone"]
