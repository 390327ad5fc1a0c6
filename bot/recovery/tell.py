"""Telling Slack a case changed: refresh its card, say something in its thread."""

from sqlmodel import Session

from bot.policy.model import Policy
from bot.recovery.customer import redact_contact
from bot.recovery.messages import card
from bot.store.models import Case
from bot.store.outbox import owe


def refresh_card(session: Session, *, policy: Policy, case: Case, version: int) -> None:
    """Owe an update of the case card to show the case as it is now."""
    owe(
        session,
        key=f"card-update:{case.id}:{version}",
        method="chat.update",
        payload={"text": card.card_text(policy, case), "blocks": card.case_card(policy, case)},
        case_id=case.id,
        after_key=f"card:{case.id}",
    )


def tell_thread(session: Session, *, case: Case, key: str, text: str) -> None:
    """Owe a message in the case's thread (once the thread exists); contact details never go there."""
    text = redact_contact(text)
    if case.thread_ts:
        payload = {"channel": case.thread_channel, "thread_ts": case.thread_ts, "text": text}
        owe(session, key=key, method="chat.postMessage", payload=payload, case_id=case.id)
    else:
        owe(
            session,
            key=key,
            method="chat.postMessage",
            payload={"text": text},
            case_id=case.id,
            after_key=f"card:{case.id}",
        )
