"""Block Kit for learning from a case: the improvement modal."""

from typing import Any

from slack_sdk.models.blocks import InputBlock, PlainTextInputElement
from slack_sdk.models.views import View

from bot.policy.model import Policy
from bot.recovery.cases import case_key
from bot.recovery.messages import ids
from bot.store.models import Case


def improvement_view(policy: Policy, case: Case) -> dict[str, Any]:
    """Root cause and what we changed so it won't happen again."""
    view = View(
        type="modal",
        callback_id=ids.IMPROVEMENT_VIEW,
        title=f"Learn from {case_key(policy, case)}"[:24],
        submit="Record it",
        close="Cancel",
        private_metadata=str(case.id),
        blocks=[
            InputBlock(
                block_id=ids.ROOT_CAUSE,
                label="Why did it happen? (root cause)",
                element=PlainTextInputElement(action_id=ids.ROOT_CAUSE, multiline=True, max_length=500),
            ),
            InputBlock(
                block_id=ids.CHANGE,
                label="What did we change so it won't happen again?",
                hint="It goes in the case thread, the weekly digest, and the check-in reminders.",
                element=PlainTextInputElement(action_id=ids.CHANGE, multiline=True, max_length=500),
            ),
        ],
    )
    return view.to_dict()
