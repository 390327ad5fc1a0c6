"""The App Home tab: the viewer's own cases and the team's open cases."""

from typing import Any

from slack_sdk.models.blocks import DividerBlock, HeaderBlock, MarkdownTextObject, SectionBlock
from slack_sdk.models.views import View
from sqlmodel import Session

from bot import blocks, cases
from bot.policy import Policy


def home_view(session: Session, *, policy: Policy, user_id: str) -> dict[str, Any]:
    """The Home tab for one person."""
    mine = cases.list_cases(session, which="mine", user_id=user_id, limit=10)
    open_cases = cases.list_cases(session, which="open", user_id=user_id, limit=10)
    view = View(
        type="home",
        blocks=[
            HeaderBlock(text="Your recoveries"),
            SectionBlock(text=MarkdownTextObject(text=blocks.case_list(policy, mine, "mine"))),
            DividerBlock(),
            HeaderBlock(text="The team's open cases"),
            SectionBlock(text=MarkdownTextObject(text=blocks.case_list(policy, open_cases, "open"))),
            SectionBlock(
                text=MarkdownTextObject(
                    text="Log a complaint with `/recover new`, or post it in a complaints channel."
                )
            ),
        ],
    )
    return view.to_dict()
