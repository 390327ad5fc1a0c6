"""Fix services: give a fix an owner and a deadline, move the deadline, mark it fixed."""

from datetime import datetime, timedelta

from sqlmodel import Session

from bot.policy.model import Policy
from bot.recovery import cases, checkins, people
from bot.recovery.access import require_change
from bot.recovery.cases import advance
from bot.recovery.deadlines import slack_date
from bot.recovery.errors import UserError
from bot.recovery.home import refresh_home
from bot.recovery.messages import fix
from bot.recovery.reminders import FIX_KINDS, schedule_fix
from bot.recovery.routing import leader_on_case
from bot.recovery.tell import refresh_card, tell_thread
from bot.store import nudges
from bot.store.models import Case, utcnow
from bot.store.outbox import latest_key, owe


def default_due(policy: Policy, case: Case) -> datetime:
    """The policy's target: fix_within after the complaint, or from now when that has passed."""
    within = policy.rule(case.severity).fix_within
    return max(case.created_at + within, utcnow() + min(within, timedelta(hours=1)))


def assign_owner(
    session: Session,
    *,
    policy: Policy,
    key: str,
    owner_id: str,
    due: datetime | None,
    actor_id: str,
    profiles: dict[str, people.Profile],
) -> Case:
    """Give the fix an owner and a deadline; reminders, the owner's DM and the card follow."""
    case = cases.get_case(session, policy=policy, key=key)
    require_change(policy, case, actor_id)
    if case.fix_status == "fixed" and case.status != "reopened":
        raise UserError(f"{cases.case_key(policy, case)} is already fixed. Reopen it to assign a new fix.")
    people.remember(session, profiles)
    case.fix_owner_id, case.fix_due_at = owner_id, due or default_due(policy, case)
    event = _reschedule(session, policy=policy, case=case, actor_id=actor_id, kind="owner")
    owe(
        session,
        key=f"owner-dm:{case.id}:v{case.fix_version}",
        method="chat.postMessage",
        payload={
            "channel": owner_id,
            "text": f"You own the fix for {cases.case_key(policy, case)}",
            "blocks": fix.owner_dm(policy, case, assigned_by=actor_id),
        },
        case_id=case.id,
    )
    refresh_home(session, user_id=owner_id, reason=f"owner:{case.id}:v{case.fix_version}")
    when = slack_date(case.fix_due_at, policy.timezone)
    tell_thread(
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
    key: str,
    due: datetime,
    reason: str,
    actor_id: str,
    profiles: dict[str, people.Profile],
) -> Case:
    """Move the deadline (Need more time); reminders follow and the leader on the case is told why."""
    case = _open_fix(session, policy=policy, key=key, actor_id=actor_id)
    people.remember(session, profiles)
    case.fix_due_at = due
    event = _reschedule(session, policy=policy, case=case, actor_id=actor_id, kind="deadline", reason=reason)
    note = fix.more_time_note(policy, case, actor_id=actor_id, reason=reason or "no reason given")
    owe(
        session,
        key=f"more-time:{case.id}:{event.id}",
        method="chat.postMessage",
        payload={"channel": leader_on_case(policy, case), "text": note},
        case_id=case.id,
    )
    tell_thread(session, case=case, key=f"deadline:{case.id}:{event.id}", text=note)
    return case


def mark_fixed(session: Session, *, policy: Policy, key: str, note: str, actor_id: str) -> Case:
    """The fix is done: reminders stop, the card and thread say so, the owner's DM loses its buttons."""
    case = _open_fix(session, policy=policy, key=key, actor_id=actor_id)
    case.fix_status, case.fixed_at, case.fix_note = "fixed", utcnow(), note.strip()[:1000] or None
    advance(case, "fixed")
    nudges.cancel(session, case_id=case.id, kinds=FIX_KINDS)
    checkins.schedule_after_fix(session, policy=policy, case=case)
    on_time = case.fixed_at <= case.fix_due_at
    event = cases.record(
        session, case, kind="fixed", actor_id=actor_id, text=note.strip()[:300], data={"on_time": on_time}
    )
    refresh_card(session, policy=policy, case=case, version=event.id)
    done = fix.fixed_dm(policy, case, actor_id=actor_id)
    owner_dm = latest_key(session, f"owner-dm:{case.id}:")  # the DM with the buttons, whatever the version
    if owner_dm:
        payload = {"text": done, "blocks": []}
        owe(
            session,
            key=f"done:{owner_dm}",
            method="chat.update",
            payload=payload,
            case_id=case.id,
            after_key=owner_dm,
        )
    tell_thread(session, case=case, key=f"fixed:{case.id}:{event.id}", text=done)
    refresh_home(session, user_id=case.fix_owner_id, reason=f"fixed:{case.id}:{event.id}")
    return case


def _open_fix(session: Session, *, policy: Policy, key: str, actor_id: str) -> Case:
    case = cases.get_case(session, policy=policy, key=key)
    label = cases.case_key(policy, case)
    if case.fix_status == "none":
        raise UserError(f"{label} has no fix owner yet: `/recover owner {label} @someone due <when>`.")
    if case.fix_status == "fixed":
        raise UserError(f"{label} is already marked fixed.")
    if actor_id != case.fix_owner_id:
        require_change(policy, case, actor_id)
    return case


def _reschedule(session: Session, *, policy: Policy, case: Case, actor_id: str, kind: str, reason: str = ""):
    """A new fix version: old reminders cancelled, new ones scheduled, in this same transaction."""
    case.fix_status, case.fix_version = "assigned", case.fix_version + 1
    advance(case, "fix_assigned")
    nudges.cancel(session, case_id=case.id, kinds=FIX_KINDS)
    schedule_fix(session, policy=policy, case=case)
    data = {"owner": case.fix_owner_id, "due": case.fix_due_at.isoformat(), "reason": reason}
    event = cases.record(session, case, kind=kind, actor_id=actor_id, text=reason, data=data)
    refresh_card(session, policy=policy, case=case, version=event.id)
    return event
