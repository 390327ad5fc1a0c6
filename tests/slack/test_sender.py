"""The outbox: a message Slack already has after a crash is not sent again; a replaced version is not sent."""

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from slack_sdk import WebClient
from sqlmodel import col, select

from bot.recovery import cases, fixes, intake
from bot.recovery.cases import Complaint, case_key
from bot.runtime import build_runtime
from bot.sandbox.cast import ADMIN, BOT_TOKEN, COMPLAINTS, FRONT_DESK, LEARNINGS, SUPPORT, populate
from bot.sandbox.rig import Rig
from bot.sandbox.standin import SlackStandIn
from bot.slack.client import make_client
from bot.slack.sender import Sender
from bot.store.db import Database
from bot.store.models import Outbox, utcnow
from bot.store.outbox import METADATA_TYPE, STALE_CLAIM, owe
from tests.helpers import block_text


class Clock:
    """The sender's clock, moved on by the test instead of waiting."""

    def __init__(self) -> None:
        self.ahead = timedelta()

    def __call__(self) -> datetime:
        return utcnow() + self.ahead

    def advance(self, seconds: float) -> None:
        self.ahead += timedelta(seconds=seconds)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def world(tmp_path, clock):
    with SlackStandIn() as standin:
        populate(standin)
        db = Database(f"sqlite:///{tmp_path / 'outbox.sqlite3'}")
        db.migrate()
        yield standin, db, _sender(standin, db, clock)
        db.dispose()


def _sender(standin: SlackStandIn, db: Database, clock: Callable[[], datetime]) -> Sender:
    return Sender(db, make_client(BOT_TOKEN, standin.url, wait_out_rate_limits=False), clock=clock)


def _stale_claim(db: Database, key: str, claimed_at: datetime | None = None) -> None:
    """A row a sender claimed and then died with (owed a second before that claim)."""
    claimed_at = claimed_at or utcnow() - STALE_CLAIM - timedelta(seconds=1)
    with db.session() as session:
        session.add(
            Outbox(
                key=key,
                purpose="message",
                method="chat.postMessage",
                payload={
                    "channel": SUPPORT.id,
                    "text": "Reminder",
                    "metadata": {"event_type": METADATA_TYPE, "event_payload": {"key": key}},
                },
                state="sending",
                claimed_at=claimed_at,
                created_at=claimed_at - timedelta(seconds=1),
            )
        )


def _post_as_before_the_crash(standin: SlackStandIn, key: str) -> None:
    WebClient(token=BOT_TOKEN, base_url=standin.url).chat_postMessage(
        channel=SUPPORT.id,
        text="Reminder",
        metadata={"event_type": METADATA_TYPE, "event_payload": {"key": key}},
    )


def test_a_message_sent_just_before_a_crash_is_not_sent_again(world):
    standin, db, sender = world
    _post_as_before_the_crash(standin, "k1")
    _stale_claim(db, "k1")
    assert sender.drain() == 1
    assert len(standin.dm(SUPPORT.id)) == 1
    with db.session() as session:
        row = session.exec(select(Outbox)).one()
        assert row.state == "sent" and row.result_ts == standin.dm(SUPPORT.id)[0]["ts"]


@pytest.mark.parametrize("claims", [1, 2], ids=["claimed once", "reclaimed, then died again"])
def test_a_message_sent_just_before_a_crash_is_not_sent_again_when_the_bot_returns_minutes_later(
    world, claims
):
    standin, db, _ = world
    _stale_claim(db, "k3", claimed_at=utcnow())
    _post_as_before_the_crash(standin, "k3")
    if claims == 2:  # a sender took it again two minutes later and died before it looked in Slack
        with db.session() as session:
            row = session.exec(select(Outbox)).one()
            row.claimed_at += timedelta(minutes=2)
    later = _sender(standin, db, clock=lambda: utcnow() + timedelta(minutes=5))
    assert later.drain() == 1
    assert len(standin.dm(SUPPORT.id)) == 1
    with db.session() as session:
        assert session.exec(select(Outbox.state)).one() == "sent"


def test_a_message_the_crash_stopped_is_sent_once(world):
    standin, db, sender = world
    _stale_claim(db, "k2")
    assert sender.drain() == 1
    assert [m["text"] for m in standin.dm(SUPPORT.id)] == ["Reminder"]
    assert sender.drain() == 0


def _home(text: str) -> dict:
    return {"type": "home", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]}


def test_only_the_newest_home_tab_owed_to_a_person_is_published(world):
    standin, db, sender = world
    with db.session() as session:
        for reason, text in (("a", "older"), ("b", "newer")):
            owe(
                session,
                key=f"home:{SUPPORT.id}:{reason}",
                method="views.publish",
                payload={"user_id": SUPPORT.id, "view": _home(text)},
            )
    assert sender.drain() == 2
    assert len(standin.calls_to("views.publish")) == 1
    assert standin.home(SUPPORT.id)["blocks"] == _home("newer")["blocks"]
    with db.session() as session:
        states = session.exec(select(Outbox.key, Outbox.state).order_by(col(Outbox.id))).all()
    assert states == [(f"home:{SUPPORT.id}:a", "superseded"), (f"home:{SUPPORT.id}:b", "sent")]
    assert sender.owed_now() == 0


def _texts(standin: SlackStandIn, channel: str) -> list[str]:
    return [m["text"] for m in standin.messages(channel)]


def _owe_posts(db: Database, *posts: tuple[str, str]) -> None:
    with db.session() as session:
        for key, channel in posts:
            owe(session, key=key, method="chat.postMessage", payload={"channel": channel, "text": key})


def test_a_rate_limited_channel_waits_its_turn_without_holding_up_the_others(world, clock):
    standin, db, sender = world
    _owe_posts(db, ("a1", COMPLAINTS), ("a2", COMPLAINTS), ("b1", LEARNINGS), ("b2", LEARNINGS))
    standin.fail("chat.postMessage", kind="429", retry_after=5)
    assert sender.drain() == 4
    assert (_texts(standin, COMPLAINTS), _texts(standin, LEARNINGS)) == ([], ["b1", "b2"])
    _owe_posts(db, ("a3", COMPLAINTS))  # owed while the channel waits: it waits behind a1 and a2
    assert sender.drain() == 1
    assert _texts(standin, COMPLAINTS) == [] and sender.owed_now() == 3
    with db.session() as session:
        waiting = session.exec(select(Outbox).where(Outbox.state != "sent").order_by(col(Outbox.id))).all()
    assert [(r.key, r.state, r.attempts) for r in waiting] == [(k, "pending", 0) for k in ("a1", "a2", "a3")]
    assert sender.drain() == 0
    clock.advance(5)
    assert sender.drain() == 3
    assert (_texts(standin, COMPLAINTS), _texts(standin, LEARNINGS)) == (["a1", "a2", "a3"], ["b1", "b2"])
    assert len(standin.calls_to("chat.postMessage")) == 6 and sender.owed_now() == 0


def test_channels_slack_paces_get_every_message_once_and_in_order(tmp_path):
    with SlackStandIn(pace_per_channel=20) as standin:
        populate(standin)
        db = Database(f"sqlite:///{tmp_path / 'paced.sqlite3'}")
        db.migrate()
        _owe_posts(
            db, *((f"{channel}:{n}", channel) for n in range(15) for channel in (COMPLAINTS, LEARNINGS))
        )
        sender = _sender(standin, db, utcnow)
        sender.start()
        try:
            standin.wait_for(
                lambda: len(standin.messages(COMPLAINTS)) + len(standin.messages(LEARNINGS)) >= 30,
                timeout=120,
                what="every message",
            )
        finally:
            sender.stop()
        for channel in (COMPLAINTS, LEARNINGS):
            assert _texts(standin, channel) == [f"{channel}:{n}" for n in range(15)]
        assert sender.owed_now() == 0
        db.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def database(request, tmp_path):
    url = (
        f"sqlite:///{tmp_path / 'owed.sqlite3'}"
        if request.param == "sqlite"
        else request.getfixturevalue("postgres_url")
    )
    db = Database(url)
    db.migrate()
    yield db
    db.dispose()


def test_a_key_owed_twice_is_recorded_once_and_calls_keep_the_order_they_were_owed_in(database):
    def post(session, key: str, text: str) -> bool:
        return owe(session, key=key, method="chat.postMessage", payload={"channel": SUPPORT.id, "text": text})

    with database.session() as session:
        assert post(session, "b", "first b") and post(session, "a", "first a")
        assert not post(session, "b", "second b")
    with database.session() as session:
        assert not post(session, "a", "second a")  # owed by an earlier transaction, which goes on
        assert post(session, "c", "first c")
        session.exec(select(Outbox).where(Outbox.key == "a")).one().state = "sent"
    with database.session() as session:
        assert not post(session, "a", "third a")  # already sent
        rows = session.exec(select(Outbox).order_by(col(Outbox.id))).all()
    assert [(r.key, r.payload["text"], r.state) for r in rows] == [
        ("b", "first b", "pending"),
        ("a", "first a", "sent"),
        ("c", "first c", "pending"),
    ]
    assert rows[0].payload["metadata"] == {"event_type": METADATA_TYPE, "event_payload": {"key": "b"}}


def test_a_home_tab_is_built_when_it_goes_out_from_what_is_committed_by_then():
    rig = Rig()  # for its settings, stand-in and database: the runtime's own sender and renderers
    rig.standin.start()
    populate(rig.standin)
    runtime, policy = build_runtime(rig.settings, rig.policy), rig.policy
    try:
        with runtime.db.session() as session:
            complaint = Complaint(
                text="The spa lost a booking", reporter_id=FRONT_DESK.id, source="t", source_key="1"
            )
            case, _ = intake.log_complaint(
                session, policy=policy, complaint=complaint, card_channel=COMPLAINTS, card_thread_ts=None
            )
            key = case_key(policy, case)
            due = utcnow() + timedelta(hours=1)
            fixes.assign_owner(
                session,
                policy=policy,
                case=case,
                owner_id=SUPPORT.id,
                due=due,
                actor_id=ADMIN.id,
                profiles={},
            )  # owes the owner's Home tab
            before = case.severity
        with runtime.db.session() as session:  # a change that owes no Home tab of its own
            case = cases.get_case(session, policy=policy, number=case.id)
            intake.change_severity(
                session, policy=policy, case=case, severity="critical", reason="VIP", actor_id=ADMIN.id
            )
        while runtime.sender.drain():
            pass
        home = block_text(rig.standin.home(SUPPORT.id))
        assert before != "critical" and f"*{key}* (critical)" in home
    finally:
        runtime.db.dispose()
        rig.stop()
