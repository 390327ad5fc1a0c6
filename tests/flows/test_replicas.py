"""Two replicas behind a load balancer on one PostgreSQL database, one killed halfway; graceful SIGTERM."""

from collections import Counter
from itertools import cycle

import pytest
from sqlmodel import select

from bot.sandbox.cast import COMPLAINTS, DEMO_POLICY, FRONT_DESK, populate
from bot.sandbox.standin import SlackStandIn
from bot.store.db import Database
from bot.store.models import Case, TimelineEvent
from tests.helpers import settled, wait_until
from tests.procs import BotProcess


def cards(standin: SlackStandIn) -> Counter:
    """How many times each case card reached the complaints channel."""
    keys = [
        (m.get("metadata") or {}).get("event_payload", {}).get("key") for m in standin.messages(COMPLAINTS)
    ]
    return Counter(k for k in keys if k and k.startswith("card:"))


@pytest.mark.postgres
def test_complaints_spread_over_two_replicas_survive_one_being_killed(postgres_url, tmp_path):
    count = 60
    Database(postgres_url).migrate()
    with SlackStandIn() as standin:
        populate(standin)
        replicas = [
            BotProcess(
                standin, database_url=postgres_url, policy_path=DEMO_POLICY, log=tmp_path / f"r{n}.log"
            ).start()
            for n in (1, 2)
        ]
        try:
            balancer = cycle([replicas[0].driver(), replicas[1].driver()])
            survivor = replicas[1].driver()
            for n in range(count):
                if n == count // 2:
                    replicas[0].kill()
                    balancer = cycle([survivor])  # the load balancer's health check takes the dead one out
                text = f"Complaint {n}: the room was not ready at check-in."
                ts = standin.post_as_user(FRONT_DESK.id, COMPLAINTS, text)["ts"]
                event = {
                    "type": "message",
                    "channel": COMPLAINTS,
                    "user": FRONT_DESK.id,
                    "text": text,
                    "ts": ts,
                }
                delivery = next(balancer).deliver_event(event)
                if (
                    delivery.status != 200
                ):  # a request to the dying replica: Slack retries it, on the survivor
                    survivor.deliver_event(event, retry_num=1)
                if n % 3 == 0:  # Slack sometimes delivers twice anyway
                    survivor.deliver_event(event, retry_num=1)
            db = Database(postgres_url)
            wait_until(lambda: sum(cards(standin).values()) >= count, timeout=90, what="every card")
            wait_until(lambda: settled(db), timeout=60, what="nothing owed")
            assert set(cards(standin).values()) == {1} and len(cards(standin)) == count
            with db.session() as session:
                assert len(session.exec(select(Case)).all()) == count
                logged = session.exec(select(TimelineEvent).where(TimelineEvent.kind == "logged")).all()
                assert len(logged) == count
            assert replicas[1].healthy()
            db.dispose()
        finally:
            for replica in replicas:
                replica.kill()


def test_sigterm_finishes_what_is_in_flight_and_exits_cleanly(tmp_path):
    url = f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    with SlackStandIn() as standin:
        populate(standin)
        bot = BotProcess(standin, database_url=url, policy_path=DEMO_POLICY, log=tmp_path / "bot.log").start()
        driver = bot.driver()
        for n in range(20):
            driver.post_message(FRONT_DESK.id, COMPLAINTS, f"Complaint {n}: breakfast was cold.")
        assert bot.stop() == 0
        db = Database(url)
        with db.session() as session:
            assert len(session.exec(select(Case)).all()) == 20
        assert len(cards(standin)) == 20 and set(cards(standin).values()) == {1}
        db.dispose()
