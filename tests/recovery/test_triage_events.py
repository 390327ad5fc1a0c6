"""Harm told as a plain event, with the harm left for the reader to infer (SPEC §2.2): read with no
keywords at all, from sentences written for these tests, not taken from the corpus."""

import pytest

from bot.policy.model import DEFAULT_MONEY, TriageRules
from bot.recovery.triage import MIX, Knowledge, triage

NO_KEYWORDS = TriageRules(keywords={}, money=DEFAULT_MONEY)
# These tables are the lexicon's: what each family of cues reads, with the embedding classifier's
# raise of a minor case to moderate (the mix they were written for). What the shipped triage makes
# of the same sentences, with the word classifier, is checked in test_learned.py.
THE_LEXICON = Knowledge(MIX)

READINGS = [
    # injury from fittings, objects, vehicles, animals
    (
        "the towel rail came away from the wall and caught her on the shin",
        "critical",
        "caught her on the shin",
    ),
    ("a stack of chairs toppled over on him in the function room", "critical", "over on him"),
    ("the barrier came down and she was hit by the barrier on the way out", "critical", "hit by"),
    ("their labrador went for the little boy in the waiting room", "critical", "went for"),
    ("the reversing van nearly clipped a pedestrian in the car park", "major", "near miss"),
    # security failures that let a stranger in
    (
        "the fob for flat 3 opens flat 4 as well, and the tenant in 4 is a woman living alone",
        "critical",
        "opens",
    ),
    (
        "reception gave a spare key to a man who said he was her husband, she's separated",
        "critical",
        "spare key",
    ),
    # scams
    (
        "mr p, 82, transferred his savings to a 'safe account' after a call from someone saying they were us",
        "critical",
        "safe account",
    ),
    # private papers in the wrong hands
    ("her bank statements ended up inside another customer's mortgage pack", "critical", "another customer"),
    (
        "the list of tenants in arrears was pinned up on the noticeboard in the lobby",
        "critical",
        "noticeboard",
    ),
    ("his test booking and scan went to a different mr khan", "major", "different"),
    # disability, discrimination, humiliation
    ("the doorman wouldn't let her in with her guide dog", "major", "discrimination"),
    (
        "the cashier sighed at a blind customer and said 'hurry up, I haven't got all day'",
        "major",
        "hurry up",
    ),
    # business stopped, claims refused, money
    (
        "their conference couldn't run any sessions all morning because our av system was down",
        "major",
        "sessions",
    ),
    ("contents claim rejected as wear and tear, the assessor never even came out", "major", "claim rejected"),
    ("we billed the club for 40 kit bags they never ordered", "major", "never ordered"),
    # more families, other wordings
    (
        "the automatic door closed on an elderly gentleman and knocked him to the ground",
        "critical",
        "closed on",
    ),
    (
        "the horse bolted during the lesson and threw the 10 year old off, she's gone for an x-ray",
        "critical",
        "hurt",
    ),
    ("cleaner left bleach in an unlabelled water bottle and a colleague drank some", "critical", "made ill"),
    ("teacher locked a 5 year old in the classroom at lunch by mistake", "critical", "danger"),
    (
        "letting agent gave the tenant's new phone number to her ex who's been harassing her",
        "critical",
        "danger",
    ),
    (
        "the receptionist told the patient's employer on the phone that she was off with depression",
        "critical",
        "employer",
    ),
    ("the bank let her son withdraw from her account without her permission", "critical", "account"),
    ("our taxi didn't show so she missed her mum's funeral", "major", "once-only"),  # the rubric: major
    (
        "the pharmacy gave him his dad's blood pressure tablets instead of his own, he hasn't taken any",
        "major",
        "near miss",
    ),
    ("new tenants moved in and the smoke alarm had no battery", "major", "smoke alarm"),
    ("housekeeping walked in while the guest was in the shower, didn't knock", "major", "entered"),
    ("email with all 40 parents' phone numbers went out in the cc line instead of bcc", "major", "privacy"),
    ("our card machines went down across their 3 cafes during the saturday rush", "major", "business"),
    ("photographer turned up after the ceremony had finished", "major", "once-only"),
    ("hotel charged her card for a minibar she never touched", "major", "never touched"),
    # danger told by what gave way or went off: a handrail, a small battery in a mouth, a CO alarm, a shock
    # that went up an arm; an injury told by its stitches
    (
        "the stair handrail gave way as a guest leant on it and he caught himself on the wall",
        "critical",
        "danger",
    ),
    ("the toddler put a coin battery from the toy in his mouth before mum saw", "critical", "danger"),
    (
        "the tenant's co alarm kept going off all evening and we told her it was probably the battery",
        "critical",
        "danger",
    ),
    ("she touched the hairdryer plug and felt a tingle shoot up her arm", "critical", "danger"),
    ("the climber slipped off the wall and cut his eyebrow, six stitches", "critical", "hurt"),
    # private details that reached the wrong person or were left out; another tenant's data in an export;
    # an account taken over by a new device or a SIM swap
    (
        "the surgery posted her biopsy results to a different Mrs Patel two streets away",
        "critical",
        "exposed",
    ),
    (
        "a customer rang to say he had received someone elses prescription details in his parcel",
        "critical",
        "exposed",
    ),
    (
        "the night porter left the guest list with passport numbers sitting on the reception counter",
        "critical",
        "exposed",
    ),
    (
        "after the update one retailer could see another tenant's order history and customer names",
        "critical",
        "breach",
    ),
    (
        "the monthly csv had rows from a different client in it, emails and phone numbers",
        "critical",
        "breach",
    ),
    ("her card was emptied after a new device login from abroad at 3am", "critical", "account"),
    (
        "the mobile shop did a sim swap on his number for a man who just gave his date of birth",
        "critical",
        "account",
    ),
    # someone else's medicine given: a neighbour's pack, a jab meant for another patient
    (
        "the chemist handed her the neighbours dosette box and she took the morning tablets",
        "critical",
        "medication",
    ),
    ("nurse gave him the flu jab meant for the patient in the next bay", "critical", "medication"),
    # an occasion spoiled by who was booked for it, or cancelled on the family
    (
        "the band we booked for their anniversary party never turned up, guests sat in silence",
        "major",
        "once-only",
    ),
    ("we rang her two days before her mum's 80th to say the room was cancelled", "major", "once-only"),
    # heating gone out, property scuffed or kerbed, trade lost, records moved elsewhere: major
    (
        "the heating went out in the flat on friday night and the family slept in their coats",
        "major",
        "essential",
    ),
    ("the courier reversed into her drive and the alloy is kerbed", "major", "property"),
    ("the bakery owner says our card terminal outage has been losing trade all week", "major", "business"),
    ("he wants his records moved to another practice because the filling fell out twice", "major", "leaving"),
    ("she was charged full price for the eye test - she is NHS exempt as a diabetic", "major", "money"),
    ("he paid 400 up front for a garden clearance that never happened", "major", "money"),
    ("the pharmacist caught the wrong strength at final check before handing it over", "major", "near miss"),
    (
        "the aftercare sheet in the cat carrier was for another cat with a different dose, the nurse spotted it",
        "major",
        "near miss",
    ),
    # a wrong charge told as a billing fact: taken several times, billed for what the records say was not
    # done, a full price for cover she has, roaming for someone who never left, a renewal with no notice
    (
        "the parking app charged his card four times for one stay, all four show on his statement",
        "major",
        "four times",
    ),
    (
        "the gym billed her for a personal training block but their booking log only shows one session",
        "major",
        "log only shows",
    ),
    ("he was charged the full rate for the eye test although he is exempt as a diabetic", "major", "exempt"),
    (
        "our network billed him for data roaming in Spain, he has never left the country",
        "major",
        "never left",
    ),
    ("the membership auto-renewed at the higher price without any reminder email", "major", "reminder"),
    ("the garage charged for new brake pads that nobody phoned him to agree to", "major", "agree"),
    (
        "the care home resident wasn't given his evening meal and sat hungry till morning",
        "major",
        "care not given",
    ),
    (
        "a tray of glasses slipped off the bar and a shard went in a customer's eye, she's at eye casualty",
        "critical",
        "hurt",
    ),
    ("a loose paving slab we laid tipped and mr jones (79) went over on his ankle", "critical", "ankle"),
    (
        "our security guard grabbed a suspected shoplifter by the neck, turned out he'd paid",
        "critical",
        "neck",
    ),
    ("the hotel's night porter let a drunk man into the women's dorm", "critical", "danger"),
    ("the surgery gave out her new address to her estranged husband who rang up", "critical", "danger"),
    ("the builder dug through the gas pipe in the garden, the street was evacuated", "critical", "danger"),
    (
        "patient with chest pains was told to wait in the waiting room for 2 hours without being seen",
        "critical",
        "danger",
    ),
    ("a member of staff took a photo of a customer's credit card at the till", "critical", "card"),
    (
        "from the GP practice: our text system sent 340 patients a message meant for one patient, with his name and "
        "'your HIV clinic appointment'",
        "critical",
        "meant for one",
    ),
    (
        "lettings: we forgot to renew the gas safety certificate, the tenants have a newborn",
        "critical",
        "gas safety",
    ),
    ("the babysitting service sent a sitter who hadn't been DBS checked", "major", "dbs"),
    ("courier left the parcel containing her new passport on the wall outside", "major", "left out"),
    ("estate agent told the buyer the vendor's lowest acceptable price", "major", "confidence"),
    (
        "our system sent a 'payment overdue' final demand to a customer who died last month",
        "major",
        "bereaved",
    ),
    ("we charged a £40 late fee on a payment that was on time", "major", "on time"),
    (
        "the restaurant refused to seat a family because their son has down's syndrome",
        "major",
        "discrimination",
    ),
    ("ordered a size 10 dress for her daughter's prom, sent a size 16, prom is tonight", "major", "tonight"),
    # angry but trivial, and what only looks like harm
    ("the chips were burnt and the guest sent them back", "moderate", "inconvenience"),
    ("customer says our advert is 'a scam' because the sale ended yesterday", "minor", "no signs"),
    ("she said the queue was 'killing her', it was only 6 minutes", "minor", "small"),
    ("a guest's car was hit by our shuttle bus in the car park, big dent in the door", "major", "property"),
    ("customer says the app's dark mode hurts her eyes", "minor", "no signs"),
    # sensitive words near other people are a disclosure only when something was told, shown or sent
    ("we sent her statement late this month", "moderate", "inconvenience"),
    ("gave him his prescription at the counter but forgot the leaflet, he didn't mind", "minor", "no signs"),
    ("the queue for prescriptions was out the door", "moderate", "inconvenience"),
    (
        "a printout of everyone's salaries was left on the photocopier in the client's office",
        "critical",
        "sensitive",
    ),
    ("the till double scanned her shopping, £8 extra, refunded at customer services", "minor", "no signs"),
    ("he says our prices are 'daylight robbery', nothing wrong with the bill", "minor", "no signs"),
    ("FURIOUS!!! the fruit bowl had a bruised apple in it", "minor", "upset tone"),
    ("valet left swirl marks on the bonnet, polished out the same afternoon", "minor", "no signs"),
    (
        "the mobile app freezes on the dashboard, they're using the desktop site as a workaround",
        "moderate",
        "inconvenience",
    ),
    ("she was in bits on the phone because the room wasn't ready till 4", "moderate", "inconvenience"),
]


@pytest.mark.parametrize(("text", "severity", "why"), READINGS, ids=[r[0][:30] for r in READINGS])
def test_harm_told_as_a_plain_event_is_read_by_its_family(text: str, severity: str, why: str) -> None:
    assert_reads(text, severity, why)


def assert_reads(text: str, severity: str, why: str = "") -> None:
    """Read by the lexicon with no keywords at all: at this severity, and the reason says `why`."""
    verdict = triage(text, NO_KEYWORDS, knowledge=THE_LEXICON)
    assert verdict.severity == severity, verdict.explain()
    assert why.casefold() in verdict.explain().casefold(), verdict.explain()


# Words of harm in everyday business: never a serious case.
EVERYDAY = [
    "the driver left no card, she found her parcel by knocking on doors down the street",
    "her son came home with a different child's reading book in his reading folder",
    "the new fridge was delivered with a dent in the door, swapped it",
    "the caller got quite abusive on the phone about the late delivery",
    "the photographer turned up late but got all the shots, couple were happy",
    # words of harm in their harmless senses (senses.py)
    "her toast came back burnt to a crisp, made a fresh round",
    "the parcel had one corner crushed, the mugs inside were all fine",
    "his surname was spelled wrong on the loyalty card, new one printed",
    "her date of birth was showing wrong on the kiosk screen, fixed in a minute",
    "he said he almost had a heart attack when he saw the new tariff, it was the annual figure",
    "we double bagged her shopping after the handle went",
    "the cafe had no water jug on the counter, put one out",
    "the repair fell off the engineer's route and nobody came, rebooked for monday",
    "the brochure had the pool photos in the wrong order, swapped them",
    "she said she'd like to see a different stylist next time, the cut was fine",
    "her name was spelt wrong on the prescription label, the medicine was right, reprinted it",
    "they put us in a twin not the double we booked, swapped next morning",
    "she left her own paperwork on the counter and came back for it ten minutes later",
    "the gym app kicked him out of his spin booking, he rebooked it himself",
    "he flicked the kettle switch and felt nothing, the kettle just would not boil",
    "she thought we had billed her twice, it was only the pending hold, explained and she was fine",
    "the receptionist transferred him three times before he got an answer, it took 40 minutes",
    "he said the police station next door makes parking hard",
    "the wedding venue sent the invoice for the final balance as agreed",
    "a guest dropped her glass in the bar, staff swept it up",
    "the insulin fridge was being defrosted, all stock moved to the backup fridge",
    "we sent her statement late this month",
    "gave him his prescription at the counter but forgot the leaflet",
    "she asked if we could deliver her medication on saturday instead of friday",
    "guest asked for a spare key for her husband, we gave him one after checking ID",
    "the chips were burnt and the guest sent them back",
    "coffee was scalding hot, customer moaned",
    "passenger left his umbrella on the bus, it's at lost property",
    "the hairdresser's card machine wasn't working, she paid cash",
    "a patient fainted at the sight of the needle during her blood test, nurse looked after her, she's fine",
    "driver had to brake suddenly when a dog ran out, nobody on the bus was hurt",
    "customer wanted to know why her account was locked after 3 wrong passwords, we reset it",
    "guest's child spilled juice on the carpet, we cleaned it",
    "the hotel's smoke alarm went off because of shower steam, guest was annoyed",
    "our engineer had to turn the water off for 20 minutes to fit the tap, customer was told",
]


@pytest.mark.parametrize("text", EVERYDAY, ids=[t[:30] for t in EVERYDAY])
def test_words_of_harm_in_everyday_business_are_not_serious(text: str) -> None:
    verdict = triage(text, NO_KEYWORDS, knowledge=THE_LEXICON)
    assert verdict.severity in ("minor", "moderate"), verdict.explain()
