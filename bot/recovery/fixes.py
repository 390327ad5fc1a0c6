"""Fix services: give a fix an owner and a deadline, move the deadline, mark it fixed."""

from datetime import datetime, timedelta

from sqlmodel import Session

from bot.policy.model import Policy
from bot.recovery import cases, checkins, people, tell
from bot.recovery.access import require_change
from bot.recovery.cases import advance
from bot.recovery.deadlines import slack_date
from bot.recovery.errors import UserError
from bot.recovery.messages import fix
from bot.recovery.reminders import FIX_KINDS, schedule_fix
from bot.recovery.routing import leader_on_case
from bot.store import nudges
from bot.store.models import Case, CaseStatus, EventKind, FixStatus, TimelineEvent, utcnow
from bot.store.outbox import latest_key


def default_due(policy: Policy, case: Case) -> datetime:
    """The policy's target: fix_within after the complaint, or from now when that has passed."""
    within = policy.rule(case.severity).fix_within
    return max(case.created_at + within, utcnow() + min(within, timedelta(hours=1)))


def assign_owner(
    session: Session,
    *,
    policy: Policy,
    case: Case,
    owner_id: str,
    due: datetime | None,
    actor_id: str,
    profiles: dict[str, people.Profile],
) -> Case:
    """Give the fix an owner and a deadline; reminders, the owner's DM and the card follow."""
    require_change(policy, case, actor_id)
    if case.fix_status == FixStatus.FIXED and case.status != CaseStatus.REOPENED:
        raise UserError(f"{cases.case_key(policy, case)} is already fixed. Reopen it to assign a new fix.")
    people.remember(session, profiles)
    case.fix_owner_id, case.fix_due_at = owner_id, due or default_due(policy, case)
    event = _reschedule(session, policy=policy, case=case, actor_id=actor_id, kind=EventKind.OWNER)
    tell.dm(
        session,
        key=f"owner-dm:{case.id}:v{case.fix_version}",
        to=owner_id,
        text=f"You own the fix for {cases.case_key(policy, case)}",
        blocks=fix.owner_dm(policy, case, assigned_by=actor_id),
        case=case,
    )
    tell.refresh_home(session, user_id=owner_id, reason=f"owner:{case.id}:v{case.fix_version}")
    when = slack_date(case.fix_due_at, policy.timezone)
    tell.in_thread(
        session,
        case=case,
        key=f"owner:{case.id}:{event.id}",
        text=f"<@{actor_id}> asked <@{owner_id}> to fix this by {when}.",
    )
    return case


def change_due(
    session: Session,
    *,
    policy: Policy,
    case: Case,
    due: datetime,
    reason: str,
    actor_id: str,
    profiles: dict[str, people.Profile],
) -> Case:
    """Move the deadline (Need more time); reminders follow and the leader on the case is told why."""
    _require_open_fix(policy, case, actor_id)
    people.remember(session, profiles)
    case.fix_due_at = due
    event = _reschedule(
        session, policy=policy, case=case, actor_id=actor_id, kind=EventKind.DEADLINE, reason=reason
    )
    note = fix.more_time_note(policy, case, actor_id=actor_id, reason=reason or "no reason given")
    tell.dm(
        session, key=f"more-time:{case.id}:{event.id}", to=leader_on_case(policy, case), text=note, case=case
    )
    tell.in_thread(session, case=case, key=f"deadline:{case.id}:{event.id}", text=note)
    return case


def mark_fixed(session: Session, *, policy: Policy, case: Case, note: str, actor_id: str) -> Case:
    """The fix is done: reminders stop, the card and thread say so, the owner's DM loses its buttons."""
    _require_open_fix(policy, case, actor_id)
    case.fix_status, case.fixed_at, case.fix_note = FixStatus.FIXED, utcnow(), note.strip()[:1000] or None
    advance(case, CaseStatus.FIXED)
    nudges.cancel(session, case_id=case.id, kinds=FIX_KINDS)
    checkins.schedule_after_fix(session, policy=policy, case=case)
    on_time = case.fixed_at <= case.fix_due_at
    event = cases.record(
        session,
        case,
        kind=EventKind.FIXED,
        actor_id=actor_id,
        text=note.strip()[:300],
        data={"on_time": on_time},
    )
    tell.refresh_card(session, policy=policy, case=case, version=event.id)
    done = fix.fixed_dm(policy, case, actor_id=actor_id)
    owner_dm = latest_key(session, f"owner-dm:{case.id}:")  # the DM with the buttons, whatever the version
    if owner_dm:
        tell.replace(session, key=f"done:{owner_dm}", message=owner_dm, text=done, case=case)
    tell.in_thread(session, case=case, key=f"fixed:{case.id}:{event.id}", text=done)
    tell.refresh_home(session, user_id=case.fix_owner_id, reason=f"fixed:{case.id}:{event.id}")
    return case


def _require_open_fix(policy: Policy, case: Case, actor_id: str) -> None:
    """A fix with an owner, not done yet, changed by its owner or someone who may change the case."""
    label = cases.case_key(policy, case)
    if case.fix_status == FixStatus.NONE:
        raise UserError(f"{label} has no fix owner yet: `/recover owner {label} @someone due <when>`.")
    if case.fix_status == FixStatus.FIXED:
        raise UserError(f"{label} is already marked fixed.")
    if actor_id != case.fix_owner_id:
        require_change(policy, case, actor_id)


def _reschedule(
    session: Session, *, policy: Policy, case: Case, actor_id: str, kind: EventKind, reason: str = ""
) -> TimelineEvent:
    """A new fix version: old reminders cancelled, new ones scheduled, in this same transaction."""
    case.fix_status, case.fix_version = FixStatus.ASSIGNED, case.fix_version + 1
    advance(case, CaseStatus.FIX_ASSIGNED)
    nudges.cancel(session, case_id=case.id, kinds=FIX_KINDS)
    schedule_fix(session, policy=policy, case=case)
    data = {"owner": case.fix_owner_id, "due": case.fix_due_at.isoformat(), "reason": reason}
    event = cases.record(session, case, kind=kind, actor_id=actor_id, text=reason, data=data)
    tell.refresh_card(session, policy=policy, case=case, version=event.id)
    return event
