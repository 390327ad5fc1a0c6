"""Something extra: gestures within a person's limit are given; above it they go for approval."""

import re
from decimal import Decimal, InvalidOperation

from slack_sdk.models.blocks import ActionsBlock, ButtonElement, MarkdownTextObject, SectionBlock
from sqlmodel import Session

from bot.policy.model import Policy
from bot.recovery import cases
from bot.recovery.access import require_change
from bot.recovery.cases import case_key
from bot.recovery.errors import NotAllowed, UserError
from bot.recovery.messages import ids
from bot.recovery.tell import tell_thread
from bot.store.models import Case, Gesture, utcnow
from bot.store.outbox import owe

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
    key: str,
    what: str,
    amount: Decimal | None,
    actor_id: str,
    check: bool = True,
) -> Gesture:
    """Record a gesture; one above the offerer's limit goes by DM to someone whose limit covers it."""
    case = cases.get_case(session, policy=policy, key=key)
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
            session, case, kind="gesture", actor_id=actor_id, text=label, data={"amount": str(amount or 0)}
        )
        text = f"🎁 <@{actor_id}> is giving the customer something extra: {label}"
        tell_thread(session, case=case, key=f"gesture:{gesture.id}", text=text)
        return gesture
    approver = _approver(policy, amount, actor_id)
    gesture.state, gesture.approver_id = "pending", approver
    session.add(gesture)
    session.flush()
    cases.record(
        session, case, kind="gesture_requested", actor_id=actor_id, text=f"{label}, asked <@{approver}>"
    )
    text = (
        f"🎁 <@{actor_id}> would like to give the customer of *{case_key(policy, case)}* something extra: *{label}*. "
        f"That is above their limit of ${limit_of(policy, actor_id):,.0f}; yours covers it."
    )
    owe(
        session,
        key=f"gesture-ask:{gesture.id}",
        method="chat.postMessage",
        payload={"channel": approver, "text": text, "blocks": _ask_blocks(text, gesture.id)},
        case_id=case.id,
    )
    return gesture


def decide(session: Session, *, policy: Policy, gesture_id: int, approve: bool, actor_id: str) -> Gesture:
    """Approve or decline a pending gesture: the person asked, anyone higher, or an admin."""
    gesture = session.get(Gesture, gesture_id)
    if gesture is None or gesture.state != "pending":
        raise UserError("This gesture has already been decided.")
    asked = policy.level_of(gesture.approver_id)
    mine = policy.level_of(actor_id)
    higher = mine is not None and asked is not None and policy.rank(mine.level) > policy.rank(asked.level)
    if actor_id != gesture.approver_id and not higher and not policy.is_admin(actor_id):
        raise NotAllowed(
            f"This was asked of <@{gesture.approver_id}>; only they, someone higher, or an admin can decide."
        )
    gesture.state, gesture.decided_by, gesture.decided_at = (
        ("approved" if approve else "declined"),
        actor_id,
        utcnow(),
    )
    session.add(gesture)
    case = session.get(Case, gesture.case_id)
    verdict = "approved" if approve else "declined"
    cases.record(session, case, kind=f"gesture_{verdict}", actor_id=actor_id, text=gesture.what)
    text = f"🎁 <@{actor_id}> {verdict} the gesture for *{case_key(policy, case)}*: {gesture.what}."
    owe(
        session,
        key=f"gesture-told:{gesture.id}",
        method="chat.postMessage",
        payload={"channel": gesture.offered_by, "text": text},
        case_id=case.id,
    )
    owe(
        session,
        key=f"gesture-done:{gesture.id}",
        method="chat.update",
        payload={"text": text, "blocks": []},
        case_id=case.id,
        after_key=f"gesture-ask:{gesture.id}",
    )
    if approve:
        tell_thread(
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


def _ask_blocks(text: str, gesture_id: int) -> list[dict]:
    return [
        SectionBlock(text=MarkdownTextObject(text=text)).to_dict(),
        ActionsBlock(
            elements=[
                ButtonElement(
                    text="Approve", action_id=ids.APPROVE_GESTURE, value=str(gesture_id), style="primary"
                ),
                ButtonElement(text="Decline", action_id=ids.DECLINE_GESTURE, value=str(gesture_id)),
            ]
        ).to_dict(),
    ]
