"""Something extra: gestures within a person's limit are given; above it they go for approval."""

import re
from decimal import Decimal, InvalidOperation

from sqlmodel import Session

from bot.policy.model import Policy
from bot.recovery import cases, tell
from bot.recovery.access import require_change
from bot.recovery.cases import case_key
from bot.recovery.errors import NotAllowed, UserError
from bot.recovery.messages import gesture as says
from bot.store.models import Case, EventKind, Gesture, GestureState, utcnow

_AMOUNT = re.compile(r"\s*\$?\s*(\d[\d,]*(?:\.\d{1,2})?)\s*$")


def split_amount(text: str) -> tuple[str, Decimal | None]:
    """ "refund of the night $180" → ("refund of the night", 180)."""
    match = _AMOUNT.search(text)
    if match is None or not match.group(0).strip().startswith("$"):
        return text.strip(), None
    try:
        return text[: match.start()].strip(), Decimal(match.group(1).replace(",", ""))
    except InvalidOperation:
        return text.strip(), None


def limit_of(policy: Policy, user_id: str) -> Decimal:
    """How much this person may give without asking (admins: the top of the ladder)."""
    level = policy.level_of(user_id)
    if level is not None:
        return level.gesture_limit
    return policy.ladder[-1].gesture_limit if policy.is_admin(user_id) else Decimal(0)


def offer(
    session: Session,
    *,
    policy: Policy,
    case: Case,
    what: str,
    amount: Decimal | None,
    actor_id: str,
    check: bool = True,
) -> Gesture:
    """Record a gesture; one above the offerer's limit goes by DM to someone whose limit covers it.

    `check=False` when the offer comes with an approved apology, whose approver may act on the case.
    """
    if check:
        require_change(policy, case, actor_id)
    what = what.strip()[:300]
    if not what:
        raise UserError("Say what the something extra is: a refund, a credit, a personal call…")
    if amount is not None and amount < 0:
        raise UserError("An amount cannot be negative.")
    gesture = Gesture(case_id=case.id, what=what, amount=amount, offered_by=actor_id)
    label = f"{what}" + (f" (${amount:,.2f})" if amount is not None else "")
    if amount is None or amount <= limit_of(policy, actor_id):
        session.add(gesture)
        session.flush()
        cases.record(
            session,
            case,
            kind=EventKind.GESTURE,
            actor_id=actor_id,
            text=label,
            data={"amount": str(amount or 0)},
        )
        text = f"🎁 <@{actor_id}> is giving the customer something extra: {label}"
        tell.in_thread(session, case=case, key=f"gesture:{gesture.id}", text=text)
        return gesture
    approver = _approver(policy, amount, actor_id)
    gesture.state, gesture.approver_id = GestureState.PENDING, approver
    session.add(gesture)
    session.flush()
    cases.record(
        session,
        case,
        kind=EventKind.GESTURE_REQUESTED,
        actor_id=actor_id,
        text=f"{label}, asked <@{approver}>",
    )
    text = says.ask_text(policy, case, actor_id=actor_id, label=label, limit=limit_of(policy, actor_id))
    blocks = says.ask_blocks(text, gesture.id)
    tell.dm(session, key=f"gesture-ask:{gesture.id}", to=approver, text=text, blocks=blocks, case=case)
    return gesture


def decide(session: Session, *, policy: Policy, gesture_id: int, approve: bool, actor_id: str) -> Gesture:
    """Approve or decline a pending gesture: the person asked, anyone higher, or an admin."""
    gesture = session.get(Gesture, gesture_id)
    if gesture is None or gesture.state != GestureState.PENDING:
        raise UserError("This gesture has already been decided.")
    asked = policy.level_of(gesture.approver_id)
    mine = policy.level_of(actor_id)
    higher = mine is not None and asked is not None and policy.rank(mine.level) > policy.rank(asked.level)
    if actor_id != gesture.approver_id and not higher and not policy.is_admin(actor_id):
        raise NotAllowed(
            f"This was asked of <@{gesture.approver_id}>; only they, someone higher, or an admin can decide."
        )
    gesture.state = GestureState.APPROVED if approve else GestureState.DECLINED
    gesture.decided_by, gesture.decided_at = actor_id, utcnow()
    session.add(gesture)
    case = session.get(Case, gesture.case_id)
    kind = EventKind.GESTURE_APPROVED if approve else EventKind.GESTURE_DECLINED
    cases.record(session, case, kind=kind, actor_id=actor_id, text=gesture.what)
    text = f"🎁 <@{actor_id}> {gesture.state} the gesture for *{case_key(policy, case)}*: {gesture.what}."
    tell.dm(session, key=f"gesture-told:{gesture.id}", to=gesture.offered_by, text=text, case=case)
    tell.replace(
        session, key=f"gesture-done:{gesture.id}", message=f"gesture-ask:{gesture.id}", text=text, case=case
    )
    if approve:
        tell.in_thread(
            session,
            case=case,
            key=f"gesture:{gesture.id}",
            text=f"🎁 Approved by <@{actor_id}>: {gesture.what}",
        )
    return gesture


def _approver(policy: Policy, amount: Decimal, actor_id: str) -> str:
    for level in policy.ladder:
        if level.gesture_limit >= amount:
            return next((p for p in level.people if p != actor_id), level.people[0])
    top = policy.ladder[-1]
    raise UserError(
        f"${amount:,.2f} is above every gesture limit in the policy (the highest is ${top.gesture_limit:,.0f})."
    )
