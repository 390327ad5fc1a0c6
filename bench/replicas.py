"""5. Replicas: two `bounceback run` processes sharing one PostgreSQL database, against one, on the same load.

The load is 16 closed-loop senders, each request going to the next process in turn (as a
round-robin load balancer would): three Change severity presses to one `/recover new`, so the
processes share the database's writes, the outbox and the nudges as well as the reads. Requests a
second are those served: acknowledged, and all the work they owe done (the modal opened, the case
logged and its card posted), from the first request until every process has settled. On a 2-core
machine the senders and the Slack stand-in compete with the servers for the cores, so the senders
keep their connections and ask the stand-in only for what changes (`bench/load.py:kept_alive`), the
same for one process and two; the server CPU per request, from the processes' own accounting (utime +
stime, work after the acknowledgement included), is what sharing costs.
"""

from __future__ import annotations

import time
from contextlib import ExitStack

from bench.ack import TEXTS
from bench.history_db import postgres_database
from bench.load import Load, Preparing, kept_alive, run_load
from bench.serve import Served, settings_for
from bench.slackside import BenchStandIn, driver_for
from bench.table import Row
from bot.recovery.messages.ids import Action
from bot.sandbox import cast

SENDERS = 16
COMMAND_EVERY = 4  # one request in four is a /recover new


def _prepare(driver: Preparing, i: int, card_ts: str) -> None:
    if i % COMMAND_EVERY == 0:
        driver.command(cast.FRONT_DESK.id, f"new {TEXTS[i % len(TEXTS)]} (replicas #{i})")
    else:
        driver.block_action(cast.ADMIN.id, Action.CHANGE_SEVERITY, message=(cast.COMPLAINTS, card_ts))


def _run(standin: BenchStandIn, url: str, processes: int, total: int) -> tuple[Load, float, float]:
    """The load against `processes` servers on one database: what the senders saw, server CPU (s), and
    seconds from the first request until every server had finished all it owed (the CPU's window)."""
    with ExitStack() as stack:
        servers = [
            stack.enter_context(Served("bounceback", settings_for(standin.api_url(), url)))
            for _ in range(processes)
        ]
        drivers = [driver_for(server.url, standin) for server in servers]
        drivers[0].command(cast.FRONT_DESK.id, f"new {TEXTS[0]}")
        servers[0].settle()
        card_ts = standin.latest_bot_post(cast.COMPLAINTS, Action.CHANGE_SEVERITY)
        if card_ts is None:
            raise RuntimeError("no case card with a Change severity button was posted")
        send = kept_alive(standin, lambda d, i: _prepare(d, i, card_ts), lambda i: servers[i % processes].url)
        run_load(
            send, total=40 * processes, concurrency=SENDERS, time_limit=60
        )  # every connection pool warmed
        for server in servers:
            server.settle()
        before, started = sum(server.cpu_seconds() for server in servers), time.monotonic()
        load = run_load(send, total=total, concurrency=SENDERS, time_limit=180)
        for server in servers:
            if not server.settle():
                raise RuntimeError("a replica did not finish its work")
        return load, sum(server.cpu_seconds() for server in servers) - before, time.monotonic() - started


def run(standin: BenchStandIn, *, total: int, postgres: bool) -> list[Row]:
    """One process, then two, each on a fresh PostgreSQL database: requests a second and CPU a request."""
    if not postgres:
        return [
            Row(
                "5", "two processes on PostgreSQL", "not run", "—", None, "more requests/s", None, "no server"
            )
        ]
    measured: dict[int, tuple[Load, float, float]] = {}
    for processes in (1, 2):
        with postgres_database() as url:
            measured[processes] = _run(standin, url, processes, total)
    one, two = measured[1][0], measured[2][0]
    # served, not merely acknowledged: a process that answers fast while its work piles up is not faster
    rate = {n: len(load.latencies) / served_s for n, (load, _, served_s) in measured.items()}
    cpu = {n: spent * 1000 / max(1, load.sent) for n, (load, spent, _) in measured.items()}
    failed = one.failures + two.failures + (one.planned - one.sent) + (two.planned - two.sent)
    note = f"{total} requests each, 1 in {COMMAND_EVERY} a /recover new" + (
        f"; {failed} not acknowledged" if failed else ""
    )
    return [
        Row(
            "5",
            f"two processes on PostgreSQL, {SENDERS} senders (throughput)",
            f"{rate[2]:.0f} requests/s",
            f"{rate[1]:.0f}/s one process",
            rate[2] / rate[1],
            "> 1×",
            rate[2] > rate[1] and not failed,
            note + f"; p99 {two.percentile(99) * 1000:.0f} ms (one: {one.percentile(99) * 1000:.0f} ms)",
        ),
        Row(
            "5",
            "server CPU per request, two processes on PostgreSQL (whole process, CPU)",
            f"{cpu[2]:.1f} ms",
            f"{cpu[1]:.1f} ms one process",
            cpu[2] / cpu[1],
            "≤ 1.1×",
            cpu[2] <= 1.1 * cpu[1],
            "both processes' utime + stime, from before the load until all they owed was delivered",
        ),
    ]
