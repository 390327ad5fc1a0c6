"""What tests read back: cases in the database, and what people saw in the stand-in."""

import time
from collections.abc import Callable, Iterator
from typing import Any

from sqlmodel import col, select

from bot.sandbox.rig import Rig
from bot.store.db import Database
from bot.store.models import Case, Nudge, NudgeState, Outbox, OutboxState, TimelineEvent, utcnow


def all_cases(rig: Rig) -> list[Case]:
    """Every stored case, oldest first."""
    with rig.service.runtime.db.session() as session:
        return list(session.exec(select(Case).order_by(col(Case.id))))


def events(rig: Rig, case_id: int, kind: str | None = None) -> list[TimelineEvent]:
    """The timeline of one case, optionally of one kind."""
    with rig.service.runtime.db.session() as session:
        query = select(TimelineEvent).where(TimelineEvent.case_id == case_id).order_by(col(TimelineEvent.id))
        return [e for e in session.exec(query) if kind is None or e.kind == kind]


def outbox(rig: Rig) -> list[Outbox]:
    """Every Slack call the bot owed."""
    with rig.service.runtime.db.session() as session:
        return list(session.exec(select(Outbox).order_by(col(Outbox.id))))


def bot_posts(rig: Rig, channel: str, *, thread_ts: str | None = None) -> list[dict[str, Any]]:
    """Messages the bot posted in a channel (in one thread, when given)."""
    return [
        m
        for m in rig.standin.messages(channel)
        if m.get("bot_id") == rig.standin.bot_id and (thread_ts is None or m.get("thread_ts") == thread_ts)
    ]


def block_text(message: dict[str, Any]) -> str:
    """All the text a person reads in a message or view: text plus every text in its blocks."""
    parts: list[str] = [message.get("text") or ""]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") in ("mrkdwn", "plain_text") and isinstance(node.get("text"), str):
                parts.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(message.get("blocks") or [])
    return "\n".join(parts)


def wait_until(predicate: Callable[[], Any], *, timeout: float = 15.0, what: str = "a condition") -> Any:
    """Check a condition (e.g. in the database) until it holds, or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout}s for {what}")
        time.sleep(0.05)


def policy_file(tmp_path, base, replacements: dict[str, str]) -> str:
    """A copy of a policy file with some lines replaced (durations in seconds for tests)."""
    text = base.read_text()
    for old, new in replacements.items():
        assert old in text, f"{old!r} is not in {base}"
        text = text.replace(old, new)
    path = tmp_path / "policy.toml"
    path.write_text(text)
    return str(path)


def settled(db: Database) -> bool:
    """Nothing due is pending: every due nudge fired and every owed message was sent."""
    now = utcnow()
    with db.session() as session:
        nudges = session.exec(
            select(Nudge).where(Nudge.state == NudgeState.PENDING, col(Nudge.due_at) <= now)
        ).all()
        owed = session.exec(
            select(Outbox).where(col(Outbox.state).in_((OutboxState.PENDING, OutboxState.SENDING)))
        ).all()
        return not nudges and not owed


def migrated(url: str) -> Iterator[Database]:
    """A database brought up to date for one test and disposed after it (`yield from` in a fixture)."""
    database = Database(url)
    database.migrate()
    yield database
    database.dispose()
