"""Check-in answers from DMs, and the "Record improvement" button and modal."""

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.recovery import checkins, closing
from bot.recovery.messages import ids
from bot.recovery.messages.followup import improvement_view
from bot.store import inbox
from handlers.forms import field, open_case_modal, submission_key, user_id, view_case
from handlers.guard import guarded

OUTCOME = {ids.CHECKIN_OK: "ok", ids.CHECKIN_UNHAPPY: "unhappy", ids.CHECKIN_UNREACHABLE: "unreachable"}


def register(app: App) -> None:
    """Attach the check-in and improvement listeners."""
    for action_id in OUTCOME:
        app.action(action_id)(guarded(on_checkin))
    app.action(ids.RECORD_IMPROVEMENT)(guarded(on_record_improvement))
    app.view(ids.IMPROVEMENT_VIEW)(guarded(on_improvement))


def on_checkin(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """All good / Still unhappy / Couldn't reach them, for the check-in this DM asked."""
    ack()
    rt, nudge_key = context["rt"], action.get("value", "")
    case_id = nudge_key.split(":")[1] if nudge_key.count(":") >= 2 else ""
    with rt.transaction() as session:
        checkins.record_outcome(
            session,
            policy=rt.policy,
            key=f"{rt.policy.case_prefix}-{case_id}",
            outcome=OUTCOME[action["action_id"]],
            note="",
            actor_id=user_id(body),
            nudge_key=nudge_key,
        )


def on_record_improvement(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Open the improvement modal for people who may change the case."""
    ack()
    open_case_modal(context, body, client, improvement_view)


def on_improvement(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Record the root cause and what we changed."""
    cause, change = (field(view, ids.ROOT_CAUSE) or "").strip(), (field(view, ids.CHANGE) or "").strip()
    errors = {b: "Fill this in." for b, v in ((ids.ROOT_CAUSE, cause), (ids.CHANGE, change)) if not v}
    if errors:
        ack(response_action="errors", errors=errors)
        return
    ack()
    rt = context["rt"]
    with rt.transaction() as session:
        if not inbox.first_time(session, key=submission_key(view)):
            return  # Slack delivered this submission twice
        closing.improve(
            session,
            policy=rt.policy,
            key=view_case(context, view),
            root_cause=cause,
            change=change,
            actor_id=user_id(body),
        )
