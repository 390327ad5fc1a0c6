"""Reading a Slack message event: a new complaint at the top of a complaints channel, a note in a thread."""

from typing import Any

from sqlmodel import Session

from bot.policy.model import Policy
from bot.recovery import intake
from bot.recovery.cases import Complaint
from bot.recovery.customer import extract_customer
from bot.store import inbox
from bot.store.db import inserts_later
from bot.store.models import Source

PERSON_SUBTYPES = (None, "thread_broadcast", "file_share")


def permalink(workspace_url: str | None, channel: str, ts: str) -> str | None:
    """Slack's link to a message, built the way Slack builds it (no API call needed)."""
    if not workspace_url:
        return None
    return f"{workspace_url.rstrip('/')}/archives/{channel}/p{ts.replace('.', '')}"


def handle_message(
    session: Session, *, policy: Policy, event: dict[str, Any], workspace_url: str | None
) -> None:
    """A person's message: a case at the top of a complaints channel, a note inside a case thread."""
    if event.get("subtype") not in PERSON_SUBTYPES or event.get("bot_id") or not event.get("user"):
        return  # edits, deletions, joins and bots never make cases
    channel, ts, text = event.get("channel", ""), event.get("ts", ""), event.get("text") or ""
    thread_ts = event.get("thread_ts")
    if thread_ts and thread_ts != ts:
        intake.note_reply(
            session, channel=channel, thread_ts=thread_ts, ts=ts, user_id=event["user"], text=text
        )
        return
    if channel not in policy.complaints_channels or not text.strip() or not ts:
        return
    complaint = Complaint(
        text=text,
        reporter_id=event["user"],
        source=Source.CHANNEL,
        source_key=f"msg:{channel}:{ts}",
        customer=extract_customer(text),
        channel_id=channel,
        message_ts=ts,
        permalink=permalink(workspace_url, channel, ts),
        thread_channel=channel,
        thread_ts=ts,
    )
    intake.log_complaint(session, policy=policy, complaint=complaint, card_channel=channel, card_thread_ts=ts)


def process(
    session: Session, *, policy: Policy, stored: list[tuple[str, dict[str, Any]]], workspace_url: str | None
) -> None:
    """Events the inbox holds, as (event_id, event): each made a case or a note, and all marked done,
    in the caller's one transaction (replays are safe: a message makes one case). The new cases' timeline
    rows, nudges and owed calls are written together at the end, a table's in one statement."""
    with inserts_later(session):
        for _, event in stored:
            handle_message(session, policy=policy, event=event, workspace_url=workspace_url)
    inbox.done(session, event_ids=[event_id for event_id, _ in stored])
