"""Firing nudges in batches: each fires once; one that fails is tried again later and blocks no other."""

import logging
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlmodel import Session, col, select

from bot.policy.model import Policy
from bot.recovery import cases
from bot.sandbox.cast import BOT_TOKEN, FRONT_DESK, SUPPORT
from bot.slack.client import make_client
from bot.slack.context import Runtime
from bot.slack.sender import Sender
from bot.store.db import Database
from bot.store.models import Case, Nudge, Outbox, TimelineEvent, utcnow
from bot.store.nudges import Defer
from bot.store.outbox import owe
from schedules import jobs
from schedules.firing import RETRY_AFTER_ERROR, fire_due, next_due
from tests.helpers import migrated


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path) -> Iterator[Database]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'firing.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_url")
    yield from migrated(url)


def remind(session: Session, policy: Policy, nudge: Nudge) -> Defer | None:
    """A firer like the real ones: a DM owed and a timeline event, in the nudge's transaction."""
    case = session.get(Case, nudge.case_id)
    owe(
        session,
        key=f"nudge:{nudge.key}",
        method="chat.postMessage",
        payload={"channel": SUPPORT.id, "text": nudge.key},
        case_id=case.id,
    )
    cases.record(session, case, kind="reminder", actor_id=None, text=nudge.key)
    return None


def broken(session: Session, policy: Policy, nudge: Nudge) -> Defer | None:
    """Does everything `remind` does, then raises: none of it may stay."""
    remind(session, policy, nudge)
    raise RuntimeError("the firer broke")


def bad_sql(session: Session, policy: Policy, nudge: Nudge) -> Defer | None:
    """Does everything `remind` does, then fails in the database (PostgreSQL aborts the transaction)."""
    remind(session, policy, nudge)
    session.add(TimelineEvent(case_id=999_999, kind="reminder", actor_id=None))  # no such case
    session.flush()
    return None


def quiet(session: Session, policy: Policy, nudge: Nudge) -> Defer | None:
    """Quiet hours: not now."""
    return Defer(utcnow() + timedelta(hours=2))


def add_nudges(db: Database, kinds: list[str], *, ago: timedelta = timedelta(seconds=5)) -> list[str]:
    """One case per nudge, each nudge due `ago`; their keys, in order."""
    keys = []
    with db.session() as session:
        first = len(session.exec(select(Case.id)).all())
        for n, kind in enumerate(kinds, start=first):
            case = Case(
                source_key=f"test:{n}",
                source="command",
                summary=f"Case {n}",
                reporter_id=FRONT_DESK.id,
                severity="minor",
            )
            session.add(case)
            session.flush()
            key = f"test:{n}:{kind}"
            due_at = utcnow() - ago + timedelta(milliseconds=n)
            session.add(Nudge(key=key, kind=kind, due_at=due_at, case_id=case.id, recipient_id=SUPPORT.id))
            keys.append(key)
    return keys


def by_key(db: Database) -> dict[str, Nudge]:
    with db.session() as session:
        return {n.key: n for n in session.exec(select(Nudge))}


def effects(db: Database) -> tuple[Counter, Counter]:
    """How many timeline events and owed DMs each nudge key caused."""
    with db.session() as session:
        told = Counter(
            e.text for e in session.exec(select(TimelineEvent).where(TimelineEvent.kind == "reminder"))
        )
        owed = Counter(o.payload["text"] for o in session.exec(select(Outbox).order_by(col(Outbox.id))))
    return told, owed


def test_a_failing_firer_leaves_its_nudge_pending_and_every_other_one_fires_once(db, policy, caplog):
    keys = add_nudges(db, ["remind", "broken", "remind", "remind", "bad_sql", "remind"])
    good = [k for k in keys if k.endswith(":remind")]
    failing = [k for k in keys if not k.endswith(":remind")]
    firers = {"remind": remind, "broken": broken, "bad_sql": bad_sql}
    before = utcnow()
    with caplog.at_level(logging.ERROR, logger="schedules.firing"):
        assert fire_due(db, policy, firers) == len(keys)
    after = utcnow()
    nudges = by_key(db)
    assert all(nudges[k].state == "done" for k in good)
    for key in failing:
        assert nudges[key].state == "pending" and nudges[key].fired_at is None
        assert before + RETRY_AFTER_ERROR <= nudges[key].due_at <= after + RETRY_AFTER_ERROR
        assert f"nudge {key} failed; it will be tried again" in caplog.text
    told, owed = effects(db)
    assert told == owed == Counter(good)  # each good one once; nothing left of the failing ones
    assert fire_due(db, policy, firers) == 0  # not before their retry is due

    with db.session() as session:  # the retry falls due, and the firers work now
        for key in failing:
            nudge = session.exec(select(Nudge).where(Nudge.key == key)).one()
            nudge.due_at = utcnow() - timedelta(seconds=1)
            session.add(nudge)
    fixed = {"remind": remind, "broken": remind, "bad_sql": remind}
    assert fire_due(db, policy, fixed) == len(failing)
    assert all(n.state == "done" for n in by_key(db).values())
    told, owed = effects(db)
    assert told == owed == Counter(keys)


def test_one_batch_defers_cancels_and_fires(db, policy, caplog):
    keys = add_nudges(db, ["remind", "quiet", "retired", "remind"])
    with caplog.at_level(logging.ERROR, logger="schedules.firing"):
        assert fire_due(db, policy, {"remind": remind, "quiet": quiet}) == len(keys)
    nudges = by_key(db)
    assert [nudges[k].state for k in keys] == ["done", "pending", "cancelled", "done"]
    assert nudges[keys[1]].deferrals == 1 and nudges[keys[1]].due_at > utcnow() + timedelta(hours=1)
    assert "no firer for nudge kind 'retired'" in caplog.text
    assert effects(db)[0] == Counter([keys[0], keys[3]])


def test_batches_never_take_a_nudge_twice_nor_one_not_yet_due(db, policy):
    keys = add_nudges(db, ["remind"] * 5)
    with db.session() as session:  # due in an hour: no batch may take it, but it is the next one due
        session.add(Nudge(key="later", kind="remind", due_at=utcnow() + timedelta(hours=1)))
    assert [fire_due(db, policy, {"remind": remind}, batch=2) for _ in range(4)] == [2, 2, 1, 0]
    told, owed = effects(db)
    assert told == owed == Counter(keys)
    later = by_key(db)["later"]
    assert later.state == "pending" and next_due(db) == later.due_at


def test_a_tick_fires_what_falls_due_before_the_next_tick_and_nothing_later(db, policy):
    [soon] = add_nudges(db, ["retired"], ago=timedelta(seconds=-0.2))  # no firer: taken means cancelled
    [later] = add_nudges(db, ["retired"], ago=timedelta(seconds=-1.5))
    client = make_client(BOT_TOKEN, "http://127.0.0.1:9/api/")  # never called: the sender is not started
    jobs.bind(Runtime(policy=policy, db=db, client=client, sender=Sender(db, client)))
    jobs.tick()
    nudges = by_key(db)
    assert nudges[soon].state == "cancelled" and nudges[later].state == "pending"
