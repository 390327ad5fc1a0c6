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
