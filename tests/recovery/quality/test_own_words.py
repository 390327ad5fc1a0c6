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


@pytest.mark.parametrize("text", OWN_WORDS)
def test_a_good_apology_in_its_own_words_has_no_error(text: str) -> None:
    report = check_apology(text, severity="moderate")
    assert not report.errors, report.lines()


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
