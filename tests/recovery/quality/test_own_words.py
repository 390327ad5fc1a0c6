"""Good apologies in people's own words pass the check (SPEC §3: "an error blocks a leader, so errors
must be precise"), and the forms that read them do not let the flawed ones through."""

import pytest

from bot.recovery.quality.check import check_apology

# Ownership and repair as people write them, one form each; none has a "we made a mistake".
OWN_WORDS = [
    # what our people did, said plainly ("short with you", "left a mess", "got the ticket wrong")
    "You were right to be annoyed. Our receptionist was short with you, and that isn't how we treat "
    "people. I'd like to offer you a free session next week at a time that suits you - just reply with a day.",
    "I'm sorry our installer left a mess in your kitchen. That's not the standard we promised you. He'll "
    "come back on Saturday at 9 to clean up properly, and we'll knock £50 off the invoice.",
    "Sorry that your steak came out well done when you asked for rare. The kitchen got the ticket wrong. "
    "Next time you come in, your main is on us.",
    # what we did, said with the regret ("sorry we billed you", "I'm so sorry. Our system sent …")
    "Apologies, Mr Ito - we billed you for a plan you had cancelled. The £60 will be back on your card "
    "within 3 days.",
    "I'm so sorry. Our system sent your statement to your old address even though you had updated it. We "
    "have corrected the address today.",
    "I'm sorry we were so slow to reply. There's no excuse: your email sat unread for a week. I'll call "
    "you at 2pm today to sort out the booking.",
    # a broken promise, a cause owned, a slip named on our side
    "Your room wasn't ready at 3 as we promised, and you waited in the lobby for two hours. I'm sorry. "
    "Breakfast is included for your whole stay.",
    "Thanks for flagging the broken link, and sorry - it was a typo on our side. It's fixed now.",
    # repair already done or given now ("is attached", "is in the post", "is on me")
    "Hi Jo, sorry about the typo in your name on the receipt - my slip. A corrected copy is attached to "
    "this email.",
    "Apologies for the mix-up with your coffee order this morning - that was my mistake. Your next drink "
    "is on me.",
    "So sorry - we sent you the blue mug instead of the green one. The right one is in the post today; "
    "keep the blue one.",
    "Sorry, Ana - the cleaner skipped your room yesterday and that's not good enough. Housekeeping will "
    "be in at 2pm today, and tonight's stay is on the house.",
]


@pytest.mark.parametrize(
    "text",
    [
        # what we did is a fix, not a failure: restoring service owns nothing
        "We are sorry for any disruption. Our team restored the service within the hour, which is within "
        "our agreement.",
        # the customer's feeling, not our doing
        "We're sorry you feel our staff were short with you. We will call you today to put it right.",
        # what we did came before the sorry, and by policy: no wrong owned
        "We charged you a $50 fee as per our policy, and I'm sorry for the surprise. We will refund it today.",
        # "if" keeps it a condition
        "Sorry if we sent the wrong size. A replacement is in the post today.",
    ],
)
def test_the_new_forms_do_not_read_ownership_into_a_non_apology(text: str) -> None:
    report = check_apology(text, severity="moderate")
    assert "missing_ownership" in {f.rule for f in report.errors}, report.lines()


# More of the forms people write, each seen in apologies the rules were not written from.
MORE_OWN_WORDS = [
    # ownership: what should have stopped it, a verdict on what we did, the cause we set
    "We sold you a car that had been in a flood. Our inspection should have caught it. I'm sorry. We'll buy "
    "it back at the full price, collecting it Thursday at 10.",
    "Housekeeping skipped your room on Tuesday. I run that team and I should have spotted it. Sorry you came "
    "back to an unmade bed. Your room was done at noon today.",
    "You should have heard about the price change from us, not from the paper. I'm sorry for the shock. "
    "We've held your current price until October.",
    "Our last update kept logging you out. We got that wrong, and I'm sorry. Version 4.2.1 went out an hour "
    "ago and fixes it.",
    "Your discount code didn't apply because we set it to expire a day early. Sorry! I've refunded the 20% "
    "to your card today.",
    "Our host dropped Lily's birthday cake on the way to the table. That should never have happened, and I'm "
    "so sorry. We've refunded the party in full today.",
    "We charged you £40 a night for parking when your booking included it. I'm sorry; we read the wrong "
    "rate. The £160 is back on your card as of today.",
    # repair: money back, a cost waived, a gift with no stock verb
    "I was 40 minutes late for your lesson. Not good enough, sorry. Next lesson's on me - Saturday at 10.",
    "We lost your X-rays and had to take them again. That's our error and I'm sorry. There's no charge for "
    "either visit.",
    "Your lunch arrived cold because I took three orders at once. That's not fair on you. Sorry. The "
    "order's fully refunded.",
    "Our driver took the long way and you paid £12 more than you should have. Sorry about that - the £12 "
    "went back to your card this afternoon.",
]


@pytest.mark.parametrize("text", OWN_WORDS + MORE_OWN_WORDS)
def test_a_good_apology_in_its_own_words_has_no_error(text: str) -> None:
    report = check_apology(text, severity="moderate")
    assert not report.errors, report.lines()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # a firm we hired, named after "our", is not us owning it
        (
            "We're sorry your wheelchair did not arrive. Our ground handling partner at Heathrow failed to load "
            "it. A courier will bring it to your hotel by 8pm tonight.",
            "blame_or_excuse",
        ),
        (
            "We apologise for the outage on Monday, which was caused by a failure at our hosting provider. "
            "Service was restored by 2pm.",
            "blame_or_excuse",
        ),
        (
            "Sorry we sent the wrong size. To be fair, the size on your order form was unclear. We'll send the "
            "42s today.",
            "blame_or_excuse",
        ),
        (
            "I'm sorry the bill was £180 over the quote. The quote was only ever an estimate. I've taken £50 "
            "off today.",
            "blame_or_excuse",
        ),
        (
            "We are sorry if the outage affected you. Our engineers restored service within 6 hours, which is "
            "within our SLA.",
            "blame_or_excuse",
        ),
        (
            "I'm sorry our crew damaged your cabinet - that's our fault. It's only a small scratch, and our "
            "restorer will collect it on Monday.",
            "minimizing",
        ),
        (
            "We are sorry that your booking was cancelled in error. A new booking was confirmed today.",
            "agentless_passive",
        ),
        (
            "We are sorry the toys hurt children. Child safety has always been our highest priority. Refunds "
            "are open from today.",
            "empty_reassurance",
        ),
        (
            "We know that some of you feel we let you down. We are cutting the price from today.",
            "conditional",
        ),
    ],
)
def test_the_wording_that_undoes_an_apology_is_named(text: str, rule: str) -> None:
    report = check_apology(text, severity="moderate")
    assert rule in {f.rule for f in (*report.errors, *report.warnings)}, report.lines()


def test_a_concrete_repair_without_a_time_is_a_warning_and_a_call_without_one_an_error() -> None:
    owned = "We sent you the wrong size, and I'm sorry you had to return it. "
    concrete = check_apology(owned + "We'll send the right one.")
    call = check_apology(owned + "We'll call you.")
    assert [f.level for f in (*concrete.errors, *concrete.warnings) if f.rule == "missing_repair"] == [
        "warning"
    ]
    assert [f.level for f in call.errors if f.rule == "missing_repair"] == ["error"]


def test_what_we_did_without_a_word_saying_it_was_wrong_is_a_warning_not_an_error() -> None:
    report = check_apology(
        "The new layout we launched on Monday hid the export button your team uses. I'm sorry. It's back "
        "as of 9am today."
    )
    unclear = [f for f in report.warnings if f.rule == "missing_ownership"]
    assert report.ok and unclear and unclear[0].evidence == "we launched", report.lines()


def test_without_anything_we_did_no_ownership_stays_an_error() -> None:
    report = check_apology(
        "I'm sorry your parcel didn't arrive in time for the party. A replacement is on "
        "its way and will be with you by Thursday."
    )
    assert "missing_ownership" in {f.rule for f in report.errors}, report.lines()
