"""2. Burst intake: 1,000 complaint events as fast as 16 senders can deliver them, until every case is stored.

Slack's Events API delivers at most 30,000 events per workspace per hour (8.3 a second), so a
burst of 1,000 complaints is more than two minutes of the most Slack would send; the rows ask
that every event is acknowledged quickly (p99 ≤ 0.5 s) while it lasts, that cases are stored at
ten times Slack's ceiling, and what a case costs: the server process's own CPU time (utime +
stime from /proc, whole process: HTTP, Bolt, the inbox, intake, and the sender posting the card,
the leader's DM and Home tab), from the first event until everything owed is delivered, per case.
The bare app's CPU per acknowledged event is the floor of HTTP and Bolt alone. A second run puts
Slack's `chat.postMessage` pace (about one message a second per channel) on the stand-in.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

from bench.history_db import postgres_database
from bench.load import run_load
from bench.serve import Served, settings_for
from bench.slackside import BenchStandIn, driver_for, slack_side
from bench.table import Row
from bot.sandbox import cast, payloads
from bot.sandbox.driver import SlackDriver
from bot.sandbox.objects import Json
from bot.sandbox.wire import Delivery

SENDERS = 16
SLACK_EVENTS_PER_S = 30_000 / 3600  # the Events API's ceiling per workspace
CPU_TARGET_MS = {"SQLite": 8.0, "PostgreSQL": 10.0}


def _complaints(standin: BenchStandIn, count: int) -> list[Json]:
    """`count` messages typed in the complaints channel, as the `message` events Slack would deliver."""
    texts = [f"Guest in room {100 + i % 400} waited an hour for room service (#{i})" for i in range(count)]
    return [payloads.message_event(m) for m in standin.post_many(cast.FRONT_DESK.id, cast.COMPLAINTS, texts)]


def _deliver(driver: SlackDriver, events: list[Json]) -> Callable[[int], Delivery]:
    return lambda i: driver.deliver_event(events[i])


def count(url: str, sql: str) -> int:
    """One number from the database at `url` (SQLAlchemy URL, SQLite or PostgreSQL)."""
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///"), timeout=30) as connection:
            return int(connection.execute(sql).fetchone()[0])
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1)) as connection:
        return int(connection.execute(sql).fetchone()[0])  # type: ignore[index]


def _until(predicate: Callable[[], bool], *, since: float, limit: float) -> float | None:
    """Seconds from `since` until `predicate()` holds (polled every 20 ms), or None after `limit`s."""
    while not predicate():
        if time.monotonic() - since > limit:
            return None
        time.sleep(0.02)
    return time.monotonic() - since


@contextmanager
def _databases(postgres: bool) -> Iterator[dict[str, str]]:
    with tempfile.TemporaryDirectory(prefix="bench-burst-") as tmp:
        urls = {"SQLite": f"sqlite:///{Path(tmp) / 'burst.sqlite3'}"}
        if not postgres:
            yield urls
            return
        with postgres_database() as url:
            yield {**urls, "PostgreSQL": url}


def run(standin: BenchStandIn, *, events: int, time_limit: float, postgres: bool) -> list[Row]:
    """The bare app acknowledging `events` events, then Bounceback storing them, on each database."""
    rows: list[Row] = []
    with _databases(postgres) as urls:
        complaints = _complaints(standin, events)
        with Served("bare", settings_for(standin.api_url(), urls["SQLite"])) as bare:
            warm = driver_for(bare.url, standin)
            run_load(lambda i: warm.url_verification(), total=20, concurrency=4, time_limit=30)
            before = bare.cpu_seconds()
            acked = run_load(
                _deliver(warm, complaints), total=events, concurrency=SENDERS, time_limit=time_limit
            )
            bare_ms = (bare.cpu_seconds() - before) * 1000 / max(1, acked.sent)
        for backend, url in urls.items():
            if backend != "SQLite":
                complaints = _complaints(standin, events)  # new messages: new cases
            rows += _burst(standin, backend, url, complaints, time_limit=time_limit, bare_ms=bare_ms)
    return rows


def _burst(
    standin: BenchStandIn,
    backend: str,
    url: str,
    complaints: list[Json],
    *,
    time_limit: float,
    bare_ms: float,
) -> list[Row]:
    events = len(complaints)
    with Served("bounceback", settings_for(standin.api_url(), url)) as ours:
        driver = driver_for(ours.url, standin)
        run_load(lambda i: driver.url_verification(), total=20, concurrency=4, time_limit=30)
        ours.settle()
        before, started = ours.cpu_seconds(), time.monotonic()
        load = run_load(
            _deliver(driver, complaints), total=events, concurrency=SENDERS, time_limit=time_limit
        )
        stored = _until(
            lambda: count(url, 'SELECT count(*) FROM "case"') >= events, since=started, limit=time_limit
        )
        settled = ours.settle(time_limit)
        cpu_ms = (ours.cpu_seconds() - before) * 1000
        cases = count(url, 'SELECT count(*) FROM "case"')
    exact = cases == events and not load.failures and load.sent == events and settled
    note = f"{cases} cases (exactly {events}: {'yes' if exact else 'NO'})"
    rows = [
        Row(
            "2",
            f"intake CPU per case, {backend} (whole process, CPU)",
            f"{cpu_ms / max(1, cases):.1f} ms",
            f"{bare_ms:.1f} ms an event acked",
            (cpu_ms / max(1, cases)) / bare_ms,
            f"≤ {CPU_TARGET_MS[backend]:g} ms",
            exact and cpu_ms / max(1, cases) <= CPU_TARGET_MS[backend],
            note + "; from the first event until every card, DM and Home tab was delivered",
        ),
        Row(
            "2",
            f"ack p99 during a {events}-event burst, {backend} (latency)",
            f"{load.percentile(99):.2f} s",
            "3 s (Slack's limit)",
            load.percentile(99) / 3,
            "≤ 0.5 s, every event acked",
            not load.failures and load.sent == events and load.percentile(99) <= 0.5,
            f"p50 {load.percentile(50) * 1000:.0f} ms; all {load.sent} acked in {load.wall_s:.1f} s"
            + (f"; {load.failures} not acknowledged" if load.failures else ""),
        ),
    ]
    per_s = events / stored if stored else 0.0
    rows.append(
        Row(
            "2",
            f"cases stored a second in a {events}-event burst, {backend} (throughput)",
            f"{per_s:.0f}/s" if stored else f"not all stored in {time_limit:.0f} s",
            f"{SLACK_EVENTS_PER_S:.1f}/s (Slack's ceiling)",
            per_s / SLACK_EVENTS_PER_S,
            "≥ 10×",
            exact and per_s >= 10 * SLACK_EVENTS_PER_S,
            f"{events} stored in {stored:.1f} s" if stored else "",
        )
    )
    return rows


def run_paced(*, events: int, pace: float, time_limit: float) -> list[Row]:
    """With the stand-in pacing chat.postMessage at `pace` per channel: time until every card is posted."""
    with (
        slack_side(pace_per_channel=pace) as standin,
        tempfile.TemporaryDirectory(prefix="bench-pace-") as tmp,
    ):
        complaints = _complaints(standin, events)
        url = f"sqlite:///{Path(tmp) / 'paced.sqlite3'}"
        with Served("bounceback", settings_for(standin.api_url(), url)) as ours:
            driver = driver_for(ours.url, standin)
            started = time.monotonic()
            run_load(_deliver(driver, complaints), total=events, concurrency=SENDERS, time_limit=time_limit)
            posted = _until(
                lambda: standin.bot_post_count(cast.COMPLAINTS) >= events, since=started, limit=time_limit
            )
            cards = standin.bot_post_count(cast.COMPLAINTS)
            owed_cards = "SELECT count(*) FROM outbox WHERE purpose = 'card' AND state != 'sent'"
            # the last card is in the channel a moment before the sender records it sent
            _until(lambda: count(url, owed_cards) == 0, since=time.monotonic(), limit=5)
            failed = count(url, "SELECT count(*) FROM outbox WHERE state = 'failed'")
            waiting = count(url, owed_cards)
            throttled = standin.paced_faults()
    ideal = events / pace
    note = f"{throttled} answered 429 by the pace; {failed} outbox rows failed, {waiting} cards still owed"
    lost = failed > 0 or cards > events
    if posted is None:
        value = f"{cards}/{events} posted in {time_limit:.0f} s"
        return [
            Row(
                "2",
                f"{events} case cards at Slack's pace, ≤ {pace:g}/s per channel (latency)",
                value,
                f"{ideal:.0f} s at the pace",
                None,
                "all posted, none lost",
                False,
                note,
            )
        ]
    return [
        Row(
            "2",
            f"{events} case cards at Slack's pace, ≤ {pace:g}/s per channel (latency)",
            f"{posted:.1f} s",
            f"{ideal:.0f} s at the pace",
            posted / ideal,
            "all posted, none lost",
            not lost,
            note,
        )
    ]
