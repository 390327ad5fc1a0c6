"""The weekly digest: the figures, what we changed, and a chart, posted once a week (Communicate results)."""

from datetime import datetime, timedelta

from sqlmodel import Session

from bot.policy.model import Policy
from bot.recovery import metrics, tell
from bot.recovery.messages import chart
from bot.recovery.messages.figures import summary_lines
from bot.store import nudges
from bot.store.models import Nudge, NudgeKind, NudgeState
from bot.store.nudges import Defer

DAYS = timedelta(days=7)


def next_digest_at(policy: Policy, after: datetime) -> datetime | None:
    """The next digest time strictly after `after` (the policy's weekday and time, in its time zone)."""
    if policy.digest is None or not policy.digest_channel:
        return None
    local = after.astimezone(policy.timezone)
    days_ahead = (policy.digest.weekday - local.weekday()) % 7
    at = (local + timedelta(days=days_ahead)).replace(
        hour=policy.digest.at.hour, minute=policy.digest.at.minute, second=0, microsecond=0
    )
    if at <= local:
        at += timedelta(days=7)
    return at.astimezone(after.tzinfo)


def _week_key(policy: Policy, at: datetime) -> str:
    year, week, _ = at.astimezone(policy.timezone).isocalendar()
    return f"digest:{year}-W{week:02d}"


def schedule_next(session: Session, *, policy: Policy, after: datetime) -> None:
    """Make sure next week's digest is scheduled (one nudge per week, so replicas and restarts agree)."""
    at = next_digest_at(policy, after)
    if at is None:
        return
    nudges.schedule(session, key=_week_key(policy, at), kind=NudgeKind.DIGEST, due_at=at)


def follow_policy(session: Session, *, policy: Policy, now: datetime) -> None:
    """On start: the one waiting digest is at the policy's weekday and time, or there is none without a digest.

    A digest scheduled under an earlier policy is moved (same week) or called off (another week); a week
    whose digest already went out gets no second one, so the next is the week after.
    """
    at = next_digest_at(policy, now)
    while at is not None:
        done = nudges.by_key(session, _week_key(policy, at))
        if done is None or done.state != NudgeState.DONE:
            break
        at = next_digest_at(policy, at + timedelta(seconds=1))
    if at is None:
        nudges.cancel_kind(session, kind=NudgeKind.DIGEST)
        return
    key = _week_key(policy, at)
    nudges.cancel_kind(session, kind=NudgeKind.DIGEST, keep=key)
    if not nudges.schedule(session, key=key, kind=NudgeKind.DIGEST, due_at=at):
        nudges.move(session, key=key, due_at=at)


def post(session: Session, *, policy: Policy, key: str, until: datetime) -> None:
    """Owe the digest for the seven days before `until`: a message, then the chart."""
    figures = metrics.figures(session, policy=policy, since=until - DAYS, until=until)
    title = chart.title(figures, policy=policy)
    text = f"*Bounceback weekly digest* · {title}\n" + "\n".join(summary_lines(figures, policy=policy))
    tell.post(session, key=f"{key}:text", channel=policy.digest_channel, text=text)
    tell.upload(
        session,
        key=f"{key}:chart",
        channel=policy.digest_channel,
        filename="bounceback-digest.png",
        title=title,
        content=chart.digest_chart(figures, policy=policy),
        after=f"{key}:text",
    )


def fire_digest(session: Session, policy: Policy, nudge: Nudge) -> Defer | None:
    """Post this week's digest and schedule next week's."""
    post(session, policy=policy, key=nudge.key, until=nudge.due_at)
    schedule_next(session, policy=policy, after=nudge.due_at + timedelta(seconds=1))
    return None
