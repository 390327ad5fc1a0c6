"""The results table: one row per measure, each against a baseline measured in the same run."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One measured figure, its baseline, their ratio and the target it is held to."""

    section: str
    measure: str
    value: str
    baseline: str
    ratio: float | None
    target: str
    met: bool | None  # None: no target, reported only
    note: str = ""

    def cells(self) -> list[str]:
        """The row as table cells."""
        ratio = "—" if self.ratio is None else f"{self.ratio:.2f}×"
        verdict = "—" if self.met is None else ("yes" if self.met else "**MISSED**")
        return [self.section, self.measure, self.value, self.baseline, ratio, self.target, verdict, self.note]


HEADER = ["#", "Measure", "Bounceback", "Baseline", "Ratio", "Target", "Met", "Notes"]


def markdown(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def machine(postgres_version: str | None) -> str:
    """The machine the run was on: cores, CPU, Python, SQLite and PostgreSQL versions."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in _read("/proc/cpuinfo").splitlines()
            if "model name" in line
        ),
        platform.processor() or "unknown CPU",
    )
    memory = next(
        (line.split()[1] for line in _read("/proc/meminfo").splitlines() if "MemTotal" in line), "0"
    )
    return (
        f"nproc {os.cpu_count()} ({cpu}), {int(memory) // 1024 // 1024} GiB RAM, "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, PostgreSQL {postgres_version or 'not reachable'}; "
        f"slack-bolt {_version('slack_bolt')}, waitress {_version('waitress')}, "
        f"SQLAlchemy {_version('sqlalchemy')}"
    )


def git_revision() -> str:
    """The commit the run measured (read only)."""
    try:
        found = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10, check=False
        )
    except OSError:
        return "unknown"
    return found.stdout.strip() or "unknown"


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def _read(path: str) -> str:
    try:
        with open(path) as handle:
            return handle.read()
    except OSError:
        return ""
