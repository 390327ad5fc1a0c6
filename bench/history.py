"""4. History: `/recover stats 90d` and the App Home over a long history, against hand-written SQL.

`/recover stats 90d` is `bot.recovery.metrics.figures` plus its summary lines; the Home tab is what
`bot.recovery.home.HomeTab` draws: the team's 7-day figures and the queue of a team lead (the
person with the most check-ins and apologies waiting). Each is timed as the
median of several runs after a warm-up, then the baseline the same way on the same database.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg

from bench import history_sql
from bench.history_db import fill, postgres_database
from bench.serve import POLICY
from bench.table import Row
from bot.policy.model import Policy
from bot.policy.reader import load_policy
from bot.recovery import home, metrics
from bot.recovery.messages.figures import summary_lines
from bot.recovery.messages.home import home_view
from bot.sandbox import cast
from bot.store.db import Database

VIEWER = cast.LEAD.id


def _median_s(run: Callable[[], object], repeats: int) -> float:
    run()  # warm-up: caches, compiled statements
    spent = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        spent.append(time.perf_counter() - started)
    return statistics.median(spent)


def _stats(
    db: Database, policy: Policy, since: datetime, until: datetime
) -> Callable[[], tuple[list[str], metrics.Figures]]:
    def run() -> tuple[list[str], metrics.Figures]:
        with db.session() as session:
            fig = metrics.figures(session, policy=policy, since=since, until=until)
            return summary_lines(fig, policy=policy), fig

    return run


def _home(db: Database, policy: Policy, until: datetime) -> Callable[[], object]:
    """A Home tab drawn with the team's figures counted afresh (what the first draw in 30 s pays)."""

    def run() -> object:
        with db.session() as session:
            fig = metrics.figures(session, policy=policy, since=until - timedelta(days=7), until=until)
            return home_view(policy, home.queue(session, user_id=VIEWER), team=fig, now=until)

    return run


def _connect(url: str) -> Any:
    if url.startswith("sqlite"):
        return sqlite3.connect(url.removeprefix("sqlite:///"))
    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1))


def measure(url: str, count: int, repeats: int, backend: str, *, loaded: float) -> list[Row]:
    """Time stats and Home against the raw SQL on a database filled with `count` cases."""
    policy = load_policy(POLICY)
    db = Database(url)
    db.migrate()  # what Bounceback does when it starts on this database (SQLite: the planner's statistics)
    dialect = history_sql.Dialect(db.engine.dialect.name)
    until = datetime.now(UTC)
    since = until - metrics.WINDOWS["90d"]
    connection = _connect(url)
    try:
        _, fig = _stats(db, policy, since, until)()
        wrong = history_sql.differences(
            history_sql.from_figures(fig), history_sql.figures(connection, dialect, since, until)
        )
        ours = _median_s(_stats(db, policy, since, until), repeats)
        raw = _median_s(lambda: history_sql.figures(connection, dialect, since, until), repeats)
        home_ours = _median_s(_home(db, policy, until), repeats)
        raw_home = _median_s(
            lambda: (
                history_sql.figures(connection, dialect, until - timedelta(days=7), until),
                history_sql.home(connection, dialect, VIEWER),
            ),
            repeats,
        )
        alone = _median_s(lambda: _home_alone(db, policy), repeats)
    finally:
        connection.close()
        db.dispose()
    size = f"{count // 1000}k" if count < 1_000_000 else f"{count / 1e6:g}M"
    check = "same figures as the SQL" if not wrong else "DIFFERENT figures: " + ", ".join(wrong)
    return [
        Row(
            "4",
            f"/recover stats 90d, {size} cases, {backend}",
            f"{ours * 1000:.0f} ms",
            f"{raw * 1000:.0f} ms SQL",
            ours / raw,
            "≤ 1.5×",
            ours / raw <= 1.5 and not wrong,
            f"{check}; loaded in {loaded:.0f} s (both databases at once)",
        ),
        Row(
            "4",
            f"App Home, {size} cases, {backend}",
            f"{home_ours * 1000:.0f} ms",
            f"{raw_home * 1000:.0f} ms SQL",
            home_ours / raw_home,
            "≤ 1.5×",
            home_ours / raw_home <= 1.5,
            f"7-day team figures + a team lead's queues; queue alone {alone * 1000:.0f} ms",
        ),
    ]


def _home_alone(db: Database, policy: Policy) -> object:
    """What a Home refresh pays while the team's figures are fresh: the viewer's queue, drawn."""
    with db.session() as session:
        return home_view(policy, home.queue(session, user_id=VIEWER), team=None, now=datetime.now(UTC))


def run(*, count: int, repeats: int, postgres: bool) -> list[Row]:
    """The history rows on SQLite, and on PostgreSQL when a server answers.

    Both databases are filled at once (PostgreSQL's from a process of its own) before either is
    measured: filling is not measured, and a million cases take minutes each.
    """
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-history-")))
        urls = {"SQLite": f"sqlite:///{tmp / 'history.sqlite3'}"}
        if postgres:
            urls["PostgreSQL"] = stack.enter_context(postgres_database())
        now = datetime.now(UTC)
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            loading = {b: pool.submit(fill, url, count, now=now) for b, url in urls.items() if b != "SQLite"}
            loaded = {"SQLite": fill(urls["SQLite"], count, now=now)}
            loaded |= {backend: future.result() for backend, future in loading.items()}
        rows = [r for b, url in urls.items() for r in measure(url, count, repeats, b, loaded=loaded[b])]
    if not postgres:
        rows.append(Row("4", "history on PostgreSQL", "not run", "—", None, "≤ 1.5×", None, "no server"))
    return rows
