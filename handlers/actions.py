"""Buttons on the case card: each opens its modal, for the people allowed to use it."""

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.policy.model import Policy
from bot.recovery import fixes
from bot.recovery.access import require_change
from bot.recovery.messages import card, fix, ids
from bot.store.models import Case
from handlers.forms import open_case_modal, user_id
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
    open_case_modal(context, body, client, card.severity_view)


def on_edit_details(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Open the details modal (it shows the private contact, so only to people who may change the case)."""
    ack()
    open_case_modal(context, body, client, card.details_view)


def on_assign_owner(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Open the "Assign fix owner" modal, with the policy's target as the suggested deadline."""
    ack()

    def build(policy: Policy, case: Case) -> dict[str, Any]:
        due = case.fix_due_at if case.fix_status == "assigned" else fixes.default_due(policy, case)
        return fix.assign_view(policy, case, initial_due=int(due.timestamp()))

    open_case_modal(context, body, client, build)


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
            key=f"{rt.policy.case_prefix}-{action.get('value', '')}",
            note="",
            actor_id=user_id(body),
        )


def on_need_more_time(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Open the "Need more time" modal, for the owner or anyone who may change the case."""
    ack()

    def owner_or_on_case(policy: Policy, case: Case, person: str) -> None:
        if person != case.fix_owner_id:
            require_change(policy, case, person)

    open_case_modal(context, body, client, fix.more_time_view, check=owner_or_on_case)
