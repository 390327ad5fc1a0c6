"""Nudges: what must happen later, stored as rows in the caller's transaction (fired by schedules/firing.py)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from bot.store.db import insert_once, insert_soon
from bot.store.models import Nudge, NudgeKind, NudgeState


@dataclass(frozen=True)
class Defer:
    """A firer's answer: not now (quiet hours), try again at `until`."""

    until: datetime


def schedule(session: Session, **nudge: Any) -> bool:
    """Add a nudge (`_nudge`'s fields) in the caller's transaction; False when one with its key already exists."""
    return insert_once(session, Nudge, "key", **_nudge(**nudge)) is not None


def schedule_soon(session: Session, **nudge: Any) -> None:
    """`schedule`, unless the key is taken, written now or with a batch's others (`db.inserts_later`)."""
    insert_soon(session, Nudge, "key", **_nudge(**nudge))


def _nudge(
    *,
    key: str,
    kind: NudgeKind,
    due_at: datetime,
    case_id: int | None = None,
    recipient_id: str | None = None,
    payload: dict | None = None,
) -> dict[str, Any]:
    return dict(
        key=key, kind=kind, due_at=due_at, case_id=case_id, recipient_id=recipient_id, payload=payload or {}
    )


def cancel(session: Session, *, case_id: int, kinds: tuple[NudgeKind, ...]) -> int:
    """Cancel a case's pending nudges of these kinds, in the caller's transaction."""
    result = session.execute(
        update(Nudge)
        .where(
            col(Nudge.case_id) == case_id, col(Nudge.kind).in_(kinds), col(Nudge.state) == NudgeState.PENDING
        )
        .values(state=NudgeState.CANCELLED)
    )
    return result.rowcount


def pending(session: Session, *, case_id: int) -> list[Nudge]:
    """What is still scheduled for a case, soonest first."""
    query = (
        select(Nudge)
        .where(Nudge.case_id == case_id, Nudge.state == NudgeState.PENDING)
        .order_by(col(Nudge.due_at))
    )
    return list(session.exec(query))


def by_key(session: Session, key: str) -> Nudge | None:
    """The nudge with this key, whatever its state."""
    return session.exec(select(Nudge).where(Nudge.key == key)).first()


def move(session: Session, *, key: str, due_at: datetime) -> int:
    """Set a waiting (or called-off) nudge to fire at `due_at`, in the caller's transaction; 0 if it has fired."""
    result = session.execute(
        update(Nudge)
        .where(col(Nudge.key) == key, col(Nudge.state).in_((NudgeState.PENDING, NudgeState.CANCELLED)))
        .values(due_at=due_at, state=NudgeState.PENDING)
    )
    return result.rowcount


def cancel_kind(session: Session, *, kind: NudgeKind, keep: str | None = None) -> int:
    """Cancel every pending nudge of a kind not tied to a case (but `keep`), in the caller's transaction."""
    query = update(Nudge).where(col(Nudge.kind) == kind, col(Nudge.state) == NudgeState.PENDING)
    if keep is not None:
        query = query.where(col(Nudge.key) != keep)
    return session.execute(query.values(state=NudgeState.CANCELLED)).rowcount
