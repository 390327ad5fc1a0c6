"""The App Home tab: what is waiting on the viewer, and how the team did this week.

One way to draw it: a Home tab is owed (bot/recovery/tell.py:refresh_home) when someone opens it or
their queue changes, and `HomeTab.render` draws it as the database is when it goes out.
"""

from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from bot.policy.model import Policy
from bot.recovery import metrics
from bot.recovery.cases import list_cases
from bot.recovery.messages.home import Queue, home_view
from bot.store.models import (
    ApologyState,
    Case,
    EventKind,
    FixStatus,
    Nudge,
    NudgeKind,
    NudgeState,
    TimelineEvent,
    utcnow,
)

SHOWN = 10
TEAM_FRESH = timedelta(seconds=30)  # how old the team's figures on a Home tab may be


def queue(session: Session, *, user_id: str) -> Queue:
    """What waits on this person."""
    apologies = session.exec(
        select(Case)
        .where(Case.apology_state == ApologyState.REQUESTED, Case.apology_leader_id == user_id)
        .limit(SHOWN)
    ).all()
    fixes = session.exec(
        select(Case)
        .where(Case.fix_status == FixStatus.ASSIGNED, Case.fix_owner_id == user_id)
        .order_by(col(Case.fix_due_at))
        .limit(SHOWN)
    ).all()
    due = checkins_due(session, user_id=user_id)[:SHOWN]
    return Queue(
        apologies=list(apologies),
        fixes=list(fixes),
        checkins=[session.get(Case, nudge.case_id) for nudge in due],
        recent=list_cases(session, which="mine", user_id=user_id, limit=5),
    )


def checkins_due(session: Session, *, user_id: str) -> list[Nudge]:
    """Check-ins asked of this person and not answered yet."""
    query = select(Nudge).where(
        Nudge.kind == NudgeKind.CHECKIN, Nudge.state == NudgeState.DONE, Nudge.recipient_id == user_id
    )
    asked = list(session.exec(query.order_by(col(Nudge.fired_at).desc()).limit(50)))
    answers = select(TimelineEvent).where(
        TimelineEvent.kind == EventKind.CHECKIN, col(TimelineEvent.case_id).in_({n.case_id for n in asked})
    )
    answered = {e.data.get("key") for e in session.exec(answers)}
    return [n for n in asked if n.key not in answered]


class HomeTab:
    """Draws Home tabs for one running Bounceback.

    Every change to someone's queue draws their tab again, so the team's seven days, the costly part
    and the same for everyone, are counted at most once every `fresh` and shared meanwhile.
    """

    def __init__(self, policy: Policy, *, fresh: timedelta = TEAM_FRESH) -> None:
        self.policy, self.fresh = policy, fresh
        self._team: tuple[datetime, metrics.Figures] | None = None

    def render(self, session: Session, *, user_id: str) -> dict[str, Any]:
        """The Home tab for one person: their queue and the team's last seven days."""
        now = utcnow()
        if self._team is None or now - self._team[0] >= self.fresh:
            since, until = metrics.window("7d", now=now)
            self._team = (now, metrics.figures(session, policy=self.policy, since=since, until=until))
        return home_view(self.policy, queue(session, user_id=user_id), team=self._team[1], now=now)
