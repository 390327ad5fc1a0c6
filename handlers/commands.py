"""`/recover`: parse, call a service, answer privately (acknowledged by the app's middleware)."""

from collections.abc import Callable
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.recovery import cases, checkins, closing, fixes, gestures, intake, metrics
from bot.recovery.cases import Complaint
from bot.recovery.customer import extract_customer
from bot.recovery.deadlines import parse_deadline, slack_date
from bot.recovery.messages import card
from bot.recovery.messages.figures import summary_lines
from bot.recovery.messages.ids import RECOVER_COMMAND
from bot.recovery.messages.policy import describe_policy
from bot.recovery.people import zone_in
from bot.slack.client import profiles, respond
from bot.slack.context import Runtime
from bot.slack.grammar import Command, help_text, parse
from bot.store import nudges
from bot.store.models import CheckinOutcome, GestureState, Source, utcnow
from handlers.forms import open_modal
from handlers.guard import guarded

Reply = dict[str, Any] | None


def register(app: App) -> None:
    """Attach the slash command."""
    app.command(RECOVER_COMMAND)(guarded(on_recover))


def on_recover(rt: Runtime, command: dict[str, Any], client: WebClient) -> None:
    """Every `/recover …`: answered through the response_url."""
    parsed = parse(command.get("text", ""), prefix=rt.policy.case_prefix)
    reply = SUBCOMMANDS[parsed.name](rt, parsed, command, client)
    if reply:
        respond(command["response_url"], **reply)


def _help(rt: Runtime, cmd: Command, command: dict[str, Any], client: WebClient) -> Reply:
    return {"text": help_text()}


def _new(rt: Runtime, cmd: Command, command: dict[str, Any], client: WebClient) -> Reply:
    text = cmd.args["text"]
    if not text:
        open_modal(client, command["trigger_id"], card.new_case_view(rt.policy))
        return None
    channel = rt.policy.complaints_channels[0]
    complaint = Complaint(
        text=text,
        reporter_id=command["user_id"],
        source=Source.COMMAND,
        source_key=f"cmd:{command['trigger_id']}",
        customer=extract_customer(text),
    )
    with rt.transaction() as session:
        case, _ = intake.log_complaint(
            session, policy=rt.policy, complaint=complaint, card_channel=channel, card_thread_ts=None
        )
        key, why = cases.case_key(rt.policy, case), "; ".join(case.severity_reasons)
    return {"text": f"Logged *{key}* as *{case.severity}* ({why}). The case card is in <#{channel}>."}


def _list(rt: Runtime, cmd: Command, command: dict[str, Any], client: WebClient) -> Reply:
    which = cmd.args["which"]
    with rt.db.reading() as session:
        found = cases.list_cases(session, which=which, user_id=command["user_id"])
        return {"text": card.case_list(rt.policy, found, which)}


def _show(rt: Runtime, cmd: Command, command: dict[str, Any], client: WebClient) -> Reply:
    with rt.db.reading() as session:
        case = cases.get_case(session, policy=rt.policy, number=cmd.case)
        events, scheduled = cases.timeline(session, case=case), nudges.pending(session, case_id=case.id)
        shown = card.timeline_blocks(rt.policy, case, events, scheduled)
        return {"text": card.card_text(rt.policy, case), "blocks": shown}


def _severity(rt: Runtime, cmd: Command, command: dict[str, Any], client: WebClient) -> Reply:
    with rt.transaction() as session:
        case = intake.change_severity(
            session,
            policy=rt.policy,
            case=cases.get_case(session, policy=rt.policy, number=cmd.case),
            severity=cmd.args["severity"],
            reason=cmd.args["reason"],
            actor_id=command["user_id"],
        )
        key = cases.case_key(rt.policy, case)
    return {"text": f"{key} is now *{case.severity}*. The card and the thread have been updated."}


def _owner(rt: Runtime, cmd: Command, command: dict[str, Any], client: WebClient) -> Reply:
    typer, owner = command["user_id"], cmd.args["owner"]
    found = profiles(client, [typer, owner])
    zone = zone_in(found, typer, rt.policy.timezone)
    due = parse_deadline(cmd.args["when"], zone=zone) if cmd.args["when"] else None
    with rt.transaction() as session:
        case = fixes.assign_owner(
            session,
            policy=rt.policy,
            case=cases.get_case(session, policy=rt.policy, number=cmd.case),
            owner_id=owner,
            due=due,
            actor_id=typer,
            profiles=found,
        )
        key, when = cases.case_key(rt.policy, case), slack_date(case.fix_due_at, rt.policy.timezone)
    return {"text": f"<@{owner}> now owns the fix for *{key}*, due {when}. They have been sent a DM."}


def _due(rt: Runtime, cmd: Command, command: dict[str, Any], client: WebClient) -> Reply:
    typer = command["user_id"]
    found = profiles(client, [typer])
    due = parse_deadline(cmd.args["when"], zone=zone_in(found, typer, rt.policy.timezone))
    with rt.transaction() as session:
        case = fixes.change_due(
            session,
            policy=rt.policy,
            case=cases.get_case(session, policy=rt.policy, number=cmd.case),
            due=due,
            reason="",
            actor_id=typer,
            profiles=found,
        )
        key, when = cases.case_key(rt.policy, case), slack_date(case.fix_due_at, rt.policy.timezone)
    return {"text": f"The fix for *{key}* is now due {when}; reminders follow the new date."}


def _fixed(rt: Runtime, cmd: Command, command: dict[str, Any], client: WebClient) -> Reply:
    with rt.transaction() as session:
        case = cases.get_case(session, policy=rt.policy, number=cmd.case)
        fixes.mark_fixed(
            session, policy=rt.policy, case=case, note=cmd.args["note"], actor_id=command["user_id"]
        )
        key = cases.case_key(rt.policy, case)
    return {"text": f"*{key}* is marked fixed. Reminders have stopped."}


def _gesture(rt: Runtime, cmd: Command, command: dict[str, Any], client: WebClient) -> Reply:
    what, amount = gestures.split_amount(cmd.args["what"])
    with rt.transaction() as session:
        gesture = gestures.offer(
            session,
            policy=rt.policy,
            case=cases.get_case(session, policy=rt.policy, number=cmd.case),
            what=what,
            amount=amount,
            actor_id=command["user_id"],
        )
        if gesture.state == GestureState.PENDING:
            return {
                "text": f"That is above your gesture limit, so <@{gesture.approver_id}> has been asked to approve it."
            }
    return {"text": "Recorded, and the case thread has been told. Something extra is what earns the bounce."}


def _checkin(rt: Runtime, cmd: Command, command: dict[str, Any], client: WebClient) -> Reply:
    outcome = CheckinOutcome(cmd.args["outcome"])
    with rt.transaction() as session:
        case = checkins.record_outcome(
            session,
            policy=rt.policy,
            case=cases.get_case(session, policy=rt.policy, number=cmd.case),
            outcome=outcome,
            note=cmd.args["note"],
            actor_id=command["user_id"],
        )
        key = cases.case_key(rt.policy, case)
    return {"text": f"Check-in recorded on *{key}*: {outcome.label}."}


def _improve(rt: Runtime, cmd: Command, command: dict[str, Any], client: WebClient) -> Reply:
    with rt.transaction() as session:
        case = closing.improve(
            session,
            policy=rt.policy,
            case=cases.get_case(session, policy=rt.policy, number=cmd.case),
            root_cause=cmd.args["root_cause"],
            change=cmd.args["change"],
            actor_id=command["user_id"],
        )
        key = cases.case_key(rt.policy, case)
    return {"text": f"Recorded on *{key}*, and the thread has been told. That is how it won't happen again."}


def _close(rt: Runtime, cmd: Command, command: dict[str, Any], client: WebClient) -> Reply:
    with rt.transaction() as session:
        case = cases.get_case(session, policy=rt.policy, number=cmd.case)
        closing.close(session, policy=rt.policy, case=case, actor_id=command["user_id"])
        key = cases.case_key(rt.policy, case)
    return {"text": f"*{key}* is closed. Thank you for seeing it through."}


def _reopen(rt: Runtime, cmd: Command, command: dict[str, Any], client: WebClient) -> Reply:
    with rt.transaction() as session:
        case = cases.get_case(session, policy=rt.policy, number=cmd.case)
        closing.reopen(
            session, policy=rt.policy, case=case, reason=cmd.args["reason"], actor_id=command["user_id"]
        )
        key = cases.case_key(rt.policy, case)
    return {"text": f"*{key}* is reopened."}


def _stats(rt: Runtime, cmd: Command, command: dict[str, Any], client: WebClient) -> Reply:
    since, until = metrics.window(cmd.args["period"], now=utcnow())
    with rt.db.reading() as session:
        figures = metrics.figures(session, policy=rt.policy, since=since, until=until)
    lines = summary_lines(figures, policy=rt.policy)
    return {"text": f"*How we did, last {cmd.args['period']}*\n" + "\n".join(lines)}


def _policy(rt: Runtime, cmd: Command, command: dict[str, Any], client: WebClient) -> Reply:
    return {"text": "\n".join(describe_policy(rt.policy))}


SUBCOMMANDS: dict[str, Callable[[Runtime, Command, dict[str, Any], WebClient], Reply]] = {
    "help": _help,
    "new": _new,
    "list": _list,
    "show": _show,
    "severity": _severity,
    "owner": _owner,
    "due": _due,
    "fixed": _fixed,
    "gesture": _gesture,
    "checkin": _checkin,
    "improve": _improve,
    "close": _close,
    "reopen": _reopen,
    "stats": _stats,
    "policy": _policy,
}
