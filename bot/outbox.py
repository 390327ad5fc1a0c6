"""The outbox: every Slack call is owed in the same transaction as the change that needs it.

A crash therefore never loses a message: what was committed is delivered by the pump in
bot/sender.py. Each key is owed once, and a post carries its key in Slack message metadata, so
the pump can tell after a crash whether Slack already has it.
"""

from typing import Any

from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from bot.models import Outbox

METADATA_TYPE = "bounceback_outbox"


def latest_key(session: Session, prefix: str) -> str | None:
    """The most recently owed key starting with `prefix` (e.g. a case's latest owner DM)."""
    query = select(Outbox.key).where(col(Outbox.key).startswith(prefix)).order_by(col(Outbox.id).desc())
    return session.exec(query).first()


def owe(
    session: Session,
    *,
    key: str,
    method: str,
    payload: dict[str, Any],
    purpose: str = "message",
    case_id: int | None = None,
    after_key: str | None = None,
) -> bool:
    """Record a Slack call to make after commit; False when the same key is already owed or sent."""
    if method == "chat.postMessage":
        payload = {**payload, "metadata": {"event_type": METADATA_TYPE, "event_payload": {"key": key}}}
    row = Outbox(
        key=key, method=method, payload=payload, purpose=purpose, case_id=case_id, after_key=after_key
    )
    insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else postgresql_insert
    statement = (
        insert(Outbox).values(row.model_dump(exclude={"id"})).on_conflict_do_nothing(index_elements=["key"])
    )
    return session.execute(statement.returning(Outbox.id)).first() is not None  # None: the key was taken


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
