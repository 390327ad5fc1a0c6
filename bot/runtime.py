"""Everything a running Bounceback holds: settings, policy, database, Slack client, sender."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from slack_sdk import WebClient
from sqlmodel import Session

from bot.policy.model import Policy
from bot.recovery import digest, home, people
from bot.settings import Settings
from bot.slack.client import make_client, profiles
from bot.slack.sender import Sender
from bot.store.db import Database
from bot.store.models import utcnow


@dataclass
class Runtime:
    """The shared parts, handed to listeners through Bolt's context and to jobs by the clock."""

    settings: Settings
    policy: Policy
    db: Database
    client: WebClient
    sender: Sender
    workspace_url: str | None = None  # https://acme.slack.com/, for permalinks

    @classmethod
    def build(cls, settings: Settings, policy: Policy) -> "Runtime":
        """Connect and migrate the database and make the Slack client; starts nothing."""
        db = Database(settings.database_url)
        db.migrate()
        client = make_client(settings.bot_token, settings.api_url)
        renderers = {
            "home": lambda session, fields: {
                **fields,
                "view": home.home_view(session, policy=policy, user_id=fields["user_id"]),
            }
        }
        sender_client = make_client(settings.bot_token, settings.api_url, wait_out_rate_limits=False)
        sender = Sender(db, sender_client, renderers=renderers)
        runtime = cls(settings=settings, policy=policy, db=db, client=client, sender=sender)
        runtime.workspace_url = client.auth_test().get("url")
        return runtime

    def learn_people(self) -> None:
        """Remember the names and time zones of everyone on the ladder (to sign drafts, for quiet hours)."""
        everyone = [p for level in self.policy.ladder for p in level.people] + list(self.policy.admins)
        found = profiles(self.client, everyone)
        with self.db.session() as session:
            people.remember(session, found)

    def plan_digest(self) -> None:
        """Make sure the next weekly digest is scheduled (no-op without a digest in the policy)."""
        with self.transaction() as session:
            digest.schedule_next(session, policy=self.policy, after=utcnow())

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work: committed together, then whatever it owes Slack goes out at once."""
        with self.db.session() as session:
            yield session
        self.sender.wake()
