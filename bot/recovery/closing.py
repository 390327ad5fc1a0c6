"""Learning and closing: what we changed so it won't happen again, closing a case, reopening it."""

from sqlmodel import Session

from bot.policy.model import Policy
from bot.recovery import cases, tell
from bot.recovery.access import require_change
from bot.recovery.cases import case_key
from bot.recovery.customer import redact_contact
from bot.recovery.errors import UserError
from bot.recovery.messages.followup import improvement_prompt
from bot.store import nudges
from bot.store.models import Case, CaseStatus, EventKind, NudgeKind

NEEDS_IMPROVEMENT = ("major", "critical")
EVERY_KIND = tuple(kind for kind in NudgeKind if kind != NudgeKind.DIGEST)  # everything a case waits for


class MissingImprovement(UserError):
    """Closing refused until an improvement is recorded (the answer offers the button)."""


def improvements(session: Session, *, case: Case) -> list[dict]:
    """The improvements recorded on a case: root cause and what we changed."""
    return [e.data for e in cases.timeline(session, case=case) if e.kind == EventKind.IMPROVEMENT]


def improve(
    session: Session, *, policy: Policy, case: Case, root_cause: str, change: str, actor_id: str
) -> Case:
    """Record the root cause and what we changed, and tell the thread (Implement improvements)."""
    require_change(policy, case, actor_id)
    root_cause, change = redact_contact(root_cause.strip())[:500], redact_contact(change.strip())[:500]
    if not root_cause or not change:
        raise UserError("Give both: the root cause, and what we changed so it won't happen again.")
    data = {"root_cause": root_cause, "change": change}
    event = cases.record(
        session,
        case,
        kind=EventKind.IMPROVEMENT,
        actor_id=actor_id,
        text=f"{change} (root cause: {root_cause})",
        data=data,
    )
    tell.in_thread(
        session,
        case=case,
        key=f"improvement:{event.id}",
        text=f"🔧 *What we changed:* {change}\n_Root cause:_ {root_cause} — recorded by <@{actor_id}>",
    )
    tell.refresh_card(session, policy=policy, case=case, version=event.id)
    return case


def close(session: Session, *, policy: Policy, case: Case, actor_id: str) -> Case:
    """Close the case; major and critical ones need an improvement first."""
    require_change(policy, case, actor_id)
    label = case_key(policy, case)
    if case.status == CaseStatus.CLOSED:
        raise UserError(f"{label} is already closed.")
    if case.severity in NEEDS_IMPROVEMENT and not improvements(session, case=case):
        message = (
            f"{label} is {case.severity}, so it can't close until we record what we changed so it won't happen "
            f"again. Use `/recover improve {label} <root cause> => <what we changed>` or the button below."
        )
        raise MissingImprovement(message, blocks=improvement_prompt(case.id, message=message))
    case.status = CaseStatus.CLOSED
    nudges.cancel(session, case_id=case.id, kinds=EVERY_KIND)
    event = cases.record(session, case, kind=EventKind.CLOSED, actor_id=actor_id)
    tell.in_thread(session, case=case, key=f"closed:{event.id}", text=f"🏁 <@{actor_id}> closed {label}.")
    tell.refresh_card(session, policy=policy, case=case, version=event.id)
    return case


def reopen(session: Session, *, policy: Policy, case: Case, reason: str, actor_id: str) -> Case:
    """Reopen a case that is following up or closed."""
    require_change(policy, case, actor_id)
    label = case_key(policy, case)
    if case.status not in (CaseStatus.FOLLOWING_UP, CaseStatus.CLOSED, CaseStatus.FIXED):
        raise UserError(
            f"{label} is still open ({case.status.replace('_', ' ')}); there is nothing to reopen."
        )
    case.status = CaseStatus.REOPENED
    event = cases.record(session, case, kind=EventKind.REOPENED, actor_id=actor_id, text=reason[:300])
    tell.in_thread(
        session,
        case=case,
        key=f"reopened:{event.id}",
        text=f"↩️ <@{actor_id}> reopened {label}{': ' + reason[:300] if reason else ''}",
    )
    tell.refresh_card(session, policy=policy, case=case, version=event.id)
    return case
