"""The App Home tab: what is waiting on the viewer, and how the team is doing."""

from typing import Any

from slack_sdk.models.blocks import ContextBlock, DividerBlock, HeaderBlock, MarkdownTextObject, SectionBlock
from slack_sdk.models.views import View
from sqlmodel import Session, col, select

from bot.policy.model import Policy
from bot.recovery.cases import case_key, list_cases
from bot.recovery.customer import redact_contact
from bot.recovery.deadlines import slack_date
from bot.store.models import Case, Nudge, TimelineEvent, utcnow
from bot.store.outbox import owe

SHOWN = 10


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _line(policy: Policy, case: Case, extra: str) -> str:
    return f"• *{case_key(policy, case)}* ({case.severity}) {_clip(redact_contact(case.summary))} — {extra}"


def checkins_due(session: Session, *, user_id: str) -> list[Nudge]:
    """Check-ins asked of this person and not answered yet."""
    query = select(Nudge).where(Nudge.kind == "checkin", Nudge.state == "done", Nudge.recipient_id == user_id)
    asked = list(session.exec(query.order_by(col(Nudge.fired_at).desc()).limit(50)))
    answers = select(TimelineEvent).where(
        TimelineEvent.kind == "checkin", col(TimelineEvent.case_id).in_({n.case_id for n in asked})
    )
    answered = {e.data.get("key") for e in session.exec(answers)}
    return [n for n in asked if n.key not in answered]


def home_view(
    session: Session, *, policy: Policy, user_id: str, team: list[str] | None = None
) -> dict[str, Any]:
    """The Home tab for one person; `team` is the team's figures as mrkdwn lines."""
    waiting = session.exec(
        select(Case).where(Case.apology_state == "requested", Case.apology_leader_id == user_id).limit(SHOWN)
    ).all()
    owned = session.exec(
        select(Case)
        .where(Case.fix_status == "assigned", Case.fix_owner_id == user_id)
        .order_by(col(Case.fix_due_at))
        .limit(SHOWN)
    ).all()
    due = checkins_due(session, user_id=user_id)[:SHOWN]
    now = utcnow()
    sections = [
        (
            "Apologies waiting on you",
            [_line(policy, c, "open the DM to approve, edit or hand it over") for c in waiting],
        ),
        (
            "Fixes you own",
            [
                _line(
                    policy,
                    c,
                    ("⚠️ overdue since " if c.fix_due_at < now else "due ")
                    + slack_date(c.fix_due_at, policy.timezone),
                )
                for c in owned
            ],
        ),
        ("Check-ins due", [_line(policy, session.get(Case, n.case_id), "is everything okay?") for n in due]),
    ]
    blocks: list = [HeaderBlock(text="Waiting on you")]
    for title, lines in sections:
        text = f"*{title}*\n" + ("\n".join(lines) if lines else "_Nothing right now._")
        blocks.append(SectionBlock(text=MarkdownTextObject(text=text[:2900])))
    mine = list_cases(session, which="mine", user_id=user_id, limit=5)
    if mine:
        recent = "\n".join(_line(policy, c, c.status.replace("_", " ")) for c in mine)
        blocks += [
            DividerBlock(),
            SectionBlock(text=MarkdownTextObject(text=f"*Your recent cases*\n{recent}"[:2900])),
        ]
    if team:
        blocks += [DividerBlock(), HeaderBlock(text="The team, last 7 days")]
        blocks.append(SectionBlock(text=MarkdownTextObject(text="\n".join(team)[:2900])))
    blocks.append(
        ContextBlock(
            elements=[
                MarkdownTextObject(text="Log a complaint with `/recover new`; `/recover help` for the rest.")
            ]
        )
    )
    return View(type="home", blocks=blocks).to_dict()


def refresh_home(session: Session, *, user_id: str | None, reason: str) -> None:
    """Owe a fresh Home tab to someone whose queue just changed; the sender renders it when it goes out.

    Rendered then, it shows everything committed by that time, and only the newest one owed is sent.
    """
    if not user_id:
        return
    owe(
        session,
        key=f"home:{user_id}:{reason}",
        method="views.publish",
        payload={"user_id": user_id, "render": "home"},
    )
