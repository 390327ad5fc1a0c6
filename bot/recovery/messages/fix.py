"""Block Kit for fixes: the owner's DM, reminders, the leader's heads-up, and the fix modals."""

from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    DateTimePickerElement,
    InputBlock,
    MarkdownTextObject,
    PlainTextInputElement,
    SectionBlock,
    UserSelectElement,
)
from slack_sdk.models.views import View

from bot.policy.durations import format_duration
from bot.policy.model import Policy
from bot.recovery.cases import case_key
from bot.recovery.customer import redact_contact
from bot.recovery.deadlines import slack_date
from bot.recovery.messages.ids import Action, Input, Modal
from bot.recovery.messages.text import clip, customer_line
from bot.store.models import Case, FixStatus


def fix_buttons(case: Case) -> ActionsBlock:
    """Mark fixed / Need more time, for the owner's DMs."""
    return ActionsBlock(
        block_id=f"fix:{case.id}",
        elements=[
            ButtonElement(
                text="Mark fixed", action_id=Action.MARK_FIXED, value=str(case.id), style="primary"
            ),
            ButtonElement(text="Need more time", action_id=Action.NEED_MORE_TIME, value=str(case.id)),
        ],
    )


def owner_dm(policy: Policy, case: Case, *, assigned_by: str) -> list[dict[str, Any]]:
    """The DM a new fix owner gets: the case, the deadline, what to press."""
    key = case_key(policy, case)
    text = (
        f"<@{assigned_by}> asked you to fix *{key}* ({case.severity}) by "
        f"*{slack_date(case.fix_due_at, policy.timezone)}*.\n>{clip(case.summary, 500)}"
    )
    blocks = [
        SectionBlock(text=MarkdownTextObject(text=text)),
        ContextBlock(elements=[MarkdownTextObject(text=f"*Customer:* {customer_line(case)}")]),
        ContextBlock(
            elements=[
                MarkdownTextObject(
                    text="Fixing it is the bare minimum — and fast matters. I'll remind you before the deadline. "
                    "Press *Mark fixed* when it's done, or *Need more time* with a new date and why."
                )
            ]
        ),
        fix_buttons(case),
    ]
    return [b.to_dict() for b in blocks]


def reminder(
    policy: Policy, case: Case, *, when: str, overdue_for: str = ""
) -> tuple[str, list[dict[str, Any]]]:
    """A reminder to the fix owner: before the deadline, at it, or overdue."""
    key, due = case_key(policy, case), slack_date(case.fix_due_at, policy.timezone)
    lines = {
        "before": f"⏰ Reminder: the fix for *{key}* is due *{due}*.",
        "due": f"⏰ The fix for *{key}* is due *now* ({due}).",
        "overdue": f"⚠️ The fix for *{key}* is *overdue* by {overdue_for} (it was due {due}). The customer is waiting.",
    }
    text = lines[when]
    body = f"{text}\n>{clip(redact_contact(case.summary), 300)}"
    return text, [SectionBlock(text=MarkdownTextObject(text=body)).to_dict(), fix_buttons(case).to_dict()]


def leader_heads_up(policy: Policy, case: Case, *, overdue_for: str) -> str:
    """The leader is told when a fix is far overdue."""
    key = case_key(policy, case)
    return (
        f"⚠️ Heads-up: the fix for *{key}* ({case.severity}) is {overdue_for} overdue. "
        f"<@{case.fix_owner_id}> owns it; it was due {slack_date(case.fix_due_at, policy.timezone)}. "
        "A word from you may unblock it — the customer is still waiting."
    )


def more_time_note(policy: Policy, case: Case, *, actor_id: str, reason: str) -> str:
    """The leader hears when a deadline moves, and why."""
    return (
        f"🕒 <@{actor_id}> moved the fix deadline for *{case_key(policy, case)}* to "
        f"*{slack_date(case.fix_due_at, policy.timezone)}*: {clip(reason, 300)}"
    )


def fixed_dm(policy: Policy, case: Case, *, actor_id: str) -> str:
    """What the owner's DM turns into once the fix is done."""
    note = f": {clip(case.fix_note, 300)}" if case.fix_note else ""
    return f"✅ *{case_key(policy, case)}* marked fixed by <@{actor_id}>{note}. Thank you."


def fix_line(policy: Policy, case: Case) -> str:
    """The fix, as the case card shows it."""
    if case.fix_status == FixStatus.FIXED:
        return f"*Fix* ✅ done {slack_date(case.fixed_at, policy.timezone)} by <@{case.fix_owner_id}>"
    if case.fix_status == FixStatus.ASSIGNED:
        return f"*Fix* <@{case.fix_owner_id}> by {slack_date(case.fix_due_at, policy.timezone)}"
    target = format_duration(policy.rule(case.severity).fix_within)
    return f"*Fix* no owner yet (target: within {target})"


def assign_view(policy: Policy, case: Case, *, initial_due: int) -> dict[str, Any]:
    """The "Assign fix owner" modal: a person and a date-time."""
    view = View(
        type="modal",
        callback_id=Modal.ASSIGN_OWNER,
        title=f"Fix {case_key(policy, case)}"[:24],
        submit="Assign",
        close="Cancel",
        private_metadata=str(case.id),
        blocks=[
            InputBlock(
                block_id=Input.FIX_OWNER,
                label="Who fixes it?",
                element=UserSelectElement(action_id=Input.FIX_OWNER),
            ),
            InputBlock(
                block_id=Input.FIX_DUE,
                label="By when?",
                hint="The owner is reminded before, at and after it.",
                element=DateTimePickerElement(action_id=Input.FIX_DUE, initial_date_time=initial_due),
            ),
        ],
    )
    return view.to_dict()


def more_time_view(policy: Policy, case: Case) -> dict[str, Any]:
    """The "Need more time" modal: a new deadline in plain words and the reason."""
    view = View(
        type="modal",
        callback_id=Modal.MORE_TIME,
        title=f"More time: {case_key(policy, case)}"[:24],
        submit="Move it",
        close="Cancel",
        private_metadata=str(case.id),
        blocks=[
            InputBlock(
                block_id=Input.FIX_DUE,
                label="New deadline",
                hint="For example “tomorrow 5pm”, “fri”, “in 3 days”. Your own time zone.",
                element=PlainTextInputElement(action_id=Input.FIX_DUE, max_length=100),
            ),
            InputBlock(
                block_id=Input.REASON,
                label="Why? (the leader on the case is told)",
                element=PlainTextInputElement(action_id=Input.REASON, max_length=300, multiline=True),
            ),
        ],
    )
    return view.to_dict()
