"""Block Kit for the App Home tab: the viewer's queue and the team's figures."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from slack_sdk.models.blocks import ContextBlock, DividerBlock, HeaderBlock, MarkdownTextObject, SectionBlock
from slack_sdk.models.views import View

from bot.policy.model import Policy
from bot.recovery.cases import case_key
from bot.recovery.customer import redact_contact
from bot.recovery.deadlines import slack_date
from bot.recovery.messages.figures import summary_lines
from bot.recovery.messages.text import clip
from bot.recovery.metrics import Figures
from bot.store.models import Case


@dataclass(frozen=True)
class Queue:
    """What waits on one person (read by bot/recovery/home.py), and their latest cases."""

    apologies: list[Case]  # apology requests asked of them
    fixes: list[Case]  # fixes they own, soonest deadline first
    checkins: list[Case]  # cases whose check-in they were asked and have not answered
    recent: list[Case]  # cases they reported or own


def home_view(policy: Policy, queue: Queue, *, team: Figures | None, now: datetime) -> dict[str, Any]:
    """The Home tab for one person; `team` is how the team did (left out when None)."""
    sections = [
        (
            "Apologies waiting on you",
            [_line(policy, c, "open the DM to approve, edit or hand it over") for c in queue.apologies],
        ),
        ("Fixes you own", [_line(policy, c, _deadline(policy, c, now)) for c in queue.fixes]),
        ("Check-ins due", [_line(policy, c, "is everything okay?") for c in queue.checkins]),
    ]
    blocks: list = [HeaderBlock(text="Waiting on you")]
    for title, lines in sections:
        text = f"*{title}*\n" + ("\n".join(lines) if lines else "_Nothing right now._")
        blocks.append(SectionBlock(text=MarkdownTextObject(text=clip(text, 2900))))
    if queue.recent:
        recent = "\n".join(_line(policy, c, c.status.replace("_", " ")) for c in queue.recent)
        blocks += [
            DividerBlock(),
            SectionBlock(text=MarkdownTextObject(text=clip(f"*Your recent cases*\n{recent}", 2900))),
        ]
    if team is not None:
        blocks += [DividerBlock(), HeaderBlock(text="The team, last 7 days")]
        lines = summary_lines(team, policy=policy)
        blocks.append(SectionBlock(text=MarkdownTextObject(text=clip("\n".join(lines), 2900))))
    blocks.append(
        ContextBlock(
            elements=[
                MarkdownTextObject(text="Log a complaint with `/recover new`; `/recover help` for the rest.")
            ]
        )
    )
    return View(type="home", blocks=blocks).to_dict()


def _line(policy: Policy, case: Case, extra: str) -> str:
    return (
        f"• *{case_key(policy, case)}* ({case.severity}) {clip(redact_contact(case.summary), 80)} — {extra}"
    )


def _deadline(policy: Policy, case: Case, now: datetime) -> str:
    overdue = case.fix_due_at < now
    return ("⚠️ overdue since " if overdue else "due ") + slack_date(case.fix_due_at, policy.timezone)
