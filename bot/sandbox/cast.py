"""The people and channels of the sandbox workspace, matching bot/sandbox/demo.toml."""

from dataclasses import dataclass
from pathlib import Path

DEMO_POLICY = Path(__file__).resolve().parent / "demo.toml"
SIGNING_SECRET = "sandbox-signing-secret"
BOT_TOKEN = "xoxb-sandbox-token"
MAIL_FROM = "Harbor Hotel Care <care@hotel.example>"
LINK_SECRET = "sandbox-check-in-link-secret"
APP_TOKEN = "xapp-1-A0BOUNCEBACK-sandbox-token"  # app-level, for Socket Mode


@dataclass(frozen=True)
class Person:
    """Someone in the sandbox workspace."""

    id: str
    name: str
    real_name: str
    title: str
    tz: str = "America/New_York"


FRONT_DESK = Person("U0FRONT001", "maria", "Maria Lopez", "Front desk")
SUPPORT = Person("U0SUPPORT1", "sam", "Sam Okafor", "Support agent")
WAITER = Person("U0WAITER01", "lee", "Lee Park", "Restaurant host")
LEAD = Person("U0LEAD0001", "tara", "Tara Nguyen", "Team lead")
MANAGER = Person("U0MGR00001", "dev", "Dev Patel", "Customer service manager")
DIRECTOR = Person("U0DIR00001", "ana", "Ana Costa", "Director of customer experience")
EXECUTIVE = Person("U0EXEC0001", "chris", "Chris Moreau", "Chief executive", tz="Europe/London")
ADMIN = Person("U0ADMIN001", "ines", "Ines Admin", "Bounceback admin")
OUTSIDER = Person("U0OUTSIDE1", "otto", "Otto Visitor", "Marketing intern")
PEOPLE = (FRONT_DESK, SUPPORT, WAITER, LEAD, MANAGER, DIRECTOR, EXECUTIVE, ADMIN, OUTSIDER)

COMPLAINTS = "C0COMPLAINTS"
LEARNINGS = "C0LEARNINGS"
RANDOM = "C0RANDOM01"
CHANNELS = {COMPLAINTS: "complaints", LEARNINGS: "learnings", RANDOM: "random"}


def populate(standin: object) -> None:
    """Add the cast and the channels to a stand-in workspace."""
    for person in PEOPLE:
        standin.add_user(person.id, person.name, real_name=person.real_name, title=person.title, tz=person.tz)
    for channel_id, name in CHANNELS.items():
        standin.add_channel(channel_id, name)


def name_of(user_id: str) -> str:
    """The real name of a cast member, or the id."""
    return next((p.real_name for p in PEOPLE if p.id == user_id), user_id)
