"""Block Kit for something extra above someone's limit: the DM that asks a leader to approve it."""

from decimal import Decimal
from typing import Any

from slack_sdk.models.blocks import ActionsBlock, ButtonElement, MarkdownTextObject, SectionBlock

from bot.policy.model import Policy
from bot.recovery.cases import case_key
from bot.recovery.messages.ids import Action
from bot.recovery.messages.text import SECTION_CHARS, clip
from bot.store.models import Case


def ask_text(policy: Policy, case: Case, *, actor_id: str, label: str, limit: Decimal) -> str:
    """Why this leader is asked: who offers what, above which limit."""
    return (
        f"🎁 <@{actor_id}> would like to give the customer of *{case_key(policy, case)}* something extra: "
        f"*{label}*. That is above their limit of ${limit:,.0f}; yours covers it."
    )


def ask_blocks(text: str, gesture_id: int) -> list[dict[str, Any]]:
    """The request with Approve and Decline."""
    return [
        SectionBlock(text=MarkdownTextObject(text=clip(text, SECTION_CHARS))).to_dict(),
        ActionsBlock(
            elements=[
                ButtonElement(
                    text="Approve", action_id=Action.APPROVE_GESTURE, value=str(gesture_id), style="primary"
                ),
                ButtonElement(text="Decline", action_id=Action.DECLINE_GESTURE, value=str(gesture_id)),
            ]
        ).to_dict(),
    ]
