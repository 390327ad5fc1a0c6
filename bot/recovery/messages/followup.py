"""Block Kit for learning from a case: the improvement modal, and the refusal to close without one."""

from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    InputBlock,
    MarkdownTextObject,
    PlainTextInputElement,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.policy.model import Policy
from bot.recovery.cases import case_key
from bot.recovery.messages.ids import Action, Input, Modal
from bot.recovery.messages.text import SECTION_CHARS, clip
from bot.store.models import Case


def improvement_view(policy: Policy, case: Case) -> dict[str, Any]:
    """Root cause and what we changed so it won't happen again."""
    view = View(
        type="modal",
        callback_id=Modal.IMPROVEMENT,
        title=f"Learn from {case_key(policy, case)}"[:24],
        submit="Record it",
        close="Cancel",
        private_metadata=str(case.id),
        blocks=[
            InputBlock(
                block_id=Input.ROOT_CAUSE,
                label="Why did it happen? (root cause)",
                element=PlainTextInputElement(action_id=Input.ROOT_CAUSE, multiline=True, max_length=500),
            ),
            InputBlock(
                block_id=Input.CHANGE,
                label="What did we change so it won't happen again?",
                hint="It goes in the case thread, the weekly digest, and the check-in reminders.",
                element=PlainTextInputElement(action_id=Input.CHANGE, multiline=True, max_length=500),
            ),
        ],
    )
    return view.to_dict()


def improvement_prompt(case_id: int, *, message: str) -> list[dict[str, Any]]:
    """A message with the "Record improvement" button."""
    return [
        SectionBlock(text=MarkdownTextObject(text=clip(message, SECTION_CHARS))).to_dict(),
        ActionsBlock(
            elements=[
                ButtonElement(
                    text="Record improvement", action_id=Action.RECORD_IMPROVEMENT, value=str(case_id)
                )
            ]
        ).to_dict(),
    ]
