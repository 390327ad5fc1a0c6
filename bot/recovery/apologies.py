"""Apologies at the right level: ask the right leader, escalate in time, approve and post it."""

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session

from bot.policy.durations import format_duration
from bot.policy.model import Level, Policy
from bot.recovery import cases, customer_mail, people, tell
from bot.recovery.cases import advance, case_key
from bot.recovery.customer import redact_contact
from bot.recovery.errors import NotAllowed, UserError
from bot.recovery.messages import apology
from bot.recovery.quality.check import check_apology
from bot.recovery.quality.drafts import DraftInput, write_draft
from bot.recovery.quality.findings import Report
from bot.recovery.routing import apology_level, leader_for
from bot.store import nudges
from bot.store.models import ApologyState, Case, CaseStatus, EventKind, FixStatus, Nudge, NudgeKind, utcnow
from bot.store.nudges import Defer

APOLOGY_KINDS = (NudgeKind.APOLOGY_ESCALATE,)


def request_key(case: Case) -> str:
    """The outbox key of the current request DM (its buttons carry the same round)."""
    return f"apology-dm:{case.id}:r{case.apology_round}"


@dataclass(frozen=True)
class Asked:
    """A round opened on a case: whom it asks, at what level, why; the request it replaces, if any."""

    leader_id: str
    level: Level
    reason: str
    previous: str | None
    new: bool  # the case was not stored yet: its card is drawn after this, already showing whom it asks


def route(session: Session, *, policy: Policy, case: Case) -> Asked:
    """A new case, before it is stored: ask the lowest level its severity needs. The round is set on
    the case itself (it is written once, with it); `owe_request` then owes what the round needs."""
    level = apology_level(policy, case)
    why = f"{case.severity} complaints get their apology from a {level.title.lower()}"
    return _open_round(
        session, policy=policy, case=case, leader_id=leader_for(policy, case), level=level, reason=why
    )


def ask(
    session: Session,
    *,
    policy: Policy,
    case: Case,
    leader_id: str,
    level: Level,
    reason: str,
) -> None:
    """A new round: DM `leader_id` the request with a fresh draft, start its clock, retire the old DM."""
    asked = _open_round(session, policy=policy, case=case, leader_id=leader_id, level=level, reason=reason)
    owe_request(session, policy=policy, case=case, asked=asked)


def _open_round(
    session: Session, *, policy: Policy, case: Case, leader_id: str, level: Level, reason: str
) -> Asked:
    """The case's next round, on the case: whom it asks, at what level, and the draft signed by them."""
    previous = request_key(case) if case.apology_round else None
    case.apology_round += 1
    case.apology_state, case.apology_level, case.apology_leader_id = (
        ApologyState.REQUESTED,
        level.level,
        leader_id,
    )
    case.apology_draft = draft(session, policy=policy, case=case, leader_id=leader_id, level=level)
    advance(case, CaseStatus.APOLOGY_REQUESTED)
    return Asked(leader_id, level, reason, previous, new=case.id is None)


def owe_request(session: Session, *, policy: Policy, case: Case, asked: Asked) -> None:
    """What an opened round owes, in the caller's transaction: its clock, the DM, the leader's Home tab,
    the timeline; and, past the first round, the old DM retired and the card refreshed."""
    leader_id, previous = asked.leader_id, asked.previous
    rule = policy.rule(case.severity)
    if previous:  # the first round has no earlier clock to stop
        nudges.cancel(session, case_id=case.id, kinds=APOLOGY_KINDS)
    nudges.schedule_soon(
        session,
        key=f"apology:{case.id}:r{case.apology_round}",
        kind=NudgeKind.APOLOGY_ESCALATE,
        due_at=utcnow() + rule.respond_within,
        case_id=case.id,
        recipient_id=leader_id,
        payload={"round": case.apology_round},
    )
    report = check_apology(case.apology_draft or "", severity=case.severity)
    text, shown = apology.request(policy, case, report=report, reason=asked.reason)
    tell.dm(session, key=request_key(case), to=leader_id, text=text, blocks=shown, case=case)
    tell.refresh_home(session, user_id=leader_id, reason=request_key(case))
    if previous:
        tell.replace(
            session, key=f"moved:{previous}", message=previous, text=apology.moved_on(asked.reason), case=case
        )
    asked_text = f"asked <@{leader_id}> ({asked.level.title}): {asked.reason}"
    if asked.new:  # stored a moment ago, as it is now: the event adds nothing to change on the case
        cases.event_soon(
            session,
            case,
            kind=EventKind.APOLOGY_REQUESTED,
            actor_id=None,
            text=asked_text,
            at=case.updated_at,
        )
        return
    event = cases.record(session, case, kind=EventKind.APOLOGY_REQUESTED, actor_id=None, text=asked_text)
    tell.refresh_card(session, policy=policy, case=case, version=event.id)


def draft(session: Session, *, policy: Policy, case: Case, leader_id: str, level: Level) -> str:
    """A draft apology from the case, signed by the leader asked; it passes its own quality check."""
    fix_by = None
    if case.fix_due_at and case.fix_status == FixStatus.ASSIGNED:
        fix_by = "by " + case.fix_due_at.astimezone(policy.timezone).strftime("%A, %-I:%M %p")
    return draft_for(
        policy,
        summary=case.summary,
        customer_name=case.customer_name,
        severity=case.severity,
        leader_name=_name_of(session, leader_id) or level.title,
        level=level,
        fix_by=fix_by,
    )


def _name_of(session: Session, user_id: str) -> str | None:
    """The leader's name, read once a transaction: a burst's batch asks the same few people, and the
    names `people` remembers are only those it has found (most leaders of a new install are not)."""
    names = session.info.setdefault("leader_names", {})
    if user_id not in names:
        names[user_id] = people.name_of(session, user_id)
    return names[user_id]


def draft_for(
    policy: Policy,
    *,
    summary: str,
    customer_name: str | None,
    severity: str,
    leader_name: str,
    level: Level,
    fix_by: str | None = None,
) -> str:
    """The draft for a complaint at this severity, with the policy's first gesture for it: what a
    leader's DM shows and what `bounceback draft` prints."""
    suggested = policy.gestures.get(severity, ())
    return write_draft(
        DraftInput(
            customer_name=customer_name,
            summary=redact_contact(summary),
            severity=severity,
            leader_name=leader_name,
            leader_title=level.title,
            fix_by=fix_by,
            gesture=suggested[0] if suggested else None,
        )
    )


def check_text(session: Session, *, case_id: int, text: str) -> Report:
    """The quality check of an edited apology, at the case's severity."""
    case = session.get(Case, case_id)
    return check_apology(text, severity=case.severity if case else "minor")


def may_act(policy: Policy, case: Case, user_id: str) -> bool:
    """The person asked, anyone higher on the ladder, or an admin."""
    if user_id == case.apology_leader_id or policy.is_admin(user_id):
        return True
    level = policy.level_of(user_id)
    return level is not None and policy.rank(level.level) > policy.rank(case.apology_level or "")


def open_request(session: Session, *, policy: Policy, case_id: int, round_: int, actor_id: str) -> Case:
    """The case whose request this is, if it is still open and this person may act on it."""
    case = session.get(Case, case_id)
    if case is None:
        raise UserError("That case no longer exists.")
    key = case_key(policy, case)
    if case.apology_state != ApologyState.REQUESTED or case.apology_round != round_:
        raise UserError(f"This request for {key} has moved on (it was approved, handed over or escalated).")
    if not may_act(policy, case, actor_id):
        level = policy.level(case.apology_level)
        raise NotAllowed(
            f"This apology for {key} was asked of <@{case.apology_leader_id}> ({level.title}). Only they, someone "
            "higher on the ladder, or an admin can act on it. Nothing was changed."
        )
    return case


def approve(
    session: Session,
    *,
    policy: Policy,
    case: Case,
    actor_id: str,
    text: str | None = None,
    as_written: bool = False,
    email: bool = True,
) -> None:
    """Post the apology in the case thread, signed, and e-mail it to the customer (when `email`, there is an
    address and e-mail is on); tell the reporter; record how fast it came."""
    text = (text or case.apology_draft or "").strip()
    report = check_apology(text, severity=case.severity)
    if report.errors and not as_written:
        raise UserError("The apology has quality errors: " + "; ".join(f.message for f in report.errors))
    now = utcnow()
    waited = now - case.created_at
    target = policy.rule(case.severity).respond_within
    case.apology_state, case.apology_text, case.apology_by, case.apology_at = (
        ApologyState.APPROVED,
        text,
        actor_id,
        now,
    )
    case.apology_errors = len(report.errors)
    advance(case, CaseStatus.APOLOGIZED)
    nudges.cancel(session, case_id=case.id, kinds=APOLOGY_KINDS)
    title = customer_mail.title_of(policy, actor_id)
    emailed = customer_mail.apology_to_customer(
        session, policy=policy, case=case, actor_id=actor_id, text=text, wanted=email
    )
    data = {
        "seconds": int(waited.total_seconds()),
        "on_target": waited <= target,
        "errors": len(report.errors),
        "as_written": bool(report.errors),
        "edited": text != (case.apology_draft or "").strip(),
        "emailed": emailed,
    }
    event = cases.record(
        session,
        case,
        kind=EventKind.APOLOGIZED,
        actor_id=actor_id,
        text=f"approved by <@{actor_id}>",
        data=data,
    )
    post = apology.posted(
        case, text=text, approver=actor_id, title=title, waited=format_duration(_round(waited))
    )
    # Keyed by the round: a reopened case's second apology is posted and told too, once each.
    approved_in = f"{case.id}:r{case.apology_round}"
    tell.in_thread(session, case=case, key=f"apology:{approved_in}", text=post)
    done = apology.approved_note(policy, case, actor_id=actor_id, emailed=emailed)
    tell.replace(
        session, key=f"approved:{request_key(case)}", message=request_key(case), text=done, case=case
    )
    told = apology.reporter_told(policy, case, actor_id=actor_id, title=title, emailed=emailed)
    tell.dm(session, key=f"reporter-told:{approved_in}", to=case.reporter_id, text=told, case=case)
    tell.refresh_card(session, policy=policy, case=case, version=event.id)
    tell.refresh_home(session, user_id=case.apology_leader_id, reason=f"approved:{case.id}")


def hand_over(session: Session, *, policy: Policy, case: Case, actor_id: str, to_id: str) -> None:
    """Give the request to someone at the same level or higher."""
    level = policy.level_of(to_id)
    if level is None or policy.rank(level.level) < policy.rank(case.apology_level):
        current = policy.level(case.apology_level)
        raise UserError(f"<@{to_id}> is not on the ladder at {current.title.lower()} level or higher.")
    if to_id == case.apology_leader_id:
        raise UserError(f"<@{to_id}> already has it.")
    ask(
        session,
        policy=policy,
        case=case,
        leader_id=to_id,
        level=level,
        reason=f"<@{actor_id}> handed it to <@{to_id}>",
    )


def escalate(session: Session, *, policy: Policy, case: Case, actor_id: str | None, reason: str) -> None:
    """Send the request one level up (at the top, send it again, to the next person there)."""
    current = policy.level(case.apology_level)
    up = policy.next_level(current.level)
    if up is None and actor_id is not None:
        raise UserError(f"{current.title} is the top of the ladder; there is nobody higher to escalate to.")
    level = up or current
    pool = [p for p in level.people if p != case.reporter_id] or list(level.people)
    after = pool.index(case.apology_leader_id) + 1 if case.apology_leader_id in pool and up is None else 0
    ask(session, policy=policy, case=case, leader_id=pool[after % len(pool)], level=level, reason=reason)


def reroute_after_severity(session: Session, *, policy: Policy, case: Case) -> None:
    """A severity that needs a higher level re-routes an open request at once."""
    if case.apology_state != ApologyState.REQUESTED:
        return
    needed = apology_level(policy, case)
    if policy.rank(needed.level) > policy.rank(case.apology_level):
        why = f"severity is now {case.severity}: a {needed.title.lower()} apologizes"
        ask(session, policy=policy, case=case, leader_id=leader_for(policy, case), level=needed, reason=why)


def fire_apology_escalate(session: Session, policy: Policy, nudge: Nudge) -> Defer | None:
    """Nobody acted in time: one level up, recorded on the timeline."""
    case = session.get(Case, nudge.case_id)
    if (
        case is None
        or case.apology_state != ApologyState.REQUESTED
        or case.apology_round != nudge.payload.get("round")
    ):
        return None
    waited = format_duration(policy.rule(case.severity).respond_within)
    up = policy.next_level(case.apology_level)
    reason = (
        f"no answer from <@{case.apology_leader_id}> within {waited}; escalated to {up.title.lower()}"
        if up
        else f"still no answer after {waited}; sent again"
    )
    escalate(session, policy=policy, case=case, actor_id=None, reason=reason)
    cases.record(session, case, kind=EventKind.ESCALATED, actor_id=None, text=reason)
    return None


def _round(delta: timedelta) -> timedelta:
    return timedelta(seconds=max(1, int(delta.total_seconds())))
