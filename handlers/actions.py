"""Buttons on the case card: each opens its modal, for the people allowed to use it."""

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot import blocks, blocks_fix, cases, fixes, ids, slack
from bot.access import may_change, require_change
from handlers.forms import user_id
from handlers.guard import guarded


def register(app: App) -> None:
    """Attach the button listeners."""
    app.action(ids.CHANGE_SEVERITY)(guarded(on_change_severity))
    app.action(ids.EDIT_DETAILS)(guarded(on_edit_details))
    app.action(ids.ASSIGN_OWNER)(guarded(on_assign_owner))
    app.action(ids.MARK_FIXED)(guarded(on_mark_fixed))
    app.action(ids.NEED_MORE_TIME)(guarded(on_need_more_time))


def on_change_severity(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Open the severity modal."""
    ack()
    rt, person = context["rt"], user_id(body)
    with rt.db.session() as session:
        case = cases.get_case(session, policy=rt.policy, key=f"{rt.policy.case_prefix}-{action['value']}")
        require_change(rt.policy, case, person)
        view = blocks.severity_view(rt.policy, case)
    client.views_open(trigger_id=body["trigger_id"], view=view)


def on_edit_details(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Open the details modal (it shows the private contact, so only to people who may change the case)."""
    ack()
    rt, person = context["rt"], user_id(body)
    with rt.db.session() as session:
        case = cases.get_case(session, policy=rt.policy, key=f"{rt.policy.case_prefix}-{action['value']}")
        if not may_change(rt.policy, case, person):
            slack.respond(body.get("response_url"), text="Only the people on this case can edit its details.")
            return
        view = blocks.details_view(rt.policy, case)
    client.views_open(trigger_id=body["trigger_id"], view=view)


def on_assign_owner(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Open the "Assign fix owner" modal, with the policy's target as the suggested deadline."""
    ack()
    rt, person = context["rt"], user_id(body)
    with rt.db.session() as session:
        case = cases.get_case(session, policy=rt.policy, key=f"{rt.policy.case_prefix}-{action['value']}")
        require_change(rt.policy, case, person)
        due = case.fix_due_at if case.fix_status == "assigned" else fixes.default_due(rt.policy, case)
        view = blocks_fix.assign_view(rt.policy, case, initial_due=int(due.timestamp()))
    client.views_open(trigger_id=body["trigger_id"], view=view)


def on_mark_fixed(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """The owner (or someone on the case) marks the fix done from a DM."""
    ack()
    rt = context["rt"]
    with rt.transaction() as session:
        fixes.mark_fixed(
            session,
            policy=rt.policy,
            key=f"{rt.policy.case_prefix}-{action['value']}",
            note="",
            actor_id=user_id(body),
        )


def on_need_more_time(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Open the "Need more time" modal."""
    ack()
    rt, person = context["rt"], user_id(body)
    with rt.db.session() as session:
        case = cases.get_case(session, policy=rt.policy, key=f"{rt.policy.case_prefix}-{action['value']}")
        if person != case.fix_owner_id:
            require_change(rt.policy, case, person)
        view = blocks_fix.more_time_view(rt.policy, case)
    client.views_open(trigger_id=body["trigger_id"], view=view)
