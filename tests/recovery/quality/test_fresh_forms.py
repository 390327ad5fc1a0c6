"""Forms of ownership and of blame first seen in a fresh batch (T5) scored before any tuning: each
test says the form in other words than the batch, so the rule is the form and not one sentence."""

import pytest

from bot.recovery.quality.check import check_apology

OWNED = [
    # someone of ours, named in two words, did it; a verdict on it follows ("the wrong call")
    "Our weekend receptionist gave your table away while you parked. It was the wrong call. I'm sorry your "
    "anniversary started in the street. Dinner for two is booked for Friday at 8, on us.",
    # "there is no excuse for that" after what we did
    "Our delivery crew left your mother's new fridge on the pavement overnight. There is no excuse for that, "
    "and I'm sorry for the worry it caused her. Two of us will carry it in and fit it tomorrow at 9am.",
    # "a … of ours / of mine" did it, or let it go out without the check
    "A config change of mine went out without the review it needed and locked your staff out of the rota. "
    "Sorry for the chaos at handover. Access was restored at 7:10 and I'll be on your 4pm call today.",
]


@pytest.mark.parametrize("text", OWNED)
def test_ownership_in_these_forms_is_read(text: str) -> None:
    report = check_apology(text, severity="moderate")
    assert report.ok, report.lines()


BLAMED = [
    # the firm "we use" is the one blamed, not us
    "Sorry your keys took a week. The locksmith we work with lost the order, so it had to be placed again. "
    "They will be with you on Monday.",
    # "we do state …, but": we were in the right
    "I'm sorry you missed the class. We do state the start times on the website, but the instructor should "
    "have waited. Your next class is free.",
]


@pytest.mark.parametrize("text", BLAMED)
def test_blame_in_these_forms_is_named(text: str) -> None:
    report = check_apology(text, severity="moderate")
    assert "blame_or_excuse" in {f.rule for f in report.errors}, report.lines()


# Forms from the second fresh batch (T6), again said in other words.
OWNED_T6 = [
    # "that's our carelessness"; a repair that buys them a new one and "will be at pick-up"
    "We put your daughter's lunchbox in the wrong class bag and it's gone. That's our carelessness, and I'm "
    "sorry she went hungry. We'll buy her a new one today and it will be at the school office tomorrow.",
    # one of ours threw it away; "she should never have …" is the verdict on it
    "Our cleaner threw out the drawings your son left on the table. She should never have touched them. "
    "I'm so sorry for his upset. I'll bring a new sketchbook and frame to your room at 6 tonight.",
]


@pytest.mark.parametrize("text", OWNED_T6)
def test_ownership_and_repair_in_the_second_batch_forms_are_read(text: str) -> None:
    report = check_apology(text, severity="moderate")
    assert report.ok and not report.warnings, report.lines()


# What we change for next time, in the forms people write it.
CHANGES = [
    "Nobody leaves the site now until the gas is checked twice.",
    "Refund requests are now approved by a second person before they are paid.",
    "Our front desk now uses a checklist for every late arrival.",
    "From the next term, two teachers sign every report.",
    "From today our drivers do not leave parcels unattended.",
]


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_for_next_time_is_read(change: str) -> None:
    text = (
        "We gave your booking to another guest, and that was our mistake. I'm sorry for the night you had. "
        f"Your stay was refunded this morning. {change}"
    )
    report = check_apology(text, severity="major")
    assert "missing_prevention" not in {f.rule for f in report.warnings}, report.lines()


def test_a_bare_sorry_before_the_admission_names_the_harm_through_it() -> None:
    report = check_apology(
        "I'm sorry. We left your windows open in the rain and your carpet is soaked. A drying team will be "
        "with you at 2pm today."
    )
    assert report.ok and not report.warnings, report.lines()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Sorry your invoice wasn't processed for a month. It will be paid on Friday.", "agentless_passive"),
        ("Sorry the payments could not be made all weekend. They go out today.", "agentless_passive"),
        ("I'm sorry you're disappointed with your haircut.", "conditional"),
        ("If anything on your trip went wrong, please accept our apologies.", "conditional"),
        ("We're sorry for the unfortunate situation at the bar on Friday.", "minimizing"),
        ("Privacy is at the core of everything we build. Sorry for the leak.", "empty_reassurance"),
        ("Sorry about the wait. Queues can occur at weekends.", "blame_or_excuse"),
        ("Sorry your lunch was late. Our staff followed the ordering policy.", "blame_or_excuse"),
        ("Sorry about the fee. It was charged as stated in our terms.", "blame_or_excuse"),
        ("Sorry your order was wrong; it was a very busy night.", "blame_or_excuse"),
    ],
)
def test_the_flaw_is_named_by_its_kind(text: str, rule: str) -> None:
    report = check_apology(text, severity="moderate")
    assert rule in {f.rule for f in (*report.errors, *report.warnings)}, report.lines()


# Forms from the third fresh batch (T7), in other words.
OWNED_T7 = [
    # "should've" is "should have"
    "We should've told you the surgery had moved to the other site. Sorry you went to the wrong building "
    "and missed your slot. You're booked for Wednesday at 11:20 at the new site.",
    # a strong failure word anywhere in the clause, past eight words
    "Our warehouse team packed the order for the shop across the road instead of yours. Sorry for the empty "
    "shelves this morning. Your full order is on a van and with you by 1pm.",
    # "corrected as of this morning" is a repair already done
    "I entered your meter reading as 8,100 when it was 1,800, my slip. Sorry for the shock of that bill. "
    "Your account is corrected as of this morning.",
]


@pytest.mark.parametrize("text", OWNED_T7)
def test_ownership_and_repair_in_the_third_batch_forms_are_read(text: str) -> None:
    report = check_apology(text, severity="moderate")
    assert report.ok, report.lines()


def test_as_we_explained_is_an_excuse() -> None:
    report = check_apology(
        "Sorry the heating failed again. As we explained at the last visit, old boilers do this. "
        "An engineer will be with you on Friday at 10."
    )
    assert "blame_or_excuse" in {f.rule for f in report.errors}, report.lines()


# Forms from the fourth fresh batch (T8), in other words.
def test_contempt_owned_by_we_do_not_excuse_it_and_a_page_taken_down_is_a_repair() -> None:
    report = check_apology(
        "Our receptionist was condescending to you about your English. We can't excuse that. I'm sorry you "
        "were made to feel unwelcome. The post she wrote about it was taken down this morning."
    )
    assert report.ok, report.lines()


@pytest.mark.parametrize(
    "change",
    [
        "Drivers can no longer mark a parcel delivered without a photo.",
        "From this week, all deliveries are photographed at the door.",
        "Allergy orders are now plated separately by the head chef.",
    ],
)
def test_more_changes_for_next_time_are_read(change: str) -> None:
    text = (
        "We left your parcel in the rain and it was ruined; that's our fault and I'm sorry. A replacement "
        f"went out today. {change}"
    )
    report = check_apology(text, severity="major")
    assert "missing_prevention" not in {f.rule for f in report.warnings}, report.lines()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Sorry about the fall. It was a minor accident and she was only slightly hurt.", "minimizing"),
        ("Sorry your bike was left outside, as per your delivery instructions.", "blame_or_excuse"),
        (
            "Sorry about the noise. The party ended within the hours agreed with the landlord.",
            "blame_or_excuse",
        ),
        ("Sorry you found the room too warm.", "conditional"),
        ("Sorry your account was frozen last week.", "agentless_passive"),
        (
            "Sorry. Honesty is one of the values we hold, and we'll always strive to do better.",
            "empty_reassurance",
        ),
    ],
)
def test_more_flaws_are_named_by_their_kind(text: str, rule: str) -> None:
    report = check_apology(text, severity="moderate")
    assert rule in {f.rule for f in (*report.errors, *report.warnings)}, report.lines()


# Forms from the fifth fresh batch (T9), written the way people type: typos, no apostrophes.
MESSY_GOOD = [
    # "should of", "appologies", a "but" followed by more ownership
    "Appologies for the wait on your fence - the timber yard sent the wrong posts but we should of checked "
    "them before we came out, so that's on us. New posts arrive Weds and we'll fit them Thurs.",
    # a "but" that owns more: "it's our job"
    "The hire company lost your bike, but you booked with us, so it's our job to sort, and I'm sorry it "
    "took us a fortnight. A new bike went out by courier this morning.",
    # "in fridays pay", "left today"
    "i messed up your hours on the timesheet, sorry for the short pay. the missing £84 will be in fridays "
    "pay.",
    "We sent your tickets to your old email, a bug on our end. Sorry! New tickets left today by post.",
]


@pytest.mark.parametrize("text", MESSY_GOOD)
def test_good_apologies_typed_in_a_hurry_pass(text: str) -> None:
    report = check_apology(text, severity="moderate")
    assert report.ok, report.lines()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("sorry for the wait, its been manic today. we'll bring your food now.", "blame_or_excuse"),
        ("Sorry. Our records show you entered the wrong postcode.", "blame_or_excuse"),
        ("Sorry the nurse was late; nobody told us she was ill.", "blame_or_excuse"),
        ("Sorry. Our team were working under very difficult circumstances.", "blame_or_excuse"),
        ("Sorry, but we cannot be responsible for lost property.", "blame_or_excuse"),
        ("Sorry. We did follow our standard procedure throughout.", "blame_or_excuse"),
        ("Sorry. Fees are non-refundable under our terms.", "blame_or_excuse"),
        ("We regret that you were unhappy with your meal.", "conditional"),
    ],
)
def test_blame_and_conditionals_in_the_fifth_batch_forms_are_named(text: str, rule: str) -> None:
    report = check_apology(text, severity="moderate")
    assert rule in {f.rule for f in (*report.errors, *report.warnings)}, report.lines()


# Forms from the sixth fresh batch (T10), in other words.
OWNED_T10 = [
    "Our fitter drilled through your pipe. That's down to us. Sorry. A plumber will be with you at 3 today.",
    "I moved your booking to the wrong week. Poor form on my part. Sorry. It's back on the 9th as planned.",
    "We sent your deposit to the wrong account. That one is all ours. Sorry. It's back with you as of today.",
    "We let you drive off with a loose wheel nut. That should never have passed our checks. I'm sorry. We've "
    "refunded the service today.",
    "I closed up without checking the alarm and your shop was open all night. I'm sorry, that's my fault. "
    "I'll be there at 7 tomorrow to go through the stock with you.",
]


@pytest.mark.parametrize("text", OWNED_T10)
def test_ownership_said_briefly_before_a_bare_sorry_is_read(text: str) -> None:
    report = check_apology(text, severity="moderate")
    assert report.ok and not report.warnings, report.lines()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Sorry for the wait. Our kitchen was hit by a power cut.", "blame_or_excuse"),
        ("Sorry. All our vans are inspected to the highest standards.", "blame_or_excuse"),
        ("Sorry. Our drivers are usually very careful.", "blame_or_excuse"),
        ("Sorry. We aim to respond within ten working days.", "blame_or_excuse"),
        ("Sorry. Bruising is a known risk of this treatment.", "blame_or_excuse"),
        ("We are taking this very seriously. Sorry for your experience.", "empty_reassurance"),
        ("We apologise that the meal did not meet your expectations.", "conditional"),
    ],
)
def test_more_flaws_in_the_sixth_batch_forms_are_named(text: str, rule: str) -> None:
    report = check_apology(text, severity="moderate")
    assert rule in {f.rule for f in (*report.errors, *report.warnings)}, report.lines()


def test_harm_that_hit_them_is_not_an_excuse() -> None:
    report = check_apology(
        "Our crane dropped a load at the Elm Street site and you were hit by falling debris. I am deeply "
        "sorry for your injuries. Our insurer will call you today at 4 to cover every cost."
    )
    assert "blame_or_excuse" not in {f.rule for f in report.errors}, report.lines()


# Forms from the seventh fresh batch (T11), in other words.
def test_passes_added_to_an_account_and_a_retake_are_repairs() -> None:
    added = check_apology(
        "Our doorman turned you away from the members' bar. He was wrong, and I'm sorry. I've added three "
        "guest passes to your membership today."
    )
    retake = check_apology(
        "I left Amy out of the class photo by mistake. Sorry, that was careless of me. We're retaking it "
        "on Thursday morning."
    )
    assert added.ok and retake.ok, (added.lines(), retake.lines())


def test_a_note_added_to_an_account_is_not_a_repair() -> None:
    report = check_apology("We charged you twice, and I'm sorry. I've added a note to your account.")
    assert "missing_repair" in {f.rule for f in report.errors}, report.lines()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Sorry it's late. Alterations always take longer in prom season.", "blame_or_excuse"),
        ("Sorry about the cancellation. The venue cancelled it, not us.", "blame_or_excuse"),
        ("Sorry for the mix-up. Your custom means the world to us.", "empty_reassurance"),
    ],
)
def test_flaws_in_the_seventh_batch_forms_are_named(text: str, rule: str) -> None:
    report = check_apology(text, severity="moderate")
    assert rule in {f.rule for f in (*report.errors, *report.warnings)}, report.lines()


# Forms from the eighth fresh batch (T12), in other words.
def test_holds_released_this_morning_are_a_repair() -> None:
    report = check_apology(
        "We took the deposit twice when you checked in; we should have spotted it at checkout. Sorry. Both "
        "holds were released at 9 this morning."
    )
    assert report.ok, report.lines()


def test_a_thing_of_ours_that_failed_after_but_is_still_an_excuse() -> None:
    report = check_apology("I'm sorry I was late, but my car broke down. I'll be there at 9 tomorrow.")
    assert "blame_or_excuse" in {f.rule for f in report.errors}, report.lines()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Sorry. We were the victim of a cyber attack by a sophisticated gang.", "blame_or_excuse"),
        ("Sorry. Like many retailers, we saw orders go missing this month.", "blame_or_excuse"),
        ("Sorry for the wait. Our team is experiencing unusually high demand.", "blame_or_excuse"),
        ("We're sorry you felt ignored at the counter.", "conditional"),
    ],
)
def test_flaws_in_the_eighth_batch_forms_are_named(text: str, rule: str) -> None:
    report = check_apology(text, severity="moderate")
    assert rule in {f.rule for f in (*report.errors, *report.warnings)}, report.lines()


@pytest.mark.parametrize(
    "when",
    ["by lunchtime", "over the weekend", "by the end of the month", "within a fortnight", "before Christmas"],
)
def test_times_people_give_a_repair_are_read(when: str) -> None:
    report = check_apology(f"We lost your order, and I'm sorry. We'll send a new one {when}.")
    assert report.ok, report.lines()


# Forms from the ninth fresh batch (T13), in other words.
def test_a_change_said_with_two_participles_is_read() -> None:
    report = check_apology(
        "We gave your son the wrong meal and he was ill; that's our failure and I'm sorry. The meal is "
        "refunded today. Every allergy tray is now colour-coded and signed off by the chef before it leaves.",
        severity="major",
    )
    assert "missing_prevention" not in {f.rule for f in report.warnings}, report.lines()


def test_blaming_the_form_is_an_excuse_but_owning_our_letter_is_not() -> None:
    blamed = check_apology(
        "Sorry we missed you. The address on the booking was unclear. We'll come at 9 tomorrow."
    )
    owned = check_apology(
        "Our letter was confusing, and that's on us. Sorry you came on the wrong day. We'll see you at 9 tomorrow."
    )
    assert "blame_or_excuse" in {f.rule for f in blamed.errors}, blamed.lines()
    assert owned.ok, owned.lines()


# Forms from the tenth fresh batch (T14), in other words.
def test_we_did_nothing_owns_it_and_a_redo_in_the_passive_is_a_repair() -> None:
    report = check_apology(
        "You told us about the leak twice and we did nothing for a month. That's indefensible and I'm sorry. "
        "The ceiling will be replastered on Monday."
    )
    assert report.ok, report.lines()


def test_we_did_nothing_wrong_still_owns_nothing() -> None:
    report = check_apology(
        "I'm sorry you're upset, but we did nothing wrong. Your refund was processed today."
    )
    assert "missing_ownership" in {f.rule for f in report.errors}, report.lines()


def test_within_the_manufacturers_guidelines_is_an_excuse() -> None:
    report = check_apology("Sorry. The lift was serviced within the manufacturer's guidelines.")
    assert "blame_or_excuse" in {f.rule for f in report.errors}, report.lines()
