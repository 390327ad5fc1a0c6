"""Draft apologies written from the case: what they say, and that they pass the quality check."""

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.recovery.quality.check import check_apology
from bot.recovery.quality.drafts import MAX_WORDS, DraftInput, write_draft

SEVERITIES = ("minor", "moderate", "major", "critical")

# How staff actually write complaints: the customer's words, a third-person note, a terse label, a rant.
SUMMARIES = [
    "Guest in 412 says the room was not cleaned and she was ignored at the front desk",
    "I ordered a large pizza and got a small one, and nobody answered the phone",
    "wrong order delivered",
    "Double charged on invoice #4411",
    "Late delivery - sofa arrived 3 days late",
    "Customer called: order arrived damaged",
    "Jane Doe (jane@example.com, 555-123-4567) says her refund never arrived",
    "The waiter was rude to my wife and me",
    "Customer says we overcharged her by $40",
    "Patient waited 3 hours past appointment time",
    "My flight was cancelled and nobody told me",
    "The app crashed and I lost my data",
    "She is very upset because her anniversary dinner was ruined",
    'I paid but got nothing. "Sorry for any inconvenience" is all your agent said',
    "We sent the wrong size to the customer",
    "Mr. Smith says his car was scratched at the car wash",
    "Our technician missed the 9am appointment on 2024-05-01 and nobody called",
    "He says the plumber left water all over the kitchen floor.",
    "Customer wants a refund because the food was cold",
    "Family in 12 says they waited 2 hours for their table",
    "Client says our consultant gave inaccurate advice that cost them $12,000 in penalties",
    "Guest got food poisoning after the seafood buffet and was hospitalised; threatening a lawyer",
    "Overbooked: guest arrived at 11pm and had no room, we sent him to another hotel",
    "Subscription renewed after I cancelled it twice!!! Want my money back",
    "Parcel marked delivered but never arrived, customer: Ali Hassan, ali@x.io",
    "Caller was on hold for 90 minutes and then got cut off",
    "😡 worst service ever, never coming back",
    "Le client dit que la chambre était sale",
    "Unfortunately the courier lost it but that's beyond our control, mistakes were made",
]


def _draft(summary: str, severity: str = "moderate", **changes: str | None) -> str:
    fields: dict[str, str | None] = {
        "customer_name": "Maria Alvarez",
        "summary": summary,
        "severity": severity,
        "leader_name": "Dana Reyes",
        "leader_title": "General Manager",
        "company": "Harbor Hotel",
    }
    fields.update(changes)
    return write_draft(DraftInput(**fields))  # type: ignore[arg-type]


def test_the_table_has_at_least_twenty_summaries() -> None:
    assert len(SUMMARIES) >= 20


@pytest.mark.parametrize("summary", SUMMARIES)
def test_every_draft_passes_the_check_cleanly(summary: str) -> None:
    for severity, fix_by, gesture, name in itertools.product(
        SEVERITIES,
        (None, "by Friday 5pm"),
        (None, "a complimentary dessert on your next visit"),
        (None, "Maria Alvarez"),
    ):
        draft = _draft(summary, severity, fix_by=fix_by, gesture=gesture, customer_name=name)
        report = check_apology(draft, severity=severity)
        assert report.ok and not report.warnings, (severity, fix_by, gesture, name, report.lines(), draft)
        assert len(draft.split()) <= MAX_WORDS, draft


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=500), st.sampled_from(SEVERITIES), st.booleans(), st.booleans())
def test_any_summary_gives_a_draft_that_passes(summary: str, severity: str, fix: bool, gesture: bool) -> None:
    draft = _draft(
        summary,
        severity,
        fix_by="by Friday 5pm" if fix else None,
        gesture="a free upgrade" if gesture else None,
    )
    assert check_apology(draft, severity=severity).ok, draft
    assert len(draft.split()) <= MAX_WORDS


_COMPLAINT_WORDS = re.split(
    r"\s+",
    "I we she he her his they the guest customer says said room order was were not cleaned late wrong but "
    "sorry if any inconvenience courier lost minor issue policy you should have unfortunately due to "
    "mistakes made and paid got nothing refund cold rude ignored waited hours . , : ? ! “ ” ' -",
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_COMPLAINT_WORDS), max_size=30), st.sampled_from(SEVERITIES))
def test_summaries_full_of_trigger_words_still_give_clean_drafts(words: list[str], severity: str) -> None:
    draft = _draft(" ".join(words), severity)
    report = check_apology(draft, severity=severity)
    assert report.ok and not report.warnings, (report.lines(), draft)


# --- what the draft says ---------------------------------------------------------------------------------


def test_a_third_person_note_is_retold_to_the_customer_as_what_we_did() -> None:
    draft = _draft("Guest in 412 says the room was not cleaned and she was ignored at the front desk")
    assert "I am sorry that we did not clean your room and ignored you at the front desk." in draft
    assert "We let you down, and that is on us." in draft
    assert "412" not in draft and "she" not in draft.lower().split()


@pytest.mark.parametrize(
    ("summary", "retold"),
    [
        ("My flight was cancelled and nobody told me", "we cancelled your flight and nobody told you"),
        ("I was kept waiting and my order was forgotten", "we kept you waiting and forgot your order"),
        ("The app crashed and I lost my data", "the app crashed and you lost your data"),
        ("Customer says we overcharged her by $40", "we overcharged you by $40"),
        ("Customer called: order arrived damaged", "your order arrived damaged"),
        ("the guest's bag was lost", "we lost your bag"),
    ],
)
def test_the_complaint_is_turned_towards_the_customer(summary: str, retold: str) -> None:
    assert f"I am sorry that {retold}. We let you down, and that is on us." in _draft(summary)


def test_a_terse_note_is_not_forced_into_broken_grammar() -> None:
    draft = _draft("wrong order delivered")
    assert "I am sorry we let you down with your order, and that is on us." in draft
    assert "wrong order delivered" not in draft


def test_contact_details_are_never_quoted() -> None:
    draft = _draft("Jane Doe (jane@example.com, +1 555-123-4567) says her refund never arrived")
    assert "I am sorry that your refund never arrived." in draft
    for detail in ("jane@example.com", "555", "Jane Doe"):
        assert detail not in draft


def test_a_customer_name_that_is_an_email_address_is_not_used() -> None:
    assert _draft("wrong order delivered", customer_name="jane@example.com").startswith("Hello,\n")


@pytest.mark.parametrize(
    ("name", "greeting"),
    [
        ("Maria Alvarez", "Dear Maria,"),
        ("Mr Patel", "Dear Mr Patel,"),
        (None, "Hello,"),
        ("Acme Ltd", "Dear Acme Ltd team,"),
    ],
)
def test_greeting(name: str | None, greeting: str) -> None:
    assert _draft("wrong order delivered", customer_name=name).split("\n")[0] == greeting


def test_signed_by_the_leader_with_title_and_company() -> None:
    draft = _draft("wrong order delivered")
    assert draft.endswith("\n\nDana Reyes\nGeneral Manager, Harbor Hotel")
    assert "I'm Dana Reyes, General Manager at Harbor Hotel" in draft
    assert _draft("wrong order delivered", company=None).endswith("\n\nDana Reyes\nGeneral Manager")


def test_signed_with_the_title_alone_when_no_name_is_known() -> None:
    draft = _draft("wrong order delivered", leader_name="Team lead", leader_title="Team lead", company=None)
    assert draft.endswith("\n\nTeam lead") and "I'm Team lead" not in draft


def test_a_deadline_written_by_the_scheduler_reads_naturally() -> None:
    draft = _draft("wrong order delivered", "moderate", fix_by="by Friday, 5:00 PM")
    assert "We will have this put right by Friday, 5:00 PM." in draft


@pytest.mark.parametrize("severity", SEVERITIES)
def test_apologizes_exactly_once(severity: str) -> None:
    draft = _draft("Guest in 412 says the room was not cleaned", severity, gesture="a spa treatment")
    assert len(re.findall(r"\b(?:sorry|apologi[sz]e\w*|apolog(?:y|ies))\b", draft, re.I)) == 1


@pytest.mark.parametrize(
    ("severity", "promise"),
    [
        ("minor", "We will put this right today."),
        ("moderate", "I will call you today to put this right."),
        ("major", "I will call you today myself to put this right."),
        ("critical", "Within the hour I will call you personally to put this right."),
    ],
)
def test_without_a_deadline_the_next_step_is_timed_to_the_severity(severity: str, promise: str) -> None:
    assert promise in _draft("wrong order delivered", severity)


def test_the_deadline_is_used_as_given() -> None:
    assert "We will have this put right by Friday 5pm." in _draft(
        "wrong order delivered", fix_by="by Friday 5pm"
    )
    assert "put right by Friday 5pm." in _draft("wrong order delivered", fix_by="Friday 5pm")
    critical = _draft("wrong order delivered", "critical", fix_by="tomorrow")
    assert "Within the hour I will call you personally, and we will have this put right tomorrow." in critical


def test_a_deadline_the_check_cannot_read_still_comes_with_a_time() -> None:
    draft = _draft("wrong order delivered", "minor", fix_by="once the part arrives")
    assert "by once the part arrives" not in draft or "I will call you today" in draft
    assert check_apology(draft).ok


def test_something_extra_is_offered() -> None:
    assert "I would also like you to have a complimentary dessert on your next visit." in _draft(
        "wrong order delivered", gesture="a complimentary dessert on your next visit"
    )
    assert "like you to have an extended warranty." in _draft("leak came back", gesture="extended warranty")


@pytest.mark.parametrize("severity", SEVERITIES)
def test_serious_cases_say_what_we_are_changing(severity: str) -> None:
    draft = _draft("Overbooked: the reservation was lost", severity)
    change = "We are also changing how we confirm bookings so this does not happen again."
    assert (change in draft) == (severity in ("major", "critical"))


def test_the_letter_promises_to_check_back() -> None:
    assert "I will check back with you to make sure everything is okay." in _draft("wrong order delivered")


def test_long_inputs_are_trimmed_to_the_word_limit_by_dropping_optional_lines() -> None:
    draft = _draft(
        "Guest in 412 says the room was not cleaned, the towels were dirty and she was ignored at the front "
        "desk",
        "critical",
        fix_by="by Friday 5pm",
        gesture="two free nights in our garden suite with breakfast, dinner and a spa treatment every day",
        leader_title="Regional Director of Guest Experience and Operations",
    )
    assert len(draft.split()) <= MAX_WORDS
    assert check_apology(draft, severity="critical").ok
