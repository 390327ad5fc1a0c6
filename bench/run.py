"""`python -m bench.run [--quick]`: every benchmark, one table, written into bench/README.md and README.md.

Each row compares Bounceback with a baseline measured in the same run on the same machine.
The full run uses the sizes the issue asks for (1,000,000 cases for the history); `--quick`
uses smaller ones (100,000 cases) and says so in the table's heading.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench import ack, burst, history, replicas, scheduler
from bench.history_db import postgres_version
from bench.slackside import slack_side
from bench.table import Row, git_revision, machine, markdown

README = Path(__file__).resolve().parent / "README.md"
RESULTS = README.parent / "results.md"  # the last run's table, to paste
PROJECT_README = README.parent.parent / "README.md"  # its Performance section holds the same table
RESULTS_START = "<!-- results: written by python -m bench.run -->"
RESULTS_END = "<!-- end of results -->"


@dataclass(frozen=True)
class Sizes:
    """How much each benchmark does."""

    rates: dict[int, int]  # ack latency: requests a second → requests per run (three runs of each app)
    closed: int  # presses from 16 closed-loop senders
    events: int  # burst intake
    paced_events: int
    paced_limit: float  # seconds
    replicas: int  # requests, one process and then two
    pending: int  # far-future nudges
    due: int  # nudges due in one second
    ticks: int
    cases: int  # history
    repeats: int


FULL = Sizes({10: 50, 50: 670, 100: 670}, 1000, 1000, 20, 120, 2000, 100_000, 1000, 30, 1_000_000, 3)
QUICK = Sizes({10: 30, 50: 250, 100: 250}, 500, 1000, 10, 120, 1000, 100_000, 1000, 20, 100_000, 3)
SECTIONS = ("ack", "burst", "scheduler", "replicas", "history")
SLACK_PACE = 1.0  # chat.postMessage: about one message a second per channel


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks, print the table and write it into bench/README.md (and README.md)."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes: 100k cases for the history")
    parser.add_argument("--only", choices=SECTIONS, action="append", help="run only these sections")
    parser.add_argument("--no-readme", action="store_true", help="print the table without writing README.md")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    sizes = QUICK if args.quick else FULL
    chosen = args.only or list(SECTIONS)
    pg = postgres_version()
    started = time.monotonic()
    rows: list[Row] = []
    with slack_side() as standin:
        if "ack" in chosen:
            _say("1. ack latency")
            rows += ack.run(standin, samples=sizes.rates, closed=sizes.closed)
        if "burst" in chosen:
            _say("2. burst intake")
            rows += burst.run(standin, events=sizes.events, time_limit=180, postgres=pg is not None)
        if "scheduler" in chosen:
            _say("3. scheduler at scale")
            rows += scheduler.run(standin, pending=sizes.pending, due=sizes.due, ticks=sizes.ticks)
        if "replicas" in chosen:
            _say("5. two processes on PostgreSQL")
            rows += replicas.run(standin, total=sizes.replicas, postgres=pg is not None)
    if "burst" in chosen:
        _say("2. paced case cards")
        rows += burst.run_paced(events=sizes.paced_events, pace=SLACK_PACE, time_limit=sizes.paced_limit)
    if "history" in chosen:
        _say("4. history")
        rows += history.run(count=sizes.cases, repeats=sizes.repeats, postgres=pg is not None)
    rows.sort(key=lambda row: row.section)  # the paced cards run last, on their own stand-in
    command = (
        "python -m bench.run"
        + (" --quick" if args.quick else "")
        + "".join(f" --only {s}" for s in args.only or [])
    )
    report = _report(
        rows, command=command, pg=pg, minutes=(time.monotonic() - started) / 60, quick=args.quick
    )
    print(report)
    RESULTS.write_text(report + "\n")
    if not args.no_readme:
        _write(report, README)
        if not args.only:  # the project's README quotes whole runs only
            _write(report, PROJECT_README, append=False)
    return 0


def _say(what: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {what} …", file=sys.stderr, flush=True)


def _report(rows: list[Row], *, command: str, pg: str | None, minutes: float, quick: bool) -> str:
    missed = [row for row in rows if row.met is False]
    size = "full run"
    if quick:
        size = "QUICK run: fewer requests a point, 100,000 cases for the history (the full run: 1,000,000)"
    return "\n".join(
        [
            RESULTS_START,
            f"**{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit {git_revision()}, `{command}`** ({size}; "
            f"{minutes:.1f} minutes)",
            "",
            f"Machine: {machine(pg)}",
            "",
            markdown(rows),
            "",
            f"**{len(missed)} of {sum(1 for r in rows if r.met is not None)} targets missed.**",
            RESULTS_END,
        ]
    )


def _write(report: str, readme: Path, *, append: bool = True) -> None:
    """Replace the results between the markers in `readme` (or append them, if `append`)."""
    text = readme.read_text() if readme.exists() else ""
    if RESULTS_START in text and RESULTS_END in text:
        head, rest = text.split(RESULTS_START, 1)
        text = head + report + rest.split(RESULTS_END, 1)[1]
    elif append:
        text = text.rstrip() + "\n\n" + report + "\n"
    else:
        return
    readme.write_text(text)


if __name__ == "__main__":
    sys.exit(main())
