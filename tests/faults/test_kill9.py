"""kill -9 at random moments while 300 nudges fire (SQLite): each fires once; nothing is lost or doubled."""

import os
import random
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from bot import cases, fixes, intake
from bot.cases import Complaint
from bot.db import Database
from bot.models import Case, Nudge, Outbox, TimelineEvent, utcnow
from bot.policy import load_policy
from bot.sandbox.cast import ADMIN, COMPLAINTS, DEMO_POLICY, FRONT_DESK, SUPPORT, populate
from bot.sandbox.standin import SlackStandIn
from tests.faults.day import keys_in_slack
from tests.faults.figures import Figures
from tests.helpers import policy_file, wait_until
from tests.procs import BotProcess
from tests.test_restarts import settled

pytestmark = pytest.mark.faults

CASES = 60
REMINDERS = 5  # per case: 4s, 3s, 2s and 1s before the deadline, and at it
KILLS = 3
SEED = int(os.environ.get("BOUNCEBACK_FAULT_SEED", "1949"))
ONLY_FIX_REMINDERS = {
    'before_due = ["6s", "3s"]': 'before_due = ["4s", "3s", "2s", "1s"]',
    'overdue_every = "3s"': 'overdue_every = "1h"',
    'escalate_overdue_after = "5s"': 'escalate_overdue_after = "1h"',
    'respond_within = "60s"': 'respond_within = "1h"',
}


def seed(db: Database, policy_path: str, *, first_due_in: timedelta) -> None:
    """CASES minor cases, each with a fix owner and a deadline 100 ms after the one before."""
    policy = load_policy(policy_path)
    first = utcnow() + first_due_in
    with db.session() as session:
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
                key=cases.case_key(policy, case),
                owner_id=SUPPORT.id,
                due=first + timedelta(milliseconds=100 * n),
                actor_id=ADMIN.id,
                profiles={},
            )


def timeline(db: Database) -> Counter:
    """How many events of each kind each case has."""
    with db.session() as session:
        return Counter((e.case_id, e.kind) for e in session.exec(select(TimelineEvent)))


def fired_reminders(db: Database) -> list[str]:
    """The keys of the fix reminders fired so far."""
    with db.session() as session:
        query = select(Nudge.key).where(Nudge.kind == "fix_reminder", Nudge.state == "done")
        return list(session.exec(query))


def reminder_dms(standin: SlackStandIn) -> int:
    """How many reminder DMs the owner has received."""
    return sum(n for key, n in keys_in_slack(standin).items() if key.startswith("nudge:fix:"))


def test_kill_9_three_times_while_300_nudges_fire_loses_and_doubles_nothing(
    tmp_path: Path, figures: Figures
) -> None:
    policy_path = policy_file(tmp_path, DEMO_POLICY, ONLY_FIX_REMINDERS)
    url = f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    db = Database(url)
    rng = random.Random(SEED)
    # random moments while nudges fire: after this many reminder DMs, right as Slack accepted one
    moments = sorted(rng.sample(range(15, CASES * REMINDERS - 15), KILLS))
    with SlackStandIn() as standin:
        populate(standin)

        def start() -> BotProcess:
            return BotProcess(
                standin, database_url=url, policy_path=policy_path, log=tmp_path / "bot.log"
            ).start()

        bot = start()
        try:
            seed(db, policy_path, first_due_in=timedelta(seconds=6))
            with db.session() as session:
                before_cases = len(session.exec(select(Case)).all())
            before = timeline(db)
            for moment in moments:
                standin.wait_for(
                    lambda m=moment: reminder_dms(standin) >= m, timeout=60, what=f"{moment} reminder DMs"
                )
                bot.kill()
                figures.kills += 1
                bot = start()
            wait_until(
                lambda: len(fired_reminders(db)) == CASES * REMINDERS and settled(db),
                timeout=120,
                what="every reminder to fire and every owed message to be sent",
            )
        finally:
            bot.kill()
        figures.observe(standin, db)
        seen = keys_in_slack(standin)
        fired = fired_reminders(db)
        with db.session() as session:
            rows = list(session.exec(select(Outbox)))
            after_cases = len(session.exec(select(Case)).all())
        owed = [row.key for row in rows if row.method == "chat.postMessage"]
        missing = [key for key in owed if seen[key] == 0] + [r.key for r in rows if r.state != "sent"]
        doubled = {key: n for key, n in seen.items() if n > 1}
        gained = timeline(db) - before
        expected = Counter({(case_id, "reminder"): REMINDERS for case_id in range(1, CASES + 1)})
        lost_events, extra_events = expected - gained, gained - expected
        figures.duplicates += sum(n - 1 for n in doubled.values()) + extra_events.total()
        figures.losses += len(missing) + lost_events.total() + (before_cases - after_cases)
        print("DEBUG", doubled, missing)
        assert doubled == {}, f"delivered more than once: {doubled}"
        assert missing == [], f"owed but never delivered: {missing}"
        assert len(fired) == CASES * REMINDERS and all(seen[f"nudge:{key}"] == 1 for key in fired)
        assert after_cases == before_cases == CASES
        assert (lost_events, extra_events) == (Counter(), Counter())
