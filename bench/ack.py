"""1. Acknowledgements: latency at fixed arrival rates (open loop), and presses a second from 16 senders.

Slack's arrivals do not wait for our answers, so the latency rows are an open loop: requests go
out on a schedule (10, 50 and 100 a second) and each latency runs from the request's due time
(`bench.load.run_rate`). Every point is three runs of each app, taken in turn (bare, Bounceback,
Bounceback, bare, …) so both meet the same neighbours on the machine; the row shows the median
of the three runs' percentiles and the note the samples behind it. The closed loop (16 senders,
each waiting for its answer) measures throughput only. Bounceback's work after each
acknowledgement runs during the run, and both servers finish (`settle`) between runs; the CPU
per request is the server process's own (utime + stime), work after the acknowledgement included.
"""

from __future__ import annotations

import statistics
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bench.load import Load, Preparing, prepared, run_load, run_rate
from bench.serve import Served, settings_for
from bench.slackside import BenchStandIn, driver_for
from bench.table import Row
from bot.recovery.messages.ids import Action
from bot.sandbox import cast

TEXTS = (
    "The waiter was rude to the Garcia family and they waited 40 minutes for a table",
    "Room 412 was not cleaned before check-in; the guest wants a refund",
    "Guest Ana Silva (ana@example.com) was charged twice for the minibar",
    "The shuttle missed the 7am pickup and the guest missed a meeting",
    "Cold food at the wedding buffet, the bride's father is upset",
)
Prepare = Callable[[Preparing, int], object]
TARGETS = {50: (2.0, None), 100: (3.0, 0.050)}  # rate: (p99 at most this × the bare app's, and ≤ seconds)
CLOSED_SENDERS = 16
RUNS = 3


@dataclass(frozen=True)
class Point:
    """One app at one rate: its runs, and the server CPU each request cost."""

    loads: tuple[Load, ...]
    cpu_s: float

    def percentile(self, p: float) -> float:
        """The median over the runs of each run's p-th percentile."""
        return statistics.median(load.percentile(p) for load in self.loads)

    @property
    def samples(self) -> int:
        """Latencies measured, all runs together."""
        return sum(len(load.latencies) for load in self.loads)

    @property
    def failures(self) -> int:
        """Requests that were not acknowledged with a 2xx."""
        return sum(load.failures + load.planned - load.sent for load in self.loads)

    @property
    def cpu_per_request_ms(self) -> float:
        """The server's CPU time per request sent, in ms (work after the acknowledgement included)."""
        return self.cpu_s * 1000 / max(1, sum(load.sent for load in self.loads))


def _command(driver: Preparing, i: int) -> object:
    return driver.command(cast.FRONT_DESK.id, f"new {TEXTS[i % len(TEXTS)]} (#{i})")


def _press(card_ts: str) -> Prepare:
    def prepare(driver: Preparing, i: int) -> object:
        return driver.block_action(cast.ADMIN.id, Action.CHANGE_SEVERITY, message=(cast.COMPLAINTS, card_ts))

    return prepare


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _measure(
    servers: Mapping[str, Served], standin: BenchStandIn, prepare: Prepare, *, rate: float, samples: int
) -> dict[str, Point]:
    """Three runs of each app at `rate`, in turn; a short warm-up before each app's first."""
    loads: dict[str, list[Load]] = {name: [] for name in servers}
    cpu = dict.fromkeys(servers, 0.0)
    order = list(servers)
    for run in range(RUNS):
        for name in order if run % 2 == 0 else reversed(order):
            server = servers[name]
            if run == 0:
                run_rate(server.url, prepare, standin, rate=rate, total=max(10, int(rate)), time_limit=30)
                _settle(server)
            before = server.cpu_seconds()
            loads[name].append(
                run_rate(
                    server.url, prepare, standin, rate=rate, total=samples, time_limit=samples / rate + 30
                )
            )
            _settle(server)
            cpu[name] += server.cpu_seconds() - before
    return {name: Point(tuple(loads[name]), cpu[name]) for name in servers}


def _settle(server: Served) -> None:
    if not server.settle():
        raise RuntimeError(f"{server.kind} did not finish its work after a run")


def _rate_rows(surface: str, rate: int, points: dict[str, Point], note: str) -> list[Row]:
    bare, ours = points["bare"], points["bounceback"]
    rows = []
    for p in (50, 99):
        mine, theirs = ours.percentile(p), bare.percentile(p)
        target, met = "—", None
        if p == 99 and rate in TARGETS:
            times, ceiling = TARGETS[rate]
            target = f"≤ {times:g}×" + (f" and ≤ {ceiling * 1000:.0f} ms" if ceiling else "")
            met = mine / theirs <= times and (ceiling is None or mine <= ceiling) and not ours.failures
        elif p == 99:
            note += "; reported only (too few samples to hold a p99 to a target)"
        rows.append(
            Row(
                "1",
                f"{surface} ack p{p} at {rate}/s (latency, open loop)",
                _ms(mine),
                _ms(theirs),
                mine / theirs,
                target,
                met,
                note if p == 99 else "",
            )
        )
    return rows


def _point_note(points: dict[str, Point], extra: str = "") -> str:
    bare, ours = points["bare"], points["bounceback"]
    parts = [
        f"{ours.samples} samples an app in {RUNS} runs",
        f"server CPU {ours.cpu_per_request_ms:.1f} ms a request (bare {bare.cpu_per_request_ms:.1f})",
    ]
    parts += [
        f"{name}: {point.failures} not acknowledged" for name, point in points.items() if point.failures
    ]
    return "; ".join(parts + ([extra] if extra else []))


def run(standin: BenchStandIn, *, samples: Mapping[int, int], closed: int) -> list[Row]:
    """Change severity at each rate, `/recover new` at the lowest, and presses a second from 16 senders."""
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-ack-") as tmp:
        settings = settings_for(standin.api_url(), f"sqlite:///{Path(tmp) / 'ack.sqlite3'}")
        with Served("bare", settings) as bare, Served("bounceback", settings) as ours:
            servers = {"bare": bare, "bounceback": ours}
            driver_for(ours.url, standin).command(cast.FRONT_DESK.id, f"new {TEXTS[0]}")
            _settle(ours)
            card_ts = standin.latest_bot_post(cast.COMPLAINTS, Action.CHANGE_SEVERITY)
            if card_ts is None:
                raise RuntimeError("no case card with a Change severity button was posted")
            press = _press(card_ts)
            for rate, count in sorted(samples.items()):
                views = standin.opened_view_count()
                points = _measure(servers, standin, press, rate=rate, samples=count)
                opened = standin.opened_view_count() - views
                presses = sum(load.sent for load in points["bounceback"].loads) + max(10, rate)
                rows += _rate_rows(
                    "Change severity", rate, points, _point_note(points, f"modals opened {opened}/{presses}")
                )
            lowest = min(samples)
            points = _measure(servers, standin, _command, rate=lowest, samples=samples[lowest])
            rows += _rate_rows("/recover new", lowest, points, _point_note(points))
            rows.append(_closed(servers, standin, press, total=closed))
    return rows


def _closed(servers: Mapping[str, Served], standin: BenchStandIn, prepare: Prepare, *, total: int) -> Row:
    """Presses a second from 16 senders that each wait for their answer: throughput, not latency."""
    rates, cpu = {}, {}
    for name, server in servers.items():
        driver = driver_for(server.url, standin)
        send = prepared(standin, prepare, lambda i, driver=driver: driver)
        run_load(send, total=50, concurrency=CLOSED_SENDERS, time_limit=60)
        _settle(server)
        before = server.cpu_seconds()
        load = run_load(send, total=total, concurrency=CLOSED_SENDERS, time_limit=120)
        _settle(server)
        rates[name] = len(load.latencies) / load.wall_s
        cpu[name] = (server.cpu_seconds() - before) * 1000 / max(1, load.sent)
    ratio = rates["bounceback"] / rates["bare"]
    return Row(
        "1",
        f"Change severity presses a second, {CLOSED_SENDERS} senders (throughput, closed loop)",
        f"{rates['bounceback']:.0f}/s",
        f"{rates['bare']:.0f}/s",
        ratio,
        "≥ 0.6×",
        ratio >= 0.6,
        f"{total} presses each; server CPU {cpu['bounceback']:.1f} ms a press (bare {cpu['bare']:.1f})",
    )
