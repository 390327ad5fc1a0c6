"""1. Ack latency: `/recover new <text>` and a Change severity press, at 1, 8 and 16 concurrent senders.

Both apps get the same signed requests from the same driver; Bounceback's work after each
acknowledgement runs while the next requests arrive (that is what it costs in production), and
it is allowed to finish (`settle`) between runs so one run's backlog never lands on the next.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.load import Load, run_load
from bench.serve import Served, settings_for
from bench.slackside import BenchStandIn, driver_for
from bench.table import Row
from bot.recovery.messages.ids import Action
from bot.sandbox import cast
from bot.sandbox.driver import SlackDriver
from bot.sandbox.wire import Delivery

TEXTS = (
    "The waiter was rude to the Garcia family and they waited 40 minutes for a table",
    "Room 412 was not cleaned before check-in; the guest wants a refund",
    "Guest Ana Silva (ana@example.com) was charged twice for the minibar",
    "The shuttle missed the 7am pickup and the guest missed a meeting",
    "Cold food at the wedding buffet, the bride's father is upset",
)
Surface = Callable[[SlackDriver], Callable[[int], Delivery]]


def _command(driver: SlackDriver) -> Callable[[int], Delivery]:
    return lambda i: driver.command(cast.FRONT_DESK.id, f"new {TEXTS[i % len(TEXTS)]} (#{i})")


def _press(card_ts: str) -> Surface:
    def make(driver: SlackDriver) -> Callable[[int], Delivery]:
        return lambda i: driver.block_action(
            cast.ADMIN.id, Action.CHANGE_SEVERITY, message=(cast.COMPLAINTS, card_ts)
        )

    return make


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _rows(surface: str, concurrency: int, bare: Load, ours: Load, note: str) -> list[Row]:
    rows = []
    for p, target in ((50, None), (99, 1.3)):
        mine, theirs = ours.percentile(p), bare.percentile(p)
        ratio = mine / theirs
        rows.append(
            Row(
                "1",
                f"{surface} ack p{p}, {concurrency} sender{'s' if concurrency > 1 else ''}",
                _ms(mine),
                _ms(theirs),
                ratio,
                "—" if target is None else f"≤ {target}×",
                None if target is None else ratio <= target,
                note if p == 99 else "",
            )
        )
    return rows


def run(standin: BenchStandIn, *, requests: int, warmup: int, levels: tuple[int, ...]) -> list[Row]:
    """Measure both surfaces at each concurrency level against the bare app; one p50 and one p99 row each."""
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-ack-") as tmp:
        database = f"sqlite:///{Path(tmp) / 'ack.sqlite3'}"
        settings = settings_for(standin.api_url(), database)
        with Served("bare", settings) as bare, Served("bounceback", settings) as ours:
            drivers = {"bare": driver_for(bare.url, standin), "bounceback": driver_for(ours.url, standin)}
            drivers["bounceback"].command(cast.FRONT_DESK.id, f"new {TEXTS[0]}")
            ours.settle()
            card_ts = standin.latest_bot_post(cast.COMPLAINTS, Action.CHANGE_SEVERITY)
            if card_ts is None:
                raise RuntimeError("no case card with a Change severity button was posted")
            surfaces: dict[str, Surface] = {"/recover new": _command, "Change severity": _press(card_ts)}
            for surface, make in surfaces.items():
                for level in levels:
                    loads: dict[str, Load] = {}
                    views_before = standin.opened_view_count()
                    for name, server in (("bare", bare), ("bounceback", ours)):
                        send = make(drivers[name])
                        run_load(send, total=warmup, concurrency=level, time_limit=60)
                        server.settle()
                        loads[name] = run_load(send, total=requests, concurrency=level, time_limit=120)
                        settled = server.settle()
                        if not settled:
                            raise RuntimeError(f"{name} did not finish its work after {surface} x{level}")
                    note = _note(loads, surface, standin.opened_view_count() - views_before, warmup)
                    rows += _rows(surface, level, loads["bare"], loads["bounceback"], note)
    return rows


def _note(loads: dict[str, Load], surface: str, views: int, warmup: int) -> str:
    """Failures and short runs, and for the button whether every press opened its modal."""
    parts = []
    for name, load in loads.items():
        if load.failures or load.sent < load.planned:
            parts.append(f"{name}: {load.failures} failed, {load.sent}/{load.planned} sent")
    if surface == "Change severity":
        presses = loads["bounceback"].sent + warmup
        parts.append(f"modals opened {views}/{presses}")
    return "; ".join(parts)
