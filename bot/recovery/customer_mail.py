"""The customer hears from us by e-mail (§2.8): the approved apology, and "is everything okay now?".

Each e-mail is owed in the outbox in the same transaction as the change that needs it, under a key
that names it, and delivered once by the mail sender (bot/mail/sender.py). What a delivery or a
refusal means to the case is here: the two hooks the runtime hands the mail sender.
"""

from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.policy.model import Policy
from bot.recovery import cases, links, people, tell
from bot.recovery.cases import case_key
from bot.recovery.customer import redact_contact
from bot.recovery.messages import email
from bot.recovery.routing import leader_on_case
from bot.store.models import Case, EventKind, MailState, Nudge, Outbox, TimelineEvent
from bot.store.outbox import EMAIL, owe

APOLOGY = "apology-email"  # the outbox purpose of each kind of e-mail
CHECKIN = "checkin-email"
CHECKIN_PATH = "/checkin/"  # where the customer's page lives on the bot's HTTP server


def title_of(policy: Policy, user_id: str) -> str:
    """How a leader signs: their level's title, or what they are to the bot."""
    level = policy.level_of(user_id)
    if level is not None:
        return level.title
    return "Bounceback admin" if policy.is_admin(user_id) else "on behalf of the team"


def apology_to_customer(
    session: Session, *, policy: Policy, case: Case, actor_id: str, text: str, wanted: bool = True
) -> bool:
    """E-mail the approved apology to the customer, from the leader who approved it; False if it is not sent."""
    if not (wanted and policy.customer_email.apology and case.customer_email):
        return False
    title = title_of(policy, actor_id)
    name = people.name_of(session, actor_id) or title
    mail = email.apology_mail(text=text, leader_name=name, title=title)
    key = f"email:apology:{case.id}:r{case.apology_round}"
    _owe_mail(
        session, key=key, purpose=APOLOGY, case=case, sender=(name, title, actor_id), mail=mail, auto=False
    )
    case.apology_email = MailState.SENDING
    return True


def ask_customer(session: Session, *, policy: Policy, case: Case, nudge: Nudge, now: datetime) -> bool:
    """E-mail the customer "is everything okay now?" with two signed links; False if we can't."""
    settings = policy.customer_email
    if not (settings.checkins and case.customer_email and settings.public_url and settings.secret):
        return False
    expires = now + settings.link_valid_for
    token = links.sign(settings.secret, links.Link(case_id=case.id, nudge_key=nudge.key, expires=expires))
    page = f"{settings.public_url}{CHECKIN_PATH}{token}"
    who = leader_on_case(policy, case)
    title = title_of(policy, who)
    name = people.name_of(session, who) or title
    mail = email.checkin_mail(
        customer_name=case.customer_name,
        leader_name=name,
        title=title,
        ok_url=f"{page}?answer=ok",
        unhappy_url=f"{page}?answer=unhappy",
        until=expires.astimezone(policy.timezone),
    )
    _owe_mail(
        session,
        key=f"email:{nudge.key}",
        purpose=CHECKIN,
        case=case,
        sender=(name, title, who),
        mail=mail,
        auto=True,
    )
    return True


def _owe_mail(
    session: Session,
    *,
    key: str,
    purpose: str,
    case: Case,
    sender: tuple[str, str, str],
    mail: email.Mail,
    auto: bool,
) -> None:
    """Owe one e-mail to the case's customer, from (name, title, user id); replies go to that person."""
    name, title, user_id = sender
    payload: dict[str, Any] = {
        "to": case.customer_email,
        "to_name": case.customer_name or "",
        "from_name": f"{name}, {title}" if name != title else title,
        "reply_to": people.email_of(session, user_id),
        "subject": mail.subject,
        "text": mail.text,
        "html": mail.html,
        "auto_submitted": auto,  # the check-in is sent by the clock (RFC 3834); the apology by a person
    }
    owe(session, key=key, method=EMAIL, payload=payload, purpose=purpose, case_id=case.id)


def delivered(session: Session, row: Outbox, *, policy: Policy) -> None:
    """The mail server took an e-mail: the case records it (the apology's also on its card and thread)."""
    case = session.get(Case, row.case_id)
    if case is None:
        return
    customer = case.customer_name or "the customer"
    if row.purpose == APOLOGY:
        case.apology_email = MailState.DELIVERED
        event = _emailed(
            session, case, row, f"the apology was delivered to {customer} by e-mail", delivered=True
        )
        note = (
            f"📧 The apology was delivered to {customer} by e-mail; their replies go to <@{case.apology_by}>."
        )
        tell.in_thread(session, case=case, key=f"emailed:{row.key}", text=note)
        tell.refresh_card(session, policy=policy, case=case, version=event.id)
    else:
        _emailed(session, case, row, f"asked {customer} by e-mail: is everything okay now?", delivered=True)


def _emailed(session: Session, case: Case, row: Outbox, text: str, *, delivered: bool) -> TimelineEvent:
    """The timeline's record of what became of one e-mail."""
    data = {"key": row.key, "delivered": delivered}
    return cases.record(session, case, kind=EventKind.EMAILED, actor_id=None, text=text, data=data)


def undeliverable(session: Session, row: Outbox, reason: str, *, policy: Policy) -> None:
    """The mail server refused an e-mail for good: the people on the case hear it, and it stays on the timeline."""
    case = session.get(Case, row.case_id)
    if case is None:
        return
    label, customer = case_key(policy, case), case.customer_name or "the customer"
    said = redact_contact(reason)[:200]
    what = "apology" if row.purpose == APOLOGY else "check-in"
    failed = f"the {what} e-mail to {customer} could not be delivered: {said}"
    event = _emailed(session, case, row, failed, delivered=False)
    if row.purpose == APOLOGY:
        case.apology_email = MailState.FAILED
        told = (
            f"📧 The apology for *{label}* could not be e-mailed to {customer} ({case.customer_email}): "
            f"the mail server said “{said}”. Please reach them another way; the apology is in the case thread."
        )
        for who in dict.fromkeys(p for p in (case.apology_by, case.reporter_id) if p):
            tell.dm(session, key=f"undeliverable:{row.key}:{who}", to=who, text=told, case=case)
        tell.in_thread(
            session,
            case=case,
            key=f"undeliverable:{row.key}",
            text=f"📧 The apology e-mail to {customer} could not be delivered; the people on the case know.",
        )
        tell.refresh_card(session, policy=policy, case=case, version=event.id)
    else:
        who = leader_on_case(policy, case)
        told = (
            f"📧 The check-in e-mail for *{label}* could not reach {customer} ({case.customer_email}): “{said}”. "
            "Please check in with them yourself."
        )
        tell.dm(session, key=f"undeliverable:{row.key}", to=who, text=told, case=case)
