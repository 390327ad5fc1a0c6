"""The approved apology reaches the customer by e-mail, once, from the leader, against a real SMTP server."""

import pytest
from sqlmodel import select

from bot.recovery.messages.ids import Action, Input
from bot.sandbox.cast import COMPLAINTS, FRONT_DESK, LEAD, MAIL_FROM
from bot.sandbox.mailbox import text_of
from bot.sandbox.rig import Rig
from bot.store.models import Outbox
from tests.helpers import all_cases, block_text, bot_posts, events, wait_until

ANA = "ana.ruiz@example.org"
COMPLAINT = f"Customer: Ana Ruiz, {ANA} says the toast at breakfast was a little overdone this morning."


@pytest.fixture
def rig():
    with Rig(mail=True) as running:
        yield running


def request(rig) -> dict:
    return rig.standin.wait_for(
        lambda: next((m for m in rig.standin.dm(LEAD.id) if "Apology needed" in (m.get("text") or "")), None),
        what="the apology request",
    )


def approve(rig, text: str = COMPLAINT, *, settle: bool = True) -> str:
    """Log a minor complaint and have the team lead press Approve & send; returns the thread ts."""
    ts, _ = rig.driver.post_message(FRONT_DESK.id, COMPLAINTS, text)
    rig.service.settle()
    dm = request(rig)
    button = next(e for b in dm["blocks"] if b["type"] == "actions" for e in b["elements"])
    rig.driver.block_action(
        LEAD.id, Action.APPROVE_APOLOGY, value=button["value"], message=(dm["channel"], dm["ts"])
    )
    if settle:
        rig.service.settle()
    return ts


def address(mail, header: str) -> tuple[str, str]:
    [one] = mail[header].addresses
    return one.display_name, one.addr_spec


def emails(rig) -> list[Outbox]:
    with rig.service.runtime.db.session() as session:
        return list(session.exec(select(Outbox).where(Outbox.method == "email.send")))


def channel_text(rig) -> str:
    """Everything the bot put in the channel, its threads included, as the stand-in holds it now."""
    return "\n".join(block_text(m) for m in bot_posts(rig, COMPLAINTS))


def test_approve_and_send_emails_the_apology_once_from_the_leader_with_replies_to_them(rig):
    ts = approve(rig)
    [mail] = rig.mailbox.wait_for(lambda: rig.mailbox.to(ANA), what="the apology e-mail")
    [case] = all_cases(rig)
    assert address(mail, "From") == ("Tara Nguyen, Team lead", "care@hotel.example")
    assert address(mail, "Reply-To") == ("Tara Nguyen, Team lead", "tara@hotel.example")
    assert address(mail, "To") == ("Ana Ruiz", ANA)
    assert mail["Subject"] == "An apology from Tara Nguyen, Team lead"
    assert mail["Date"] and mail["Message-ID"].endswith("@hotel.example>")
    assert mail["Auto-Submitted"] is None  # a person approved it and wants the reply
    assert text_of(mail).strip() == case.apology_text.strip()
    assert mail.get_body(preferencelist=("html",)) is not None
    wait_until(lambda: all_cases(rig)[0].apology_email == "delivered", what="the delivery recorded")
    rig.service.settle()
    thread = " ".join(m["text"] for m in bot_posts(rig, COMPLAINTS, thread_ts=ts))
    assert "The apology was delivered to Ana Ruiz by e-mail" in thread
    card = rig.standin.message(COMPLAINTS, bot_posts(rig, COMPLAINTS, thread_ts=ts)[0]["ts"])
    assert "delivered to the customer" in block_text(card)
    assert [e.data["delivered"] for e in events(rig, case.id, "emailed")] == [True]
    rig.restart()  # nothing is sent again after a restart
    rig.service.settle()
    assert len(rig.mailbox.messages) == 1 and rig.mailbox.attempts == 1
    assert ANA not in channel_text(rig)


def test_a_temporary_refusal_is_retried_and_the_customer_gets_one_email(rig):
    rig.mailbox.refuse("451 4.3.0 Mailbox busy, try again later")
    approve(rig)
    rig.mailbox.wait_for(lambda: rig.mailbox.to(ANA), timeout=20, what="the retried e-mail")
    [row] = emails(rig)
    assert (row.state, row.attempts, rig.mailbox.attempts) == ("sent", 2, 2)
    assert len(rig.mailbox.messages) == 1
    wait_until(lambda: all_cases(rig)[0].apology_email == "delivered", what="the delivery recorded")


def test_while_the_mail_server_is_down_the_email_waits_and_goes_once_when_it_is_back(rig):
    rig.mailbox.stop()
    approve(rig, settle=False)  # (a settle would wait out the next retry too)
    [row] = wait_until(lambda: [r for r in emails(rig) if r.last_error], what="a failed attempt")
    assert row.state == "pending" and "ConnectionRefusedError" in row.last_error
    assert all_cases(rig)[0].apology_email == "sending"
    rig.mailbox.start()
    rig.mailbox.wait_for(lambda: rig.mailbox.to(ANA), timeout=20, what="the e-mail once the server is back")
    wait_until(lambda: all_cases(rig)[0].apology_email == "delivered", what="the delivery recorded")
    assert len(rig.mailbox.messages) == 1


def test_a_permanent_refusal_is_not_retried_and_the_leader_and_reporter_are_told(rig):
    rig.mailbox.refuse(f"550 5.1.1 <{ANA}>: Recipient address rejected: no such user", times=5)
    ts = approve(rig)
    wait_until(lambda: all_cases(rig)[0].apology_email == "failed", what="the failure recorded")
    rig.service.settle()
    [row] = emails(rig)
    assert (row.state, row.attempts, rig.mailbox.attempts) == ("failed", 1, 1)
    for person in (LEAD, FRONT_DESK):
        told = [m["text"] for m in rig.standin.dm(person.id) if "could not be e-mailed" in m["text"]]
        assert told and "550 5.1.1" in told[0] and "Please reach them another way" in told[0]
    thread = " ".join(m["text"] for m in bot_posts(rig, COMPLAINTS, thread_ts=ts))
    assert "could not be delivered" in thread
    [event] = events(rig, 1, "emailed")
    assert event.data["delivered"] is False and ANA not in event.text
    assert ANA not in channel_text(rig)
    rig.service.runtime.mail.wait_delivered(3)  # another round of the pump: still one attempt
    assert rig.mailbox.attempts == 1


def test_a_case_without_an_address_sends_nothing(rig):
    approve(rig, "Customer: Ana Ruiz says the toast at breakfast was a little overdone this morning.")
    rig.service.runtime.mail.wait_delivered(3)
    assert emails(rig) == [] and rig.mailbox.attempts == 0
    assert all_cases(rig)[0].apology_email == "none"


def test_the_edit_modal_offers_the_email_and_unticking_it_sends_nothing(rig):
    rig.driver.post_message(FRONT_DESK.id, COMPLAINTS, COMPLAINT)
    rig.service.settle()
    dm = request(rig)
    value = next(e for b in dm["blocks"] if b["type"] == "actions" for e in b["elements"])["value"]
    rig.driver.block_action(LEAD.id, Action.EDIT_APOLOGY, value=value, message=(dm["channel"], dm["ts"]))
    rig.service.settle()
    view = rig.standin.wait_for(lambda: rig.standin.open_views(LEAD.id), what="the Edit modal")[-1]
    choice = next(b for b in view["blocks"] if b.get("block_id") == Input.EMAIL_CUSTOMER)
    assert choice["element"]["initial_options"][0]["text"]["text"] == "Send it to the customer by e-mail"
    draft = next(b for b in view["blocks"] if b.get("block_id") == Input.APOLOGY_TEXT)["element"][
        "initial_value"
    ]
    values = {
        Input.APOLOGY_TEXT: {Input.APOLOGY_TEXT: {"type": "plain_text_input", "value": draft}},
        Input.EMAIL_CUSTOMER: {Input.EMAIL_CUSTOMER: {"type": "checkboxes", "selected_options": []}},
    }
    rig.driver.view_submission(LEAD.id, view["id"], values)
    rig.service.settle()
    assert all_cases(rig)[0].apology_state == "approved"
    assert emails(rig) == [] and all_cases(rig)[0].apology_email == "none"
    assert MAIL_FROM  # the rig's sender, for the record
