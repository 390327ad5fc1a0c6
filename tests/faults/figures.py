"""What each fault-suite test did and found: requests, faults, nudges fired, duplicates and losses."""

from collections import Counter
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from sqlalchemy import func
from sqlmodel import select

from bot.sandbox.standin import SlackStandIn
from bot.store.db import Database
from bot.store.models import Nudge

if TYPE_CHECKING:
    from tests.faults.day import SlackRecord


@dataclass
class Figures:
    """One test's figures; the suite prints them all at the end of the session."""

    requests: int = 0  # signed requests Slack (the driver) sent the bot
    api_calls: int = 0  # Web API calls the bot made to the stand-in
    faults: int = 0  # faults the stand-in injected
    kills: int = 0  # times the bot was killed with SIGKILL
    nudges: int = 0  # nudges fired
    duplicates: int = 0  # messages, cases, timeline events or nudges that exist once too often
    losses: int = 0  # messages, cases, timeline events or nudges that should exist and do not
    stale: int = 0  # messages or Home tabs left showing an older update than the newest one sent
    leaks: int = 0  # contact details found in a channel or a file
    modals: int = 0  # modals Slack would not open (views.open faults); the person was told and tried again

    def observe(self, standin: SlackStandIn, db: Database, *, requests: int = 0) -> None:
        """Add what the stand-in recorded and the nudges this database fired."""
        self.requests += requests
        self.api_calls += len(standin.calls)
        self.faults += len(standin.faults)
        self.nudges += fired(db)

    def observe_day(self, slack: "SlackRecord", db: Database) -> None:
        """Add what a day's Slack saw and the nudges its database fired."""
        self.requests += slack.requests
        self.api_calls += len(slack.calls)
        self.faults += len(slack.faults)
        self.nudges += fired(db)
        self.modals += slack.modal_retries

    def __iadd__(self, other: "Figures") -> "Figures":
        for field in fields(self):
            setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))
        return self


def fired(db: Database) -> int:
    """How many nudges this database has fired."""
    with db.session() as session:
        return session.exec(select(func.count()).select_from(Nudge).where(Nudge.state == "done")).one()


RESULTS: dict[str, Figures] = {}  # test (without its parameters) → its figures, in the order they ran
RUNS: Counter = Counter()  # test → how many times it ran (once per parameter set)


def record(test: str, row: Figures) -> None:
    """Add one run of a test to the table."""
    RESULTS.setdefault(test, Figures())
    RESULTS[test] += row
    RUNS[test] += 1


def summary_lines() -> list[str]:
    """The table printed after the session: one row per test, then the totals."""
    if not RESULTS:
        return []
    total = Figures()
    names = [f.name for f in fields(Figures)]
    labels = {test: test + (f" ×{RUNS[test]}" if RUNS[test] > 1 else "") for test in RESULTS}
    width = max(len(label) for label in labels.values())
    head = f"{'test':<{width}}  " + "  ".join(f"{name:>10}" for name in names)
    lines = [head, "-" * len(head)]
    for test, row in RESULTS.items():
        total += row
        lines.append(f"{labels[test]:<{width}}  " + "  ".join(f"{getattr(row, n):>10,}" for n in names))
    lines.append(
        f"fault suite: requests {total.requests:,} · Slack API calls {total.api_calls:,} · "
        f"faults injected {total.faults:,} · kill -9 {total.kills:,} · nudges fired {total.nudges:,} · "
        f"duplicates {total.duplicates:,} · losses {total.losses:,} · stale updates {total.stale:,} · "
        f"leaks {total.leaks:,} · modals refused (person told) {total.modals:,}"
    )
    return lines
