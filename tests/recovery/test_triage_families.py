"""Families of harm added from the read H3 set (SPEC §2.2), each checked with sentences written for
these tests, not taken from the corpus, and read with no keywords at all."""

import pytest

from tests.recovery.test_triage_events import assert_reads

READINGS = [
    # an essential medicine held up, out of stock or never sent, with no word of harm: major
    (
        "his inhaler prescription was never sent to the chemist, he's due to collect today",
        "major",
        "essential",
    ),
    ("we're out of her epipens and the supplier can't get them till next week", "major", "essential"),
    (
        "mr dale has had no tablets since the weekend because the script went to the wrong branch",
        "major",
        "essential",
    ),
    ("her oxygen cylinder delivery is held up till next week", "major", "essential"),
    ("we have no stock of his glucose test strips and he runs out tomorrow", "major", "essential"),
    ("his new hearing aid batteries never arrived and he can't use the phone", "major", "essential"),
    # money taken after a cancellation, paid two times, or billed over an estimate or without sign-off
    ("she cancelled the plan in june and we still took £30 off her in july", "major", "money wrongly taken"),
    ("he paid the deposit two times by mistake on our portal, £60 each", "major", "money wrongly taken"),
    ("estimate said £200 for the repair but then we charged him £310", "major", "money wrongly taken"),
    (
        "she only authorised the inspection but the mechanics replaced the exhaust and the bill was £420",
        "major",
        "money wrongly taken",
    ),
    (
        "the box subscription renewed even though he'd asked to cancel in march",
        "major",
        "money wrongly taken",
    ),
    (
        "the decorators did the ceiling too without asking and added £350 to the bill",
        "major",
        "money wrongly taken",
    ),
    ("our loss adjuster rejected the storm claim though the policy covers storm damage", "major", "claim"),
    ("she says her solicitor will be writing to us about the lost deposit", "critical", "legal action"),
    # a business customer's work stopped
    ("the courier firm's drivers were sitting in the depot all morning with no routes", "major", "business"),
    # danger told by what happened
    ("a rear wheel came off the hire van on the ring road after our tyre fitting", "critical", "danger"),
    (
        "the cat was given twice the dose of painkiller by mistake and was sick all night",
        "critical",
        "medication",
    ),
    (
        "the vet nurse was about to inject the spaniel from a syringe labelled for the cat in kennel 2",
        "major",
        "near miss",
    ),
    # private papers shown publicly, a result told on an ex's number, photos posted against consent
    (
        "a neighbour opened her post and shared pictures of her payslips on the street facebook group",
        "critical",
        "exposed",
    ),
    (
        "our reception rang his old number with his scan results and his ex-husband's partner answered",
        "critical",
        "sensitive",
    ),
    (
        "the nursery posted a video of the twins online though their dad had opted them out",
        "major",
        "privacy",
    ),
    # a rude retort is poor treatment even if the customer is 'fine'
    (
        "the cashier said he 'hasn't got time for this' when she asked about the offer",
        "moderate",
        "humiliated",
    ),
    (
        "the guard snapped 'hurry up' at him as he got on, he's fine, just wants it noted",
        "moderate",
        "humiliated",
    ),
    ("she's not happy with that at all: the waiter told her to 'get a move on'", "moderate", "humiliated"),
    (
        "the supervisor shouted at him in front of the queue for using the wrong door",
        "moderate",
        "humiliated",
    ),
    # a long wait is not made small by being sorted in the end
    ("he spent over an hour on hold to change a direct debit, sorted now", "moderate", "inconvenience"),
    ("she waited 55 minutes on the phone for a password reset, works fine now", "moderate", "inconvenience"),
    # a fault that lasted days is not made small by working now
    ("the parking app kept crashing at payment for four days, works fine now", "moderate", "inconvenience"),
    ("the gym's wifi was dead the whole week of her trial, fine now", "moderate", "inconvenience"),
    ("the tram was 35 minutes late and he missed the start of his shift, he's fine now", "moderate", "late"),
    (
        "the self-checkout wouldn't scan his voucher so he had to queue at the kiosk, sorted now",
        "moderate",
        "queue",
    ),
    # feeling unsafe at home
    (
        "the agent let a contractor into her flat without telling her and she doesn't feel safe now",
        "major",
        "unsafe",
    ),
    # a planned cut nobody was told about is still a cut
    ("residents were never told about the planned water shutdown and had none all day", "major", "essential"),
    # a medicine named in one sentence and run out in the next, or still not sent: an essential blocked
    (
        "his blood pressure tablets were held at the surgery all week. He has been completely out since Friday.",
        "major",
        "essential",
    ),
    ("her levothyroxine repeat still hasn't gone over to the chemist", "major", "essential"),
    (
        "the clinic mislaid her thyroid script. She has only got enough to last till Sunday.",
        "major",
        "essential",
    ),
    # goods that came faulty again: an inconvenience, raised by the repeat
    (
        "the new dining table came with a wobbly leg and the replacement has a scuffed top, second time now",
        "major",
        "repeat",
    ),
    # a failure that happened again still raises it
    ("the cleaner missed the bathrooms again this week, second time this month", "major", "repeat"),
    # a ramp that would not deploy for a wheelchair user: access blocked, and the wheelchair raises nothing more
    ("the ramp on the tram jammed so the wheelchair user had to wait for the next one", "major", "essential"),
    # a real allergy, where there is food or a medicine, is still at risk
    (
        "the diner told the waiter about her walnut allergy and the salad came with walnuts",
        "major",
        "allergy",
    ),
    (
        "he is allergic to penicillin and we nearly handed him amoxicillin, the pharmacist caught it",
        "major",
        "allerg",
    ),
    # a vulnerable person the harm reached still raises it
    ("the cashier was short with the elderly lady and made her count her coins again", "major", "vulnerable"),
    ("the flight was cancelled and she was stranded overnight with two toddlers", "critical", "vulnerable"),
    (
        "the swim teacher shouted at the children and called them lazy, the kids are ok now",
        "major",
        "vulnerable",
    ),
    # a guide dog kept out: poor treatment of a disabled customer, one level up
    (
        "staff told the blind gentleman his guide dog couldn't come into the café, it waited outside",
        "major",
        "vulnerable",
    ),
]


@pytest.mark.parametrize(("text", "severity", "why"), READINGS, ids=[r[0][:30] for r in READINGS])
def test_each_family_is_read_at_its_level(text: str, severity: str, why: str) -> None:
    assert_reads(text, severity, why)


# Not raised: a lawyer or solicitor who threatens nothing, a child who is only an errand, years that are
# not an age, time lost that is not data, a cosmetic error nobody minds.
NOT_RAISED = [
    ("the guest is a lawyer and asked for a late checkout, which we gave", "moderate"),
    ("the lawyer in room 4 complained the towels were thin, brought extra", "minor"),
    ("the buyer's solicitor asked us for the gas certificate, sent it over", "minor"),
    ("the car was an hour late so he had to ask a friend to pick up his kids from school", "moderate"),
    ("the update wiped 5 yrs of order history from their account", "major"),
    ("he sat in the waiting room past his slot and lost a morning off work", "moderate"),
    ("her receipt had her surname misspelt, reprinted it, she didn't mind", "minor"),
    (
        "the gas will be off on thursday morning for the scheduled mains work, he grumbled about it",
        "moderate",
    ),
    ("a little girl asked for a refill of squash and we had run out", "moderate"),
    ("the customer shouted at our cashier because the magazines were out of date", "minor"),
    ("she was cross that the free morning newspaper was yesterday's", "minor"),
    ("the couple loved their wedding photos, just asked us to crop one", "minor"),
    ("we'd written to the street that the electricity would be off on friday morning, he forgot", "moderate"),
    ("the disabled toilet in the foyer was out of order, she used the one on level 2", "moderate"),
    ("the 31 no longer runs to the hospital after 7pm and regulars weren't told", "moderate"),
    # an allergy as a figure of speech, hay fever, a customer's temper: none is a harm
    ("caller joked he is allergic to our new website font, could we make it bigger, done", "minor"),
    (
        "he said he has an allergy to paperwork, we filled the form in for him, he was happy with that",
        "minor",
    ),
    ("a regular completely lost it because the croissants had sold out, he was happy with a muffin", "minor"),
    ("lady lost the plot at the desk over the car park barrier, opened it for her", "minor"),
    ("he ran out of patience at the counter, his prescription was ready in the end", "moderate"),
    # asking again, being passed on again, or a repeat only supposed, is no repeat failure
    ("she got transferred four times between departments before anyone could help", "moderate"),
    (
        "the booking system was down all afternoon at their salon; if it happens again they will look elsewhere",
        "major",
    ),
    ("her flu jab appointment ran 40 minutes late and nobody said why", "moderate"),
    ("the ramp at the side entrance jammed for a minute, the delivery driver used the steps", "minor"),
    # a lapse the reporter files only for the record is small; one that came with rudeness is not
    ("her parcel came a day late, she said no worries", "minor"),
    ("the invoice pdf showed the wrong month at the top, amounts right, just letting you know", "minor"),
    ("the receptionist was sarcastic when she asked about the delay, she just wanted it logged", "moderate"),
    # a vulnerable person who was only there, said to be fine, or denied, does not raise the case
    ("a dad with his little girl queued fifty minutes at the ticket desk and nobody explained", "moderate"),
    ("the table wasn't ready for an hour, the children were happy colouring in, parents fed up", "moderate"),
    ("our buffet ran out at 8, the family's baby was asleep in the pram, they were cross", "moderate"),
    ("the pool was shut with no notice; no children were with them, the couple just grumbled", "moderate"),
    (
        "his refill was late again because the surgery never sent it, he ended up late getting his son from nursery",
        "major",
    ),
]


@pytest.mark.parametrize(("text", "severity"), NOT_RAISED, ids=[r[0][:30] for r in NOT_RAISED])
def test_what_only_looks_serious_is_not_raised(text: str, severity: str) -> None:
    assert_reads(text, severity)
