"""The customer answers a check-in from the page its e-mail links to, exactly as the Slack button would.

A link names one check-in; it answers it once (opened again, the page shows the answer given) and
expires. A tampered, unknown or expired link gets the same plain page and changes nothing.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from bot.policy.model import Policy
from bot.recovery import cases, checkins, links
from bot.recovery.customer_mail import CHECKIN_PATH
from bot.recovery.errors import UserError
from bot.recovery.messages import page
from bot.store.models import Case, CheckinOutcome, EventKind, Nudge, NudgeKind, NudgeState

log = logging.getLogger(__name__)
ANSWERS = {"ok": CheckinOutcome.OK, "unhappy": CheckinOutcome.UNHAPPY}
MAX_NOTE = 1000


@dataclass(frozen=True)
class Page:
    """What the customer's browser gets: a status and the HTML."""

    status: int
    html: str


def _unusable(policy: Policy, why: str) -> Page:
    log.info("refused a check-in link: %s", why)
    return Page(404, page.unusable_page(company=policy.customer_email.sender_name))


def show(session: Session, *, policy: Policy, token: str, answer: str, now: datetime) -> Page:
    """GET: the question (with the answer clicked in the e-mail chosen), or the answer given, or a plain refusal."""
    try:
        case, _, given = _find(session, policy=policy, token=token, now=now)
    except links.BadLink as why:
        return _unusable(policy, str(why))
    company = policy.customer_email.sender_name
    if given is not None:
        return Page(200, page.answered_page(company=company, outcome=given))
    form = links.form_token(policy.customer_email.secret, token)
    chosen = answer if answer in ANSWERS else ""
    action = f"{CHECKIN_PATH}{token}"
    html = page.question_page(
        company=company, customer_name=case.customer_name, action=action, form=form, answer=chosen
    )
    return Page(200, html)


def answer(
    session: Session, *, policy: Policy, token: str, form: str, answer: str, note: str, now: datetime
) -> Page:
    """POST: record the customer's answer once, through the same service as the Slack buttons."""
    try:
        case, nudge, given = _find(session, policy=policy, token=token, now=now)
    except links.BadLink as why:
        return _unusable(policy, str(why))
    company = policy.customer_email.sender_name
    if not links.form_ok(policy.customer_email.secret, token, form):
        return Page(403, page.refused_page(company=company))
    if given is not None:
        return Page(200, page.answered_page(company=company, outcome=given))
    outcome = ANSWERS.get(answer)
    if outcome is None:
        return show(session, policy=policy, token=token, answer="", now=now)
    try:
        with session.begin_nested():
            checkins.record_outcome(
                session,
                policy=policy,
                case=case,
                outcome=outcome,
                note=" ".join(note.split())[:MAX_NOTE],
                actor_id=None,
                nudge_key=nudge.key,
            )
    except (UserError, IntegrityError) as why:  # answered a moment ago, or the case moved on
        log.info("a customer's check-in answer was not recorded: %s", why)
        return Page(200, page.answered_page(company=company, outcome=answer))
    return Page(200, page.answered_page(company=company, outcome=outcome.value))


def _find(session: Session, *, policy: Policy, token: str, now: datetime) -> tuple[Case, Nudge, str | None]:
    """The case and check-in a link names, and the answer already given (None if open); BadLink if none."""
    secret = policy.customer_email.secret
    if not secret:
        raise links.BadLink("no secret configured")
    link = links.verify(secret, token, now)
    case = session.get(Case, link.case_id)
    nudge = session.exec(select(Nudge).where(Nudge.key == link.nudge_key)).first()
    if case is None or nudge is None or nudge.case_id != case.id or nudge.kind != NudgeKind.CHECKIN:
        raise links.BadLink("names no check-in we asked")
    if nudge.state != NudgeState.DONE:
        raise links.BadLink("names a check-in not asked yet")
    for event in cases.timeline(session, case=case):
        if event.kind == EventKind.CHECKIN and event.data.get("key") == nudge.key:
            return case, nudge, str(event.data.get("outcome"))
    return case, nudge, None
