"""A whole Bounceback on this machine: the Slack stand-in, the bot behind its HTTP server, a driver."""

import tempfile
from pathlib import Path

from bot.mail.config import MailSettings, read_mail_settings
from bot.policy.model import Policy
from bot.policy.reader import load_policy
from bot.sandbox import cast
from bot.sandbox.driver import SlackDriver
from bot.sandbox.mailbox import Mailbox, free_port
from bot.sandbox.socket_driver import SocketModeDriver
from bot.sandbox.standin import SlackStandIn
from bot.server import Service
from bot.settings import Settings


class RefusedBySlack(AssertionError):
    """The bot sent a payload Slack refuses (invalid_blocks, a modal over its limits, …)."""


class Rig:
    """Start with `with Rig() as rig:`; `rig.restart()` stops and starts the bot on the same database.

    With `socket_mode=True` the bot connects to the stand-in's Socket Mode server instead of serving
    Slack's requests over HTTP, and the driver sends envelopes.
    """

    def __init__(
        self,
        *,
        policy_path: str | Path = cast.DEMO_POLICY,
        database_url: str | None = None,
        strict: bool = True,
        mail: bool = False,
        socket_mode: bool = False,
    ) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="bounceback-") if database_url is None else None
        self.database_url = database_url or f"sqlite:///{Path(self._tmp.name) / 'bounceback.sqlite3'}"
        self.policy: Policy = load_policy(policy_path)
        self.policy_path = str(policy_path)
        self.socket_mode = socket_mode
        self.standin = SlackStandIn()
        self.service: Service | None = None
        self.driver: SlackDriver | None = None
        self.strict = strict
        self.mailbox = Mailbox() if mail else None  # the customers' mail server, when e-mail is on
        self.port = free_port() if mail else 0  # check-in links need the bot's address before it starts

    @property
    def settings(self) -> Settings:
        """Settings pointing the bot at the stand-in."""
        return Settings(
            bot_token=cast.BOT_TOKEN,
            signing_secret=cast.SIGNING_SECRET,
            app_token=cast.APP_TOKEN if self.socket_mode else None,
            api_url=self.standin.url,
            database_url=self.database_url,
            policy_path=self.policy_path,
            port=self.port,
            log_level="WARNING",
            mail=self.mail_settings,
        )

    @property
    def mail_settings(self) -> MailSettings | None:
        """SMTP_URL and the rest, pointing the bot at the local mail server."""
        if self.mailbox is None:
            return None
        return read_mail_settings(
            {
                "SMTP_URL": self.mailbox.url,
                "MAIL_FROM": cast.MAIL_FROM,
                "BOUNCEBACK_PUBLIC_URL": f"http://127.0.0.1:{self.port}",
                "BOUNCEBACK_SECRET": cast.LINK_SECRET,
            }
        )

    def start(self) -> "Rig":
        """Start the stand-in (once) and the bot."""
        if self.driver is None:
            self.standin.start()
            cast.populate(self.standin)
            if self.mailbox is not None:
                self.mailbox.start()
        links = len(self.standin.socket_mode.links)
        self.service = Service(self.settings, self.policy, host="127.0.0.1", socket_mode=self.socket_mode)
        self.service.start(port=self.port)
        if self.socket_mode:
            self.standin.socket_mode.wait_link(links + 1)  # connected, and hello went out
            self.driver = SocketModeDriver(self.standin)
        else:
            self.driver = SlackDriver(self.service.url, cast.SIGNING_SECRET, self.standin)
        return self

    def restart(self) -> None:
        """Stop the bot gracefully and start a new one on the same database and stand-in."""
        self.service.stop()
        self.start()

    def stop(self) -> None:
        """Stop everything and remove the temporary database."""
        if self.service is not None:
            self.service.stop()
        self.standin.stop()
        if self.mailbox is not None:
            self.mailbox.stop()
        if self._tmp is not None:
            self._tmp.cleanup()

    def __enter__(self) -> "Rig":
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self.stop()
        if self.strict and kind is None:
            self.check_nothing_refused()

    def check_nothing_refused(self) -> None:
        """Raise RefusedBySlack if the bot sent anything the stand-in refused as Slack would."""
        refused = self.standin.refused
        if refused:
            lines = [f"{r['to']}: {r['error']} {r['messages'][:3]}" for r in refused[:5]]
            raise RefusedBySlack(f"Slack would refuse {len(refused)} payload(s):\n" + "\n".join(lines))
