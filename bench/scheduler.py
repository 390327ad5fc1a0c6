"""3. Scheduler at scale: 100,000 pending nudges far in the future, and 1,000 falling due in one second.

Rows go straight into the `nudge` table (and `case`, for the nudges that fire), as a long-running
deployment would hold them. Memory and idle CPU are the server process's own (/proc); a tick is
timed by running the clock's own job, `schedules.jobs:tick`, against the same database.
"""

from __future__ import annotations

import json
import math
import sqlite3
import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.serve import Served, settings_for
from bench.slackside import BenchStandIn
from bench.table import Row
from bot.policy.reader import load_policy
from bot.runtime import build_runtime
from bot.sandbox import cast
from bot.slack.context import Runtime
from schedules import jobs

FAR = timedelta(days=30)
OWNER = cast.SUPPORT.id


def stamp(at: datetime) -> str:
    """A datetime as SQLAlchemy stores it in SQLite: naive UTC with microseconds."""
    return at.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def insert_pending(database: Path, count: int) -> None:
    """`count` pending nudges due 30 to 60 days from now, on no case."""
    now = datetime.now(UTC)
    rows = (
        (
            f"bench:far:{i}",
            ("fix_reminder", "checkin", "apology_escalate")[i % 3],
            OWNER,
            stamp(now + FAR + timedelta(seconds=i * 26)),
            json.dumps({"version": 1, "when": "due"}),
            stamp(now),
        )
        for i in range(count)
    )
    with sqlite3.connect(database, timeout=30) as connection:
        connection.executemany(
            "INSERT INTO nudge (key, kind, recipient_id, due_at, state, payload, deferrals, created_at) "
            "VALUES (?, ?, ?, ?, 'pending', ?, 0, ?)",
            rows,
        )


def insert_due(database: Path, dues: list[datetime], tag: str) -> dict[int, datetime]:
    """A case with an assigned fix for each of `dues`, its "due" reminder falling due then; by case id."""
    now, owed, count = datetime.now(UTC), stamp(max(dues) + timedelta(days=1)), len(dues)
    with sqlite3.connect(database, timeout=30) as connection:
        first = connection.execute('SELECT coalesce(max(id), 0) FROM "case"').fetchone()[0] + 1
        connection.executemany(
            'INSERT INTO "case" (id, source_key, source, summary, reporter_id, severity, severity_reasons, '
            "status, created_at, updated_at, fix_owner_id, fix_due_at, fix_status, fix_version, "
            "apology_state, apology_round, apology_errors) VALUES (?, ?, 'command', ?, ?, 'minor', '[]', "
            "'fix_assigned', ?, ?, ?, ?, 'assigned', 1, 'none', 0, 0)",
            [
                (
                    first + i,
                    f"bench:{tag}:{i}",
                    f"Bench case {tag} {i}",
                    cast.FRONT_DESK.id,
                    stamp(now),
                    stamp(now),
                    OWNER,
                    owed,
                )
                for i in range(count)
            ],
        )
        connection.executemany(
            "INSERT INTO nudge (key, kind, case_id, recipient_id, due_at, state, payload, deferrals, created_at) "
            "VALUES (?, 'fix_reminder', ?, ?, ?, 'pending', ?, 0, ?)",
            [
                (
                    f"fix:{first + i}:v1:due",
                    first + i,
                    OWNER,
                    stamp(dues[i]),
                    json.dumps({"version": 1, "when": "due"}),
                    stamp(now),
                )
                for i in range(count)
            ],
        )
        return {first + i: at for i, at in enumerate(dues)}


def lateness(database: Path, dues: dict[int, datetime], *, limit: float) -> list[float]:
    """Seconds from each case's due time until its nudge is seen done (committed), polled every 20 ms; sorted."""
    seen: dict[int, float] = {}
    ids = list(dues)
    query = f"SELECT case_id FROM nudge WHERE state = 'done' AND case_id IN ({','.join('?' * len(ids))})"
    deadline = max(dues.values()).timestamp() + limit
    with sqlite3.connect(database, timeout=30) as connection:
        while len(seen) < len(ids) and time.time() < deadline:
            now = time.time()
            for (case_id,) in connection.execute(query, ids):
                seen.setdefault(case_id, now - dues[case_id].timestamp())
            time.sleep(0.02)
    return sorted(seen.values())


def _tick_ms(runtime: Runtime, count: int) -> list[float]:
    jobs.bind(runtime)
    spent = []
    for _ in range(count):
        started = time.perf_counter()
        jobs.tick()
        spent.append((time.perf_counter() - started) * 1000)
    return sorted(spent)


def _cpu_ms_per_s(served: Served, seconds: float) -> float:
    before = served.cpu_seconds()
    time.sleep(seconds)
    return (served.cpu_seconds() - before) * 1000 / seconds


def _next_second(after: float) -> datetime:
    return datetime.fromtimestamp(math.ceil(time.time() + after), UTC)


@dataclass(frozen=True)
class Seen:
    """What the scheduler benchmark measured: before (idle) and after inserting the pending nudges."""

    pending: int
    due: int
    rss: tuple[float, float]  # MiB
    cpu: tuple[float, float]  # ms of CPU per second, idle server
    ticks: tuple[list[float], list[float]]  # ms, sorted
    singles: list[float]  # lateness of nudges due alone, s
    late: list[float]  # lateness of the `due` nudges due together, s, sorted
    owed: int  # reminders owed to Slack by all of them


def run(standin: BenchStandIn, *, pending: int, due: int, ticks: int) -> list[Row]:
    """Memory, idle CPU and tick cost with `pending` far nudges; lateness of `due` nudges due together."""
    with tempfile.TemporaryDirectory(prefix="bench-clock-") as tmp:
        database = Path(tmp) / "clock.sqlite3"
        settings = settings_for(standin.api_url(), f"sqlite:///{database}")
        with Served("bounceback", settings) as ours:
            runtime = build_runtime(settings, load_policy(settings.policy_path))
            time.sleep(3)
            idle_rss, idle_cpu, idle_ticks = ours.rss_mib(), _cpu_ms_per_s(ours, 5), _tick_ms(runtime, ticks)
            insert_pending(database, pending)
            time.sleep(3)
            full_ticks, full_cpu = _tick_ms(runtime, ticks), _cpu_ms_per_s(ours, 5)
            full_rss = ours.rss_mib()
            singles = []
            for n in range(5):  # alone, at five phases of the clock's second
                at = [_next_second(1.5) + timedelta(seconds=n / 5)]
                singles += lateness(database, insert_due(database, at, f"single{n}"), limit=30)
            start = _next_second(3)
            together = [start + timedelta(microseconds=i * 997) for i in range(due)]  # all within one second
            late = lateness(database, insert_due(database, together, "burst"), limit=60)
            ours.settle(120)
            with sqlite3.connect(database) as connection:
                query = "SELECT count(*) FROM outbox WHERE key LIKE 'nudge:fix:%'"
                owed = connection.execute(query).fetchone()[0]
            runtime.db.dispose()
    seen = Seen(
        pending,
        due,
        (idle_rss, full_rss),
        (idle_cpu, full_cpu),
        (idle_ticks, full_ticks),
        singles,
        late,
        owed,
    )
    return [_memory_row(seen), _tick_row(seen), _lateness_row(seen)]


def _size(seen: Seen) -> str:
    return f"{seen.pending // 1000}k" if seen.pending >= 1000 else str(seen.pending)


def _memory_row(seen: Seen) -> Row:
    idle, full = seen.rss
    return Row(
        "3",
        f"RSS with {_size(seen)} pending nudges",
        f"{full:.0f} MiB",
        f"{idle:.0f} MiB idle",
        full / idle,
        "≤ 1.2×",
        full / idle <= 1.2,
    )


def _tick_row(seen: Seen) -> Row:
    idle, full = (statistics.median(t) for t in seen.ticks)
    return Row(
        "3",
        f"one clock tick, nothing due, {_size(seen)} pending",
        f"{full:.1f} ms",
        f"{idle:.1f} ms (empty)",
        full / idle,
        "≤ 50 ms",
        full <= 50,
        f"median of {len(seen.ticks[1])}; max {seen.ticks[1][-1]:.1f} ms; server idle CPU "
        f"{seen.cpu[1]:.0f} ms/s (empty: {seen.cpu[0]:.0f} ms/s)",
    )


def _lateness_row(seen: Seen) -> Row:
    late, label = seen.late, f"lateness of {seen.due} nudges due in one second (p99)"
    if not late:
        return Row("3", label, "none fired", "—", None, "≤ 2 s", False)
    p99 = late[min(len(late) - 1, math.ceil(0.99 * len(late)) - 1)]
    single = max(seen.singles)
    exact = len(late) == seen.due and seen.owed == seen.due + len(seen.singles)
    return Row(
        "3",
        label,
        f"{p99:.2f} s",
        f"{single:.2f} s (one nudge alone)",
        p99 / single,
        "≤ 2 s",
        exact and p99 <= 2.0,
        f"p50 {statistics.median(late):.2f} s, max {late[-1]:.2f} s; {len(late)}/{seen.due} fired, "
        f"{seen.owed - len(seen.singles)} reminders owed (exactly once: {'yes' if exact else 'NO'})",
    )
