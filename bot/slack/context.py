"""What every listener and job is handed: the policy, the database, the Slack client and the sender.

Bolt puts it in each request's context as `rt`, so a listener asks for it by naming an `rt: Runtime`
argument; the clock hands it to its jobs. bot/runtime.py builds it.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from slack_sdk import WebClient
from sqlmodel import Session

from bot.mail.sender import MailSender
from bot.policy.model import Policy
from bot.slack.sender import Sender
from bot.store.db import Database


@dataclass(frozen=True)
class Runtime:
    """The shared parts of a running Bounceback."""

    policy: Policy
    db: Database
    client: WebClient
    sender: Sender
    workspace_url: str | None = None  # https://acme.slack.com/, for permalinks
    mail: MailSender | None = None  # e-mail to customers, when SMTP_URL is set

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work: committed together, then whatever it owes Slack goes out at once."""
        with self.db.session() as session:
            yield session
        self.wake()

    def wake(self) -> None:
        """Something new is owed: the Slack sender (and the mail sender) deliver it now."""
        self.sender.wake()
        if self.mail is not None:
            self.mail.wake()
