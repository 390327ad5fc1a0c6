"""kill -9 between claiming an e-mail and the mail server taking it: after the restart the customer gets it once.

The mail server holds the conversation after the recipient (the bot has claimed the row and is mid-send),
the bot is killed there, and a new bot on the same database takes the abandoned claim and sends it.
"""

from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlmodel import select

from bot.policy.reader import load_policy
from bot.recovery import apologies, intake
from bot.recovery.cases import Complaint
from bot.recovery.customer import extract_customer
from bot.sandbox.cast import COMPLAINTS, DEMO_POLICY, FRONT_DESK, LEAD, LINK_SECRET, MAIL_FROM, populate
from bot.sandbox.mailbox import Mailbox, text_of
from bot.sandbox.standin import SlackStandIn
from bot.store.db import Database
from bot.store.models import Case, Outbox
from bot.store.outbox import STALE_CLAIM
from tests.helpers import wait_until
from tests.procs import BotProcess

pytestmark = pytest.mark.faults
ANA = "ana.ruiz@example.org"


def approved_case(db: Database) -> None:
    """A minor case with the customer's address whose apology the team lead approved: one e-mail owed."""
    policy = load_policy(DEMO_POLICY)
    with db.session() as session:
        text = f"Customer: Ana Ruiz, {ANA} says the toast at breakfast was a little overdone."
        complaint = Complaint(
            text=text,
            customer=extract_customer(text),
            reporter_id=FRONT_DESK.id,
            source="channel",
            source_key="mail-kill9",
        )
        case, _ = intake.log_complaint(
            session, policy=policy, complaint=complaint, card_channel=COMPLAINTS, card_thread_ts=None
        )
        apologies.approve(session, policy=policy, case=case, actor_id=LEAD.id)


def email_row(db: Database) -> Outbox:
    with db.session() as session:
        return session.exec(select(Outbox).where(Outbox.method == "email.send")).one()


def test_kill_9_mid_send_then_restart_delivers_the_apology_once(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'bot.sqlite3'}")
    db.migrate()
    approved_case(db)
    with SlackStandIn() as slack, Mailbox() as mailbox:
        populate(slack)

        def bot() -> BotProcess:
            process = BotProcess(
                slack, database_url=db.url, policy_path=DEMO_POLICY, log=tmp_path / "bot.log"
            )
            process.env |= {
                "SMTP_URL": mailbox.url,
                "MAIL_FROM": MAIL_FROM,
                "BOUNCEBACK_PUBLIC_URL": f"http://127.0.0.1:{process.port}",
                "BOUNCEBACK_SECRET": LINK_SECRET,
            }
            return process.start()

        mailbox.hold()
        first = bot()
        try:
            assert mailbox.holding.wait(30), "the bot never reached the mail server"
            assert email_row(db).state == "sending"  # claimed, and the server has not taken it
            first.kill()
        finally:
            first.kill()
        mailbox.release()
        assert mailbox.messages == [] and email_row(db).state == "sending"
        with db.session() as session:  # the restart comes after the claim went stale, not 30 s of sleep
            earlier = email_row(db).claimed_at - STALE_CLAIM - timedelta(seconds=1)
            session.execute(update(Outbox).where(Outbox.method == "email.send").values(claimed_at=earlier))
        second = bot()
        try:
            [mail] = mailbox.wait_for(
                lambda: mailbox.to(ANA), timeout=30, what="the apology after the restart"
            )
            wait_until(lambda: email_row(db).state == "sent", timeout=15, what="the e-mail recorded as sent")
            with db.session() as session:
                case = session.exec(select(Case)).one()
            wait_until(lambda: db_case_email(db) == "delivered", timeout=15, what="the delivery on the case")
        finally:
            second.kill()
    assert text_of(mail).strip() == case.apology_text.strip()
    assert (len(mailbox.messages), mailbox.attempts, email_row(db).attempts) == (1, 2, 2)
    db.dispose()


def db_case_email(db: Database) -> str:
    with db.session() as session:
        return session.exec(select(Case.apology_email)).one()
