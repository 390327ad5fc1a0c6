"""Check-in answers from DMs, and the "Record improvement" button and modal."""

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.recovery import cases, checkins, closing
from bot.recovery.messages.followup import improvement_view
from bot.recovery.messages.ids import Action, Input, Modal
from bot.slack.context import Runtime
from bot.store import inbox
from bot.store.models import CheckinOutcome
from handlers.forms import field, number, open_case_modal, pressed, submission_key, user_id, view_case
from handlers.guard import guarded

OUTCOME = {
    Action.CHECKIN_OK: CheckinOutcome.OK,
    Action.CHECKIN_UNHAPPY: CheckinOutcome.UNHAPPY,
    Action.CHECKIN_UNREACHABLE: CheckinOutcome.UNREACHABLE,
}


def register(app: App) -> None:
    """Attach the check-in and improvement listeners."""
    for action_id in OUTCOME:
        app.action(action_id)(guarded(on_checkin))
    app.action(Action.RECORD_IMPROVEMENT)(guarded(on_record_improvement))
    app.view(Modal.IMPROVEMENT)(guarded(on_improvement))


def on_checkin(rt: Runtime, body: dict[str, Any], action: dict[str, Any]) -> None:
    """All good / Still unhappy / Couldn't reach them, for the check-in this DM asked ("checkin:42:v1:1:a1")."""
    nudge_key = pressed(body)
    case_number = number(nudge_key.split(":")[1] if nudge_key.count(":") >= 2 else "")
    with rt.transaction() as session:
        checkins.record_outcome(
            session,
            policy=rt.policy,
            case=cases.get_case(session, policy=rt.policy, number=case_number),
            outcome=OUTCOME[action["action_id"]],
            note="",
            actor_id=user_id(body),
            nudge_key=nudge_key,
        )


def on_record_improvement(rt: Runtime, body: dict[str, Any], client: WebClient) -> None:
    """Open the improvement modal for people who may change the case."""
    open_case_modal(rt, body, client, improvement_view)


def on_improvement(ack: Ack, rt: Runtime, body: dict[str, Any], view: dict[str, Any]) -> None:
    """Record the root cause and what we changed."""
    cause, change = (field(view, Input.ROOT_CAUSE) or "").strip(), (field(view, Input.CHANGE) or "").strip()
    errors = {b: "Fill this in." for b, v in ((Input.ROOT_CAUSE, cause), (Input.CHANGE, change)) if not v}
    if errors:
        ack(response_action="errors", errors=errors)
        return
    ack()
    with rt.transaction() as session:
        if not inbox.first_time(session, key=submission_key(view)):
            return  # Slack delivered this submission twice
        closing.improve(
            session,
            policy=rt.policy,
            case=cases.get_case(session, policy=rt.policy, number=view_case(view)),
            root_cause=cause,
            change=change,
            actor_id=user_id(body),
        )
