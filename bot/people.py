"""Time zones of the people we nudge, remembered so scheduled work never has to ask Slack."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session

from bot.models import Person, utcnow
from bot.policy import Policy


def remember(session: Session, zones: dict[str, str]) -> None:
    """Store each person's Slack time zone (user id → IANA name)."""
    for user_id, tz in zones.items():
        person = session.get(Person, user_id) or Person(user_id=user_id, tz=tz)
        person.tz, person.updated_at = tz, utcnow()
        session.add(person)


def zone_of(session: Session, *, policy: Policy, user_id: str | None) -> ZoneInfo:
    """The person's time zone, or the policy's when we do not know it."""
    person = session.get(Person, user_id) if user_id else None
    if person is not None:
        try:
            return ZoneInfo(person.tz)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return policy.timezone
