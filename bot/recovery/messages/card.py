"""Block Kit builders: pure functions from cases and policy to blocks and views."""

from typing import Any

from slack_sdk.models.blocks import (
    ConversationSelectElement,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.policy.durations import format_duration
from bot.policy.model import SEVERITIES, Policy
from bot.recovery.cases import case_key
from bot.recovery.customer import redact_contact
from bot.recovery.deadlines import slack_date
from bot.recovery.messages import blocks as kit
from bot.recovery.messages.fix import fix_line
from bot.recovery.messages.ids import Action, Input, Modal
from bot.recovery.messages.text import CONTACT_CHARS, clip, contact, quote
from bot.recovery.routing import apology_level, leader_for
from bot.store.models import ApologyState, Case, EventKind, MailState, Nudge, NudgeKind, Source, TimelineEvent

SEVERITY_ICON = {"minor": "🟢", "moderate": "🟡", "major": "🟠", "critical": "🔴"}
CARD_SUMMARY_CHARS = 600


def severity_label(severity: str) -> str:
    """🟠 Major."""
    return f"{SEVERITY_ICON.get(severity, '')} {severity.capitalize()}".strip()


EMAIL_STATE = {  # the apology's e-mail to the customer, as the card shows it
    MailState.SENDING: " · 📧 e-mail on its way",
    MailState.DELIVERED: " · 📧 delivered to the customer",
    MailState.FAILED: " · 📧 e-mail could not be delivered",
}


def apology_line(policy: Policy, case: Case) -> str:
    """Who has been asked to apologize and how soon, or who did."""
    if case.apology_state == ApologyState.APPROVED:
        mailed = EMAIL_STATE.get(case.apology_email, "")
        return f"*Apology* ✅ by <@{case.apology_by}> {slack_date(case.apology_at, policy.timezone)}{mailed}"
    rule = policy.rule(case.severity)
    level = policy.level(case.apology_level) if case.apology_level else apology_level(policy, case)
    asked = case.apology_leader_id or leader_for(policy, case)
    return f"*Apology* <@{asked}> ({level.title}) is asked to apologize within {format_duration(rule.respond_within)}"


def card_text(policy: Policy, case: Case) -> str:
    """The notification text of the case card (what shows in a push notification)."""
    return f"{case_key(policy, case)} · {case.severity}: {clip(redact_contact(case.summary), 150)}"


def case_card(policy: Policy, case: Case) -> list[dict[str, Any]]:
    """The case card posted in the case's thread: id, severity and why, who apologizes, buttons."""
    key = case_key(policy, case)
    why = redact_contact("; ".join(case.severity_reasons)) or "no reason recorded"
    facts = [f"*Reported by* <@{case.reporter_id}>"]
    if case.customer_name:
        facts.append(f"*Customer* {clip(case.customer_name, 80)}")
    facts.append(f"*Status* {case.status.replace('_', ' ')}")
    case_id = str(case.id)
    blocks = [  # plain dicts: drawn for every new case (bot/recovery/messages/blocks.py)
        kit.section(
            f"*{key}* · *{severity_label(case.severity)}*\n{quote(redact_contact(case.summary), CARD_SUMMARY_CHARS)}"
        ),
        kit.context(f"*Why {case.severity}:* {clip(why, 500)}"),
        kit.section("   ·   ".join(facts)),
        kit.context(apology_line(policy, case)),
        kit.context(fix_line(policy, case)),
        kit.actions(
            f"case:{case.id}",
            [
                kit.button("Change severity", action_id=Action.CHANGE_SEVERITY, value=case_id),
                kit.button("Assign fix owner", action_id=Action.ASSIGN_OWNER, value=case_id),
                kit.button("Edit details", action_id=Action.EDIT_DETAILS, value=case_id),
                kit.button("Record improvement", action_id=Action.RECORD_IMPROVEMENT, value=case_id),
            ],
        ),
    ]
    if case.permalink and case.source != Source.CHANNEL:
        blocks.insert(2, kit.context(f"<{case.permalink}|Original message>"))
    return blocks


def timeline_blocks(
    policy: Policy, case: Case, events: list[TimelineEvent], scheduled: list[Nudge]
) -> list[dict[str, Any]]:
    """The case card followed by its timeline and what is scheduled, for `/recover show`."""
    lines = [f"{slack_date(e.at, policy.timezone)} · {_event_line(e)}" for e in events[-40:]]
    text = "*Timeline*\n" + "\n".join(lines) if lines else "*Timeline*: nothing yet"
    card = case_card(policy, case)[:-1]  # the buttons belong in the thread, not in a private reply
    shown = [*card, SectionBlock(text=MarkdownTextObject(text=clip(text, 2900))).to_dict()]
    if scheduled:
        upcoming = [f"{slack_date(n.due_at, policy.timezone)} · {_nudge_line(n)}" for n in scheduled[:15]]
        shown.append(
            SectionBlock(text=MarkdownTextObject(text="*Scheduled*\n" + "\n".join(upcoming))).to_dict()
        )
    return shown


def _nudge_line(nudge: Nudge) -> str:
    who = f"<@{nudge.recipient_id}>" if nudge.recipient_id else "the team"
    labels = {
        NudgeKind.FIX_REMINDER: f"fix reminder to {who}",
        NudgeKind.FIX_ESCALATE: f"heads-up to {who} if the fix is still late",
    }
    return labels.get(nudge.kind, f"{nudge.kind} for {who}")


def _event_line(event: TimelineEvent) -> str:
    who = f"<@{event.actor_id}> " if event.actor_id else ""
    labels = {
        EventKind.LOGGED: "logged it",
        EventKind.NOTE: "noted",
        EventKind.SEVERITY: "changed severity",
        EventKind.DETAILS: "edited",
        EventKind.OWNER: "assigned the fix",
        EventKind.DEADLINE: "moved the deadline",
        EventKind.FIXED: "marked it fixed",
        EventKind.REMINDER: "reminder",
        EventKind.ESCALATED: "escalated",
        EventKind.DEFERRED: "quiet hours",
        EventKind.APOLOGY_REQUESTED: "apology requested",
        EventKind.APOLOGIZED: "apologized",
        EventKind.GESTURE: "something extra",
        EventKind.GESTURE_REQUESTED: "asked to approve a gesture",
        EventKind.GESTURE_APPROVED: "approved the gesture",
        EventKind.GESTURE_DECLINED: "declined the gesture",
        EventKind.CHECKIN_ASKED: "check-in due",
        EventKind.EMAILED: "e-mail",
        EventKind.CHECKIN: "checked in",
        EventKind.IMPROVEMENT: "what we changed",
        EventKind.CLOSED: "closed it",
        EventKind.REOPENED: "reopened it",
    }
    return clip(f"{who}{labels.get(event.kind, event.kind)}: {redact_contact(event.text)}", 300)


def case_list(policy: Policy, cases: list[Case], which: str) -> str:
    """One line per case for `/recover list`."""
    if not cases:
        return f"No {which} cases." if which != "all" else "No cases yet."
    lines = [
        f"• *{case_key(policy, c)}* {severity_label(c.severity)} — {clip(redact_contact(c.summary), 90)}"
        f" ({c.status.replace('_', ' ')})"
        for c in cases
    ]
    return f"*{which.capitalize()} cases* ({len(cases)})\n" + "\n".join(lines)


def _severity_options(blank: str | None = None) -> list[Option]:
    options = [Option(text=severity_label(s), value=s) for s in SEVERITIES]
    return ([Option(text=blank, value="auto")] if blank else []) + options


def new_case_view(
    policy: Policy, *, summary: str = "", customer_name: str = "", contact: str = "", metadata: str = ""
) -> dict[str, Any]:
    """The `/recover new` and "Log as complaint" modal."""
    channel = policy.complaints_channels[0]
    blocks = [
        InputBlock(
            block_id=Input.SUMMARY,
            label="What went wrong for the customer?",
            element=PlainTextInputElement(
                action_id=Input.SUMMARY,
                multiline=True,
                max_length=3000,
                initial_value=clip(summary, 3000) or None,
            ),
        ),
        InputBlock(
            block_id=Input.CUSTOMER_NAME,
            label="Customer name",
            optional=True,
            element=PlainTextInputElement(
                action_id=Input.CUSTOMER_NAME, max_length=200, initial_value=clip(customer_name, 200) or None
            ),
        ),
        InputBlock(
            block_id=Input.CUSTOMER_CONTACT,
            label="Customer contact (e-mail or phone)",
            hint="Kept private: shown only to the people on the case, never in a channel.",
            optional=True,
            element=PlainTextInputElement(
                action_id=Input.CUSTOMER_CONTACT,
                max_length=CONTACT_CHARS,
                initial_value=clip(contact, CONTACT_CHARS) or None,
            ),
        ),
        InputBlock(
            block_id=Input.SEVERITY,
            label="Severity",
            optional=True,
            hint="Leave it blank and Bounceback triages it for you, and says why.",
            element=StaticSelectElement(
                action_id=Input.SEVERITY,
                placeholder="Triage it for me",
                options=_severity_options("Triage it for me"),
            ),
        ),
        InputBlock(
            block_id=Input.CARD_CHANNEL,
            label="Post the case card in",
            element=ConversationSelectElement(action_id=Input.CARD_CHANNEL, initial_conversation=channel),
        ),
    ]
    view = View(
        type="modal",
        callback_id=Modal.NEW_CASE,
        title="Log a complaint",
        submit="Log it",
        close="Cancel",
        private_metadata=metadata,
        blocks=blocks,
    )
    return view.to_dict()


def details_view(policy: Policy, case: Case) -> dict[str, Any]:
    """The "Edit details" modal (summary and customer, contact included: modals are private)."""
    view = new_case_view(
        policy,
        summary=case.summary,
        customer_name=case.customer_name or "",
        contact=contact(case.customer_email, case.customer_phone),
        metadata=str(case.id),
    )
    view.update(
        callback_id=Modal.DETAILS,
        title={"type": "plain_text", "text": f"Edit {case_key(policy, case)}"[:24]},
    )
    view["submit"] = {"type": "plain_text", "text": "Save"}
    view["blocks"] = view["blocks"][:3]
    return view
