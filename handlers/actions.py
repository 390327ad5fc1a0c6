"""Buttons on the case card and in the fix owner's DMs: each opens its modal for people allowed to use it.

Commands, buttons and shortcuts are acknowledged by the app's middleware (bot/slack/app.py), so
these listeners never ack themselves.
"""

from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.policy.model import Policy
from bot.recovery import cases, fixes
from bot.recovery.access import require_change
from bot.recovery.glance import glance
from bot.recovery.messages import card, fix, severity
from bot.recovery.messages.ids import Action
from bot.slack.context import Runtime
from bot.store.models import Case, FixStatus
from handlers.forms import number, open_case_modal, open_modal, pressed, user_id
from handlers.guard import guarded


def register(app: App) -> None:
    """Attach the button listeners."""
    app.action(Action.CHANGE_SEVERITY)(guarded(on_change_severity))
    app.action(Action.EDIT_DETAILS)(guarded(on_edit_details))
    app.action(Action.ASSIGN_OWNER)(guarded(on_assign_owner))
    app.action(Action.MARK_FIXED)(guarded(on_mark_fixed))
    app.action(Action.NEED_MORE_TIME)(guarded(on_need_more_time))


def on_change_severity(rt: Runtime, body: dict[str, Any], client: WebClient) -> None:
    """Open the severity modal: the card's busiest button reads only the columns it needs (no ORM session)."""
    case = glance(rt.db, policy=rt.policy, number=number(pressed(body)))
    require_change(rt.policy, case, user_id(body))
    open_modal(client, body["trigger_id"], severity.severity_view(rt.policy, case))


def on_edit_details(rt: Runtime, body: dict[str, Any], client: WebClient) -> None:
    """Open the details modal (it shows the private contact, so only to people who may change the case)."""
    open_case_modal(rt, body, client, card.details_view)


def on_assign_owner(rt: Runtime, body: dict[str, Any], client: WebClient) -> None:
    """Open the "Assign fix owner" modal, with the policy's target as the suggested deadline."""

    def build(policy: Policy, case: Case) -> dict[str, Any]:
        due = case.fix_due_at if case.fix_status == FixStatus.ASSIGNED else fixes.default_due(policy, case)
        return fix.assign_view(policy, case, initial_due=int(due.timestamp()))

    open_case_modal(rt, body, client, build)


def on_mark_fixed(rt: Runtime, body: dict[str, Any]) -> None:
    """The owner (or someone on the case) marks the fix done from a DM."""
    with rt.transaction() as session:
        case = cases.get_case(session, policy=rt.policy, number=number(pressed(body)))
        fixes.mark_fixed(session, policy=rt.policy, case=case, note="", actor_id=user_id(body))


def on_need_more_time(rt: Runtime, body: dict[str, Any], client: WebClient) -> None:
    """Open the "Need more time" modal, for the owner or anyone who may change the case."""

    def owner_or_on_case(policy: Policy, case: Case, person: str) -> None:
        if person != case.fix_owner_id:
            require_change(policy, case, person)

    open_case_modal(rt, body, client, fix.more_time_view, check=owner_or_on_case)
