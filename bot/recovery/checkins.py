"""Check-ins: after the fix, whoever apologized asks the customer "is everything okay?" until they are."""

from sqlmodel import Session, col, select

from bot.policy.model import Policy
from bot.recovery import apologies, cases, customer_mail, tell
from bot.recovery.cases import advance, case_key
from bot.recovery.errors import NotAllowed, UserError
from bot.recovery.messages import checkin
from bot.recovery.people import zone_of
from bot.recovery.reminders import quiet_until
from bot.recovery.routing import leader_on_case
from bot.store import nudges
from bot.store.models import (
    ApologyState,
    Case,
    CaseStatus,
    CheckinOutcome,
    EventKind,
    FixStatus,
    Nudge,
    NudgeKind,
    NudgeState,
    utcnow,
)
from bot.store.nudges import Defer

CHECKIN_KINDS = (NudgeKind.CHECKIN,)


def schedule_after_fix(session: Session, *, policy: Policy, case: Case) -> None:
    """The fix is done: check-ins at the severity's offsets, asked of whoever apologized."""
    offsets = policy.rule(case.severity).checkins
    who = leader_on_case(policy, case)
    for n, offset in enumerate(offsets, start=1):
        nudges.schedule(
            session,
            key=f"checkin:{case.id}:v{case.fix_version}:{n}:a1",
            kind=NudgeKind.CHECKIN,
            due_at=case.fixed_at + offset,
            case_id=case.id,
            recipient_id=who,
            payload={"n": n, "attempt": 1, "version": case.fix_version},
        )
    if offsets:
        advance(case, CaseStatus.FOLLOWING_UP)


def fire_checkin(session: Session, policy: Policy, nudge: Nudge) -> Defer | None:
    """DM whoever apologized: time to check in, with what was fixed and what we changed."""
    case = session.get(Case, nudge.case_id)
    if (
        case is None
        or case.status in (CaseStatus.CLOSED, CaseStatus.REOPENED)
        or case.fix_version != nudge.payload.get("version")
    ):
        return None
    zone = zone_of(session, policy=policy, user_id=nudge.recipient_id)
    until = quiet_until(policy.reminders.quiet_hours, zone, utcnow())
    if until:
        return Defer(until)
    changes = [
        e.data.get("change") for e in cases.timeline(session, case=case) if e.kind == EventKind.IMPROVEMENT
    ]
    emailed = customer_mail.ask_customer(session, policy=policy, case=case, nudge=nudge, now=utcnow())
    text, shown = checkin.checkin_dm(policy, case, nudge_key=nudge.key, changes=changes, emailed=emailed)
    tell.dm(session, key=f"nudge:{nudge.key}", to=nudge.recipient_id, text=text, blocks=shown, case=case)
    tell.refresh_home(session, user_id=nudge.recipient_id, reason=f"asked:{nudge.key}")
    cases.record(
        session,
        case,
        kind=EventKind.CHECKIN_ASKED,
        actor_id=None,
        text=f"asked <@{nudge.recipient_id}> to check in",
        data={"key": nudge.key},
    )
    return None


def record_outcome(
    session: Session,
    *,
    policy: Policy,
    case: Case,
    outcome: CheckinOutcome,
    note: str,
    actor_id: str | None,
    nudge_key: str | None = None,
) -> Case:
    """All good, still unhappy (reopen, escalate, tell the thread), or couldn't reach them (try again later).

    `actor_id` None is the customer, answering the check-in e-mail (bot/recovery/customer_answers.py).
    """
    label = case_key(policy, case)
    if case.fix_status != FixStatus.FIXED:
        raise UserError(f"{label} is not fixed yet; check-ins start once the fix is marked done.")
    if actor_id is not None:
        _require_checker(policy, case, actor_id)
    nudge = _asked(session, case, nudge_key)
    if nudge_key and nudge is None:
        raise UserError(f"That check-in for {label} has already been answered.")
    by = "the customer, by e-mail" if actor_id is None else f"<@{actor_id}>"
    data = {"outcome": outcome, "note": note[:300], "key": nudge.key if nudge else None}
    if actor_id is None:
        data["by"] = "customer"
    event = cases.record(
        session,
        case,
        kind=EventKind.CHECKIN,
        actor_id=actor_id,
        text=f"{outcome.label}: {note[:300]}".rstrip(": ")
        + (" (the customer, by e-mail)" if actor_id is None else ""),
        data=data,
        dedupe_key=f"answer:{nudge.key}" if nudge else None,  # two answers racing: the second fails
    )
    if nudge is not None:
        said = f": “{note[:300]}”" if actor_id is None and note else ""
        answered = f"✓ {label}: {outcome.label} (answered by {by}{said})."
        tell.replace(
            session, key=f"answered:{nudge.key}", message=f"nudge:{nudge.key}", text=answered, case=case
        )
    if outcome == CheckinOutcome.UNHAPPY:
        _still_unhappy(session, policy=policy, case=case, actor_id=actor_id, note=note)
    elif outcome == CheckinOutcome.UNREACHABLE and nudge is not None:
        _try_again(session, policy=policy, case=case, nudge=nudge)
    elif outcome == CheckinOutcome.OK and _all_good(session, case):
        tell.in_thread(
            session,
            case=case,
            key=f"ready:{case.id}:v{case.fix_version}",  # once per fix, however its answers arrive
            text=f"✅ The customer of {label} is okay after every check-in. Ready to close: `/recover close {label}`",
        )
    tell.refresh_card(session, policy=policy, case=case, version=event.id)
    tell.refresh_home(
        session, user_id=actor_id or leader_on_case(policy, case), reason=f"answered:{event.id}"
    )
    return case


def _still_unhappy(session: Session, *, policy: Policy, case: Case, actor_id: str | None, note: str) -> None:
    case.status = CaseStatus.REOPENED
    nudges.cancel(session, case_id=case.id, kinds=CHECKIN_KINDS)
    cases.record(
        session,
        case,
        kind=EventKind.REOPENED,
        actor_id=actor_id,
        text=f"customer still unhappy: {note[:300]}",
    )
    tell.in_thread(
        session,
        case=case,
        key=f"unhappy:{case.id}:{utcnow().timestamp()}",
        text=(
            f"😟 <@{actor_id}> checked in: the customer is *still unhappy*"
            if actor_id
            else "😟 The customer answered our check-in e-mail: they are *still unhappy*"
        )
        + (f": {note}" if note else "")
        + ". The case is reopened and the apology goes one level up.",
    )
    case.apology_state = ApologyState.REQUESTED
    apologies.escalate(
        session, policy=policy, case=case, actor_id=None, reason="the customer is still unhappy after the fix"
    )


def _try_again(session: Session, *, policy: Policy, case: Case, nudge: Nudge) -> None:
    attempt = int(nudge.payload.get("attempt", 1))
    rules = policy.reminders
    if attempt >= rules.checkin_attempts:
        tell.in_thread(
            session,
            case=case,
            key=f"gave-up:{nudge.key}",
            text=f"📵 Couldn't reach the customer of {case_key(policy, case)} after {attempt} tries.",
        )
        return
    n = nudge.payload.get("n", 1)
    nudges.schedule(
        session,
        key=f"checkin:{case.id}:v{case.fix_version}:{n}:a{attempt + 1}",
        kind=NudgeKind.CHECKIN,
        due_at=utcnow() + rules.checkin_retry,
        case_id=case.id,
        recipient_id=nudge.recipient_id,
        payload={**nudge.payload, "attempt": attempt + 1},
    )


def _asked(session: Session, case: Case, nudge_key: str | None) -> Nudge | None:
    """The check-in being answered: the one named, else the latest asked and not yet answered."""
    asked = _unanswered(session, case, _answers(session, case))
    if nudge_key:
        return next((n for n in asked if n.key == nudge_key), None)
    return asked[0] if asked else None


def _answers(session: Session, case: Case) -> list[dict]:
    """What each check-in answer recorded (its outcome, and the check-in it answered), oldest first."""
    return [e.data for e in cases.timeline(session, case=case) if e.kind == EventKind.CHECKIN]


def _unanswered(session: Session, case: Case, answers: list[dict]) -> list[Nudge]:
    """Check-ins asked of someone and not answered yet, the latest first."""
    answered = {answer.get("key") for answer in answers}
    query = select(Nudge).where(
        Nudge.case_id == case.id, Nudge.kind == NudgeKind.CHECKIN, Nudge.state == NudgeState.DONE
    )
    return [n for n in session.exec(query.order_by(col(Nudge.fired_at).desc())) if n.key not in answered]


def _all_good(session: Session, case: Case) -> bool:
    """Every check-in of this fix is asked and answered, and the latest answer is all good."""
    if any(n.kind == NudgeKind.CHECKIN for n in nudges.pending(session, case_id=case.id)):
        return False
    answers = _answers(session, case)
    if any(n.payload.get("version") == case.fix_version for n in _unanswered(session, case, answers)):
        return False
    return bool(answers) and answers[-1].get("outcome") == CheckinOutcome.OK


def _require_checker(policy: Policy, case: Case, user_id: str) -> None:
    """The person who apologized, anyone higher on the ladder, or an admin."""
    who = leader_on_case(policy, case)
    theirs, mine = policy.level_of(who), policy.level_of(user_id)
    higher = theirs is not None and mine is not None and policy.rank(mine.level) > policy.rank(theirs.level)
    if user_id != who and not higher and not policy.is_admin(user_id):
        raise NotAllowed(
            f"The check-ins for {case_key(policy, case)} are <@{who}>'s; only they, someone higher, "
            "or an admin can answer them. Nothing was changed."
        )
