"""Stored message events are handled in batches, one transaction each; one bad event holds up only itself."""

from sqlalchemy import update
from sqlmodel import col, select

from bot.sandbox.cast import COMPLAINTS, FRONT_DESK
from bot.store import inbox
from bot.store.models import Case, EventKind, Inbox, InboxState, Nudge, Outbox, TimelineEvent, utcnow
from handlers.events import LANES, _handle, _lane


def _message(n: int, text: object) -> dict:
    return {
        "type": "message",
        "channel": COMPLAINTS,
        "user": FRONT_DESK.id,
        "ts": f"1700000{n:03d}.000100",
        "text": text,
    }


def _stored(rig, events: dict[str, dict]) -> None:
    for event_id, event in events.items():
        inbox.accept(rig.service.runtime.db, event_id=event_id, event=event)


def test_a_batch_makes_every_case_and_marks_every_event_done(rig):
    rt = rig.service.runtime
    events = {f"Ev{n}": _message(n, f"Guest in room {n} waited an hour for room service") for n in range(5)}
    _stored(rig, events)
    _handle([(rt, event_id, event) for event_id, event in events.items()])
    with rt.db.session() as session:
        assert len(session.exec(select(Case)).all()) == 5
        states = session.exec(select(Inbox.state).where(col(Inbox.event_id).in_(events))).all()
    assert states == [InboxState.DONE] * 5


def test_a_bad_event_leaves_the_rest_of_its_batch_handled_and_itself_in_the_inbox(rig):
    rt = rig.service.runtime
    events = {f"Ev{n}": _message(n, f"Guest in room {n} found the shower cold") for n in range(4)}
    events["EvBad"] = _message(9, {"not": "text"})  # its handling raises
    _stored(rig, events)
    _handle([(rt, event_id, event) for event_id, event in events.items()])
    with rt.db.session() as session:
        assert len(session.exec(select(Case)).all()) == 4
        pending = session.exec(select(Inbox.event_id).where(col(Inbox.state) == InboxState.PENDING)).all()
    assert pending == ["EvBad"]  # the clock replays it; the others were not held up by it


def test_a_bad_event_is_left_to_the_clock_and_the_handled_ones_are_not(rig):
    rt = rig.service.runtime
    events = {"EvGood": _message(1, "Guest in room 1 found the shower cold"), "EvBad": _message(9, {"no": 1})}
    _stored(rig, events)
    _handle([(rt, event_id, event) for event_id, event in events.items()])
    with rt.db.session() as session:
        session.execute(update(Inbox).values(received_at=utcnow() - inbox.STALE * 3))
    with rt.db.reading() as session:
        assert [row.event_id for row in inbox.stale(session)] == ["EvBad"]


def test_a_reply_joins_the_lane_of_the_complaint_that_began_its_thread(rig, monkeypatch):
    rt = rig.service.runtime
    monkeypatch.setattr(type(rt.db), "is_sqlite", property(lambda db: False))  # lanes are PostgreSQL's
    complaint = _message(1, "Guest in room 1 found the shower cold")
    reply = {**_message(2, "Moved them to room 2"), "thread_ts": complaint["ts"]}
    lanes = {_lane((rt, f"Ev{n}", _message(n, "x"))) % LANES for n in range(20)}
    assert _lane((rt, "EvReply", reply)) == _lane((rt, "EvComplaint", complaint)) and lanes == {0, 1}


def test_a_reply_in_the_batch_of_its_complaint_follows_its_rows_and_a_repeat_loses_none(rig):
    rt = rig.service.runtime
    complaint, later = (
        _message(1, "Guest in room 1 found the shower cold"),
        _message(3, "Room 3 had no towels"),
    )
    reply = {**_message(2, "Moved them to room 2"), "thread_ts": complaint["ts"]}
    first = {"EvComplaint": complaint, "EvReply": reply}
    second = {"EvLater": later, "EvAgain": reply}  # the repeat's savepoint rolls back; EvLater's rows wait
    for events in (first, second):
        _stored(rig, events)
        _handle([(rt, event_id, event) for event_id, event in events.items()])
    with rt.db.reading() as session:
        numbers = session.exec(select(Case.id).order_by(col(Case.id))).all()
        kinds = {
            n: session.exec(
                select(TimelineEvent.kind).where(TimelineEvent.case_id == n).order_by(col(TimelineEvent.id))
            ).all()
            for n in numbers
        }
        owed = session.exec(select(Outbox.case_id, Outbox.key)).all()
        nudged = session.exec(select(Nudge.case_id).where(col(Nudge.case_id).is_not(None))).all()
    a, b = numbers
    assert kinds == {
        a: [EventKind.LOGGED, EventKind.APOLOGY_REQUESTED, EventKind.NOTE],
        b: [EventKind.LOGGED, EventKind.APOLOGY_REQUESTED],
    }
    assert sorted(nudged) == [a, b] and {(n, f"card:{n}") for n in (a, b)} <= set(owed)
