"""Learning and closing: what we changed so it won't happen again, closing a case, reopening it."""

from slack_sdk.models.blocks import ActionsBlock, ButtonElement, MarkdownTextObject, SectionBlock
from sqlmodel import Session

from bot.policy.model import Policy
from bot.recovery import cases
from bot.recovery.access import require_change
from bot.recovery.cases import case_key
from bot.recovery.customer import redact_contact
from bot.recovery.errors import UserError
from bot.recovery.messages import ids
from bot.recovery.tell import refresh_card, tell_thread
from bot.store import nudges
from bot.store.models import Case

NEEDS_IMPROVEMENT = ("major", "critical")
EVERY_KIND = ("fix_reminder", "fix_escalate", "apology_escalate", "checkin")


def improvements(session: Session, *, case: Case) -> list[dict]:
    """The improvements recorded on a case: root cause and what we changed."""
    return [e.data for e in cases.timeline(session, case=case) if e.kind == "improvement"]


def improve(
    session: Session, *, policy: Policy, key: str, root_cause: str, change: str, actor_id: str
) -> Case:
    """Record the root cause and what we changed, and tell the thread (Implement improvements)."""
    case = cases.get_case(session, policy=policy, key=key)
    require_change(policy, case, actor_id)
    root_cause, change = redact_contact(root_cause.strip())[:500], redact_contact(change.strip())[:500]
    if not root_cause or not change:
        raise UserError("Give both: the root cause, and what we changed so it won't happen again.")
    data = {"root_cause": root_cause, "change": change}
    event = cases.record(
        session,
        case,
        kind="improvement",
        actor_id=actor_id,
        text=f"{change} (root cause: {root_cause})",
        data=data,
    )
    tell_thread(
        session,
        case=case,
        key=f"improvement:{event.id}",
        text=f"🔧 *What we changed:* {change}\n_Root cause:_ {root_cause} — recorded by <@{actor_id}>",
    )
    refresh_card(session, policy=policy, case=case, version=event.id)
    return case


def close(session: Session, *, policy: Policy, key: str, actor_id: str) -> Case:
    """Close the case; major and critical ones need an improvement first."""
    case = cases.get_case(session, policy=policy, key=key)
    require_change(policy, case, actor_id)
    label = case_key(policy, case)
    if case.status == "closed":
        raise UserError(f"{label} is already closed.")
    if case.severity in NEEDS_IMPROVEMENT and not improvements(session, case=case):
        message = (
            f"{label} is {case.severity}, so it can't close until we record what we changed so it won't happen "
            f"again. Use `/recover improve {label} <root cause> => <what we changed>` or the button below."
        )
        raise MissingImprovement(message, blocks=improvement_prompt(case.id, message=message))
    case.status = "closed"
    nudges.cancel(session, case_id=case.id, kinds=EVERY_KIND)
    event = cases.record(session, case, kind="closed", actor_id=actor_id)
    tell_thread(session, case=case, key=f"closed:{event.id}", text=f"🏁 <@{actor_id}> closed {label}.")
    refresh_card(session, policy=policy, case=case, version=event.id)
    return case


def reopen(session: Session, *, policy: Policy, key: str, reason: str, actor_id: str) -> Case:
    """Reopen a case that is following up or closed."""
    case = cases.get_case(session, policy=policy, key=key)
    require_change(policy, case, actor_id)
    label = case_key(policy, case)
    if case.status not in ("following_up", "closed", "fixed"):
        raise UserError(
            f"{label} is still open ({case.status.replace('_', ' ')}); there is nothing to reopen."
        )
    case.status = "reopened"
    event = cases.record(session, case, kind="reopened", actor_id=actor_id, text=reason[:300])
    tell_thread(
        session,
        case=case,
        key=f"reopened:{event.id}",
        text=f"↩️ <@{actor_id}> reopened {label}{': ' + reason[:300] if reason else ''}",
    )
    refresh_card(session, policy=policy, case=case, version=event.id)
    return case


class MissingImprovement(UserError):
    """Closing refused until an improvement is recorded (the answer offers the button)."""


def improvement_prompt(case_id: int, *, message: str) -> list[dict]:
    """A message with the "Record improvement" button."""
    return [
        SectionBlock(text=MarkdownTextObject(text=message)).to_dict(),
        ActionsBlock(
            elements=[
                ButtonElement(text="Record improvement", action_id=ids.RECORD_IMPROVEMENT, value=str(case_id))
            ]
        ).to_dict(),
    ]
