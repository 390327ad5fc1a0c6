"""People we nudge and sign for: names and time zones, remembered so scheduled work never asks Slack."""

import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session, col, select

from bot.policy.model import Policy
from bot.store.models import Person, utcnow


@dataclass(frozen=True)
class Profile:
    """What Slack tells us about a person."""

    name: str | None
    tz: str | None
    email: str | None = None  # their Slack profile's (users:read.email): where customers' replies go


# Names by database engine: every new complaint's draft is signed by its leader, and asking the
# database each time cost a twentieth of a case's CPU. Names change only when `remember` runs.
_NAMES: "weakref.WeakKeyDictionary[object, dict[str, str | None]]" = weakref.WeakKeyDictionary()
_NAMES_LOCK = threading.Lock()


def remember(session: Session, profiles: dict[str, Profile]) -> None:
    """Store what Slack told us about each person."""
    with _NAMES_LOCK:
        _NAMES.pop(session.get_bind(), None)
    for user_id, profile in profiles.items():
        person = session.get(Person, user_id) or Person(user_id=user_id, tz=profile.tz or "UTC")
        person.tz = profile.tz or person.tz
        person.name = profile.name or person.name
        person.email = profile.email or person.email
        person.updated_at = utcnow()
        session.add(person)


def load(session: Session, user_ids: Iterable[str | None]) -> list[Person]:
    """Read these people in one query; `zone_of` and `name_of` then find them without asking again."""
    wanted = {user_id for user_id in user_ids if user_id}
    if not wanted:
        return []
    return list(session.exec(select(Person).where(col(Person.user_id).in_(wanted))))


def zone_of(session: Session, *, policy: Policy, user_id: str | None) -> ZoneInfo:
    """The person's time zone, or the policy's when we do not know it."""
    person = session.get(Person, user_id) if user_id else None
    if person is not None:
        try:
            return ZoneInfo(person.tz)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return policy.timezone


def name_of(session: Session, user_id: str) -> str | None:
    """The person's real name, when we know it."""
    engine = session.get_bind()
    with _NAMES_LOCK:
        known = _NAMES.get(engine, {})
        if user_id in known:
            return known[user_id]
    person = session.get(Person, user_id)
    name = person.name if person else None
    if person is not None:  # someone not yet remembered may be soon
        with _NAMES_LOCK:
            _NAMES.setdefault(engine, {})[user_id] = name
    return name


def email_of(session: Session, user_id: str) -> str | None:
    """The person's e-mail address from their Slack profile, when we know it."""
    person = session.get(Person, user_id)
    return person.email if person else None


def zone_in(profiles: dict[str, Profile], user_id: str, default: ZoneInfo) -> ZoneInfo:
    """The time zone Slack just gave for this person, or `default`."""
    tz = profiles[user_id].tz if user_id in profiles else None
    try:
        return ZoneInfo(tz) if tz else default
    except (ZoneInfoNotFoundError, ValueError):
        return default
