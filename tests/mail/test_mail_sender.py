"""The mail sender on its own: two replicas draining one outbox send each e-mail once, with stable headers."""

import threading

import pytest
from sqlmodel import select

from bot.mail.config import read_mail_settings
from bot.mail.sender import MailSender
from bot.sandbox.cast import MAIL_FROM
from bot.sandbox.mailbox import Mailbox
from bot.store.db import Database
from bot.store.models import Outbox
from bot.store.outbox import EMAIL, owe
from tests.helpers import migrated

OWED = 30


@pytest.fixture
def db(either_database_url):
    yield from migrated(either_database_url)


def test_two_replicas_draining_together_send_each_email_once(db: Database):
    with db.session() as session:
        for n in range(OWED):
            payload = {
                "to": f"guest{n}@example.org",
                "to_name": f"Guest {n}",
                "from_name": "Tara Nguyen, Team lead",
            }
            payload |= {
                "reply_to": None,
                "subject": f"Note {n}",
                "text": f"Hello {n}",
                "html": f"<p>Hello {n}</p>",
            }
            owe(session, key=f"email:test:{n}", method=EMAIL, payload=payload, purpose="test")
    sent: list[str] = []
    with Mailbox() as box:
        settings = read_mail_settings({"SMTP_URL": box.url, "MAIL_FROM": MAIL_FROM})
        replicas = [
            MailSender(db, settings, on_sent=lambda _s, row: sent.append(row.key), on_failed=lambda *_: None)
            for _ in range(2)
        ]
        start = threading.Barrier(2)

        def drain(sender: MailSender) -> None:
            start.wait()
            while sender.drain():
                pass

        threads = [threading.Thread(target=drain, args=(r,)) for r in replicas]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        box.wait_for(lambda: len(box.messages) >= OWED, what=f"{OWED} e-mails")
        messages = list(box.messages)
    assert sorted(str(m["To"]) for m in messages) == sorted(
        f"Guest {n} <guest{n}@example.org>" for n in range(OWED)
    )
    assert len({m["Message-ID"] for m in messages}) == OWED and sorted(sent) == sorted(set(sent))
    with db.session() as session:
        rows = session.exec(select(Outbox)).all()
    assert {row.state for row in rows} == {"sent"} and {row.attempts for row in rows} == {1}
    replies = {str(m["Reply-To"]) for m in messages}
    assert replies == {'"Tara Nguyen, Team lead" <care@hotel.example>'}  # no leader address: MAIL_FROM
