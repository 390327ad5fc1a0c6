"""kill -9 while hundreds of nudges fire (SQLite): each fires once; no message, case or event is lost or doubled.

Two bots run side by side (their 30 s wait for stale claims overlaps): one whose 300 reminders go to six
people, killed at three random moments, and one whose 300 reminders all go to one person, killed once.

Each kill lands at the worst moment for the outbox: Slack has just accepted a message and the bot has not
recorded it yet. The test makes that moment certain: Slack answers one call with 500, and while the bot's client backs
off before retrying the test holds SQLite's write lock (a stalled disk); the retried call succeeds, and the
process dies waiting to record it.
"""

import os
import random
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import col, select

from bot.policy.reader import load_policy
from bot.recovery import fixes, intake
from bot.recovery.cases import Complaint
from bot.sandbox.cast import (
    ADMIN,
    COMPLAINTS,
    DEMO_POLICY,
    DIRECTOR,
    FRONT_DESK,
    LEAD,
    MANAGER,
    OUTSIDER,
    SUPPORT,
    WAITER,
    Person,
    populate,
)
from bot.sandbox.standin import SlackStandIn
from bot.store.db import Database
from bot.store.models import Case, Nudge, Outbox, TimelineEvent, utcnow
from tests.faults.day import keys_in_slack
from tests.faults.figures import Figures
from tests.helpers import policy_file, settled, wait_until
from tests.procs import BotProcess

pytestmark = pytest.mark.faults

CASES = 30
REMINDERS = 10  # per case: every second from 9 s before the deadline, and at it
SEED = int(os.environ.get("BOUNCEBACK_FAULT_SEED", "1949"))
ONLY_FIX_REMINDERS = {
    'before_due = ["6s", "3s"]': 'before_due = ["9s", "8s", "7s", "6s", "5s", "4s", "3s", "2s", "1s"]',
    'overdue_every = "3s"': 'overdue_every = "1h"',
    'escalate_overdue_after = "5s"': 'escalate_overdue_after = "1h"',
    'respond_within = "60s"': 'respond_within = "1h"',
}


@dataclass
class Verdict:
    """What a crashed bot left behind, compared with what it owed."""

    doubled: dict[str, int]  # outbox key → messages in Slack carrying it, where more than one
    missing: list[str]  # owed messages that never reached Slack, or rows never marked sent
    lost: Counter  # (case id, kind) → timeline events missing
    gained: Counter  # (case id, kind) → timeline events too many
    cases: int


class Crashes:
    """A bot process on SQLite with CASES cases whose reminders fire while the test kills it mid-send."""

    def __init__(self, standin: SlackStandIn, tmp_path: Path) -> None:
        tmp_path.mkdir()
        self.standin, self.tmp_path = standin, tmp_path
        self.policy_path = policy_file(tmp_path, DEMO_POLICY, ONLY_FIX_REMINDERS)
        self.file = tmp_path / "bot.sqlite3"
        self.db = Database(f"sqlite:///{self.file}")
        self.bot = self.start()
        self.kills: list[tuple[str, ...]] = []  # the keys of the messages in flight (unrecorded) at each kill
        self.seeded: Counter = Counter()

    def start(self) -> BotProcess:
        """A fresh `bounceback run` on the same database."""
        log = self.tmp_path / "bot.log"
        return BotProcess(
            self.standin, database_url=self.db.url, policy_path=self.policy_path, log=log
        ).start()

    def seed(self, owners: tuple[Person, ...]) -> None:
        """CASES minor cases whose fixes are due 500 ms apart, 14 s from now, owned in turn by `owners`."""
        policy = load_policy(self.policy_path)
        first = utcnow() + timedelta(seconds=14)
        with self.db.session() as session:
            for n in range(CASES):
                complaint = Complaint(
                    text=f"Complaint {n}: the minibar was not restocked",
                    reporter_id=FRONT_DESK.id,
                    source="channel",
                    source_key=f"kill9:{n}",
                )
                case, _ = intake.log_complaint(
                    session, policy=policy, complaint=complaint, card_channel=COMPLAINTS, card_thread_ts=None
                )
                fixes.assign_owner(
                    session,
                    policy=policy,
                    case=case,
                    owner_id=owners[n % len(owners)].id,
                    due=first + timedelta(milliseconds=500 * n),
                    actor_id=ADMIN.id,
                    profiles={},
                )
        # without the reminders that may have fired already: logged, apology asked, owner, once per case
        self.seeded = Counter({k: n for k, n in timeline(self.db).items() if k[1] != "reminder"})
        assert set(self.seeded.values()) == {1} and len(self.seeded) == 3 * CASES

    def reminder_dms(self) -> int:
        """How many reminder DMs have reached Slack."""
        return sum(n for key, n in keys_in_slack(self.standin).items() if key.startswith("nudge:fix:"))

    def kill_after(self, reminders: int) -> None:
        """Once this many reminder DMs have reached Slack, kill the bot mid-send and start it again."""
        self.standin.wait_for(
            lambda: self.reminder_dms() >= reminders, timeout=60, what=f"{reminders} reminder DMs"
        )
        self.kill_mid_send()

    @contextmanager
    def disk_stalled(self) -> Iterator[None]:
        """Hold SQLite's write lock: the bot can still call Slack but can record nothing."""
        connection = sqlite3.connect(self.file, timeout=30, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            yield
            connection.execute("ROLLBACK")
        finally:
            connection.close()

    def kill_mid_send(self) -> None:
        """SIGKILL right after Slack accepted a message the bot had not recorded; start again.

        A 500 makes the sender back off for a second inside its call to Slack; the disk stalls meanwhile, so the
        retried call succeeds and the sender waits for the disk to record it, and the process dies there.
        """
        faults = len(self.standin.faults)
        self.standin.fail("chat.postMessage", kind="500")
        self.standin.wait_for(lambda: len(self.standin.faults) > faults, timeout=30, what="a message to send")
        before = set(keys_in_slack(self.standin))  # the sender sleeps in its backoff: nothing else moves
        with self.disk_stalled():
            arrived = self.standin.wait_for(
                lambda: set(keys_in_slack(self.standin)) - before, timeout=10, what="the retried message"
            )
            self.bot.kill()
        in_flight = tuple(sorted(arrived))  # the sender records a batch of calls at once: one or several
        with self.db.session() as session:
            states = session.exec(select(Outbox.state).where(col(Outbox.key).in_(in_flight))).all()
        assert states == ["sending"] * len(in_flight)
        self.kills.append(in_flight)
        self.bot = self.start()

    def settled(self) -> bool:
        """Every reminder fired and every owed message sent (stale claims included)."""
        return len(fired_reminders(self.db)) == CASES * REMINDERS and settled(self.db)

    def judge(self, figures: Figures) -> Verdict:
        """Compare Slack and the database with what was owed; the figures get the counts."""
        seen = keys_in_slack(self.standin)
        with self.db.session() as session:
            rows = list(session.exec(select(Outbox)))
            case_count = len(session.exec(select(Case)).all())
        owed = [row.key for row in rows if row.method == "chat.postMessage"]
        owed += [f"nudge:{key}" for key in fired_reminders(self.db)]
        unsent = {r.key for r in rows if r.state not in ("sent", "superseded")}  # superseded: a newer went
        missing = sorted({k for k in owed if seen[k] == 0} | unsent)
        doubled = {key: n for key, n in seen.items() if n > 1}
        reminders = Counter({(case_id, "reminder"): REMINDERS for case_id in range(1, CASES + 1)})
        expected, now = self.seeded + reminders, timeline(self.db)
        verdict = Verdict(doubled, missing, expected - now, now - expected, case_count)
        figures.observe(self.standin, self.db)
        figures.kills += len(self.kills)
        figures.duplicates += sum(n - 1 for n in doubled.values()) + verdict.gained.total()
        figures.losses += len(missing) + verdict.lost.total() + max(0, CASES - case_count)
        return verdict


def timeline(db: Database) -> Counter:
    """How many events of each kind each case has."""
    with db.session() as session:
        return Counter((e.case_id, e.kind) for e in session.exec(select(TimelineEvent)))


def fired_reminders(db: Database) -> list[str]:
    """The keys of the fix reminders fired so far."""
    with db.session() as session:
        query = select(Nudge.key).where(Nudge.kind == "fix_reminder", Nudge.state == "done")
        return list(session.exec(query))


@pytest.fixture(scope="module")
def crashed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Crashes, Crashes]]:
    """Both bots, seeded, killed, restarted and settled: (reminders to six people, all to one)."""
    tmp = tmp_path_factory.mktemp("kill9")
    with SlackStandIn() as spread_slack, SlackStandIn() as busy_slack:
        populate(spread_slack)
        populate(busy_slack)
        spread, busy = Crashes(spread_slack, tmp / "spread"), Crashes(busy_slack, tmp / "busy")
        try:
            spread.seed(owners=(SUPPORT, WAITER, LEAD, MANAGER, DIRECTOR, OUTSIDER))
            busy.seed(owners=(SUPPORT,))
            busy.kill_after(20)  # about 280 more reminders to Sam follow the one in flight
            rng = random.Random(SEED)  # one moment in each third of the first two thirds of the reminders
            for low, high in ((10, 70), (70, 140), (140, 200)):
                spread.kill_after(rng.randrange(low, high))
            wait_until(
                lambda: spread.settled() and busy.settled(),
                timeout=150,
                what="every reminder to fire and every owed message to be sent",
            )
            yield spread, busy
        finally:
            for crashes in (spread, busy):
                crashes.bot.kill()
                crashes.db.dispose()


def test_kill_9_at_three_random_moments_while_300_nudges_fire_loses_and_doubles_nothing(
    crashed: tuple[Crashes, Crashes], figures: Figures
) -> None:
    spread, _ = crashed
    verdict = spread.judge(figures)
    assert len(spread.kills) == 3
    assert verdict.doubled == {}, f"delivered more than once: {verdict.doubled}"
    assert verdict.missing == [], f"owed but never delivered: {verdict.missing}"
    assert (verdict.lost, verdict.gained) == (Counter(), Counter()), "timeline events lost or doubled"
    assert verdict.cases == CASES


def test_a_message_accepted_before_a_crash_is_found_behind_200_newer_ones_in_its_dm(
    crashed: tuple[Crashes, Crashes], figures: Figures
) -> None:
    _, busy = crashed
    verdict = busy.judge(figures)
    [in_flight] = busy.kills
    assert in_flight and all(key.startswith("nudge:fix:") for key in in_flight)
    assert verdict.doubled == {}, f"delivered more than once: {verdict.doubled}"
    assert verdict.missing == [] and (verdict.lost, verdict.gained) == (Counter(), Counter())
