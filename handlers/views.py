"""Modal submissions: validate first (errors inline), then acknowledge and call the service."""

from datetime import UTC, datetime
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.policy.model import SEVERITIES
from bot.recovery import cases, fixes, intake
from bot.recovery.cases import Complaint
from bot.recovery.customer import Customer, parse_contact
from bot.recovery.deadlines import parse_deadline
from bot.recovery.errors import UserError
from bot.recovery.messages import ids
from bot.recovery.people import zone_in
from bot.slack.client import profiles
from bot.slack.events import permalink
from bot.store import inbox
from bot.store.models import utcnow
from bot.store.outbox import owe
from handlers.forms import field, metadata, submission_key, user_id, view_case
from handlers.guard import guarded


def register(app: App) -> None:
    """Attach the modal submission listeners."""
    app.view(ids.NEW_CASE_VIEW)(guarded(on_new_case))
    app.view(ids.SEVERITY_VIEW)(guarded(on_change_severity))
    app.view(ids.DETAILS_VIEW)(guarded(on_edit_details))
    app.view(ids.ASSIGN_VIEW)(guarded(on_assign_owner))
    app.view(ids.MORE_TIME_VIEW)(guarded(on_need_more_time))


def _customer(view: dict[str, Any], errors: dict[str, str]) -> Customer:
    name = (field(view, ids.CUSTOMER_NAME) or "").strip() or None
    try:
        contact = parse_contact(field(view, ids.CUSTOMER_CONTACT) or "")
    except ValueError as problem:
        errors[ids.CUSTOMER_CONTACT] = str(problem)
        contact = Customer()
    return Customer(name=name).merged(contact)


def on_new_case(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Log the case from the modal; the card goes where the reporter chose."""
    errors: dict[str, str] = {}
    summary = (field(view, ids.SUMMARY) or "").strip()
    if not summary:
        errors[ids.SUMMARY] = "Write what went wrong for the customer."
    customer = _customer(view, errors)
    if field(view, ids.SEVERITY) not in (None, "auto", *SEVERITIES):
        errors[ids.SEVERITY] = "Pick one of the severities offered, or leave it blank."
    if errors:
        ack(response_action="errors", errors=errors)
        return
    ack()
    rt, reporter, source = context["rt"], user_id(body), metadata(view)
    chosen = field(view, ids.CARD_CHANNEL) or rt.policy.complaints_channels[0]
    linked = source.get("channel") == chosen and source.get("ts")
    severity = field(view, ids.SEVERITY)
    complaint = Complaint(
        text=summary,
        reporter_id=reporter,
        source="shortcut" if source.get("ts") else "modal",
        source_key=f"msg:{source['channel']}:{source['ts']}" if source.get("ts") else f"view:{view['id']}",
        customer=customer,
        severity=None if severity in (None, "auto") else severity,
        channel_id=source.get("channel"),
        message_ts=source.get("ts"),
        permalink=permalink(rt.workspace_url, source["channel"], source["ts"]) if source.get("ts") else None,
        thread_channel=chosen if linked else None,
        thread_ts=source["ts"] if linked else None,
    )
    with rt.transaction() as session:
        case, created = intake.log_complaint(
            session,
            policy=rt.policy,
            complaint=complaint,
            card_channel=chosen,
            card_thread_ts=complaint.thread_ts,
        )
        if created:
            text = f"Logged *{cases.case_key(rt.policy, case)}* as *{case.severity}*. The case card is in <#{chosen}>."
            owe(
                session,
                key=f"logged-ack:{case.id}",
                method="chat.postEphemeral",
                payload={"channel": chosen, "user": reporter, "text": text},
                case_id=case.id,
            )


def on_change_severity(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Change the severity with the reason given."""
    reason = (field(view, ids.REASON) or "").strip()
    if not reason:
        ack(response_action="errors", errors={ids.REASON: "Say why, so the timeline explains the change."})
        return
    ack()
    rt = context["rt"]
    with rt.transaction() as session:
        if not inbox.first_time(session, key=submission_key(view)):
            return  # Slack delivered this submission twice
        intake.change_severity(
            session,
            policy=rt.policy,
            key=view_case(context, view),
            severity=field(view, ids.SEVERITY) or "",
            reason=reason,
            actor_id=user_id(body),
        )


def on_edit_details(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Save corrected details."""
    errors: dict[str, str] = {}
    customer = _customer(view, errors)
    if errors:
        ack(response_action="errors", errors=errors)
        return
    ack()
    rt = context["rt"]
    with rt.transaction() as session:
        if not inbox.first_time(session, key=submission_key(view)):
            return  # Slack delivered this submission twice
        intake.update_details(
            session,
            policy=rt.policy,
            key=view_case(context, view),
            actor_id=user_id(body),
            summary=field(view, ids.SUMMARY) or "",
            customer=customer,
        )


def on_assign_owner(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Assign the owner and deadline picked in the modal."""
    owner, picked = field(view, ids.FIX_OWNER), field(view, ids.FIX_DUE)
    due = _moment(picked)
    if due is None or due <= utcnow():
        ack(response_action="errors", errors={ids.FIX_DUE: "Pick a deadline in the future."})
        return
    if not owner:
        ack(response_action="errors", errors={ids.FIX_OWNER: "Pick who fixes it."})
        return
    ack()
    rt, actor = context["rt"], user_id(body)
    found = profiles(client, [actor, owner])
    with rt.transaction() as session:
        if not inbox.first_time(session, key=submission_key(view)):
            return  # Slack delivered this submission twice
        fixes.assign_owner(
            session,
            policy=rt.policy,
            key=view_case(context, view),
            owner_id=owner,
            due=due,
            actor_id=actor,
            profiles=found,
        )


def on_need_more_time(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Move the deadline to the date typed, with the reason; refuse what cannot be read, inline."""
    rt, actor = context["rt"], user_id(body)
    found = profiles(client, [actor])
    zone = zone_in(found, actor, rt.policy.timezone)
    reason = (field(view, ids.REASON) or "").strip()
    try:
        due = parse_deadline(field(view, ids.FIX_DUE) or "", zone=zone)
    except UserError as problem:
        ack(response_action="errors", errors={ids.FIX_DUE: str(problem)})
        return
    if not reason:
        ack(response_action="errors", errors={ids.REASON: "Say why, so the leader on the case understands."})
        return
    ack()
    with rt.transaction() as session:
        if not inbox.first_time(session, key=submission_key(view)):
            return  # Slack delivered this submission twice
        fixes.change_due(
            session,
            policy=rt.policy,
            key=view_case(context, view),
            due=due,
            reason=reason,
            actor_id=actor,
            profiles=found,
        )


def _moment(picked: str | None) -> datetime | None:
    """A date-time picker's unix time, or None when it is not one a clock can show."""
    if not picked or not picked.isascii() or not picked.isdigit() or len(picked) > 11:
        return None
    return datetime.fromtimestamp(int(picked), UTC)
