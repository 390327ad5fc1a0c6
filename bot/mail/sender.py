"""The way out to the customer's inbox: a pump that delivers the e-mails the outbox owes, exactly once.

Like the Slack sender (bot/slack/sender.py), it claims each row atomically (one replica wins it), and
records it sent together with what it means to the case. A temporary refusal (4xx, the server down)
puts the row back with a growing pause; a permanent one (5xx) fails it at once and the people on the
case are told, so a bad address is never retried in a storm. A claim whose process died is taken
again once stale; every attempt carries the same Message-ID.

SMTP has no way to ask a server whether it already has a message, so the window left is between the
server's "250 OK" and our write of "sent", a few milliseconds; the stable Message-ID lets a mail
client recognise the copy if a crash ever lands exactly there.
"""

import logging
import smtplib
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import func, or_, update
from sqlmodel import Session, col, select

from bot.mail import smtp
from bot.mail.config import MailSettings
from bot.slack.pump import Pump
from bot.store import outbox
from bot.store.db import Database
from bot.store.models import Outbox, OutboxState, utcnow
from bot.store.outbox import EMAIL, abandoned

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 12  # about an hour of growing pauses before a temporary failure counts as permanent
MAX_PAUSE = timedelta(minutes=15)
IDLE = 5.0  # seconds between looks at the outbox when nobody wakes the pump

Delivered = Callable[[Session, Outbox], None]  # (session, the row just sent)
Undeliverable = Callable[[Session, Outbox, str], None]  # (session, the row given up on, what the server said)


class MailSender(Pump):
    """Delivers owed e-mails from a worker thread woken after each commit."""

    thread_name = "bounceback-mail"

    def __init__(
        self,
        db: Database,
        settings: MailSettings,
        *,
        on_sent: Delivered,
        on_failed: Undeliverable,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.db, self.settings = db, settings
        self.on_sent, self.on_failed, self.clock = on_sent, on_failed, clock
        super().__init__()

    def start(self) -> None:
        """Start the pump; what was owed before a restart goes out at once."""
        self.wake()
        super().start()

    def idle(self) -> float:
        """Seconds until the next retry falls due, at most IDLE (e-mails due now wait: the server said later)."""
        now = self.clock()
        with self.db.reading() as session:
            query = select(func.min(Outbox.due_at)).where(
                col(Outbox.method) == EMAIL,
                col(Outbox.state) == OutboxState.PENDING,
                col(Outbox.due_at) > now,
            )
            due = session.exec(query).one()
        if due is None:
            return IDLE
        return min(IDLE, max(0.05, (due - now).total_seconds()))

    def owed_now(self) -> int:
        """E-mails being sent, or due now or within two seconds (a retry about to happen)."""
        soon = self.clock() + timedelta(seconds=2)
        owed = (col(Outbox.state) == OutboxState.SENDING) | (
            (col(Outbox.state) == OutboxState.PENDING) & (col(Outbox.due_at) <= soon)
        )
        with self.db.reading() as session:
            query = select(func.count()).select_from(Outbox).where(col(Outbox.method) == EMAIL, owed)
            return session.exec(query).one()

    def drain(self, limit: int = 20) -> int:
        """Deliver up to `limit` due e-mails over one connection; returns how many it took (0 after the server
        said "later", so the pump waits a round rather than knocking again at once)."""
        now = self.clock()
        with self.db.reading() as session:
            due = list(
                session.exec(
                    select(Outbox)
                    .where(
                        col(Outbox.method) == EMAIL,
                        or_(
                            (col(Outbox.state) == OutboxState.PENDING) & (col(Outbox.due_at) <= now),
                            abandoned(now),
                        ),
                    )
                    .order_by(col(Outbox.id))
                    .limit(limit)
                )
            )
            session.expunge_all()
        connection: smtplib.SMTP | None = None
        taken = 0
        try:
            for row in due:
                with self.db.session() as session:
                    if not outbox.claim(session, row.id, self.clock()):
                        continue  # another replica has it
                row.attempts += 1
                taken += 1
                connection = self._deliver(row, connection)
                if connection is None:
                    return 0  # the server is unreachable or busy: the rest wait for the next round
        finally:
            if connection is not None:
                _quit(connection)
        return taken

    def _deliver(self, row: Outbox, connection: smtplib.SMTP | None) -> smtplib.SMTP | None:
        """Send one claimed row; returns the connection to reuse (None after a failure)."""
        msgid = smtp.message_id(row.key, row.created_at, self.settings.domain)
        message = smtp.build(self.settings, row.payload, msgid=msgid, now=self.clock())
        try:
            if connection is None:
                connection = _connect(self.settings)
            smtp.send(connection, message)
        except smtp.Permanent as refusal:
            log.error("the mail server refused %s for good: %s", row.key, refusal)
            self._give_up(row, str(refusal))
            return connection
        except smtp.Temporary as problem:
            self._retry_later(row, str(problem))
            if connection is not None:
                _quit(connection)
            return None
        row.state = OutboxState.SENT
        with self.db.session() as session:
            outbox.mark_sent(session, [(row, None)], self.clock())
            self.on_sent(session, row)
        log.info("e-mailed %s (%s)", row.key, msgid)
        return connection

    def _retry_later(self, row: Outbox, reason: str) -> None:
        if row.attempts >= MAX_ATTEMPTS:
            self._give_up(row, f"still failing after {row.attempts} tries: {reason}")
            return
        pause = min(MAX_PAUSE, timedelta(seconds=2 ** min(row.attempts, 12)))
        log.warning("will retry e-mail %s in %s: %s", row.key, pause, reason)
        with self.db.session() as session:
            session.execute(
                update(Outbox)
                .where(col(Outbox.id) == row.id)
                .values(state=OutboxState.PENDING, last_error=reason[:500], due_at=self.clock() + pause)
            )

    def _give_up(self, row: Outbox, reason: str) -> None:
        """Fail the row and tell the case, in one transaction."""
        with self.db.session() as session:
            session.execute(
                update(Outbox)
                .where(col(Outbox.id) == row.id)
                .values(state=OutboxState.FAILED, last_error=reason[:500])
            )
            self.on_failed(session, row, reason)


def _connect(settings: MailSettings) -> smtplib.SMTP:
    try:
        return smtp.connect(settings)
    except smtplib.SMTPResponseException as error:
        # a refusal while connecting or logging in is about our settings or the server, not this e-mail
        raise smtp.Temporary(f"{error.smtp_code} {error.smtp_error!r}") from None
    except (smtplib.SMTPException, OSError) as error:
        raise smtp.Temporary(f"{type(error).__name__}: {error}") from None


def _quit(connection: smtplib.SMTP) -> None:
    try:
        connection.quit()
    except (smtplib.SMTPException, OSError):
        connection.close()


def wait_idle(sender: MailSender, deadline: float) -> None:
    """Wait (until `deadline`, a time.monotonic()) for nothing due to be owed by e-mail."""
    while sender.owed_now() and time.monotonic() < deadline:
        sender.wait_delivered(deadline - time.monotonic())
