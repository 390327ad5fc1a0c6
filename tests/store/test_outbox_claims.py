"""The sender's batched claim: one statement takes only what no one else holds; a give-back undoes it exactly."""

from datetime import timedelta

from sqlalchemy import event
from sqlmodel import col, select

from bot.store import outbox
from bot.store.db import Database
from bot.store.models import Outbox, OutboxState, utcnow


def _owe(db: Database, *keys: str) -> list[Outbox]:
    with db.session() as session:
        for key in keys:
            outbox.owe(session, key=key, method="chat.postMessage", payload={"channel": "C1", "text": key})
    with db.reading() as session:
        rows = list(session.exec(select(Outbox).order_by(col(Outbox.id))))
        session.expunge_all()
    return rows


def _states(db: Database) -> list[tuple[str, str, int]]:
    with db.reading() as session:
        rows = session.exec(select(Outbox).order_by(col(Outbox.id)))
        return [(r.key, r.state, r.attempts) for r in rows]


def test_one_statement_claims_only_rows_nobody_holds_and_two_claims_never_share_a_row(either_database_url):
    db = Database(either_database_url)
    db.migrate()
    a, b, c = _owe(db, "a", "b", "c")
    now = utcnow()
    with db.session() as session:
        assert outbox.claim_many(session, [a.id, b.id], now) == {a.id, b.id}
    with db.session() as session:  # another sender, a moment later: only c is free
        assert outbox.claim_many(session, [a.id, b.id, c.id], now + timedelta(seconds=1)) == {c.id}
    with db.session() as session:  # after a dead sender's claim goes stale, it can be taken over
        later = now + outbox.STALE_CLAIM + timedelta(seconds=2)
        assert outbox.claim_many(session, [a.id], later) == {a.id}
    assert _states(db) == [("a", "sending", 2), ("b", "sending", 1), ("c", "sending", 1)]
    db.dispose()


def test_a_claimed_row_given_back_is_as_it_was_and_another_senders_claim_is_left_alone(either_database_url):
    db = Database(either_database_url)
    db.migrate()
    a, b = _owe(db, "a", "b")
    ours, theirs = utcnow(), utcnow() + timedelta(seconds=1)
    with db.session() as session:
        outbox.claim_many(session, [a.id], ours)
        outbox.claim_many(session, [b.id], theirs)
    with db.session() as session:  # we give both back: only ours is ours to give
        outbox.release(session, [a, b], ours)
    assert _states(db) == [("a", OutboxState.PENDING, 0), ("b", OutboxState.SENDING, 1)]
    with db.session() as session:  # and the row given back is free for the next claim
        assert outbox.claim_many(session, [a.id], utcnow()) == {a.id}
    db.dispose()


def test_a_rounds_calls_are_recorded_sent_in_one_executemany_each_way(either_database_url):
    db = Database(either_database_url)
    db.migrate()
    a, b, c = _owe(db, "a", "b", "c")
    updates: list[tuple[int, bool]] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def _seen(conn, cursor, statement: str, parameters, context, executemany: bool) -> None:
        if statement.lstrip().upper().startswith("UPDATE"):
            updates.append((len(parameters) if executemany else 1, executemany))

    for row, ts in ((a, "1.1"), (b, "1.2"), (c, "1.3")):
        row.result_channel, row.result_ts = "C1", ts
    with db.session() as session:
        outbox.mark_sent(session, [(a, None), (b, {"view": {"type": "home"}}), (c, None)], utcnow())
    assert sorted(updates) == [
        (1, False),
        (2, True),
    ]  # the two as owed in one executemany, the rendered one alone
    with db.reading() as session:
        rows = session.exec(select(Outbox).order_by(col(Outbox.id))).all()
        assert [(r.state, r.result_ts) for r in rows] == [
            (OutboxState.SENT, ts) for ts in ("1.1", "1.2", "1.3")
        ]
        assert rows[1].payload == {"view": {"type": "home"}}
    db.dispose()
