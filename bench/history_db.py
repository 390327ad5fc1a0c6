"""Databases for the history benchmark: migrated by Bounceback, filled in bulk, dropped afterwards."""

from __future__ import annotations

import os
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import psycopg

from bench.history_data import STAGE, STAGE_COLUMNS, derive, stage_rows, stage_table
from bot.store.db import Database

POSTGRES = os.environ.get("BOUNCEBACK_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


def postgres_version() -> str | None:
    """The server's version, or None when no PostgreSQL answers."""
    try:
        with psycopg.connect(POSTGRES, connect_timeout=3) as connection:
            row = connection.execute("SHOW server_version").fetchone()
            return str(row[0]).split()[0] if row else None
    except psycopg.OperationalError:
        return None


@contextmanager
def postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database (SQLAlchemy URL), dropped on exit."""
    name = f"bounceback_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(POSTGRES, autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = POSTGRES.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(POSTGRES, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fill(url: str, count: int, *, now: datetime) -> float:
    """Migrate the database at `url` and load `count` cases with their history; seconds it took."""
    started = time.monotonic()
    database = Database(url)
    database.migrate()
    database.dispose()
    if url.startswith("sqlite"):
        _fill_sqlite(Path(url.removeprefix("sqlite:///")), count, now.timestamp())
    else:
        _fill_postgres(url.replace("postgresql+psycopg://", "postgresql://", 1), count, now.timestamp())
    return time.monotonic() - started


def _fill_sqlite(path: Path, count: int, now: float) -> None:
    # Loading only: no journal, no fsync. The benchmark reads the file as Bounceback leaves it (no ANALYZE).
    with sqlite3.connect(path, isolation_level=None) as connection:
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
        connection.execute("PRAGMA cache_size=-262144")  # 256 MiB: index pages stay in memory while loading
        connection.execute("BEGIN")
        connection.execute(stage_table("sqlite"))
        marks = ", ".join("?" * (STAGE_COLUMNS.count(",") + 1))
        for rows in stage_rows(count, now=now):
            connection.executemany(f"INSERT INTO {STAGE} ({STAGE_COLUMNS}) VALUES ({marks})", rows)
        for statement in derive("sqlite", now):
            connection.execute(statement)
        connection.execute("COMMIT")
        connection.execute("PRAGMA journal_mode=WAL")


def _fill_postgres(url: str, count: int, now: float) -> None:
    # COPY, then VACUUM ANALYZE: what autovacuum would have done to a database this size by now.
    # Loading only: foreign-key triggers off for this session (the rows are consistent by construction).
    with psycopg.connect(url) as connection:
        connection.execute("SET session_replication_role = replica")
        connection.execute("SET work_mem = '256MB'")
        connection.execute(stage_table("postgresql"))
        with connection.cursor() as cursor:
            with cursor.copy(f"COPY {STAGE} ({STAGE_COLUMNS}) FROM STDIN") as copy:
                for rows in stage_rows(count, now=now):
                    for row in rows:
                        copy.write_row(row)
            for statement in derive("postgresql", now):
                cursor.execute(statement)
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('\"case\"', 'id'), (SELECT max(id) FROM \"case\"))"
            )
        connection.commit()
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def sqlite_size_mib(path: Path) -> float:
    """The database file's size."""
    return path.stat().st_size / 2**20
