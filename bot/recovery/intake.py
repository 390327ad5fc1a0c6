"""Intake services: log a complaint and post its card; change a case and tell its thread."""

from sqlmodel import Session

from bot.policy.model import Policy
from bot.recovery import apologies, cases, tell
from bot.recovery.access import require_change
from bot.recovery.cases import Complaint
from bot.recovery.customer import Customer
from bot.store.db import inserts_later
from bot.store.models import Case


def log_complaint(
    session: Session,
    *,
    policy: Policy,
    complaint: Complaint,
    card_channel: str,
    card_thread_ts: str | None,
    tell_reporter: bool = False,
) -> tuple[Case, bool]:
    """Log the complaint and owe its card: in the complaint's thread, or at the top of a channel.

    With `tell_reporter`, the reporter also sees (only they) where the card went. The new case's timeline
    rows, nudge and owed calls go in together before it returns, a table's in one statement (in a batch of
    events, at the batch's end with the others': `db.inserts_later`).
    """
    new = cases.new_case(session, policy=policy, complaint=complaint)
    asked = apologies.route(session, policy=policy, case=new.case)  # on the case before it is written, once
    with inserts_later(session):
        case, created = cases.store(session, new)
        if created:
            apologies.owe_request(session, policy=policy, case=case, asked=asked)
            tell.post_card(session, policy=policy, case=case, channel=card_channel, thread_ts=card_thread_ts)
            if tell_reporter:
                key = cases.case_key(policy, case)
                text = f"Logged *{key}* as *{case.severity}*. The case card is in <#{card_channel}>."
                tell.ephemeral(
                    session,
                    key=f"logged-ack:{case.id}",
                    channel=card_channel,
                    to=case.reporter_id,
                    text=text,
                    case=case,
                )
    return case, created


def note_reply(session: Session, *, channel: str, thread_ts: str, ts: str, user_id: str, text: str) -> bool:
    """A reply in a case's thread goes on its timeline; False when it is no case's thread or a repeat."""
    case = cases.find_by_thread(session, channel=channel, thread_ts=thread_ts)
    if case is None or not text.strip():
        return False
    return cases.add_note(session, case=case, actor_id=user_id, text=text, ts=ts)


def change_severity(
    session: Session, *, policy: Policy, case: Case, severity: str, reason: str, actor_id: str
) -> Case:
    """Change the severity with a reason, refresh the card and tell the thread."""
    require_change(policy, case, actor_id)
    event = cases.change_severity(
        session, policy=policy, case=case, severity=severity, reason=reason, actor_id=actor_id
    )
    apologies.reroute_after_severity(session, policy=policy, case=case)  # first: the card shows who is asked
    tell.refresh_card(session, policy=policy, case=case, version=event.id)
    tell.in_thread(
        session,
        case=case,
        key=f"severity:{case.id}:{event.id}",
        text=f"<@{actor_id}> changed the severity from {event.data['from']} to *{case.severity}*: "
        f"{event.data['reason']}",
    )
    return case


def update_details(
    session: Session, *, policy: Policy, case: Case, actor_id: str, summary: str, customer: Customer
) -> Case:
    """Correct the summary or customer and refresh the card (contact details never reach it)."""
    require_change(policy, case, actor_id)
    event = cases.update_details(session, case=case, actor_id=actor_id, summary=summary, customer=customer)
    tell.refresh_card(session, policy=policy, case=case, version=event.id)
    return case
