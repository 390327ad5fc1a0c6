"""Apology requests and gestures: buttons in leaders' DMs and their modals."""

from decimal import Decimal, InvalidOperation
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.recovery import apologies, gestures
from bot.recovery.cases import case_key
from bot.recovery.errors import UserError
from bot.recovery.messages import apology, ids
from bot.recovery.quality.check import check_apology
from bot.runtime import Runtime
from handlers.forms import field, open_modal, user_id
from handlers.guard import guarded


def register(app: App) -> None:
    """Attach the apology and gesture listeners."""
    app.action(ids.APPROVE_APOLOGY)(guarded(on_approve))
    for action_id in (ids.EDIT_APOLOGY, ids.HAND_APOLOGY, ids.ESCALATE_APOLOGY):
        app.action(action_id)(guarded(on_open_modal))
    app.view(ids.EDIT_APOLOGY_VIEW)(guarded(on_edited))
    app.view(ids.HAND_APOLOGY_VIEW)(guarded(on_handed))
    app.view(ids.ESCALATE_APOLOGY_VIEW)(guarded(on_escalated))
    app.action(ids.APPROVE_GESTURE)(guarded(on_gesture_decided))
    app.action(ids.DECLINE_GESTURE)(guarded(on_gesture_decided))


def _request(value: str) -> tuple[int, int]:
    case_id, _, round_ = value.partition(":")
    if not (case_id.isdigit() and round_.isdigit()):
        raise UserError("That button is not one of ours.")
    return int(case_id), int(round_)


def on_approve(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Approve & send: the draft goes to the case thread as it is."""
    ack()
    rt, actor = context["rt"], user_id(body)
    case_id, round_ = _request(action.get("value", ""))
    with rt.transaction() as session:
        case = apologies.open_request(
            session, policy=rt.policy, case_id=case_id, round_=round_, actor_id=actor
        )
        apologies.approve(session, policy=rt.policy, case=case, actor_id=actor)


def on_open_modal(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Edit, Hand to someone else, Escalate: each opens its modal for people who may act."""
    ack()
    rt, actor = context["rt"], user_id(body)
    case_id, round_ = _request(action.get("value", ""))
    with rt.db.reading() as session:
        case = apologies.open_request(
            session, policy=rt.policy, case_id=case_id, round_=round_, actor_id=actor
        )
        if action["action_id"] == ids.EDIT_APOLOGY:
            report = check_apology(case.apology_draft or "", severity=case.severity)
            suggested = rt.policy.gestures.get(case.severity, ())
            view = apology.edit_view(
                rt.policy, case, report=report, gesture=suggested[0] if suggested else None
            )
        elif action["action_id"] == ids.HAND_APOLOGY:
            view = apology.hand_view(rt.policy, case)
        else:
            view = apology.escalate_view(rt.policy, case)
    open_modal(client, body["trigger_id"], view)


def _still_open(rt: Runtime, view: dict[str, Any], actor: str) -> str | None:
    """The refusal to show inline when the request moved on or this person may not act; else None."""
    try:  # a writer's session: a submission Slack sent twice sees the first one's change once committed
        with rt.db.session() as session:
            apologies.open_request(
                session, policy=rt.policy, case_id=_meta(view)[0], round_=_meta(view)[1], actor_id=actor
            )
    except UserError as refusal:
        return str(refusal)
    return None


def _meta(view: dict[str, Any]) -> tuple[int, int]:
    return _request(view.get("private_metadata", ""))


def on_edited(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Send the edited apology; quality errors block unless "send as written" is ticked."""
    rt, actor = context["rt"], user_id(body)
    text = (field(view, ids.APOLOGY_TEXT) or "").strip()
    as_written = _ticked(view, ids.AS_WRITTEN)
    amount, amount_error = _amount(field(view, ids.GESTURE_AMOUNT))
    refusal = _still_open(rt, view, actor)
    errors: dict[str, str] = {}
    if refusal:
        errors[ids.APOLOGY_TEXT] = refusal
    elif not text:
        errors[ids.APOLOGY_TEXT] = "Write the apology."
    else:
        with rt.db.reading() as session:
            report = apologies.check_text(session, case_id=_meta(view)[0], text=text)
        if report.errors and not as_written:
            errors[ids.APOLOGY_TEXT] = " ".join(f"✗ {f.message}" for f in report.errors)[:1900]
    if amount_error:
        errors[ids.GESTURE_AMOUNT] = amount_error
    if errors:
        ack(response_action="errors", errors=errors)
        return
    ack()
    what = (field(view, ids.GESTURE_WHAT) or "").strip()
    with rt.transaction() as session:
        case_id, round_ = _meta(view)
        case = apologies.open_request(
            session, policy=rt.policy, case_id=case_id, round_=round_, actor_id=actor
        )
        apologies.approve(
            session, policy=rt.policy, case=case, actor_id=actor, text=text, as_written=as_written
        )
        if what:
            key = case_key(rt.policy, case)
            gestures.offer(
                session, policy=rt.policy, key=key, what=what, amount=amount, actor_id=actor, check=False
            )


def on_handed(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Hand the request to the person picked."""
    rt, actor = context["rt"], user_id(body)
    to = field(view, ids.HAND_TO) or ""
    refusal = _still_open(rt, view, actor)
    level = rt.policy.level_of(to)
    if refusal is None and level is None:
        refusal = f"<@{to}> is not on the apology ladder; pick a leader at this level or higher."
    if refusal:
        ack(response_action="errors", errors={ids.HAND_TO: refusal})
        return
    ack()
    with rt.transaction() as session:
        case_id, round_ = _meta(view)
        case = apologies.open_request(
            session, policy=rt.policy, case_id=case_id, round_=round_, actor_id=actor
        )
        apologies.hand_over(session, policy=rt.policy, case=case, actor_id=actor, to_id=to)


def on_escalated(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Send the request one level up, with the reason."""
    rt, actor = context["rt"], user_id(body)
    reason = (field(view, ids.REASON) or "").strip()
    refusal = _still_open(rt, view, actor) or ("" if reason else "Say why, so the next leader knows.")
    if refusal:
        ack(response_action="errors", errors={ids.REASON: refusal})
        return
    ack()
    with rt.transaction() as session:
        case_id, round_ = _meta(view)
        case = apologies.open_request(
            session, policy=rt.policy, case_id=case_id, round_=round_, actor_id=actor
        )
        apologies.escalate(
            session, policy=rt.policy, case=case, actor_id=actor, reason=f"<@{actor}> escalated it: {reason}"
        )


def on_gesture_decided(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Approve or Decline a gesture above someone's limit."""
    ack()
    rt = context["rt"]
    value = action.get("value", "")
    if not (value.isascii() and value.isdigit() and len(value) <= 9):
        raise UserError("That button is not one of ours.")
    with rt.transaction() as session:
        gestures.decide(
            session,
            policy=rt.policy,
            gesture_id=int(value),
            approve=action["action_id"] == ids.APPROVE_GESTURE,
            actor_id=user_id(body),
        )


def _ticked(view: dict[str, Any], block_id: str) -> bool:
    element = next(iter(view.get("state", {}).get("values", {}).get(block_id, {}).values()), None) or {}
    return bool(element.get("selected_options"))


def _amount(text: str | None) -> tuple[Decimal | None, str | None]:
    if not text:
        return None, None
    try:
        value = Decimal(text.replace(",", "").lstrip("$"))
    except InvalidOperation:
        return None, "Write a number, like 25 or 180.50."
    if not value.is_finite():
        return None, "Write a number, like 25 or 180.50."
    return (value, None) if value >= 0 else (None, "An amount cannot be negative.")
