"""`Database.read_row`: one statement alone, outside any transaction, and a dropped connection survived."""

from sqlalchemy import bindparam, func, select, text
from sqlmodel import col

from bot.store.db import Database
from bot.store.models import Case
from tests.store.test_database import _log_many

_SEVERITY = select(col(Case.severity)).where(col(Case.id) == bindparam("number"))


def test_a_row_read_sees_each_commit(db: Database) -> None:
    (number,) = _log_many(db, 1, duplicates=False)
    assert db.read_row(_SEVERITY, {"number": number}) == ("minor",)
    with db.session() as session:
        session.execute(text("UPDATE \"case\" SET severity = 'major' WHERE id = :n"), {"n": number})
    assert db.read_row(_SEVERITY, {"number": number}) == ("major",)
    assert db.read_row(_SEVERITY, {"number": number + 1}) is None


def test_on_postgresql_the_statement_is_its_own_transaction(postgres_url: str) -> None:
    db = Database(postgres_url)
    # the first statement of a transaction starts it at its own timestamp; after a BEGIN it would not
    first = select(func.transaction_timestamp() == func.statement_timestamp())
    assert db.read_row(first, {}) == (True,)
    db.dispose()


def test_on_postgresql_a_connection_the_server_dropped_is_read_again(postgres_url: str) -> None:
    db = Database(postgres_url)
    (backend,) = db.read_row(select(func.pg_backend_pid()), {})
    with db.engine.connect() as admin:  # the server ends the pooled connection, as a restart would
        admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
    (again,) = db.read_row(select(func.pg_backend_pid()), {})
    assert again != backend
    db.dispose()
