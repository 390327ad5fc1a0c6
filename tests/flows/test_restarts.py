"""Nothing lost, nothing twice: kill -9 with nudges pending, two replicas on one PostgreSQL database."""

from collections import Counter
from datetime import timedelta

import pytest
from sqlmodel import select

from bot.policy.reader import load_policy
from bot.recovery import fixes, intake
from bot.recovery.cases import Complaint
from bot.sandbox.cast import ADMIN, COMPLAINTS, DEMO_POLICY, FRONT_DESK, SUPPORT, populate
from bot.sandbox.standin import SlackStandIn
from bot.store.db import Database
from bot.store.models import Case, Nudge, Outbox, utcnow
from tests.helpers import policy_file, settled, wait_until
from tests.procs import BotProcess

SLOW_FOLLOW_UP = {
    'before_due = ["6s", "3s"]': 'before_due = ["2s", "1s"]',
    'overdue_every = "3s"': 'overdue_every = "1h"',
    'escalate_overdue_after = "5s"': 'escalate_overdue_after = "1h"',
}


def delivered_keys(standin: SlackStandIn, user_id: str) -> Counter:
    """How many times each outbox key reached this person's DMs."""
    keys = [(m.get("metadata") or {}).get("event_payload", {}).get("key") for m in standin.dm(user_id)]
    return Counter(k for k in keys if k)


def sent(db: Database, key: str) -> bool:
    """True once the outbox row with this key is recorded as sent."""
    with db.session() as session:
        row = session.exec(select(Outbox).where(Outbox.key == key)).first()
        return row is not None and row.state == "sent"


def test_reminders_due_while_the_bot_was_killed_arrive_exactly_once_after_restart(tmp_path):
    policy = policy_file(tmp_path, DEMO_POLICY, SLOW_FOLLOW_UP)
    url = f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    with SlackStandIn() as standin:
        populate(standin)
        bot = BotProcess(standin, database_url=url, policy_path=policy, log=tmp_path / "bot.log").start()
        try:
            driver = bot.driver()
            driver.command(FRONT_DESK.id, "new The boiler in room 7 broke overnight")
            # Room for a loaded machine: the kill must come before the first reminder (2 s before due).
            driver.command(FRONT_DESK.id, f"owner REC-1 <@{SUPPORT.id}> due in 10 seconds")
            db = Database(url)
            wait_until(
                lambda: sent(db, "owner-dm:1:v1") and settled(db), what="the owner's DM, sent and recorded"
            )
            bot.kill()
            with db.session() as session:
                due_at = session.get(Case, 1).fix_due_at
                scheduled = len(session.exec(select(Nudge)).all())
            wait_until(
                lambda: utcnow() > due_at + timedelta(seconds=1), timeout=15, what="the deadline to pass"
            )
            assert not any(k.startswith("nudge:") for k in delivered_keys(standin, SUPPORT.id))
            bot = BotProcess(standin, database_url=url, policy_path=policy, log=tmp_path / "bot.log").start()
            wait_until(lambda: settled(db), timeout=20, what="every due nudge to fire")
            keys = delivered_keys(standin, SUPPORT.id)
            reminders = {k: n for k, n in keys.items() if k.startswith("nudge:")}
            assert reminders == {
                "nudge:fix:1:v1:before:2s": 1,
                "nudge:fix:1:v1:before:1s": 1,
                "nudge:fix:1:v1:due": 1,
            }
            assert keys["owner-dm:1:v1"] == 1
            with db.session() as session:
                assert (
                    len(session.exec(select(Nudge)).all()) == scheduled
                )  # a restart schedules nothing twice
        finally:
            bot.kill()


@pytest.mark.postgres
def test_two_replicas_fire_every_one_of_300_nudges_once_even_when_one_dies(postgres_url, tmp_path):
    count = 300
    policy_path = policy_file(
        tmp_path, DEMO_POLICY, {**SLOW_FOLLOW_UP, 'before_due = ["2s", "1s"]': "before_due = []"}
    )
    policy = load_policy(policy_path)
    db = Database(postgres_url)
    db.migrate()
    with SlackStandIn() as standin:
        populate(standin)
        replicas = [
            BotProcess(
                standin, database_url=postgres_url, policy_path=policy_path, log=tmp_path / f"bot{n}.log"
            ).start()
            for n in (1, 2)
        ]
        try:
            start = utcnow() + timedelta(seconds=3)
            with db.session() as session:
                for n in range(count):
                    complaint = Complaint(
                        text=f"Complaint {n}",
                        reporter_id=FRONT_DESK.id,
                        source="channel",
                        source_key=f"load:{n}",
                    )
                    case, _ = intake.log_complaint(
                        session,
                        policy=policy,
                        complaint=complaint,
                        card_channel=COMPLAINTS,
                        card_thread_ts=None,
                    )
                    fixes.assign_owner(
                        session,
                        policy=policy,
                        case=case,
                        owner_id=SUPPORT.id,
                        due=start + timedelta(milliseconds=10 * n),
                        actor_id=ADMIN.id,
                        profiles={},
                    )
            wait_until(
                lambda: sum(k.endswith(":due") for k in delivered_keys(standin, SUPPORT.id)) >= count // 3,
                timeout=60,
                what="a third of the reminders",
            )
            replicas[0].kill()
            wait_until(lambda: settled(db), timeout=120, what="the survivor to fire and send everything")
            keys = delivered_keys(standin, SUPPORT.id)
            due = {k: n for k, n in keys.items() if k.endswith(":due")}
            assert len(due) == count and set(due.values()) == {1}
            owner_dms = {k: n for k, n in keys.items() if k.startswith("owner-dm:")}
            assert len(owner_dms) == count and set(owner_dms.values()) == {1}
            cards = Counter(
                (m.get("metadata") or {}).get("event_payload", {}).get("key")
                for m in standin.messages(COMPLAINTS)
            )
            assert (
                len([k for k in cards if k and k.startswith("card:")]) == count and max(cards.values()) == 1
            )
            assert replicas[1].healthy()
        finally:
            for replica in replicas:
                replica.kill()
            db.dispose()
