"""Check-ins: after the fix, whoever apologized asks the customer "is everything okay?" until they are."""

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    MarkdownTextObject,
    SectionBlock,
)
from sqlmodel import Session, col, select

from bot.policy.model import Policy
from bot.recovery import apologies, cases
from bot.recovery.cases import advance, case_key
from bot.recovery.errors import NotAllowed, UserError
from bot.recovery.home import refresh_home
from bot.recovery.messages import ids
from bot.recovery.people import zone_of
from bot.recovery.reminders import quiet_until
from bot.recovery.routing import leader_on_case
from bot.recovery.tell import refresh_card, tell_thread
from bot.store import nudges
from bot.store.models import Case, Nudge, utcnow
from bot.store.nudges import Defer
from bot.store.outbox import owe

CHECKIN_KINDS = ("checkin",)
OUTCOMES = {"ok": "all good", "unhappy": "still unhappy", "unreachable": "couldn't reach them"}


def schedule_after_fix(session: Session, *, policy: Policy, case: Case) -> None:
    """The fix is done: check-ins at the severity's offsets, asked of whoever apologized."""
    offsets = policy.rule(case.severity).checkins
    who = leader_on_case(policy, case)
    for n, offset in enumerate(offsets, start=1):
        nudges.schedule(
            session,
            key=f"checkin:{case.id}:v{case.fix_version}:{n}:a1",
            kind="checkin",
            due_at=case.fixed_at + offset,
            case_id=case.id,
            recipient_id=who,
            payload={"n": n, "attempt": 1, "version": case.fix_version},
        )
    if offsets:
        advance(case, "following_up")


def fire_checkin(session: Session, policy: Policy, nudge: Nudge) -> Defer | None:
    """DM whoever apologized: time to check in, with what was fixed and what we changed."""
    case = session.get(Case, nudge.case_id)
    if (
        case is None
        or case.status in ("closed", "reopened")
        or case.fix_version != nudge.payload.get("version")
    ):
        return None
    zone = zone_of(session, policy=policy, user_id=nudge.recipient_id)
    until = quiet_until(policy.reminders.quiet_hours, zone, utcnow())
    if until:
        return Defer(until)
    text, shown = _checkin_dm(session, policy, case, nudge)
    owe(
        session,
        key=f"nudge:{nudge.key}",
        method="chat.postMessage",
        payload={"channel": nudge.recipient_id, "text": text, "blocks": shown},
        case_id=case.id,
    )
    refresh_home(session, user_id=nudge.recipient_id, reason=f"asked:{nudge.key}")
    cases.record(
        session,
        case,
        kind="checkin_asked",
        actor_id=None,
        text=f"asked <@{nudge.recipient_id}> to check in",
        data={"key": nudge.key},
    )
    return None


def record_outcome(
    session: Session,
    *,
    policy: Policy,
    key: str,
    outcome: str,
    note: str,
    actor_id: str,
    nudge_key: str | None = None,
) -> Case:
    """All good, still unhappy (reopen, escalate, tell the thread), or couldn't reach them (try again later)."""
    if outcome not in OUTCOMES:
        raise UserError(f"“{outcome[:20]}” is not a check-in outcome: use ok, unhappy or unreachable.")
    case = cases.get_case(session, policy=policy, key=key)
    label = case_key(policy, case)
    if case.fix_status != "fixed":
        raise UserError(f"{label} is not fixed yet; check-ins start once the fix is marked done.")
    _require_checker(policy, case, actor_id)
    nudge = _asked(session, case, nudge_key)
    if nudge_key and nudge is None:
        raise UserError(f"That check-in for {label} has already been answered.")
    data = {"outcome": outcome, "note": note[:300], "key": nudge.key if nudge else None}
    event = cases.record(
        session,
        case,
        kind="checkin",
        actor_id=actor_id,
        text=f"{OUTCOMES[outcome]}: {note[:300]}".rstrip(": "),
        data=data,
    )
    if nudge is not None:
        owe(
            session,
            key=f"answered:{nudge.key}",
            method="chat.update",
            payload={"text": f"✓ {label}: {OUTCOMES[outcome]} (answered by <@{actor_id}>).", "blocks": []},
            case_id=case.id,
            after_key=f"nudge:{nudge.key}",
        )
    if outcome == "unhappy":
        _still_unhappy(session, policy=policy, case=case, actor_id=actor_id, note=note)
    elif outcome == "unreachable" and nudge is not None:
        _try_again(session, policy=policy, case=case, nudge=nudge)
    elif outcome == "ok" and _all_good(session, case):
        tell_thread(
            session,
            case=case,
            key=f"ready:{case.id}:v{case.fix_version}",  # once per fix, however its answers arrive
            text=f"✅ The customer of {label} is okay after every check-in. Ready to close: `/recover close {label}`",
        )
    refresh_card(session, policy=policy, case=case, version=event.id)
    refresh_home(session, user_id=actor_id, reason=f"answered:{event.id}")
    return case


def _still_unhappy(session: Session, *, policy: Policy, case: Case, actor_id: str, note: str) -> None:
    case.status = "reopened"
    nudges.cancel(session, case_id=case.id, kinds=CHECKIN_KINDS)
    cases.record(
        session, case, kind="reopened", actor_id=actor_id, text=f"customer still unhappy: {note[:300]}"
    )
    tell_thread(
        session,
        case=case,
        key=f"unhappy:{case.id}:{utcnow().timestamp()}",
        text=f"😟 <@{actor_id}> checked in: the customer is *still unhappy*{': ' + note if note else ''}. "
        "The case is reopened and the apology goes one level up.",
    )
    case.apology_state = "requested"
    apologies.escalate(
        session, policy=policy, case=case, actor_id=None, reason="the customer is still unhappy after the fix"
    )


def _try_again(session: Session, *, policy: Policy, case: Case, nudge: Nudge) -> None:
    attempt = int(nudge.payload.get("attempt", 1))
    rules = policy.reminders
    if attempt >= rules.checkin_attempts:
        tell_thread(
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
        kind="checkin",
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
    return [e.data for e in cases.timeline(session, case=case) if e.kind == "checkin"]


def _unanswered(session: Session, case: Case, answers: list[dict]) -> list[Nudge]:
    """Check-ins asked of someone and not answered yet, the latest first."""
    answered = {answer.get("key") for answer in answers}
    query = select(Nudge).where(Nudge.case_id == case.id, Nudge.kind == "checkin", Nudge.state == "done")
    return [n for n in session.exec(query.order_by(col(Nudge.fired_at).desc())) if n.key not in answered]


def _all_good(session: Session, case: Case) -> bool:
    """Every check-in of this fix is asked and answered, and the latest answer is all good."""
    if any(n.kind == "checkin" for n in nudges.pending(session, case_id=case.id)):
        return False
    answers = _answers(session, case)
    if any(n.payload.get("version") == case.fix_version for n in _unanswered(session, case, answers)):
        return False
    return bool(answers) and answers[-1].get("outcome") == "ok"


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


def _zone(session: Session, policy: Policy, user_id: str | None):
    from bot.recovery.people import zone_of

    return zone_of(session, policy=policy, user_id=user_id)


def _checkin_dm(session: Session, policy: Policy, case: Case, nudge: Nudge) -> tuple[str, list[dict]]:
    label = case_key(policy, case)
    customer = case.customer_name or "the customer"
    text = f"Time to check in with {customer} about {label}: is everything okay?"
    changes = [e.data.get("change") for e in cases.timeline(session, case=case) if e.kind == "improvement"]
    fixed = case.fix_note or "the fix was marked done"
    contact = (
        " · ".join(v for v in (case.customer_email, case.customer_phone) if v)
        or "no contact details recorded"
    )
    lines = [f"*{text}*", f"*What we fixed:* {fixed}"]
    lines.append(
        f"*What we changed so it won't happen again:* {'; '.join(changes)}"
        if changes
        else "*What we changed:* nothing recorded yet — tell them when it is."
    )
    value = nudge.key
    blocks = [
        SectionBlock(text=MarkdownTextObject(text="\n".join(lines))),
        ContextBlock(elements=[MarkdownTextObject(text=f"*Customer:* {customer} · {contact}")]),
        ActionsBlock(
            elements=[
                ButtonElement(text="All good", action_id=ids.CHECKIN_OK, value=value, style="primary"),
                ButtonElement(
                    text="Still unhappy", action_id=ids.CHECKIN_UNHAPPY, value=value, style="danger"
                ),
                ButtonElement(text="Couldn't reach them", action_id=ids.CHECKIN_UNREACHABLE, value=value),
            ]
        ),
    ]
    return text, [b.to_dict() for b in blocks]
