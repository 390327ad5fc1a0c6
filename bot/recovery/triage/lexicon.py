"""The words for harm, by the level SPEC §2.2's rubric gives it. Cues are written as `reading.py`
explains: `a|b` one word of these, `stem*`, `two_words`, `...` up to five words on, `~` near."""

from __future__ import annotations

from dataclasses import dataclass

from bot.recovery.triage.senses import (
    FOOD_AND_PACKAGING,
    FOOD_AND_PRODUCTS,
    MISSPELT,
    NOT_A_DOSE,
    OFF_A_LIST,
    OUT_OF_PLACE,
)

CRITICAL, MAJOR, MODERATE = "critical", "major", "moderate"


@dataclass(frozen=True)
class Harm:
    """One kind of harm: what a reason calls it, the level it sets, and the ways it is written."""

    says: str
    severity: str
    cues: tuple[str, ...]
    near_miss: str | None = MAJOR  # its level when it only nearly happened; None: nearly is nothing
    near_says: str | None = None
    hazard: bool = False  # "nobody was hurt" elsewhere in the text makes it a near miss
    negatable: bool = True  # "no", "not", "nobody" just before cancel it
    vetoes: tuple[str, ...] = ()  # phrases that look like a cue but are not it ("sick of waiting")
    needs: tuple[str, ...] = ()  # it counts only when one of these is also in the text


_BODY = (
    "hand|hands|arm|arms|leg|legs|face|skin|finger|fingers|foot|feet|mouth|tongue|head|eye|eyes|neck|knee|"
    "wrist|ankle|hip|chest|lip|lips|toe|toes|shoulder|thigh|thighs|lap|back|forehead|cheek|scalp"
)
_PERSON = (
    "she|he|they|her|him|them|guest|patient|customer|client|man|woman|lady|child|kid|son|daughter|baby|"
    "toddler|boy|girl|resident|passenger|pax|mum|mom|dad|wife|husband|someone|somebody|member|student|"
    "pupil|worker|tenant|cyclist|pedestrian|driver|diner|pt"
)
_CHILD = (
    "child|children|kid|kids|toddler|baby|infant|boy|girl|pupil|pupils|*year-old|*yr-old|yo|minor|year_old|years_old|"
    "yr_old"
)
MEDICINE = (
    "medic*|meds|insulin|inhaler|inhalers|epipen|epipens|epi-pen|epi-pens|antidepressant*|test_strips|oxygen_cylinder|oxygen_cylinders|oxygen_delivery|pill|pills|tablet|tablets|prescription|prescriptions|"
    "script|scripts|dose|doses|dosage|drug|drugs|antibiotic*|vaccine|jab|injection|chemo|methadone|warfarin|"
    "morphine|methotrexate|blister|repeat_prescription|hormone|hormones|eye_drops|jabs|vaccination|vaccinations|"
    "immunisation*|dosette|hrt|*azepam|*olol|*pril|*statin|*prazole|*sartan|*cillin|*oxetine|codeine|tramadol|"
    "oxycodone|amlodipine|metformin|sertraline|levothyroxine|paracetamol|ibuprofen|gabapentin|pregabalin|"
    "lithium|clozapine|prednisolone|steroids|ritalin|anticoagulant*"
)
ALLERGEN = (
    "nut|nuts|peanut|peanuts|nut-free|gluten|gluten-free|dairy|dairy-free|shellfish|prawn|prawns|shrimp|"
    "sesame|tahini|egg|eggs|soy|lactose|wheat|celery|mustard|allergen|allergens|sulphite*|latex|penicillin|"
    "coeliac|celiac|allerg*"
)
# Where an allergy is real: an allergen, a medicine, food or a product is in the text.
_ALLERGY_SETTING = f"{ALLERGEN.removesuffix('|allerg*')}|{MEDICINE}|{FOOD_AND_PRODUCTS}"
SENSITIVE_DETAILS = (
    "results|test_result|diagnosis|diagnosed|biopsy|hiv|std|sti|pregnancy|medical|health|condition|prescription|"
    "meds|medication|records|notes|balance|salary|income|statement|statements|passport|passports|ssn|dob|dobs|"
    "birth|password|passwords|pin|x-ray|scan|scans|therapy|mental_health|smear|credit|card_number|account_number|"
    "acct|bank_details|card_details|sort_code|national_insurance|nhs_number|test_results|hiv|disability|"
    "support_plan|arrears|loan|loans|debts|overdraft|weight|body_fat|bmi|viagra|contracepti*|abortion|ivf|"
    "miscarriage|psychiatric|counselling|counseling|rehab|addiction|criminal_record|dbs|passport_number|sen|"
    "ehcp|fertility|sexual_health|"
    "passport_numbers|photo_page|bank_statement|payslip|salary|medical_history|health_history"
)
# Details whose disclosure harms: what the next harm's cues need somewhere in the text.
_STRICT_SENSITIVE = (
    "result|results|diagnosis|diagnosed|biopsy|hiv|std|sti|pregnancy|pregnant|medical|health|condition|"
    "prescription|medication|meds|records|balance|salary|income|statement|statements|passport|passports|"
    "ssn|dob|dobs|password|passwords|pin|x-ray|scan|scans|therapy|mental|smear|card_number|account_number|"
    "bank_details|card_details|sort_code|disability|support_plan|arrears|loan|debts|overdraft|weight|body_fat|"
    "viagra|contracepti*|abortion|ivf|psychiatric|counselling|counseling|criminal_record|test|tests|history|"
    "miscarriage|sen|safeguarding|ehcp|fertility|sexual_health|cancer|hiv"
)
_ROOM = (
    "reception|waiting_room|waiting_area|counter|queue|shop|room|ward|office|class|everyone|everybody|people|"
    "customers|patients|guests|desk|front_desk|lobby|corridor"
)
_PERSONAL = (
    SENSITIVE_DETAILS
    + "|address|addresses|details|data|info|information|personal|private|confidential|file|files|"
    "payslip|payslips|invoice|invoices|bill|bills|letter|letters|email|emails|names|name|booking|bookings|"
    "confirmation|confirmations|documents|form|forms|report|message|messages|photos|account"
)
OTHERS = (
    "aloud|loud|loudly|announce*|shout*|broadcast|overheard|overhear|hear|heard|listen*|earshot|everyone|"
    "everybody|waiting_room|in_front_of|stranger|strangers|neighbour|neighbor|another|someone_else|"
    "somebody_else|someone_else's|wrong_person|wrong_address|wrong_patient|wrong_customer|wrong_client|"
    "wrong_email|wrong_house|wrong_family|public|publicly|visible|leak*|expose*|disclose*|breach*|cc|cc'd|"
    "hack*|compromise*|other|others|ex-husband|ex-wife|ex|old_address|new_tenants|queue|reception|counter|"
    "group|groups|whatsapp|seminar|class|classmates|colleagues|coworkers|employer|boss|workmates|mailing_list|"
    "reply-all|neighbours|across"
)

TO_PEOPLE: tuple[Harm, ...] = (
    Harm(
        "someone was hurt",
        CRITICAL,
        (
            "injur*|hurt|wound|wounded|bleeding|bled|bruise*|bruising|concussion|concussed|fracture*|sprain*",
            "covered_in_blood|blood_everywhere|blood_all",
            "broke|break|broken|fracture* ... " + _BODY + "|rib|ribs|bone|bones|tooth|teeth|nose|collarbone",
            "burn|burnt|burned|burns|scald|scalded|blister*|singe*|seared ~ " + _BODY,
            "burnt|burned|scalded|singed himself|herself|themselves|him|a_child|the_child|a_baby|the_baby|her_son|"
            "her_daughter|his_son|his_daughter|a_guest|the_guest|a_customer",
            "got_burnt|got_burned|got_scalded|been_scalded|was_scalded|were_scalded|got_a_burn|suffered_burns|"
            "has_burns|had_burns|burns_to|burn_on|burn_to|scald_on|scald_to|blistered",
            "chipped|cracked|broke|broken ... molar|tooth|teeth",
            "needle_stick|needlestick|emergency_dentist",
            "hot|boiling ... spill*|spilt|spilled|pour*|poured|knock*|tip* ... on|over|down ... "
            + _BODY
            + "|her|him",
            "red_marks|bite_marks|claw_marks|scratch_marks",
            "cut|gash|gashed|sliced ~ " + _BODY,
            "need|needed|get|got|require*|had ... stitch|stitches|plaster|cast|x-ray|surgery",
            "pass|passed out",
            "felt|feel|feeling|went|go|going|came_over faint|dizzy|woozy",
            "now_in_hospital|ended_up_in_hospital|is_in_hospital|was_kept_in|kept_in_overnight|on_a_drip|"
            "intensive_care|icu|resus",
            "fainted|fainting|collapse|collapsed|unconscious|seizure ~ " + _PERSON,
            "hit|struck|smacked|whacked ... " + _BODY,
            "bitten|bite|bites|stung|sting|mauled",
            "chok*|drown*|suffocat*|crush*",
            "taken|rushed|went|go|going|gone|ended|admitted|sent|drove|driven ... hospital|a&e|er|emergency|urgent_care",
            "wrong ~ tooth|teeth|side|leg|arm|eye|knee|patient|kidney|procedure|operation|limb",
        ),
        vetoes=(
            "power_cut|cut_off|cut_back|cut_corners|chest_freezer|chest_of_drawers|head_office|back_office|"
            "back_door|back_lane|back_garden|hand_over|face_value|hit_back|back_wall|arm_chair|sent_them_back|sent_it_back|"
            "send_it_back|sent_back|came_back|go_back|went_back|call_back|ring_back|get_back|bring_back|took_back|"
            "money_back|back_to|back_in|back_on",
            "blister_pack|blister_packs",
            "going_on_to|goes_on_to|go_on_to|runs_to|route_to|service_to|terminating|stops_at|stop_at ... hospital",
            "hurt feelings",
            "hurt my feelings",
            "hurt her feelings",
            "hurt his feelings",
            "hurt business",
            "fainted|fainting|faint ... at_the_sight_of|sight_of_the_needle|sight_of_blood",
            "mode|screen|app|music|light|lights|noise|brightness|font|chairs|seats|mattress|pillows ... hurts|hurting",
            "bruised|bruise|bruises ~ banana|bananas|apple|apples|fruit|pear|pears|peach|peaches|avocado|ego",
            *FOOD_AND_PACKAGING,
            *MISSPELT,
        ),
    ),
    Harm(
        "someone was put in real danger",
        CRITICAL,
        (
            "gas ~ leak*|smell*|smelt|reek*|stink*|whiff|hiss*|escap*",
            "leave|left|leaving ... gas|hob|stove|oven|cooker ... on",
            "carbon_monoxide|monoxide",
            "caught|catch|catching fire",
            "on_fire|in_flames|flame|flames|ablaze|alight|blaze",
            "fire ~ broke|start|started|kitchen|fryer|out|spread|smothered",
            "electric*|socket|sockets|outlet|outlets|wire|wires|wiring|plug|lamp|panel|cable|fuse|fusebox|switch ~ "
            "shock|shocked|jolt|jolted|zap|zapped|electrocut*",
            "electrocut*",
            "got|get|gave|given|giving ... zap|jolt|shock|electric_shock",
            "got|get|gave|given|took ... belt|zap|jolt|shock ... off|from",
            "numb|numbness|tingling|pins_and_needles ~ " + _BODY,
            "wheel|wheels|wheel_nut|wheel_nuts ~ came_off|come_off|fell_off|off|loose|came_loose|wobbl*|detach*",
            "went_under|pulled_out_of_the_water|pulled_him_out|pulled_her_out|got_into_difficulty|"
            "got_into_difficulties|face_down ~ pool|water|deep_end|lake|sea|bath|river",
            "brake|brakes ~ fail*|failed|gone|went|nothing|lost|didn't|not",
            "lost_power|cut_out|stalled|conked_out|broke_down|died ~ motorway|dual_carriageway|a_road|highway|fast_lane|"
            "junction|roundabout|flyover|bridge",
            "pedal ~ floor|spongy|sank|sink*",
            "steering ~ fail*|locked|lock*|went",
            _CHILD + " ... missing|lost|wander*|wandered|unattended|unsupervised|alone|left|strang*|stranger",
            "left|forgot|forgotten|lost|abandoned ... " + _CHILD + " ... behind",
            "left|went|drove|set_off ... without ... " + _CHILD,
            _CHILD
            + " ... walked_out|wandered_off|ran_off|got_out|went_missing|slipped_out|escaped|walked_off",
            "lost_track ... " + _CHILD,
            "unaccompanied_minor",
            "not_on|not_on_her|not_on_his ... list|collection|pickup|authori*",
            "picked|collected|released|handed ... by|to ... stranger|wrong|someone_not|not_on",
            "key|keys|keycard|keycards ~ wrong_person|stranger|man_who|woman_who|someone_else|another_guest",
            "trench|hole|manhole|pit ... open|uncovered|unguarded|no_barriers",
        ),
        hazard=False,
        vetoes=("fire him", "fire her", "fire them", "fire someone", "rapid fire"),
    ),
    Harm(
        "a safety hazard",
        MAJOR,
        (
            "spark|sparks|sparked|sparking|arcing",
            "smoke ~ pour*|fill*|billow*|everywhere|coming",
            "fire_exit|fire_exits|fire_door|emergency_exit ~ chained|locked|blocked|padlocked",
            "boil_water|do_not_drink|contaminat*melt*|melted|scorch*|charred|overheat*|smoulder*",
            "smell*|smelt ... burning|burn*|smoke",
            "live|exposed|bare|loose|dangling ... wire|wires|wiring|cable|cables",
            "wire|wires|wiring|cables ... expose*|hang*|dangl*|live|sticking",
            "panel|fusebox|fuse|breaker|socket ... cover ... off|open|missing",
            "left ... panel|cover ... off|open",
            "slip|slipped|trip|tripped|fall|fell|fallen|tumble|tumbled|stumble|stumbled ... floor|stair|stairs|"
            "step|steps|ice|icy|wet|bath|bathtub|shower|puddle|ladder|hole|pavement|carpet|cable|rug|curb|kerb|"
            "down|over|off|balcony|ramp|belt|rail",
            "ladder|ceiling|shelf|shelving|tile|tiles|sign|mirror|branch|tree|scaffold*|light|fixture|beam|railing|"
            "banister|handrail|balcony|balustrade|case|bag|suitcase|box|cable|slate|slates|brick|bricks|glass|pane|"
            "door|gate|hatch|cupboard|unit|cabinet|radiator|fan|lamp|tv|bracket|frame|window|plaster ~ fall|fell|fallen|collapse*|came_down|come_down|crash*|gave_way|snapped|fell_out|"
            "came_loose|loose|came_away|came_off|shattered|dropped|dropping|knocked_over|toppled|tipped_over|"
            "blew_over",
            "missed ... head|inches|inch|foot|feet|cm|whisker",
            "illegal|bald|unsafe|worn|faulty|dangerous|down_to_metal|down_to_the_metal|metal_on_metal ~ tyre|tyres|tire|"
            "tires|brakes|brake|steering|pads|discs",
            "collision|killed|kill_someone|kill_somebody|fatal|death_trap|deathtrap|have_crashed|been_a_crash",
            "glass|metal|screw|bolt|needle|blade|plastic|wire|staple ~ food|meal|salad|drink|pasta|soup|sandwich|"
            "burger|pizza|bread|dish|mouth|curry|cake|chips|bite",
            "raw|undercooked|pink ~ chicken|pork|burger|sausage|sausages",
            "recall|airbag|airbags|seatbelt|seatbelts|seat_belt|car_seat|smoke_alarm|smoke_detector|co_alarm|"
            "fire_alarm|barrier|barriers|guard|handrail ~ not|never|didn't|wasn't|missing|faulty|fail*|wrong|"
            "isn't|broken|off",
            "unsafe|hazard|hazardous|dangerous|danger|risky",
            "frayed|exposed|melted|scorched|bare ~ lead|flex|cord|cable|wire|wiring|plug",
            "had|taken|took ... a_fall|a_tumble",
            "mould|mold|mouldy|moldy|rat|rats|mice|mouse|cockroach*|roach*|droppings|maggot*|bedbug*|bed_bugs|"
            "bed_bug",
            "unlatched|unlocked|open ~ pool|pool_gate|pool_fence|stairgate|stair_gate|safety_gate|baby_gate",
        ),
        near_miss=MAJOR,
        near_says="a near miss on safety",
        vetoes=(
            *OFF_A_LIST,
            "risk of",
            "smelled|smelt|smells|stank|stinks|reeked|reeks of smoke|cigarettes|cigarette_smoke|weed|cannabis",
            "no risk",
            "smoking area",
            "non-smoking",
            "no smoking",
            "open the door",
            "said|says|called|calling|reckons ... death_trap|deathtrap",
            "dropped|knocked|spilled her|his|their|a glass|drink|cup|mug|plate",
            "alarm|alarms went_off|going_off|goes_off|kept_going_off|sounded|set_off",
            "killed|killing|kill ~ atmosphere|mood|vibe|buzz|evening|night|me|it|time",
        ),
    ),
    Harm(
        "a medication error",
        CRITICAL,
        (
            "wrong|incorrect|someone_else's|another|classmate's|double|extra|expired|mixed ... " + MEDICINE,
            MEDICINE
            + " ... wrong|another|someone_else's ... patient|baby|child|person|resident|customer|man|woman|twin",
            "dose|doses|dosage ~ wrong|double|twice|too_much|ten_times|incorrect|too_high|overdose",
            "overdose*|od'd",
            "mg|ml|mcg|microgram*|milligram*|strength ~ instead|instead_of|wrong|double|twice|too_high",
            "daily|weekly|monthly|hourly|twice ... instead|should|supposed|meant|not ... daily|weekly|monthly",
            "wrong|incorrect|mixed_up|mix-up|muddled|wrongly|put_together_wrong ~ blister|blister_pack|dosette|"
            "pack|eye_drops|drops|cream|inhaler|insulin|tablets|pills",
            "gave|given|give|dispensed ... twice|double|again",
            "jab|injection|vaccine|vaccination|dose ~ twice|double|again",
        ),
        near_miss=MAJOR,
        near_says="a near miss on medication",
        hazard=True,
        vetoes=(
            "medical records",
            "medical record",
            "wrong house|address|door|street|branch|store|day|time",
            *NOT_A_DOSE,
        ),
    ),
    Harm(
        "an allergic reaction",
        CRITICAL,
        (
            "anaphyla*|allergic_reaction|reaction|reacted|hives|swell|swelled|swollen|throat|wheez*|tingl*|"
            "tingly|itchy|itching|rash|puffy|puffed ~ "
            + ALLERGEN
            + "|epipen|epipens|epi-pen|epi-pens|antidepressant*|test_strips|oxygen_cylinder|oxygen_cylinders|oxygen_delivery|adrenaline|allergic",
            "anaphyla*",
            "use|used|needed|grab|grabbed|give|gave|inject* ... epipen|epi-pen|adrenaline",
            "allergic_reaction",
            "lips|throat|tongue|face ~ tingl*|tingly|swell*|swollen|puff*|itch*",
        ),
    ),
    Harm(
        "an allergy was put at risk",
        MAJOR,
        (
            "allerg*|intoleran*|coeliac|celiac",
            ALLERGEN + " ~ free|flagged|told|said|asked|warned|label*|contain*|despite",
        ),
        vetoes=("hay_fever|hayfever|hay-fever ~ allerg*",),
        needs=(
            _ALLERGY_SETTING,
        ),  # "allergic to Vivaldi", "an allergy to bad contrast" are figures of speech
    ),
    Harm(
        "someone was made ill",
        CRITICAL,
        (
            "vomit*|diarrh*|salmonella|norovirus|listeria|e-coli|campylobacter|poison*|puke*|puking",
            "stomach_bug|food_poisoning|throwing_up|threw_up|throw_up|been_sick|was_sick",
            "sick|ill|unwell|poorly ~ after|eat|eating|ate|meal|food|chicken|fish|dinner|lunch|buffet|dish|"
            "breakfast|made|make|fell|whole_night|all_night|night|hospital|taken",
            "drowsy|dizzy|confused|vomiting ~ after|meds|tablet|tablets|medication",
        ),
        vetoes=(
            "sick of",
            "sick and tired",
            "sick to death",
            "sick day",
            "sick leave",
            "sick note",
            "call sick",
        ),
    ),
    Harm(
        "sensitive details exposed to others",
        CRITICAL,
        (
            "read|reading|said|shouting|called|talked|discussed|spoke ... out|aloud|loud|through ... "
            + SENSITIVE_DETAILS,
            "send|sent|emailed|mailed|posted|gave|given|handed|shared|forward*|texted|went ... "
            + SENSITIVE_DETAILS
            + " ... to|with ... wrong|another|other|someone_else|somebody_else|stranger|neighbour|ex|different|whole|"
            "husband|wife|partner|estranged|employer|boss|man|woman|caller|family|colleague",
            "send|sent|emailed|mailed|posted|gave|given|handed|shared|texted ... husband|wife|partner|ex|estranged|"
            "employer|boss|neighbour|stranger|man|caller|colleague ... " + SENSITIVE_DETAILS,
            "data|security ... breach|leak|leaked|hack|hacked",
            "breach|leak|leaked ~ data|details|information|info|records",
        ),
        near_miss=MAJOR,
        vetoes=(
            "went_missing|go_missing|gone_missing|in_credit|store_credit|credit_note",
            "posted|tweeted|wrote ... online|review|that",
            "she|he|they|customer|cust|client|patient|guest|member|tenant sent|emailed|forwarded|texted|shared|uploaded",
        ),
    ),
    Harm(
        "sensitive details exposed to others",
        CRITICAL,
        (
            "read|said|shouted|shout*|announce*|called|yelled|discussed|talked|spoke|mentioned|asked ... across|"
            "aloud|out_loud|loudly|in_front_of|within_earshot|whole ... " + _ROOM,
            "mailed|emailed|sent|posted|forwarded|shared|shown|showed|gave|handed|phoned|copied|cc'd ... to|with|in "
            "... group|everyone|whole|all|cc|other|others|employer|boss|neighbour|neighbor|ex|ex-husband|ex-wife|"
            "another|colleagues|class",
            "overheard|heard_it|heard_the_message|heard_the_voicemail|listened_to_it|listened_to_the",
            "printout|paperwork|letter|file|form|statement|screen|list ... left|lying|visible|open ... counter|desk|"
            "reception|printer|table|screen",
            "mailed|emailed|sent|posted|forwarded|shared|cc'd ... whole|entire|all|everyone|everybody ... class|school|"
            "group|list|staff|team|office|company|street|parents|customers|ward",
        ),
        near_miss=MAJOR,
        needs=(_STRICT_SENSITIVE,),
    ),
    Harm(
        "a privacy lapse",
        MAJOR,
        (
            _PERSONAL
            + " ... to|went|sent|in ... wrong|another|someone_else|somebody_else|ex-husband|ex-wife|"
            "old_address|old_flat|old_house|old_home|previous_address|former_address|stranger|other",
            "someone_else's|somebody_else's|another_customer's|another_patient's|another_company's|"
            "another_client's|another_guest's|another_family's|another_person's ... " + _PERSONAL,
            "told|said|discussed|announced|read|shouted|mentioned ... in_front_of|across|within_earshot ... "
            "others|other|everyone|parents|people|customers|guests|patients|colleagues|queue|room|neighbour",
            "showed|showing|shows|see|saw|seen ... someone_else's|somebody_else's|someone_elses|somebody_elses|another|other|"
            "stranger's",
            "wrong ... person|customer|patient|client|address|email|family|guest|parent|account ... "
            + _PERSONAL,
            "gave|given|give|told|tell|passed|handed|read|shown|showed|mailed|emailed|sent|posted|forwarded|texted|"
            "shared|phoned|called|discussed ... to|with ... man|woman|caller|stranger|neighbour|neighbor|"
            "neighbours|ex|ex-husband|ex-wife|employer|boss|colleague|colleagues|group|everyone|whole|someone|"
            "somebody|another|other|others|brother|sister|relative|friend",
        ),
        near_miss=None,
        vetoes=(
            "bag|bags|luggage|suitcase|case|parcel|order|food|meal|tray|flowers|delivery ... to ... wrong|other|another",
            "another|other ~ branch|store|shop|pharmacy|site|day|time|date|room|table|stock",
            *OUT_OF_PLACE,
            *MISSPELT,
            "shouted_at|yelled_at|screamed_at|swore_at|snapped_at|told_him_to|told_her_to|told_them_to",
        ),
    ),
    Harm(
        "police or emergency services involved",
        CRITICAL,
        (
            "police|cops|cop|911|999|112|paramedic*|ambulance|firefighters|firemen|fire_brigade|fire_department|"
            "fire_service|emergency_services|crime_number|crime_reference",
            "call|called|calling ... emergency",
            "a&e|er|hospital ... gone|went|go|taken|rushed",
        ),
        near_miss=None,
        vetoes=("police|ambulance|fire station|stations|depot|headquarters|hq",),
    ),
)
