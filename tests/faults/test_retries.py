"""Slack delivers every event and interaction of the calm day twice: nothing is made or sent twice.

The calm day played once is the baseline; the same day with every delivery repeated (events with
`X-Slack-Retry-Num`, interactions with the same payload) must leave the same cases, timeline, nudges and
messages. Ids that depend on timing (event ids inside keys) are compared as `#`.
"""

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path

import pytest
from sqlmodel import select

from bot.sandbox.cast import DEMO_POLICY
from bot.sandbox.rig import Rig
from bot.store.models import Case, Nudge, Outbox, TimelineEvent
from tests.faults.day import CALM_DAY, Day, key_of, play
from tests.faults.figures import Figures
from tests.helpers import policy_file

pytestmark = pytest.mark.faults


def plain(key: str) -> str:
    """A key with its numbers as `#` (event ids differ between two plays of the same day)."""
    return re.sub(r"\d+", "#", key)


@dataclass
class Ledger:
    """Everything a day left behind, counted."""

    cases: Counter  # source → cases
    timeline: Counter  # (case id, kind) → events
    nudges: Counter  # (case id, key, state) → nudges
    owed: Counter  # (case id, method, key) → outbox rows
    slack: Counter  # key → bot messages in Slack carrying it ("" for messages without one)

    @classmethod
    def of(cls, day: Day) -> "Ledger":
        """Count what this day left in the database and in Slack."""
        with day.rig.service.runtime.db.session() as session:
            cases = Counter(c.source for c in session.exec(select(Case)))
            timeline = Counter((e.case_id, e.kind) for e in session.exec(select(TimelineEvent)))
            nudges = Counter((n.case_id, plain(n.key), n.state) for n in session.exec(select(Nudge)))
            owed = Counter((r.case_id, r.method, plain(r.key)) for r in session.exec(select(Outbox)))
        bots = [m for m in day.standin.messages() if m.get("bot_id") == day.standin.bot_id]
        return cls(cases, timeline, nudges, owed, Counter(plain(key_of(m) or "") for m in bots))

    def compare(self, other: "Ledger") -> tuple[dict[str, Counter], dict[str, Counter]]:
        """(what `other` has too much, what it lacks), per field, leaving out fields that agree."""
        extra = {f.name: getattr(other, f.name) - getattr(self, f.name) for f in fields(self)}
        lacking = {f.name: getattr(self, f.name) - getattr(other, f.name) for f in fields(self)}
        return {k: v for k, v in extra.items() if v}, {k: v for k, v in lacking.items() if v}


@pytest.fixture(scope="module")
def baseline(calm_day: Day) -> Ledger:
    return Ledger.of(calm_day)


@pytest.fixture
def twice(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Day]:
    """The calm day with the deliveries named by the test's parameter made twice."""
    with Rig(policy_path=policy_file(tmp_path, DEMO_POLICY, CALM_DAY)) as rig:
        day = Day(rig, again=request.param)
        play(day, quick=False)
        yield day


def judge(baseline: Ledger, day: Day, figures: Figures) -> tuple[dict[str, Counter], dict[str, Counter]]:
    figures.observe(day.standin, day.rig.service.runtime.db, requests=day.driver.sent)
    extra, lacking = baseline.compare(Ledger.of(day))
    figures.duplicates += sum(c.total() for c in extra.values())
    figures.losses += sum(c.total() for c in lacking.values())
    return extra, lacking


@pytest.mark.parametrize(
    "twice", [frozenset({"event", "block_actions", "message_action"})], indirect=True, ids=["twice"]
)
def test_retried_events_button_presses_and_shortcuts_make_nothing_twice(
    baseline: Ledger, twice: Day, figures: Figures
) -> None:
    extra, lacking = judge(baseline, twice, figures)
    assert extra == {}, f"made twice: {extra}"
    assert lacking == {}, f"missing: {lacking}"


@pytest.mark.parametrize("twice", [frozenset({"view_submission"})], indirect=True, ids=["twice"])
def test_retried_modal_submissions_make_nothing_twice(baseline: Ledger, twice: Day, figures: Figures) -> None:
    extra, lacking = judge(baseline, twice, figures)
    assert extra == {}, f"made twice: {extra}"
    assert lacking == {}, f"missing: {lacking}"
