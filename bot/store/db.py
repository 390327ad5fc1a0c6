"""The database: engine, sessions, and migrations applied at start-up."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from pydantic_core import PydanticUndefined
from sqlalchemy import Executable, Insert, Row, Table, event, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, SQLModel, create_engine

MIGRATIONS = Path(__file__).parent / "migrations"
_MIGRATION_LOCK = 7_413_205  # any constant: one PostgreSQL advisory lock id for "migrating Bounceback"


class Database:
    """One engine and a factory for short-lived sessions."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._reader = make_engine(url, reads_only=True) if url.startswith("sqlite") else self.engine
        # read_row's and add_once's statements run alone, in autocommit: no BEGIN and ROLLBACK (or COMMIT)
        # around each (three round trips on PostgreSQL become one), on a small pool of their own
        self._rows = make_engine(url, autocommit=True)
        # SQLite has one writer: this process's writers queue here instead of polling the file lock
        self._writers: WriteLock | None = WriteLock() if url.startswith("sqlite") else None

    @property
    def is_sqlite(self) -> bool:
        """True for the zero-setup SQLite file."""
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self, *, urgent: bool = False) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error.

        On SQLite, an `urgent` one (storing an event before Slack gets its 200) goes ahead of the
        other writers waiting in this process.
        """
        writing = self._writers.held(urgent=urgent) if self._writers else nullcontext()
        with writing, Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session that only reads: on SQLite it sees the last commit without waiting for writers."""
        with Session(self._reader, expire_on_commit=False) as session:
            try:
                yield session
            finally:
                session.rollback()

    def read_row(self, statement: Executable, params: dict[str, Any]) -> Row[Any] | None:
        """The first row of one read-only statement, run alone in autocommit: no ORM session, no transaction.

        A pooled connection the server dropped (a restart) is found by the statement failing rather than
        by a ping before every read; it is read once more on a fresh connection.
        """
        return self._alone(statement, params)

    def add_once(self, model: type[SQLModel], unique: str, *, urgent: bool = False, **values: Any) -> None:
        """Add a row unless one with the same `unique` value exists, in one `INSERT … ON CONFLICT DO NOTHING`
        run alone in autocommit: no ORM session, no `BEGIN` and `COMMIT` around it (on PostgreSQL, with
        the pool's ping, four round trips become one). A pooled connection the server dropped is found by
        the statement failing; it runs once more on a fresh one (run twice, it adds the row once).

        On SQLite it waits for this process's writers like any session (`urgent`: ahead of them).
        """
        statement = _insert_statement(self.engine.dialect.name, model.__table__, unique, False)  # type: ignore[attr-defined]
        row = _row(model, values)
        with self._writers.held(urgent=urgent) if self._writers else nullcontext():
            self._alone(statement, row)

    def _alone(self, statement: Executable, params: dict[str, Any]) -> Row[Any] | None:
        """Run one statement alone in autocommit on the one-statement pool; its first row, if it returns
        rows. A connection the server dropped fails the statement, which runs once more on a fresh one."""
        for tries_left in (1, 0):
            try:
                with self._rows.connect() as connection:
                    result = connection.execute(statement, params)
                    return result.first() if result.returns_rows else None
            except DBAPIError as error:
                if not (error.connection_invalidated and tries_left):
                    raise
        raise AssertionError("unreachable")

    def migrate(self) -> None:
        """Bring the schema up to date; replicas starting together take turns."""
        with self.engine.begin() as connection:
            if not self.is_sqlite:
                connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            upgrade(connection)
            if self.is_sqlite:
                # The planner needs statistics to choose between indexes (without them the Home tab reads
                # every check-in answer by kind rather than by case). `PRAGMA optimize` gathers nothing on a
                # new connection before SQLite 3.46, so sample each index instead: milliseconds at 1M cases.
                connection.exec_driver_sql("PRAGMA analysis_limit=10000")
                connection.exec_driver_sql("ANALYZE")

    def ping(self) -> bool:
        """True when the database answers a trivial query."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception:
            return False
        return True

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
        self._reader.dispose()
        self._rows.dispose()


class WriteLock:
    """A reentrant lock whose urgent waiters go first: intake's batches never keep an acknowledgement waiting
    behind the next batch (a plain lock lets the thread that just released it take it straight back)."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._owner: int | None = None
        self._depth = 0
        self._urgent = 0  # urgent threads waiting

    @contextmanager
    def held(self, *, urgent: bool = False) -> Iterator[None]:
        """Hold the lock for the block."""
        me = threading.get_ident()
        with self._changed:
            if self._owner != me:
                self._urgent += urgent
                self._changed.wait_for(lambda: self._owner is None and (urgent or not self._urgent))
                self._urgent -= urgent
                self._owner = me
            self._depth += 1
        try:
            yield
        finally:
            with self._changed:
                self._depth -= 1
                if not self._depth:
                    self._owner = None
                    self._changed.notify_all()


def insert_once(session: Session, model: type[SQLModel], unique: str, **values: Any) -> int | None:
    """Add a row unless one with the same `unique` value exists: its new id, or None when it did."""
    _write_waiting(session, model)
    return session.connection().execute(_insert(session, model, unique), _row(model, values)).scalar()


def insert_row(session: Session, model: type[SQLModel], **values: Any) -> int:
    """Add a row and return its new id."""
    _write_waiting(session, model)
    return session.connection().execute(_insert(session, model, None), _row(model, values)).scalar_one()


def insert_soon(session: Session, model: type[SQLModel], unique: str | None, **values: Any) -> None:
    """Add a row (unless `unique` is taken) whose id nobody needs: now, or inside `inserts_later` at its end."""
    waiting = session.info.get(_WAITING)
    if waiting is None:
        session.connection().execute(_insert(session, model, unique), _row(model, values))
    else:
        waiting.setdefault(model, []).append((unique, _row(model, values)))


@contextmanager
def inserts_later(session: Session) -> Iterator[None]:
    """Rows added by `insert_soon` in the block wait for its end, and a table's go in one executemany of its
    `INSERT` (a batch of new cases: three for its timeline rows, nudges and owed calls, not six a case).

    In the same transaction, so nothing changes for a reader after commit. A table's rows keep their order:
    a row inserted at once into a table with rows waiting writes those first. Inside the block, a read of
    a table does not see its waiting rows: only writers that nobody reads back in the block use it; and a
    savepoint opened in it must `write_waiting` first, or rolling it back would take the rows with it.
    """
    if _WAITING in session.info:  # already inside one: its end writes
        yield
        return
    session.info[_WAITING] = {}
    try:
        yield
        write_waiting(session)
    finally:
        session.info.pop(_WAITING, None)


_WAITING = "rows_waiting"  # session.info: model -> [(unique, row)], in the order they were added


def write_waiting(session: Session) -> None:
    """Write every row `inserts_later` is holding, now."""
    _write_waiting(session, None)


def _write_waiting(session: Session, model: type[SQLModel] | None) -> None:
    """Write the rows waiting for `model`'s table (or every table's), in order, a run of alike rows a statement."""
    waiting = session.info.get(_WAITING)
    if not waiting:
        return
    for table in [model] if model is not None else list(waiting):
        rows = waiting.pop(table, [])
        for (unique, _), run in groupby(rows, key=lambda added: (added[0], tuple(added[1]))):
            # no RETURNING (nobody needs the ids): the driver's own executemany, one statement parsed once
            # (psycopg sends every row in one pipelined round trip); SQLAlchemy would instead render a
            # multi-row statement anew for each batch, too long for psycopg to remember its conversion
            statement = _insert_statement(session.get_bind().dialect.name, table.__table__, unique, False)  # type: ignore[attr-defined]
            session.connection().execute(statement, [row for _, row in run])


# insert_once and insert_row are the hot path of intake and firing: one statement built once per table, the
# model's defaults filled in, no savepoint, and no flush of the session's other changes (each write's
# statement rebuilt and every pending change flushed cost more than the write itself).
def _insert(session: Session, model: type[SQLModel], unique: str | None) -> Insert:
    return _insert_statement(session.get_bind().dialect.name, model.__table__, unique)  # type: ignore[attr-defined]


def _row(model: type[SQLModel], values: dict[str, Any]) -> dict[str, Any]:
    fixed, made = _defaults(model)
    return {**fixed, **{name: factory() for name, factory in made if name not in values}, **values}


@cache
def _defaults(model: type[SQLModel]) -> tuple[dict[str, Any], tuple[tuple[str, Any], ...]]:
    """A model's column defaults: the fixed ones, and the ones made per row (timestamps, empty JSON)."""
    columns = model.__table__.columns  # type: ignore[attr-defined]
    fixed, made = {}, []
    for name, field in model.model_fields.items():
        if name not in columns or columns[name].primary_key:
            continue
        if field.default_factory is not None:
            made.append((name, field.default_factory))
        elif field.default is not PydanticUndefined:
            fixed[name] = field.default
    return fixed, tuple(made)


@cache
def _insert_statement(dialect: str, table: Table, unique: str | None, returning: bool = True) -> Insert:
    insert = sqlite_insert if dialect == "sqlite" else postgresql_insert
    statement = (
        insert(table) if unique is None else insert(table).on_conflict_do_nothing(index_elements=[unique])
    )
    return statement.returning(*table.primary_key.columns) if returning else statement


def make_engine(url: str, *, reads_only: bool = False, autocommit: bool = False) -> Engine:
    """An engine tuned for many short transactions from several threads; or, `autocommit`, for single
    statements that read (no transaction begun or ended around them)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        _serialize_sqlite_writes(
            engine, begin=None if autocommit else "BEGIN" if reads_only else "BEGIN IMMEDIATE"
        )
        return engine
    if autocommit:
        # kept open for the request threads (8) that store events, so a burst does not open and close them
        return create_engine(url, isolation_level="AUTOCOMMIT", pool_size=8, max_overflow=8)
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


def _serialize_sqlite_writes(engine: Engine, *, begin: str | None) -> None:
    """SQLite: WAL, and BEGIN IMMEDIATE so concurrent writers wait instead of failing.

    A reading engine begins deferred: in WAL mode its reads never wait for the writer; with no `begin`,
    each statement is its own transaction.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    if begin is None:
        return

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql(begin)


def upgrade(connection: Connection) -> None:
    """Run Alembic's upgrade to head on an open connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
