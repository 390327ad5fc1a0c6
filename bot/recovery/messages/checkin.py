"""Block Kit for check-ins: the DM that asks whoever apologized "is everything okay?"."""

from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    MarkdownTextObject,
    SectionBlock,
)

from bot.policy.model import Policy
from bot.recovery.cases import case_key
from bot.recovery.messages.ids import Action
from bot.recovery.messages.text import SECTION_CHARS, clip, customer_line
from bot.store.models import Case


def checkin_dm(
    policy: Policy, case: Case, *, nudge_key: str, changes: list[str], emailed: bool = False
) -> tuple[str, list[dict[str, Any]]]:
    """The check-in DM: what was fixed and what we changed (to tell the customer), and the three answers.

    It goes to the person who apologized, so it carries the customer's contact details.
    """
    customer = case.customer_name or "the customer"
    text = f"Time to check in with {customer} about {case_key(policy, case)}: is everything okay?"
    lines = [f"*{text}*", f"*What we fixed:* {clip(case.fix_note or 'the fix was marked done', 1000)}"]
    lines.append(
        f"*What we changed so it won't happen again:* {clip('; '.join(changes), 1200)}"
        if changes
        else "*What we changed:* nothing recorded yet — tell them when it is."
    )
    if emailed:
        lines.append(
            "📧 We also asked them by e-mail; their answer will show here when it comes, or answer for them below."
        )
    blocks = [
        SectionBlock(text=MarkdownTextObject(text=clip("\n".join(lines), SECTION_CHARS))),
        ContextBlock(elements=[MarkdownTextObject(text=f"*Customer:* {customer_line(case)}")]),
        ActionsBlock(
            elements=[
                ButtonElement(text="All good", action_id=Action.CHECKIN_OK, value=nudge_key, style="primary"),
                ButtonElement(
                    text="Still unhappy", action_id=Action.CHECKIN_UNHAPPY, value=nudge_key, style="danger"
                ),
                ButtonElement(
                    text="Couldn't reach them", action_id=Action.CHECKIN_UNREACHABLE, value=nudge_key
                ),
            ]
        ),
    ]
    return text, [block.to_dict() for block in blocks]
