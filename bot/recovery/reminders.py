"""Fix reminders: scheduled from the policy when a fix gets an owner; fired by the clock."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.policy.durations import format_duration
from bot.policy.model import Policy
from bot.recovery import cases, people, tell
from bot.recovery.messages import fix
from bot.recovery.routing import leader_on_case
from bot.store import nudges
from bot.store.models import Case, EventKind, FixStatus, Nudge, NudgeKind, utcnow
from bot.store.nudges import Defer

FIX_KINDS = (NudgeKind.FIX_REMINDER, NudgeKind.FIX_ESCALATE)


def quiet_until(window: tuple[time, time] | None, zone: ZoneInfo, now: datetime) -> datetime | None:
    """When the recipient's quiet hours end, if `now` falls inside them; else None."""
    if window is None:
        return None
    start, end = window
    local = now.astimezone(zone)
    clock = local.time()
    inside = start <= clock < end if start < end else (clock >= start or clock < end)
    if not inside:
        return None
    ends = local.replace(hour=end.hour, minute=end.minute, second=0, microsecond=0)
    if ends <= local:
        ends += timedelta(days=1)
    return ends.astimezone(UTC)


def schedule_fix(session: Session, *, policy: Policy, case: Case) -> None:
    """Reminders before the deadline, at it, the first overdue one, and the leader's heads-up."""
    rules, due, version, now = policy.reminders, case.fix_due_at, case.fix_version, utcnow()
    base = f"fix:{case.id}:v{version}"

    def remind(suffix: str, at: datetime, when: str, **extra: object) -> None:
        payload = {"version": version, "when": when, **extra}
        nudges.schedule(
            session,
            key=f"{base}:{suffix}",
            kind=NudgeKind.FIX_REMINDER,
            due_at=at,
            case_id=case.id,
            recipient_id=case.fix_owner_id,
            payload=payload,
        )

    for offset in rules.before_due:
        if due - offset > now:
            remind(f"before:{int(offset.total_seconds())}s", due - offset, "before")
    remind("due", due, "due")
    remind("overdue:1", due + rules.overdue_every, "overdue", n=1)
    nudges.schedule(
        session,
        key=f"{base}:escalate",
        kind=NudgeKind.FIX_ESCALATE,
        due_at=due + rules.escalate_overdue_after,
        case_id=case.id,
        recipient_id=leader_on_case(policy, case),
        payload={"version": version},
    )


def _current(session: Session, nudge: Nudge) -> Case | None:
    """The case, if this nudge still belongs to its current, unfinished fix."""
    case = session.get(Case, nudge.case_id)
    if (
        case is None
        or case.fix_status != FixStatus.ASSIGNED
        or case.fix_version != nudge.payload.get("version")
    ):
        return None
    return case


def _quiet(session: Session, policy: Policy, user_id: str | None) -> Defer | None:
    window = policy.reminders.quiet_hours
    if window is None:
        return None
    until = quiet_until(window, people.zone_of(session, policy=policy, user_id=user_id), utcnow())
    return Defer(until) if until else None


def fire_fix_reminder(session: Session, policy: Policy, nudge: Nudge) -> Defer | None:
    """DM the owner; an overdue reminder also schedules the next one."""
    case = _current(session, nudge)
    if case is None:
        return None
    deferred = _quiet(session, policy, case.fix_owner_id)
    if deferred:
        cases.record(
            session,
            case,
            kind=EventKind.DEFERRED,
            actor_id=None,
            text=f"reminder held for quiet hours: {nudge.key}",
        )
        return deferred
    when = nudge.payload["when"]
    late = format_duration(max(timedelta(seconds=1), utcnow() - case.fix_due_at)) if when == "overdue" else ""
    text, blocks = fix.reminder(policy, case, when=when, overdue_for=late)
    tell.dm(session, key=f"nudge:{nudge.key}", to=case.fix_owner_id, text=text, blocks=blocks, case=case)
    cases.record(
        session,
        case,
        kind=EventKind.REMINDER,
        actor_id=None,
        text=f"reminded <@{case.fix_owner_id}> ({when})",
    )
    if when == "overdue":
        n = int(nudge.payload.get("n", 1)) + 1
        nudges.schedule(
            session,
            key=f"fix:{case.id}:v{case.fix_version}:overdue:{n}",
            kind=NudgeKind.FIX_REMINDER,
            due_at=case.fix_due_at + n * policy.reminders.overdue_every,
            case_id=case.id,
            recipient_id=case.fix_owner_id,
            payload={"version": case.fix_version, "when": "overdue", "n": n},
        )
    return None


def fire_fix_escalate(session: Session, policy: Policy, nudge: Nudge) -> Defer | None:
    """Tell the leader on the case that the fix is far overdue."""
    case = _current(session, nudge)
    if case is None:
        return None
    deferred = _quiet(session, policy, nudge.recipient_id)
    if deferred:
        return deferred
    late = format_duration(max(timedelta(seconds=1), utcnow() - case.fix_due_at))
    text = fix.leader_heads_up(policy, case, overdue_for=late)
    tell.dm(session, key=f"nudge:{nudge.key}", to=nudge.recipient_id, text=text, case=case)
    cases.record(
        session,
        case,
        kind=EventKind.ESCALATED,
        actor_id=None,
        text=f"told <@{nudge.recipient_id}> the fix is {late} overdue",
    )
    return None
