"""Modal submissions: validate first (errors inline), then acknowledge and call the service."""

from datetime import UTC, datetime
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.policy.model import SEVERITIES
from bot.recovery import cases, fixes, intake
from bot.recovery.cases import Complaint
from bot.recovery.customer import Customer, parse_contact
from bot.recovery.deadlines import parse_deadline
from bot.recovery.errors import UserError
from bot.recovery.messages.ids import Input, Modal
from bot.recovery.people import zone_in
from bot.slack.client import profiles
from bot.slack.context import Runtime
from bot.slack.events import permalink
from bot.store import inbox
from bot.store.models import Source, utcnow
from handlers.forms import field, metadata, submission_key, user_id, view_case
from handlers.guard import guarded


def register(app: App) -> None:
    """Attach the modal submission listeners."""
    app.view(Modal.NEW_CASE)(guarded(on_new_case))
    app.view(Modal.SEVERITY)(guarded(on_change_severity))
    app.view(Modal.DETAILS)(guarded(on_edit_details))
    app.view(Modal.ASSIGN_OWNER)(guarded(on_assign_owner))
    app.view(Modal.MORE_TIME)(guarded(on_need_more_time))


def _customer(view: dict[str, Any], errors: dict[str, str]) -> Customer:
    name = (field(view, Input.CUSTOMER_NAME) or "").strip() or None
    try:
        contact = parse_contact(field(view, Input.CUSTOMER_CONTACT) or "")
    except ValueError as problem:
        errors[Input.CUSTOMER_CONTACT] = str(problem)
        contact = Customer()
    return Customer(name=name).merged(contact)


def on_new_case(ack: Ack, rt: Runtime, body: dict[str, Any], view: dict[str, Any]) -> None:
    """Log the case from the modal; the card goes where the reporter chose."""
    errors: dict[str, str] = {}
    summary = (field(view, Input.SUMMARY) or "").strip()
    if not summary:
        errors[Input.SUMMARY] = "Write what went wrong for the customer."
    customer = _customer(view, errors)
    if field(view, Input.SEVERITY) not in (None, "auto", *SEVERITIES):
        errors[Input.SEVERITY] = "Pick one of the severities offered, or leave it blank."
    if errors:
        ack(response_action="errors", errors=errors)
        return
    ack()
    source = metadata(view)
    chosen = field(view, Input.CARD_CHANNEL) or rt.policy.complaints_channels[0]
    linked = source.get("channel") == chosen and source.get("ts")
    severity = field(view, Input.SEVERITY)
    complaint = Complaint(
        text=summary,
        reporter_id=user_id(body),
        source=Source.SHORTCUT if source.get("ts") else Source.MODAL,
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
        intake.log_complaint(
            session,
            policy=rt.policy,
            complaint=complaint,
            card_channel=chosen,
            card_thread_ts=complaint.thread_ts,
            tell_reporter=True,
        )


def on_change_severity(ack: Ack, rt: Runtime, body: dict[str, Any], view: dict[str, Any]) -> None:
    """Change the severity with the reason given."""
    reason = (field(view, Input.REASON) or "").strip()
    if not reason:
        ack(response_action="errors", errors={Input.REASON: "Say why, so the timeline explains the change."})
        return
    ack()
    with rt.transaction() as session:
        if not inbox.first_time(session, key=submission_key(view)):
            return  # Slack delivered this submission twice
        intake.change_severity(
            session,
            policy=rt.policy,
            case=cases.get_case(session, policy=rt.policy, number=view_case(view)),
            severity=field(view, Input.SEVERITY) or "",
            reason=reason,
            actor_id=user_id(body),
        )


def on_edit_details(ack: Ack, rt: Runtime, body: dict[str, Any], view: dict[str, Any]) -> None:
    """Save corrected details."""
    errors: dict[str, str] = {}
    customer = _customer(view, errors)
    if errors:
        ack(response_action="errors", errors=errors)
        return
    ack()
    with rt.transaction() as session:
        if not inbox.first_time(session, key=submission_key(view)):
            return  # Slack delivered this submission twice
        intake.update_details(
            session,
            policy=rt.policy,
            case=cases.get_case(session, policy=rt.policy, number=view_case(view)),
            actor_id=user_id(body),
            summary=field(view, Input.SUMMARY) or "",
            customer=customer,
        )


def on_assign_owner(
    ack: Ack, rt: Runtime, body: dict[str, Any], view: dict[str, Any], client: WebClient
) -> None:
    """Assign the owner and deadline picked in the modal."""
    owner, picked = field(view, Input.FIX_OWNER), field(view, Input.FIX_DUE)
    due = _moment(picked)
    if due is None or due <= utcnow():
        ack(response_action="errors", errors={Input.FIX_DUE: "Pick a deadline in the future."})
        return
    if not owner:
        ack(response_action="errors", errors={Input.FIX_OWNER: "Pick who fixes it."})
        return
    ack()
    actor = user_id(body)
    found = profiles(client, [actor, owner])
    with rt.transaction() as session:
        if not inbox.first_time(session, key=submission_key(view)):
            return  # Slack delivered this submission twice
        fixes.assign_owner(
            session,
            policy=rt.policy,
            case=cases.get_case(session, policy=rt.policy, number=view_case(view)),
            owner_id=owner,
            due=due,
            actor_id=actor,
            profiles=found,
        )


def on_need_more_time(
    ack: Ack, rt: Runtime, body: dict[str, Any], view: dict[str, Any], client: WebClient
) -> None:
    """Move the deadline to the date typed, with the reason; refuse what cannot be read, inline."""
    actor = user_id(body)
    found = profiles(client, [actor])
    zone = zone_in(found, actor, rt.policy.timezone)
    reason = (field(view, Input.REASON) or "").strip()
    try:
        due = parse_deadline(field(view, Input.FIX_DUE) or "", zone=zone)
    except UserError as problem:
        ack(response_action="errors", errors={Input.FIX_DUE: str(problem)})
        return
    if not reason:
        ack(
            response_action="errors", errors={Input.REASON: "Say why, so the leader on the case understands."}
        )
        return
    ack()
    with rt.transaction() as session:
        if not inbox.first_time(session, key=submission_key(view)):
            return  # Slack delivered this submission twice
        fixes.change_due(
            session,
            policy=rt.policy,
            case=cases.get_case(session, policy=rt.policy, number=view_case(view)),
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
