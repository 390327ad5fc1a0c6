"""The outbox: every Slack call is owed in the same transaction as the change that needs it.

A crash therefore never loses a message: what was committed is delivered by the pump in
bot/slack/sender.py. Each key is owed once, and a post carries its key in Slack message metadata,
so the pump can tell after a crash whether Slack already has it. The domain owes calls through
bot/recovery/tell.py, never here directly.
"""

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, bindparam, or_, update
from sqlmodel import Session, col, select

from bot.store.db import insert_once, insert_soon
from bot.store.models import Outbox, OutboxState

METADATA_TYPE = "bounceback_outbox"
EMAIL = "email.send"  # an e-mail to a customer: the mail sender (bot/mail/) delivers these rows, Slack's never does
STALE_CLAIM = timedelta(seconds=30)  # longer than any one call with its retries: its process died

# The pump's writes, built once: one per call it makes, so rebuilding each would cost more than the write.
_OUTBOX = Outbox.__table__  # type: ignore[attr-defined]


def _claimed_before(moment: Any) -> ColumnElement[bool]:
    """Rows a sender claimed before `moment` and never finished (a value, or a bound parameter)."""
    return (_OUTBOX.c.state == OutboxState.SENDING) & (_OUTBOX.c.claimed_at < moment)


_CLAIMABLE = (_OUTBOX.c.id == bindparam("row_id")) & or_(
    _OUTBOX.c.state == OutboxState.PENDING, _claimed_before(bindparam("stale_before"))
)
_CLAIM = (
    update(_OUTBOX)
    .where(_CLAIMABLE)
    .values(state=OutboxState.SENDING, claimed_at=bindparam("now"), attempts=_OUTBOX.c.attempts + 1)
)
_SUPERSEDE = (
    update(_OUTBOX)
    .where(_CLAIMABLE)
    .values(state=OutboxState.SUPERSEDED, claimed_at=bindparam("now"), last_error=None)
)
# A round's claim of several rows in one statement (the ids it won), and its release of those it did not send.
_CLAIM_MANY = (
    update(_OUTBOX)
    .where(
        _OUTBOX.c.id.in_(bindparam("row_ids", expanding=True)),
        or_(_OUTBOX.c.state == OutboxState.PENDING, _claimed_before(bindparam("stale_before"))),
    )
    .values(state=OutboxState.SENDING, claimed_at=bindparam("now"), attempts=_OUTBOX.c.attempts + 1)
    .returning(_OUTBOX.c.id)
)
_RELEASE = (
    update(_OUTBOX)
    .where(
        _OUTBOX.c.id == bindparam("row_id"),
        _OUTBOX.c.state == OutboxState.SENDING,
        _OUTBOX.c.claimed_at == bindparam("claimed_now"),
    )
    .values(
        state=bindparam("was_state"), claimed_at=bindparam("was_claimed_at"), attempts=_OUTBOX.c.attempts - 1
    )
)
_SENT = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id == bindparam("row_id"))
    .values(
        state=OutboxState.SENT, sent_at=bindparam("now"), last_error=None, result_channel=bindparam("channel")
    )
    .values(result_ts=bindparam("ts"))
)
_SENT_AS_RENDERED = _SENT.values(payload=bindparam("rendered"))


def latest_key(session: Session, prefix: str) -> str | None:
    """The most recently owed key starting with `prefix` (e.g. a case's latest owner DM)."""
    query = select(Outbox.key).where(col(Outbox.key).startswith(prefix)).order_by(col(Outbox.id).desc())
    return session.exec(query).first()


def owe(session: Session, **call: Any) -> bool:
    """Record a Slack call (`_owed`'s fields) to make after commit; False when its key is already owed or sent."""
    return insert_once(session, Outbox, "key", **_owed(**call)) is not None  # None: the key was taken


def owe_soon(session: Session, **call: Any) -> None:
    """`owe`, unless the key is taken, written now or with a batch's others (`db.inserts_later`)."""
    insert_soon(session, Outbox, "key", **_owed(**call))


def _owed(
    *,
    key: str,
    method: str,
    payload: dict[str, Any],
    purpose: str = "message",
    case_id: int | None = None,
    after_key: str | None = None,
) -> dict[str, Any]:
    if method == "chat.postMessage":
        payload = {**payload, "metadata": {"event_type": METADATA_TYPE, "event_payload": {"key": key}}}
    return dict(
        key=key, method=method, payload=payload, purpose=purpose, case_id=case_id, after_key=after_key
    )


def for_slack() -> ColumnElement[bool]:
    """Rows the Slack sender delivers: every one but the e-mails."""
    return _OUTBOX.c.method != EMAIL


def abandoned(now: datetime) -> ColumnElement[bool]:
    """Rows claimed by a sender that died mid-call."""
    return _claimed_before(now - STALE_CLAIM)


def claim(session: Session, row_id: int, now: datetime) -> bool:
    """Take an owed (or abandoned) row for sending; only one sender can win it."""
    return session.execute(_CLAIM, _claimable(row_id, now)).rowcount == 1


def claim_many(session: Session, row_ids: list[int], now: datetime) -> set[int]:
    """Take several owed (or abandoned) rows in one statement; the ids this sender won."""
    params = {"row_ids": row_ids, "now": now, "stale_before": now - STALE_CLAIM}
    return set(session.connection().execute(_CLAIM_MANY, params).scalars())


def release(session: Session, rows: list[Outbox], claimed: datetime) -> None:
    """Give back rows claimed at `claimed` but not sent, as they were before (attempts included)."""
    if rows:
        session.execute(
            _RELEASE,
            [
                {"row_id": r.id, "claimed_now": claimed, "was_state": r.state, "was_claimed_at": r.claimed_at}
                for r in rows
            ],
        )


def supersede(session: Session, row_id: int, now: datetime) -> bool:
    """Retire an owed row a newer one replaces; False when another sender took it first."""
    return session.execute(_SUPERSEDE, _claimable(row_id, now)).rowcount == 1


def _claimable(row_id: int, now: datetime) -> dict[str, Any]:
    return {"row_id": row_id, "now": now, "stale_before": now - STALE_CLAIM}


def mark_sent(session: Session, sent: list[tuple[Outbox, dict[str, Any] | None]], now: datetime) -> None:
    """Record that Slack took these calls, each with what was rendered if it was built at send time: one
    executemany for those as owed and one for those rendered (psycopg pipelines each in one round trip)."""
    plain, rendered = [], []
    for row, payload in sent:
        params = {"row_id": row.id, "now": now, "channel": row.result_channel, "ts": row.result_ts}
        if payload is None:
            plain.append(params)
        else:
            rendered.append({**params, "rendered": payload})
    for statement, rows in ((_SENT, plain), (_SENT_AS_RENDERED, rendered)):
        if rows:
            session.connection().execute(statement, rows)  # Core: the ORM's execution would add nothing


def replaces(method: str, key: str, after_key: str | None) -> str | None:
    """What a call replaces outright (one message, one person's Home tab); None if it adds something."""
    if method == "chat.update" and after_key:
        return f"update:{after_key}"
    if method == "views.publish" and key.startswith("home:"):
        return "home:" + key.split(":")[1]
    return None


def newest_by_target(session: Session, rows: list[Outbox]) -> dict[str, int]:
    """The id of the newest row owed for each target these rows replace."""
    replacing = [row.id for row in rows if replaces(row.method, row.key, row.after_key)]
    if not replacing:
        return {}
    newer = session.exec(
        select(Outbox.id, Outbox.method, Outbox.key, Outbox.after_key)
        .where(col(Outbox.id) >= min(replacing))
        .where(col(Outbox.method).in_(("chat.update", "views.publish")))
    )
    newest: dict[str, int] = {}
    for row_id, method, key, after_key in newer:
        target = replaces(method, key, after_key)
        if target is not None:
            newest[target] = max(newest.get(target, 0), row_id)
    return newest
