"""Block Kit for apologies: the request DM a leader acts on, and its modals."""

from typing import Any

from slack_sdk.models.blocks import (
    CheckboxesElement,
    ContextBlock,
    InputBlock,
    MarkdownTextObject,
    NumberInputElement,
    Option,
    PlainTextInputElement,
    UserSelectElement,
)
from slack_sdk.models.views import View

from bot.policy.durations import format_duration
from bot.policy.model import Policy
from bot.recovery.cases import case_key
from bot.recovery.messages import blocks as kit
from bot.recovery.messages.ids import Action, Input, Modal
from bot.recovery.messages.text import INPUT_CHARS, SECTION_CHARS, clip, customer_line, quote
from bot.recovery.quality.findings import Report
from bot.store.models import Case


def findings(report: Report) -> str:
    """The quality check, as a leader reads it."""
    lines = report.lines()
    return (
        "*Quality check:* "
        + ("✓ owns it, names the harm, says how and when we fix it" if not lines else "")
        + ("\n" + "\n".join(lines) if lines else "")
    )


def request(policy: Policy, case: Case, *, report: Report, reason: str) -> tuple[str, list[dict[str, Any]]]:
    """The apology request DM: the case, why this level, the draft, its check, and four buttons."""
    key, level = case_key(policy, case), policy.level(case.apology_level)
    within = format_duration(policy.rule(case.severity).respond_within)
    up = policy.next_level(level.level)
    later = f"it goes to the {up.title.lower()}" if up else "it is sent again"
    link = f" · <{case.permalink}|the complaint>" if case.permalink else ""
    value = f"{case.id}:{case.apology_round}"
    blocks = [  # plain dicts: drawn for every new case (bot/recovery/messages/blocks.py)
        kit.header(clip(f"Apology needed: {key} ({case.severity})", 150)),
        kit.section(
            clip(
                f"A customer deserves an apology from a *{level.title.lower()}*: {reason}.\n"
                f"Please act within *{within}*; after that {later}.\n{quote(case.summary, 600)}",
                SECTION_CHARS,
            )
        ),
        kit.context(
            f"*Customer:* {customer_line(case)}{link} · *Why {case.severity}:* "
            + clip("; ".join(case.severity_reasons), 300)
        ),
        kit.section("*Draft apology*\n" + quote(case.apology_draft or "", 2500)),
        kit.context(clip(findings(report), 1900)),
        kit.actions(
            f"apology:{case.id}",
            [
                kit.button("Approve & send", action_id=Action.APPROVE_APOLOGY, value=value, style="primary"),
                kit.button("Edit", action_id=Action.EDIT_APOLOGY, value=value),
                kit.button("Hand to someone else", action_id=Action.HAND_APOLOGY, value=value),
                kit.button("Escalate", action_id=Action.ESCALATE_APOLOGY, value=value),
            ],
        ),
    ]
    return f"Apology needed: {key} ({case.severity})", blocks


def moved_on(reason: str) -> str:
    """What an earlier request DM turns into once the request has moved."""
    return f"⏫ This apology request has moved on: {reason}."


def approved_note(policy: Policy, case: Case, *, actor_id: str, emailed: bool = False) -> str:
    """What the request DM turns into once approved."""
    mailed = ", and is on its way to the customer by e-mail" if emailed else ""
    return (
        f"✅ The apology for *{case_key(policy, case)}* was approved by <@{actor_id}> and posted in the case "
        f"thread{mailed}."
    )


def reporter_told(policy: Policy, case: Case, *, actor_id: str, title: str, emailed: bool = False) -> str:
    """The reporter hears their customer has the apology."""
    mailed = " We are e-mailing it to the customer too." if emailed else ""
    return (
        f"💬 *{case_key(policy, case)}* has its apology, approved by <@{actor_id}> ({title}). "
        f"It is in the case thread.{mailed}"
    )


def posted(case: Case, *, text: str, approver: str, title: str, waited: str) -> str:
    """The apology as posted in the case thread, signed, with how long it took."""
    customer = clip(case.customer_name or "the customer", 150)
    return (
        f"💬 *Apology* for {customer}, approved by <@{approver}> ({clip(title, 150)}), "
        f"{clip(waited, 50)} after the complaint:\n{quote(text, 3500)}"
    )


def edit_view(policy: Policy, case: Case, *, report: Report, gesture: str | None) -> dict[str, Any]:
    """The Edit modal: the draft, its check, something extra, and "send as written"."""
    view = View(
        type="modal",
        callback_id=Modal.EDIT_APOLOGY,
        title=clip(f"Apology {case_key(policy, case)}", 24),
        submit="Approve & send",
        close="Cancel",
        private_metadata=f"{case.id}:{case.apology_round}",
        blocks=[
            InputBlock(
                block_id=Input.APOLOGY_TEXT,
                label="The apology",
                element=PlainTextInputElement(
                    action_id=Input.APOLOGY_TEXT,
                    multiline=True,
                    max_length=3000,
                    initial_value=clip(case.apology_draft or "", INPUT_CHARS),
                ),
            ),
            ContextBlock(elements=[MarkdownTextObject(text=clip(findings(report), 1900))]),
            InputBlock(
                block_id=Input.GESTURE_WHAT,
                label="Something extra (optional)",
                optional=True,
                hint="A refund, a credit, a personal call… Above your gesture limit it goes for approval.",
                element=PlainTextInputElement(
                    action_id=Input.GESTURE_WHAT,
                    max_length=200,
                    initial_value=clip(gesture or "", 200) or None,
                ),
            ),
            InputBlock(
                block_id=Input.GESTURE_AMOUNT,
                label="Amount (optional)",
                optional=True,
                element=NumberInputElement(
                    action_id=Input.GESTURE_AMOUNT, is_decimal_allowed=True, min_value="0"
                ),
            ),
            *_email_choice(policy, case),
            InputBlock(
                block_id=Input.AS_WRITTEN,
                label="Quality errors",
                optional=True,
                element=CheckboxesElement(
                    action_id=Input.AS_WRITTEN,
                    options=[Option(text="Send as written, even with errors", value="yes")],
                ),
            ),
        ],
    )
    return view.to_dict()


def _email_choice(policy: Policy, case: Case) -> list[InputBlock]:
    """The choice to e-mail the apology to the customer, ticked, when they have an address and e-mail is on."""
    if not (policy.customer_email.apology and case.customer_email):
        return []
    option = Option(text="Send it to the customer by e-mail", value="yes")
    return [
        InputBlock(
            block_id=Input.EMAIL_CUSTOMER,
            label="The customer",
            optional=True,
            hint="From you, to the address on the case; their reply comes to you.",
            element=CheckboxesElement(
                action_id=Input.EMAIL_CUSTOMER, options=[option], initial_options=[option]
            ),
        )
    ]


def hand_view(policy: Policy, case: Case) -> dict[str, Any]:
    """Hand the request to someone at the same level or higher."""
    level = policy.level(case.apology_level)
    view = View(
        type="modal",
        callback_id=Modal.HAND_APOLOGY,
        title=clip(f"Hand over {case_key(policy, case)}", 24),
        submit="Hand it over",
        close="Cancel",
        private_metadata=f"{case.id}:{case.apology_round}",
        blocks=[
            InputBlock(
                block_id=Input.HAND_TO,
                label="Who should apologize?",
                hint=f"Someone at {level.title.lower()} level or higher.",
                element=UserSelectElement(action_id=Input.HAND_TO),
            )
        ],
    )
    return view.to_dict()


def escalate_view(policy: Policy, case: Case) -> dict[str, Any]:
    """Escalate the request one level up, with a reason."""
    up = policy.next_level(case.apology_level)
    view = View(
        type="modal",
        callback_id=Modal.ESCALATE_APOLOGY,
        title=clip(f"Escalate {case_key(policy, case)}", 24),
        submit="Escalate",
        close="Cancel",
        private_metadata=f"{case.id}:{case.apology_round}",
        blocks=[
            InputBlock(
                block_id=Input.REASON,
                label=f"Why should a {up.title.lower() if up else 'higher level'} apologize?",
                element=PlainTextInputElement(action_id=Input.REASON, max_length=300, multiline=True),
            )
        ],
    )
    return view.to_dict()
