"""2. Burst intake: complaints-channel messages sent as fast as the senders can, until every case is stored.

The bare app's figure is the time to acknowledge the same events; Bounceback's is the time until
exactly that many cases are in its database. A second run puts a per-channel pace on the stand-in's
chat.postMessage (429 with Retry-After above it) and times the case cards until all are posted.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.load import Load, run_load
from bench.serve import Served, settings_for
from bench.slackside import BenchStandIn, driver_for, slack_side
from bench.table import Row
from bot.sandbox import cast, payloads
from bot.sandbox.driver import SlackDriver
from bot.sandbox.objects import Json
from bot.sandbox.wire import Delivery

SENDERS = 16


def _complaints(standin: BenchStandIn, count: int) -> list[Json]:
    """`count` messages typed in the complaints channel, as the `message` events Slack would deliver."""
    texts = [f"Guest in room {100 + i % 400} waited an hour for room service (#{i})" for i in range(count)]
    return [payloads.message_event(m) for m in standin.post_many(cast.FRONT_DESK.id, cast.COMPLAINTS, texts)]


def _deliver(driver: SlackDriver, events: list[Json]) -> Callable[[int], Delivery]:
    return lambda i: driver.deliver_event(events[i])


def _count(database: Path, sql: str) -> int:
    with sqlite3.connect(database, timeout=30) as connection:
        return int(connection.execute(sql).fetchone()[0])


def _until(predicate: Callable[[], bool], *, since: float, limit: float) -> float | None:
    """Seconds from `since` until `predicate()` holds (polled every 20 ms), or None after `limit`s."""
    while not predicate():
        if time.monotonic() - since > limit:
            return None
        time.sleep(0.02)
    return time.monotonic() - since


def run(standin: BenchStandIn, *, events: int, time_limit: float) -> list[Row]:
    """Time the bare app acknowledging `events` events and Bounceback storing them as cases."""
    complaints = _complaints(standin, events)
    with tempfile.TemporaryDirectory(prefix="bench-burst-") as tmp:
        database = Path(tmp) / "burst.sqlite3"
        settings = settings_for(standin.api_url(), f"sqlite:///{database}")
        with Served("bare", settings) as bare:
            warm = driver_for(bare.url, standin)
            run_load(lambda i: warm.url_verification(), total=20, concurrency=4, time_limit=30)
            acked = run_load(
                _deliver(warm, complaints), total=events, concurrency=SENDERS, time_limit=time_limit
            )
        with Served("bounceback", settings) as ours:
            driver = driver_for(ours.url, standin)
            run_load(lambda i: driver.url_verification(), total=20, concurrency=4, time_limit=30)
            started = time.monotonic()
            load = run_load(
                _deliver(driver, complaints), total=events, concurrency=SENDERS, time_limit=time_limit
            )
            stored = _until(
                lambda: _count(database, 'SELECT count(*) FROM "case"') >= events,
                since=started,
                limit=time_limit,
            )
            ours.settle(time_limit)
            cases = _count(database, 'SELECT count(*) FROM "case"')
    return [_intake_row(events, acked, load, stored, cases)]


def _intake_row(events: int, acked: Load, load: Load, stored: float | None, cases: int) -> Row:
    exact = cases == events and acked.failures == 0 and load.failures == 0
    note = f"{cases} cases stored (exactly {events}: {'yes' if cases == events else 'NO'}); "
    note += f"Bounceback acked all {events} in {load.wall_s:.2f} s (ack p99 {load.percentile(99):.2f} s)"
    if acked.failures or load.failures:
        note += f"; failed acks: bare {acked.failures}, Bounceback {load.failures}"
    if stored is None:
        return Row(
            "2",
            f"{events} complaints → {events} cases",
            "not all stored",
            f"{acked.wall_s:.2f} s",
            None,
            "≥ 0.8× throughput",
            False,
            note,
        )
    ratio = (events / stored) / (events / acked.wall_s)
    return Row(
        "2",
        f"{events} complaint events → cases stored (throughput)",
        f"{stored:.2f} s ({events / stored:.0f}/s)",
        f"{acked.wall_s:.2f} s ({events / acked.wall_s:.0f}/s acked)",
        ratio,
        "≥ 0.8×",
        exact and ratio >= 0.8,
        note,
    )


def run_paced(*, events: int, pace: float, time_limit: float) -> list[Row]:
    """With the stand-in pacing chat.postMessage at `pace` per channel: time until every card is posted."""
    with (
        slack_side(pace_per_channel=pace) as standin,
        tempfile.TemporaryDirectory(prefix="bench-pace-") as tmp,
    ):
        complaints = _complaints(standin, events)
        database = Path(tmp) / "paced.sqlite3"
        with Served("bounceback", settings_for(standin.api_url(), f"sqlite:///{database}")) as ours:
            driver = driver_for(ours.url, standin)
            started = time.monotonic()
            run_load(_deliver(driver, complaints), total=events, concurrency=SENDERS, time_limit=time_limit)
            posted = _until(
                lambda: standin.bot_post_count(cast.COMPLAINTS) >= events, since=started, limit=time_limit
            )
            cards = standin.bot_post_count(cast.COMPLAINTS)
            failed = _count(database, "SELECT count(*) FROM outbox WHERE state = 'failed'")
            waiting = _count(
                database, "SELECT count(*) FROM outbox WHERE purpose = 'card' AND state != 'sent'"
            )
            throttled = standin.paced_faults()
    ideal = events / pace
    note = f"{throttled} answered 429 by the pace; {failed} outbox rows failed, {waiting} cards still owed"
    lost = failed > 0 or cards > events
    if posted is None:
        value = f"{cards}/{events} posted in {time_limit:.0f} s"
        return [
            Row(
                "2",
                f"{events} case cards at ≤ {pace:.0f}/s per channel",
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
            f"{events} case cards at ≤ {pace:.0f}/s per channel",
            f"{posted:.1f} s",
            f"{ideal:.0f} s at the pace",
            posted / ideal,
            "all posted, none lost",
            not lost,
            note,
        )
    ]
