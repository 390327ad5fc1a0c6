"""Apology requests and gestures: buttons in leaders' DMs and their modals."""

from decimal import Decimal, InvalidOperation
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.recovery import apologies, gestures
from bot.recovery.errors import UserError
from bot.recovery.messages import apology
from bot.recovery.messages.ids import Action, Input, Modal
from bot.recovery.quality.check import check_apology
from bot.slack.context import Runtime
from handlers.forms import NOT_OURS, field, number, open_modal, pressed, ticked, user_id
from handlers.guard import guarded


def register(app: App) -> None:
    """Attach the apology and gesture listeners."""
    app.action(Action.APPROVE_APOLOGY)(guarded(on_approve))
    for action_id in (Action.EDIT_APOLOGY, Action.HAND_APOLOGY, Action.ESCALATE_APOLOGY):
        app.action(action_id)(guarded(on_open_modal))
    app.view(Modal.EDIT_APOLOGY)(guarded(on_edited))
    app.view(Modal.HAND_APOLOGY)(guarded(on_handed))
    app.view(Modal.ESCALATE_APOLOGY)(guarded(on_escalated))
    app.action(Action.APPROVE_GESTURE)(guarded(on_gesture_decided))
    app.action(Action.DECLINE_GESTURE)(guarded(on_gesture_decided))


def _request(value: str) -> tuple[int, int]:
    """The case and round an apology request's buttons and modals carry ("42:3")."""
    case_id, _, round_ = value.partition(":")
    if not (case_id.isdigit() and round_.isdigit()):
        raise UserError(NOT_OURS)
    return int(case_id), int(round_)


def on_approve(rt: Runtime, body: dict[str, Any]) -> None:
    """Approve & send: the draft goes to the case thread as it is."""
    actor = user_id(body)
    case_id, round_ = _request(pressed(body))
    with rt.transaction() as session:
        case = apologies.open_request(
            session, policy=rt.policy, case_id=case_id, round_=round_, actor_id=actor
        )
        apologies.approve(session, policy=rt.policy, case=case, actor_id=actor)


def on_open_modal(rt: Runtime, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
    """Edit, Hand to someone else, Escalate: each opens its modal for people who may act."""
    actor = user_id(body)
    case_id, round_ = _request(pressed(body))
    with rt.db.reading() as session:
        case = apologies.open_request(
            session, policy=rt.policy, case_id=case_id, round_=round_, actor_id=actor
        )
        if action["action_id"] == Action.EDIT_APOLOGY:
            report = check_apology(case.apology_draft or "", severity=case.severity)
            suggested = rt.policy.gestures.get(case.severity, ())
            view = apology.edit_view(
                rt.policy, case, report=report, gesture=suggested[0] if suggested else None
            )
        elif action["action_id"] == Action.HAND_APOLOGY:
            view = apology.hand_view(rt.policy, case)
        else:
            view = apology.escalate_view(rt.policy, case)
    open_modal(client, body["trigger_id"], view)


def _still_open(rt: Runtime, view: dict[str, Any], actor: str) -> str | None:
    """The refusal to show inline when the request moved on or this person may not act; else None."""
    try:  # a writer's session: a submission Slack sent twice sees the first one's change once committed
        with rt.db.session() as session:
            case_id, round_ = _request(view.get("private_metadata", ""))
            apologies.open_request(session, policy=rt.policy, case_id=case_id, round_=round_, actor_id=actor)
    except UserError as refusal:
        return str(refusal)
    return None


def on_edited(ack: Ack, rt: Runtime, body: dict[str, Any], view: dict[str, Any]) -> None:
    """Send the edited apology; quality errors block unless "send as written" is ticked."""
    actor = user_id(body)
    text = (field(view, Input.APOLOGY_TEXT) or "").strip()
    as_written = ticked(view, Input.AS_WRITTEN)
    amount, amount_error = _amount(field(view, Input.GESTURE_AMOUNT))
    refusal = _still_open(rt, view, actor)
    errors: dict[str, str] = {}
    if refusal:
        errors[Input.APOLOGY_TEXT] = refusal
    elif not text:
        errors[Input.APOLOGY_TEXT] = "Write the apology."
    else:
        with rt.db.reading() as session:
            report = apologies.check_text(session, case_id=_request(view["private_metadata"])[0], text=text)
        if report.errors and not as_written:
            errors[Input.APOLOGY_TEXT] = " ".join(f"✗ {f.message}" for f in report.errors)[:1900]
    if amount_error:
        errors[Input.GESTURE_AMOUNT] = amount_error
    if errors:
        ack(response_action="errors", errors=errors)
        return
    ack()
    what = (field(view, Input.GESTURE_WHAT) or "").strip()
    case_id, round_ = _request(view["private_metadata"])
    with rt.transaction() as session:
        case = apologies.open_request(
            session, policy=rt.policy, case_id=case_id, round_=round_, actor_id=actor
        )
        apologies.approve(
            session,
            policy=rt.policy,
            case=case,
            actor_id=actor,
            text=text,
            as_written=as_written,
            email=ticked(view, Input.EMAIL_CUSTOMER),
        )
        if what:
            gestures.offer(
                session, policy=rt.policy, case=case, what=what, amount=amount, actor_id=actor, check=False
            )


def on_handed(ack: Ack, rt: Runtime, body: dict[str, Any], view: dict[str, Any]) -> None:
    """Hand the request to the person picked."""
    actor = user_id(body)
    to = field(view, Input.HAND_TO) or ""
    refusal = _still_open(rt, view, actor)
    if refusal is None and rt.policy.level_of(to) is None:
        refusal = f"<@{to}> is not on the apology ladder; pick a leader at this level or higher."
    if refusal:
        ack(response_action="errors", errors={Input.HAND_TO: refusal})
        return
    ack()
    case_id, round_ = _request(view["private_metadata"])
    with rt.transaction() as session:
        case = apologies.open_request(
            session, policy=rt.policy, case_id=case_id, round_=round_, actor_id=actor
        )
        apologies.hand_over(session, policy=rt.policy, case=case, actor_id=actor, to_id=to)


def on_escalated(ack: Ack, rt: Runtime, body: dict[str, Any], view: dict[str, Any]) -> None:
    """Send the request one level up, with the reason."""
    actor = user_id(body)
    reason = (field(view, Input.REASON) or "").strip()
    refusal = _still_open(rt, view, actor) or ("" if reason else "Say why, so the next leader knows.")
    if refusal:
        ack(response_action="errors", errors={Input.REASON: refusal})
        return
    ack()
    case_id, round_ = _request(view["private_metadata"])
    with rt.transaction() as session:
        case = apologies.open_request(
            session, policy=rt.policy, case_id=case_id, round_=round_, actor_id=actor
        )
        apologies.escalate(
            session, policy=rt.policy, case=case, actor_id=actor, reason=f"<@{actor}> escalated it: {reason}"
        )


def on_gesture_decided(rt: Runtime, body: dict[str, Any], action: dict[str, Any]) -> None:
    """Approve or Decline a gesture above someone's limit."""
    with rt.transaction() as session:
        gestures.decide(
            session,
            policy=rt.policy,
            gesture_id=number(pressed(body)),
            approve=action["action_id"] == Action.APPROVE_GESTURE,
            actor_id=user_id(body),
        )


def _amount(text: str | None) -> tuple[Decimal | None, str | None]:
    """The gesture amount typed in the Edit modal, or the problem with it."""
    if not text:
        return None, None
    try:
        value = Decimal(text.replace(",", "").lstrip("$"))
    except InvalidOperation:
        return None, "Write a number, like 25 or 180.50."
    if not value.is_finite():
        return None, "Write a number, like 25 or 180.50."
    return (value, None) if value >= 0 else (None, "An amount cannot be negative.")
