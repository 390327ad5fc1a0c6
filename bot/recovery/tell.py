"""What the domain tells Slack, in one vocabulary.

Each of these owes a Slack call in the caller's transaction (bot/store/outbox.py), under a key that
names the message, so it is sent exactly once after the change that needs it commits. Services say
what people should see; only this module knows which Slack method does it.
"""

import base64

from sqlmodel import Session

from bot.policy.model import Policy
from bot.recovery.customer import redact_contact
from bot.recovery.messages import card
from bot.store.models import Case
from bot.store.outbox import owe_soon


def dm(
    session: Session,
    *,
    key: str,
    to: str,
    text: str,
    blocks: list[dict] | None = None,
    case: Case | None = None,
) -> None:
    """A direct message to one person (their user id opens the DM)."""
    payload = {"channel": to, "text": text} | ({"blocks": blocks} if blocks is not None else {})
    owe_soon(session, key=key, method="chat.postMessage", payload=payload, case_id=case.id if case else None)


def in_thread(session: Session, *, case: Case, key: str, text: str) -> None:
    """A message in the case's thread (once the thread exists); contact details never go there."""
    payload = {"text": redact_contact(text)}
    if case.thread_ts:
        payload |= {"channel": case.thread_channel, "thread_ts": case.thread_ts}
        owe_soon(session, key=key, method="chat.postMessage", payload=payload, case_id=case.id)
    else:  # the card starts the thread: the sender fills in where it is once the card is out
        owe_soon(
            session,
            key=key,
            method="chat.postMessage",
            payload=payload,
            case_id=case.id,
            after_key=card_key(case),
        )


def replace(session: Session, *, key: str, message: str, text: str, case: Case | None = None) -> None:
    """Turn a message we sent (the DM keyed `message`, with its buttons) into a one-line note."""
    owe_soon(
        session,
        key=key,
        method="chat.update",
        payload={"text": text, "blocks": []},
        case_id=case.id if case else None,
        after_key=message,
    )


def ephemeral(session: Session, *, key: str, channel: str, to: str, text: str, case: Case) -> None:
    """A message in a channel that only one person sees."""
    payload = {"channel": channel, "user": to, "text": text}
    owe_soon(session, key=key, method="chat.postEphemeral", payload=payload, case_id=case.id)


def card_key(case: Case) -> str:
    """The key of the case card: the message every update of it, and its thread, hang from."""
    return f"card:{case.id}"


def post_card(session: Session, *, policy: Policy, case: Case, channel: str, thread_ts: str | None) -> None:
    """The case card: in the complaint's thread, or at the top of a channel where it starts one."""
    owe_soon(
        session,
        key=card_key(case),
        method="chat.postMessage",
        payload={
            "channel": channel,
            "thread_ts": thread_ts,
            "text": card.card_text(policy, case),
            "blocks": card.case_card(policy, case),
            "unfurl_links": False,
        },
        purpose="card",  # when it is sent, the case learns where its thread is
        case_id=case.id,
    )


def refresh_card(session: Session, *, policy: Policy, case: Case, version: int) -> None:
    """Show the case as it is now on its card (only the newest version owed is sent)."""
    owe_soon(
        session,
        key=f"card-update:{case.id}:{version}",
        method="chat.update",
        payload={"text": card.card_text(policy, case), "blocks": card.case_card(policy, case)},
        case_id=case.id,
        after_key=card_key(case),
    )


def refresh_home(session: Session, *, user_id: str | None, reason: str) -> None:
    """A fresh Home tab for someone whose queue changed, drawn when it goes out (bot/recovery/home.py).

    Drawn then, it shows everything committed by that time, and only the newest one owed is sent.
    """
    if not user_id:
        return
    owe_soon(
        session,
        key=f"home:{user_id}:{reason}",
        method="views.publish",
        payload={"user_id": user_id, "render": "home"},
    )


def post(session: Session, *, key: str, channel: str, text: str) -> None:
    """A message at the top of a channel."""
    owe_soon(session, key=key, method="chat.postMessage", payload={"channel": channel, "text": text})


def upload(
    session: Session, *, key: str, channel: str, filename: str, title: str, content: bytes, after: str
) -> None:
    """A file shared in a channel, after the message keyed `after`."""
    payload = {
        "channel": channel,
        "filename": filename,
        "title": title,
        "content_b64": base64.b64encode(content).decode("ascii"),
    }
    owe_soon(session, key=key, method="files.upload_v2", payload=payload, after_key=after)
