"""What tests read back: cases in the database, and what people saw in the stand-in."""

from typing import Any

from sqlmodel import col, select

from bot.models import Case, Outbox, TimelineEvent
from bot.sandbox.rig import Rig


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
