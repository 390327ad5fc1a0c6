"""Harms staff describe at a distance from the words that name them (SPEC §2.2): medicine spoiled by
heat or a doorstep, a medication error told by its effects, care or cover that quietly lapsed,
personal details put where the public can see them. Each counts only when the text also names what
it is about (`needs`), so a pie "left in the sun" is not insulin left in the sun."""

from __future__ import annotations

from bot.recovery.triage.lexicon import CRITICAL, MAJOR, MEDICINE, Harm
from bot.recovery.triage.losses import SHELTERED

_COLD_CHAIN = MEDICINE + "|pens|pen|fridge_bag|cool_bag|cold_pack"
_MEDICINE_WRONG = (
    MEDICINE + " ~ wrong|double|twice|mixed|mix-up|mixed_up|instead|incorrect|someone_else's|someone_elses|"
    "somebody_else's|another|extra|slot|slots|compartment|compartments|muddled|different"
)
# Out of something else than the medicine: "he ran out of patience at the counter".
_OUT_OF_OTHER = (
    "run_out|ran_out|been_out ... of ... patience|time|paper|change|battery|charge|petrol|fuel|space|room"
)
_CONTACTS = (
    "client_list|customer_list|patient_list|member_list|members_list|mailing_list|contact_list|class_list|"
    "email_addresses|emails_and|phone_numbers|mobile_numbers|home_addresses|passwords|api_key|api_keys|"
    "bank_details|card_details|contact_details|personal_details|personal_data|customer_data|dates_of_birth|"
    "dobs|passport_numbers|passport_nos|passport|passports|bank_statements|payslips|medical_records|tax_return"
)

CARE: tuple[Harm, ...] = (
    Harm(
        "cut off from something essential",
        MAJOR,
        (
            # the medicine named in one sentence, the running out told in the next: "she's been out of both since
            # Sat", "he's now completely out", "only got enough for tonight"
            "she|he|they|patient|pt|customer|mum|dad|son|daughter ... run_out|ran_out|completely_out|totally_out|"
            "out_of_both|out_of_them|been_out|now_out|only_got_enough|only_has_enough|enough_for_tonight|"
            "enough_till|enough_until|enough_to_last",
            MEDICINE
            + "|pens|pen ~ still_don't_have|still_do_not_have|still_not_got|still_hasn't_gone|hasn't_gone|"
            "has_not_gone|hasn't_been_sent|wasn't_placed|not_in_yet|still_not_in|days_of_pens|"
            "pens_left|pen_left|one_pen",
        ),
        near_miss=None,
        vetoes=(_OUT_OF_OTHER,),
        needs=(MEDICINE + "|hrt",),
    ),
    Harm(
        "someone was put in real danger",
        CRITICAL,
        (
            "drunk|drink-driving|drink_driving|over_the_limit|swerving|swerved|asleep_at_the_wheel|fell_asleep_driving|"
            "speeding|racing|on_his_phone_while_driving|texting_while_driving",
        ),
        near_miss=MAJOR,
        needs=("driver|driving|drove|drive|road|wheel|coach|bus|taxi|van|minibus|car",),
    ),
    Harm(
        "a medication error",
        CRITICAL,
        (
            "adult_strength|adult_dose|adult_dosage|wrong_strength|double_strength|too_strong|strength_for_adults",
        ),
        near_miss=MAJOR,
        near_says="a near miss on medication",
        hazard=True,
    ),
    Harm(
        "someone else got into their account",
        CRITICAL,
        (
            "ex|ex-husband|ex-wife|ex-partner|stranger|fraudster|fraudsters|scammer|scammers|someone|somebody|hacker|"
            "hackers ... got_into|gained_access|accessed|broke_into|took_over|get_into ... account|accounts|email|"
            "profile",
        ),
        near_miss=MAJOR,
    ),
    Harm(
        "a regulator involved",
        CRITICAL,
        (
            "inspector|inspectors|council|environmental_health|fire_officer|fire_safety ~ coming|visit*|inspect*|"
            "involved|notified|called|informed|attending|investigating",
        ),
        near_miss=None,
    ),
    Harm(
        "a safety hazard",
        MAJOR,
        (
            "fire_exit|fire_exits|fire_door|fire_doors|emergency_exit ... chained|locked|blocked|padlocked|obstructed",
            "forgot_to_tighten|not_tightened|left_loose|wasn't_tightened|weren't_tightened|not_done_up|left_undone",
        ),
    ),
    Harm(
        "their credit record harmed",
        MAJOR,
        ("missed_payment_marker|credit_file|credit_score|credit_rating|credit_record|default_notice|ccj",),
        near_miss=None,
    ),
    Harm(
        "a medication error",
        CRITICAL,
        (
            "got|given|gave|received|had|administered|injected ... 2|3|4|5|10|two|three|four|five|ten x|times ... "
            "dose|dosage|amount",
            "got|given|gave|received|had|administered|injected ... double|twice|triple|treble ... dose|dosage|amount",
            "overdose|overdosed",
        ),
        near_miss=MAJOR,
        near_says="a near miss on medication",
        hazard=True,
    ),
    Harm(
        "a near miss on medication",
        MAJOR,
        (
            "about_to ... inject|administer|give ... syringe|injection|dose|jab|drawn_up|labelled_for|meant_for",
        ),
        near_miss=MAJOR,
        needs=("syringe|drawn_up|labelled_for|meant_for|someone_else's|another|wrong|" + MEDICINE,),
    ),
    Harm(
        "medicine left out or spoiled",
        MAJOR,
        (
            "left|sat|sitting|lying|dumped|abandoned|stored|kept|baking|cooking|exposed ... sun|heat|warm|hot|"
            "degree|degrees|radiator|doorstep|step|porch|outside|van|car|boot|unrefrigerated|room_temperature",
            "warm|unrefrigerated|defrosted|spoiled|spoilt|ruined|unusable|gone_off|useless|can't_use|cannot_use|"
            "not_safe_to_use|not_sure_he_can_use|not_sure_she_can_use|not_sure_they_can_use",
        ),
        near_miss=None,
        vetoes=SHELTERED,
        needs=(_COLD_CHAIN,),
    ),
    Harm(
        "a medication error",
        CRITICAL,
        (
            "groggy|drowsy|confused|dizzy|woozy|sleepy|spaced|vomit*|sick|unwell|reaction|side_effects|"
            "hypo|had_a_fall|fell|collapsed",
            "took|taken|swallowed|had ... one|some|dose|tablet|tablets|pill|pills",
        ),
        near_miss=MAJOR,
        near_says="a near miss on medication",
        hazard=True,
        needs=(_MEDICINE_WRONG,),
    ),
    Harm(
        "a medication error",
        CRITICAL,
        (
            # someone else's medicine given: "his neighbour's blister pack", "sent home with the dog's dose",
            # "the injection that was meant for a Mrs Lewin"
            "gave|given|handed|dispensed|sent_home_with|went_home_with|supplied|issued|administered ... neighbour's|"
            "neighbours|neighbor's|neighbors|dog's|dogs|cat's|namesake's|other_patient's|another_patient's ... "
            + MEDICINE,
            MEDICINE
            + " ... meant_for|intended_for|prescribed_for|labelled_for ... mrs|mr|ms|miss|another|someone|"
            "somebody|a_different|the_other|patient|resident|her_neighbour|his_neighbour",
            # the instructions that go home with it were another's: "the discharge sheet was for a different dog"
            "discharge|sheet|instructions|label|leaflet ... for|was_for ... a_different|another|the_wrong|wrong ... "
            "dog|cat|pet|patient|child|person|baby|resident",
        ),
        near_miss=MAJOR,
        near_says="a near miss on medication",
        hazard=True,
    ),
    Harm(
        "medicine out of reach",
        MAJOR,
        (
            "went_without|gone_without|go_without|been_without|do_without|left_without|without_it|without_them|"
            "couldn't_dispense|could_not_dispense|unable_to_dispense|can't_dispense|cannot_dispense",
            "days_late|day_late|week_late|weeks_late|delayed_by|had_to_borrow|borrowed|ran_out|run_out",
        ),
        near_miss=None,
        negatable=False,
        vetoes=(_OUT_OF_OTHER,),
        needs=(MEDICINE,),
    ),
    Harm(
        "cut off from something essential",
        MAJOR,
        # a ramp that would not come down for a wheelchair user: the wheelchair is the harm, not a raiser
        (
            "ramp|ramps|hoist|platform_lift ~ wouldn't_deploy|didn't_deploy|won't_deploy|failed_to_deploy|jammed|stuck",
        ),
        near_miss=None,
        needs=("wheelchair|wheelchairs|mobility_scooter|powerchair",),
    ),
    Harm(
        "stuck without a way in or out",
        MAJOR,
        ("lift|lifts|elevator|elevators ~ out|broken|down|stuck|not_working|out_of_order",),
        near_miss=None,
        needs=(
            "wheelchair|mobility|disabled|disability|crutches|walker|zimmer|frame|scooter|can't_walk|cannot_walk",
        ),
    ),
    Harm(
        "a dose missed",
        MAJOR,
        ("forgot|forgotten|missed|skipped|didn't_give|never_gave|didn't_get|not_given ... " + MEDICINE,),
        near_miss=None,
        negatable=False,
    ),
    Harm(
        "something irreplaceable lost or broken",
        MAJOR,
        (
            "lost|lose|losing|missing|binned|threw|thrown|chucked|discarded|destroyed|ruined|broke|broken|smashed|"
            "shattered|cut_down|felled",
        ),
        near_miss=None,
        needs=(
            "late_husband|late_husband's|late_wife|late_mum|late_mum's|late_dad|late_mother|late_father|late_son|"
            "late_daughter|late_husbands|ashes|urn|heirloom|keepsake|wedding_ring|engagement_ring|irreplaceable|"
            "sentimental|can't_be_replaced|cannot_be_replaced|can't_replace|one_of_a_kind",
        ),
    ),
    Harm(
        "charged for work not done",
        MAJOR,
        ("old|original ... still_on|still_there|never_replaced|not_replaced|never_changed|not_changed",),
        near_miss=None,
        needs=("billed|charged|invoiced|paid|bill|invoice",),
    ),
    Harm(
        "a safety recall not done",
        MAJOR,
        ("never|not|wasn't|hadn't ... fitted|done|replaced|carried_out|actioned|completed",),
        near_miss=None,
        negatable=False,
        needs=("recall|recalled|airbag|airbags|seatbelt|seatbelts|car_seat|smoke_alarm|co_alarm",),
    ),
    Harm(
        "care delayed or cut off",
        MAJOR,
        (
            "referral|referrals|scan|biopsy|results|treatment|chemo|surgery|operation|bloods|blood_test ... "
            "never|not|wasn't|weren't|didn't|hadn't ... sent|made|booked|passed_on|done|processed|actioned|"
            "forwarded|requested|received|arrived",
        ),
        near_miss=None,
        negatable=False,
    ),
    Harm(
        "left without cover",
        MAJOR,
        (
            "uninsured|not_insured|wasn't_insured|no_insurance|without_insurance|driving_without",
            "cancelled|canceled|lapsed|stopped|ended ... insurance|cover|policy|policies",
            "policy|cover|insurance|breakdown_cover ~ lapsed|lapse|void|voided|cancelled_by_mistake",
            "wasn't_covered|weren't_covered|not_covered|no_cover|without_cover ... for ... day|days|week|weeks|"
            "month|months",
        ),
        near_miss=None,
        negatable=False,
    ),
    Harm(
        "personal details exposed to others",
        CRITICAL,
        (
            "another|other|wrong ~ tenant|tenant's|company|company's|customer's|client's|organisation|bucket",
            "public|publicly|forum|community|online|website|status_page|social_media|facebook|twitter|"
            "instagram|tiktok|youtube ~ shared|posted|showed|shown|published|visible|exposed|screenshot|"
            "recording|video|uploaded|everyone",
            "posted|shared|put_up|uploaded ... photo|photos|picture|pictures|pics ... online|facebook|group|"
            "instagram|twitter|tiktok|forum|community",
        ),
        near_miss=None,
        needs=(_CONTACTS,),
    ),
)
