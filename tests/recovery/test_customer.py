"""Who the customer is: read from a complaint, typed into a modal, and hidden from channels."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.recovery.customer import Customer, extract_customer, parse_contact, redact_contact


@pytest.mark.parametrize(
    ("customer", "key"),
    [
        (
            Customer(name="Jane Doe", email="Jane.Doe@Example.COM", phone="+1 555 123 4567"),
            "jane.doe@example.com",
        ),
        (Customer(name="Jane Doe", phone="+1 (555) 123-4567"), "15551234567"),
        (Customer(phone="0044 20 7946 0958"), "442079460958"),
        (Customer(phone="555.123.4567"), "5551234567"),
        (Customer(name="  Jane   DOE "), "jane doe"),
        (Customer(name="Jürgen Straße"), "jürgen strasse"),
        (Customer(), None),
        (Customer(name=" ", email="", phone="\t"), None),
    ],
)
def test_key_is_stable_across_how_people_write_it(customer: Customer, key: str | None) -> None:
    assert customer.key() == key


def test_blank_fields_are_none_and_whitespace_is_tidied() -> None:
    assert Customer(name="  Jane \n Doe ", email=" ", phone="") == Customer(name="Jane Doe")


def test_merged_takes_the_other_customers_known_fields() -> None:
    known = Customer(name="Jane Doe", email="jane@example.com")
    update = Customer(name="", phone="+44 20 7946 0958")
    assert known.merged(update) == Customer(
        name="Jane Doe", email="jane@example.com", phone="+44 20 7946 0958"
    )
    assert known.merged(Customer(name="Janet Doe")).name == "Janet Doe"
    assert known.merged(Customer()) == known


EXTRACTED = [
    ("Customer: Jane Doe says the soup was cold", Customer(name="Jane Doe")),
    ("customer Jane Doe called twice", Customer(name="Jane Doe")),
    ("CLIENT: Mr. John O'Brien-Smith. He was furious.", Customer(name="Mr. John O'Brien-Smith")),
    ("Guest: Ana de la Cruz, room 12", Customer(name="Ana de la Cruz")),
    ("guest name: José Álvarez Núñez", Customer(name="José Álvarez Núñez")),
    (
        "the guest Mary Jane Watson Parker Smith left",
        Customer(name="Mary Jane Watson Parker"),
    ),  # 4 words at most
    ("customer Jane Doe's order was late", Customer(name="Jane Doe")),
    ("Contact jane.doe@example.com about the refund", Customer(email="jane.doe@example.com")),
    ("<mailto:jane@example.com|jane@example.com> wrote in", Customer(email="jane@example.com")),
    ("call her on +44 20 7946 0958.", Customer(phone="+44 20 7946 0958")),
    ("US guest, +1 (555) 123-4567", Customer(phone="+1 (555) 123-4567")),
    ("+33 1 23 45 67 89 merci", Customer(phone="+33 1 23 45 67 89")),
    ("reach me at 555.123.4567", Customer(phone="555.123.4567")),
    ("her cell is (555) 123-4567", Customer(phone="(555) 123-4567")),
    ("my number is 5551234567", Customer(phone="5551234567")),
    ("phone: 020 7946 0958", Customer(phone="020 7946 0958")),
    (
        "Customer: Jane Doe <jane@example.com>, 1-555-123-4567, order #12345",
        Customer(name="Jane Doe", email="jane@example.com", phone="1-555-123-4567"),
    ),
]


@pytest.mark.parametrize(("text", "customer"), EXTRACTED)
def test_extract_customer(text: str, customer: Customer) -> None:
    assert extract_customer(text) == customer


NOT_CUSTOMERS = [
    "customer service was rude",
    "Customer Service was rude",
    "The customer said it was cold",
    "customer: jane doe",  # not capitalized: not clearly a name
    "Refund for Jane Doe",  # "for …" is too often a product, a place or a holiday to guess
    "Order #5551234567 never arrived",
    "order 555-123-4567 missing",
    "invoice no. 555 123 4567",
    "Booked for 12/05/2024 at 10:30, table 4",
    "Paid $1,200.50 on 2024-05-01 at 5:30pm",
    "Tracking 1Z999AA10123456784",
    "Card ending 4111 1111 1111 1111",
    "jane@",
    "",
]


@pytest.mark.parametrize("text", NOT_CUSTOMERS)
def test_extract_customer_does_not_guess(text: str) -> None:
    assert extract_customer(text) == Customer()


REDACTED = [
    (
        "Email jane.doe@example.com or call +1 (555) 123-4567.",
        "Email [contact hidden] or call [contact hidden].",
    ),
    (
        "<mailto:j@x.io|j@x.io> and <tel:+15551234567|+1 555 123 4567>",
        "[contact hidden] and [contact hidden]",
    ),
    ("Customer: Jane Doe, 555-123-4567, order #12345", "Customer: Jane Doe, [contact hidden], order #12345"),
    ("phone: 020 7946 0958 — she's upset", "phone: [contact hidden] — she's upset"),
    (
        "Paid $1,200 on 2024-05-01 at 5:30, order 555-123-4567",
        "Paid $1,200 on 2024-05-01 at 5:30, order 555-123-4567",
    ),
    ("Nothing private here 😊", "Nothing private here 😊"),
]


@pytest.mark.parametrize(("text", "redacted"), REDACTED)
def test_redact_contact(text: str, redacted: str) -> None:
    assert redact_contact(text) == redacted


@pytest.mark.parametrize(
    ("typed", "customer"),
    [
        ("jane@example.com", Customer(email="jane@example.com")),
        ("  +1 555 123 4567 ", Customer(phone="+1 555 123 4567")),
        ("(555) 123-4567", Customer(phone="(555) 123-4567")),
        ("jane@example.com, 555-123-4567", Customer(email="jane@example.com", phone="555-123-4567")),
        ("E-mail: a@b.co / Phone: +44 20 7946 0958", Customer(email="a@b.co", phone="+44 20 7946 0958")),
        ("555 123 4567 or jane@example.com", Customer(email="jane@example.com", phone="555 123 4567")),
        ("", Customer()),  # the field is optional
        ("   ", Customer()),
    ],
)
def test_parse_contact(typed: str, customer: Customer) -> None:
    assert parse_contact(typed) == customer


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Jane Doe", "“Jane Doe” is neither an e-mail address nor a phone number"),
        ("jane@", "“jane@” is not a complete e-mail address"),
        ("jane@example", "“jane@example” is not a complete e-mail address"),
        ("555-1234", "“555-1234” has 7 digits; a phone number with its area code has 8 to 15"),
        ("+1 555 123 4567 8901 2345", "has 19 digits"),
        ("a@b.co c@d.co", "at most one e-mail address and one phone number"),
        ("555 123 4567, 555 765 4321", "at most one e-mail address and one phone number"),
        ("jane@example.com ext. 5", "“ext. 5” is neither"),
    ],
)
def test_parse_contact_says_what_is_wrong(typed: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_contact(typed)


@pytest.mark.parametrize(
    "text",
    ["a" * 100_000, "a@" * 50_000, "x " * 50_000, "1," * 50_000, "+1" * 50_000, "Customer Jane " * 7_000],
)
def test_huge_texts_are_read(text: str) -> None:
    assert isinstance(extract_customer(text), Customer)
    assert isinstance(redact_contact(text), str)


CONTACTISH = st.text(alphabet="abcJD .@+-()#$,:/0123456789\n", max_size=200)


@settings(max_examples=300, deadline=None)
@given(text=CONTACTISH | st.text(max_size=500))
def test_nothing_found_survives_redaction(text: str) -> None:
    found = extract_customer(text)
    redacted = redact_contact(text)
    for contact in (found.email, found.phone):
        if contact:
            assert contact not in redacted
    assert extract_customer(redacted).email is None


def test_contact_details_longer_than_the_case_keeps_are_not_taken() -> None:
    email, phone = "a" * 320 + "@example.com", "+1 " + "- " * 40 + "415 555 0199"
    assert extract_customer(f"Customer: Ann Lee ({email}) called from {phone}.").email is None
    with pytest.raises(ValueError, match="a real one has at most 320"):
        parse_contact(email)
    with pytest.raises(ValueError, match="fewer spaces and dashes"):
        parse_contact(phone)
    assert parse_contact("b" * 300 + "@example.com").email == "b" * 300 + "@example.com"
