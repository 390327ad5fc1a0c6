"""Harm to people told as a plain event, the harm left for the reader to infer (SPEC §2.2): a fitting
that "came away from the wall and caught him", a keycard that opens another guest's room, a flue
left running cracked, a driver on his phone at 70, an address handed to the ex she moved to get
away from. Cues are written as `reading.py` explains."""

from __future__ import annotations

from bot.recovery.triage.lexicon import ALLERGEN, CRITICAL, MAJOR, MEDICINE, Harm
from bot.recovery.triage.losses import EVENT, OCCASION, SHELTERED, THINGS

BODY = (
    "hand|hands|arm|arms|leg|legs|face|finger|fingers|foot|feet|mouth|head|eye|eyes|neck|knee|wrist|ankle|"
    "hip|chest|lip|toe|toes|shoulder|forehead|cheek|scalp|nose|temple|shin|shins|elbow|jaw|chin|skull"
)
# Who an object or a vehicle can land on: pronouns as objects, never "her" (it is also "her car").
_STRUCK = (
    "him|them|himself|herself|themselves|child|kid|toddler|boy|girl|baby|guest|customer|patient|"
    "pedestrian|cyclist|man|woman|lady|resident|pupil|passenger|someone|somebody|worker"
)
_ANIMAL = (
    "dog|dogs|dog's|cat|horse|pony|animal|puppy|goat|parrot|bird|alpaca|donkey|labrador|terrier|spaniel|collie|"
    "alsatian|staffie|husky|retriever|poodle"
)
_VEHICLE = (
    "car|van|bus|coach|lorry|truck|forklift|trolley|cart|buggy|bike|scooter|vehicle|taxi|tram|train|"
    "tractor|golf_buggy|door|doors|barrier|gate|shutter|lift_door|boom"
)
_DOOR = "room|rooms|door|flat|apartment|cabin|house|home|bedroom|locker|chalet|caravan|tent|suite|unit"
_GAS = "meter|boiler|hob|cooker|gas|flue|heater|appliance|pipework|stove"

EVENTS: tuple[Harm, ...] = (
    Harm(
        "someone was hurt",
        CRITICAL,
        (
            "caught|clipped|trapped|jammed|bashed|banged|grazed|scraped|pinched|crushed ... " + BODY,
            BODY + " ~ trapped|caught_in|crushed|jammed|stuck_in|shut_in",
            "toppled|tipped|collapsed|fell|came|crashed|pulled|knocked|dropped ... over_on|down_on|onto|on_top_of "
            + _STRUCK,
            "toppled|tipped|collapsed|fell on him|them|himself|herself|themselves",
            "small|little|nasty|deep|bad|big|huge|painful cut|graze|gash|bruise|bruises|welt",
            "cut|graze|gash|bump|lump|bruise|bruises|welt|swelling ... on|to|above|below|over ... " + BODY,
            "took_out|extracted|pulled|removed|operated_on|amputated ... instead_of|wrong|healthy",
            "lost_a_healthy|healthy_tooth|wrong_tooth|wrong_side|wrong-site_surgery|wrong_site_surgery|wrong_eye|"
            "wrong_knee",
            "burn_cream|burn_gel|burns_dressing|cold_water_on_it|under_the_cold_tap|first_aider|first-aider",
            "red|raw|sore|blistered|angry ... patches|blotches|welts|skin ~ back|shoulders|" + BODY,
            "gone|went|going|sent|taken|off ... for ... x-ray|xray|scan|stitches|check-up",
            "threw|thrown|bucked|tipped ... off",
            "operated_on|operated ~ wrong|the_other",
            "grabbed|pinned|restrained|choked|held|shoved|pushed ... by_the_neck|by_the_throat|throat|to_the_floor|"
            "against_the_wall|in_a_headlock|headlock|to_the_ground",
            "punched|slapped|kicked|headbutted|assaulted|manhandled|strangled",
            "having|had|suffered|suffering|went_into ... seizure|fit|heart_attack|stroke|asthma_attack|hypo|"
            "anaphylactic_shock",
            "eye_casualty|minor_injuries|walk-in_centre|urgent_treatment_centre|fracture_clinic",
            "shard|splinter|glass|debris|chemical|bleach ... in|into ... eye|eyes",
            "went_over_on|went_over|twisted|turned|rolled|jarred|wrenched ~ ankle|knee|wrist|neck|shoulder",
            "lost|losing|loss_of|lose ... sight|vision|hearing|use_of",
            "infected|infection|septic|cellulitis ~ cut|wound|finger|toe|cuticle|piercing|tattoo|stitches|"
            + BODY,
            "first_aid|first-aid ~ gave|given|needed|needing|treated|administered|applied",
            "patched|bandaged|stitched ... him|her|them ... up",
            "hit|struck|clipped|knocked_down|knocked_over|run_over|ran_over by ... " + _VEHICLE,
            "reversed|backed|drove|swerved|rolled into|over ... " + _STRUCK,
            "attacked|went_for|lunged_at|nipped|jumped_up_at|knocked_her_over|knocked_him_over ~ " + _ANIMAL,
            "went_for|lunged_at|attacked|mauled|jumped_up_at ... " + _STRUCK,
            "knocked|pushed|threw|sent|thrown ... him|her|them|man|woman|child|gentleman|lady|boy|girl ... "
            "to_the_ground|to_the_floor|flying|off_his_feet|off_her_feet|off_balance",
            "closed|shut|slammed|swung ... on|into ... him|them|man|woman|gentleman|lady|child|boy|girl|"
            + BODY,
            "pulled|dragged|fished|rescued ... from|out_of ... deep_end|pool|water|lake|sea|river",
            "hit|struck|clipped|knocked_down|knocked_over|ran_over|run_over ... pedestrian|cyclist|child|kid|toddler|"
            "boy|girl",
        ),
        vetoes=(
            "caught up|out|short|it|them|this|that|the_bus|the_train|a_cold|a_bus|sight|fire",
            "kicked_off|kick_off|kicking_off|kicks_off|kicked_up",
            "car|van|vehicle|bike|bus|lorry|truck|door|fence|wall|gate|post|window|bumper|mirror|wing was|were|got "
            "hit|struck|clipped",
            "threw|thrown|tipped ... off ... list|rota|course|bus|train|plane|flight|site|premises|shift|scheme",
            "closed|shut|slammed ... chat|call|line|account|ticket|case|complaint|window|tab|app|shop|store|branch",
            "lump_sum|bump_up|bumped_up|cut_off|cut_price|cut_short|power_cut|price_cut|cut_corners|hair_cut|"
            "haircut|pay_cut|cut_back",
            "into|over ... bollard|post|bin|budget|time|bill|" + THINGS,
        ),
    ),
    Harm(
        "someone was put in real danger",
        CRITICAL,
        (
            # a stranger let in: a key, card or code that opens someone else's door
            "keycard|keycards|key_card|room_key|key|keys|fob|fobs|door_code|access_code|entry_code|master_key|"
            "lock|locks ~ opens|opened|open|works|worked|let_in|lets_in|let_him_in|let_her_in ... too|also|"
            "another|other|wrong|someone_else's|next_door|neighbouring|adjoining|as_well|every|all|any|whole|"
            "everyone's",
            "left|forgot|forgotten|abandoned ... child|kid|toddler|pupil|year_old|yr_old|years_old|*year-old ... "
            "at|in|on|behind|alone",
            "man|stranger|strange_man|another_guest|guy|intruder|bloke|someone_else|somebody_else ... in|into|"
            "entered|walked_into|came_into|let_himself_into|already_in ... her|their|the_wrong " + _DOOR,
            "gave|given|handed|issued|cut|made|sent ... key|keys|keycard|spare|code|fob ... to_someone|"
            "to_a_stranger|to_a_man|to_a_woman|to_the_wrong_person|to_another_guest|to_her_ex|to_his_ex|to_the_ex|"
            "to_someone_else|to_somebody_else|to_another_person|to_a_random",
            # an address or a way in given to someone they are afraid of
            "get_away_from|getting_away_from|fled|fleeing|restraining_order|non-molestation|injunction|"
            "domestic_abuse|domestic_violence|abusive_ex|abusive|refuge|safe_house|protective_order|stalker|"
            "stalking|knows_where_she_lives|knows_where_he_lives|knows_where_they_live|knows_her_address|"
            "has_her_address|has_her_new_address",
            "gave|given|handed|told|passed|read_out ... room_number|room_no|address|whereabouts|new_address|"
            "phone_number|new_number ... to ... ex|her_ex|his_ex|ex-partner|ex-husband|ex-wife|estranged",
            "let|allowed|buzzed|gave_access ... drunk|drunken|man|men|male|a_man|stranger ... into|in ... women's|"
            "women|female|ladies|girls|dorm|her_room|their_room",
            "locked|shut|trapped ... child|kid|toddler|pupil|year_old|yr_old|years_old|*year-old ... in|inside",
            "let|allowed|buzzed ... stranger|a_stranger|an_unknown|unknown_man|unknown_woman|strangers ... in|into|"
            "through",
            "chest_pain|chest_pains|breathing|can't_breathe|struggling_to_breathe|bleeding_heavily|stroke_symptoms ~ "
            "wait|waited|waiting|ignored|not_seen|turned_away|sent_home|refused",
        ),
        vetoes=(
            "no_one|nobody|nothing ... in|into|entered",
            "child|kid|kids|children|toddler|pupil|year_old coat|coats|bag|bags|toy|toys|shoes|jacket|lunchbox|"
            "book|books|drawing|bottle|things|stuff|belongings|buggy|pram|car_seat|scooter|bike|bikes",
        ),
    ),
    Harm(
        "someone was hurt",
        CRITICAL,
        ("bit|bites|nipped|scratched|snapped_at ~ " + BODY + "|child|boy|girl|toddler|baby",),
        needs=(_ANIMAL,),
    ),
    Harm(
        "a way in left open to strangers",
        MAJOR,
        (
            "anyone|anybody|strangers|a_stranger|someone|people ... could_have|could|can|might_have ... opened|open|"
            "got_in|get_in|walked_in|walk_in|come_in|entered|taken|accessed|access",
            "left|was|were ... unlocked|unsecured|wide_open ... all_night|overnight|all_weekend|for_hours|all_day|"
            "all_afternoon|all_morning|all_evening",
            "reset|set|changed ... to ... 0000|1234|default",
            "keep|kept|keeping|made|cut|took ... copy|copies|spare ... key|keys|fob",
        ),
        near_miss=None,
        needs=(
            "door|doors|flat|room|safe|house|building|premises|locker|gate|front_door|shop|office|key|code|alarm|garage",
        ),
    ),
    Harm(
        "someone was put in real danger",
        CRITICAL,
        (
            # gas told by what people smelt, a flue left running cracked
            "still_smell|could_smell|smell_it|smelt_it|smelling_it|smelled_it|rotten_eggs|whiff_of",
            "flue|flues ~ crack*|leak*|split|damaged|broken|blocked|condemned|unsafe|disconnected|loose",
            "loose|leaking|leaky|cracked ~ union|joint|fitting|pipework|connection",
        ),
        near_miss=MAJOR,
        needs=(_GAS,),
    ),
    Harm(
        "someone was put in real danger",
        CRITICAL,
        (
            "reused|re-used|used_the_same|shared|dirty|unsterilised|unsterile ... needle|needles|syringe|lancet|"
            "razor|blade",
            "engineer|driver|staff|fitter|electrician|plumber|carer|nurse|pilot|instructor|technician|doctor|"
            "dentist|lifeguard|chef|employee|worker|operative ... drunk|intoxicated|under_the_influence|"
            "smelled_of_alcohol|smelt_of_alcohol|stank_of_alcohol|stoned|high_on",
        ),
        near_miss=MAJOR,
    ),
    Harm(
        "a safety hazard",
        MAJOR,
        (
            "without_a_break|no_break|without_rest|no_rest|over_his_hours|over_her_hours|over_hours|tachograph|"
            "hours_without",
        ),
        near_miss=MAJOR,
        negatable=False,
        needs=("driver|driving|drove|drive|coach|bus|taxi|van|minibus|cab|lorry|pilot",),
    ),
    Harm(
        "someone was put in real danger",
        CRITICAL,
        (
            "on_his_phone|on_her_phone|on_their_phone|on_the_phone|on_his_mobile|on_her_mobile|texting|"
            "phone_in_hand|phone_in_his_hand|scrolling|filming|watching ~ driving|motorway|mph|doing|speed|"
            "overtaking|lanes|wheel|dual_carriageway|m1|m25|m6|70|80|60",
            "went_through|ran|jumped|drove_through ... red_light|red|red_lights|lights",
        ),
        near_miss=MAJOR,
        needs=("driver|driving|drove|drive|coach|bus|taxi|van|minibus|cab|lorry|chauffeur",),
    ),
    Harm(
        "an allergic reaction",
        CRITICAL,
        (
            "blotch*|hives|welts|rash|swelling|swollen|puffy|red_patches|came_up_in|broke_out ~ mouth|cheeks|"
            "face|lips|eyes|neck|body|all_over|arms|tongue",
            "gave|given|give|needed|administered|took ... antihistamine*|piriton|benadryl|cetirizine|"
            "loratadine|epipen|epi-pen|adrenaline",
        ),
        needs=(ALLERGEN + "|allergy|allergies|allergic|free_list|care_plan",),
    ),
    Harm(
        "a safety hazard",
        MAJOR,
        ("gate|gates|door|doors|fence ~ unlatched|unlocked|left_open|open|propped_open|wide_open",),
        near_miss=MAJOR,
        near_says="a near miss on safety",
        needs=("kids|children|child|pupils|toddler|toddlers|nursery|playground|pool|baby|babies|class",),
    ),
    Harm(
        "an animal in our care got out",
        MAJOR,
        (
            "slipped_out|got_out|escaped|ran_off|went_missing|bolted|wandered_off|got_loose|jumped_the_fence|"
            "missing|lost",
        ),
        near_miss=None,
        needs=(
            "kennel|kennels|cattery|boarding|daycare|day_care|groomer|groomers|grooming|dog_walker|vets|"
            "stable|livery|pet_sitter|run",
        ),
        vetoes=("lost|missing ... lead|collar|bowl|blanket|toy|paperwork|notes|records",),
    ),
    Harm(
        "a medication error caught in time",
        MAJOR,
        (
            "label|labelled|labels ~ said|says|printed|stated|states ... times|daily|weekly|mg|ml|twice|once|"
            "hourly|tablets|dose|morning|night",
        ),
        needs=(MEDICINE,),
    ),
    Harm(
        "a medication error",
        CRITICAL,
        (
            "took|taken|swallowed|had|given ... one|two|some|dose|tablet|tablets|pill|pills|of_them|of_her|of_his",
            "gave|given|administered|had ... second|another|extra|double|repeat ... jab|dose|injection|vaccine|"
            "vaccination|booster|flu_jab",
        ),
        near_miss=MAJOR,
        near_says="a near miss on medication",
        hazard=True,
        needs=(
            "gave|handed|given|dispensed ... someone_else's|somebody_else's|another|the_wrong|wrong|"
            "neighbour's|neighbours|another_patient's|another_customer's|different|dad|mum|wife|husband|father|"
            "mother|son|daughter|brother|sister|partner ... bag|meds|medication|"
            "prescription|repeat|tablets|pills|script|name",
            "wrong_bag|wrong_patient|wrong_person|wrong_name|name_on_the_box|name_on_the_bag|not_hers|not_his|"
            "dispensing_error|mix-up|mixed_up|hadnt_synced|hadn't_synced|not_synced|already_had|twice",
        ),
    ),
    Harm(
        "medicine left out or spoiled",
        MAJOR,
        (MEDICINE + " ... doorstep|porch|step|front_step|outside|in_the_sun|bin|hallway|communal",),
        near_miss=None,
        vetoes=SHELTERED,
    ),
    Harm(
        "left in pain",
        MAJOR,
        (
            "in_agony|agony|agonising|excruciating|in_severe_pain|screaming_in_pain|in_so_much_pain|crying_in_pain",
        ),
        near_miss=None,
    ),
    Harm(
        "their property damaged or lost",
        MAJOR,
        (
            "in_bits|in_pieces|in_smithereens|in_shards|smashed_to_bits",
            "chucked|binned|threw_away|thrown_away|threw_out|thrown_out|tossed|discarded|cleared_away|disposed_of",
        ),
        near_miss=None,
        needs=(
            "to_replace|replacement|replace|worth|irreplaceable|new_one|in_bits|in_pieces|smithereens|shards",
        ),
        vetoes=("she|he|they|her|him|them|i|we|customer|guest ... in_bits|in_pieces",),
    ),
    Harm(
        "a medication error",
        CRITICAL,
        (MEDICINE + " ~ instead_of_his|instead_of_her|instead_of_their|instead_of_the|instead_of_hers",),
        near_miss=MAJOR,
        near_says="a near miss on medication",
        hazard=True,
    ),
    Harm(
        "someone was made ill",
        CRITICAL,
        ("drank|swallowed|ingested|drunk|sipped|swallowing ... some|it|a_mouthful|a_bit|from_it|any",),
        needs=(
            "bleach|chemical|chemicals|cleaning_fluid|detergent|descaler|weedkiller|antifreeze|disinfectant|"
            "unlabelled|caustic",
        ),
    ),
    Harm(
        "someone was made ill",
        CRITICAL,
        ("sore|red|stinging|burning|itchy|streaming ... eyes|skin|throats|throat",),
        needs=("pool|chemicals|chlorine|fumes|spray|bleach|sprayed|chemical",),
    ),
    Harm(
        "their property damaged or lost",
        MAJOR,
        (
            "rained_on|left_in_the_rain|left_out_in_the_rain|in_the_bin|recycling_bin|wheelie_bin|in_a_puddle ... "
            "ruined|soaked|sodden|wet|destroyed|damaged|soggy",
            "marked|scanned|shown|showing|says ... delivered ... gone|stolen|never_found|can't_be_found|"
            "nowhere_to_be_found|lost|vanished",
            "defrosted|thawed|went_off|spoilt|spoiled ~ freezer|fridge|food|stock|meat",
            "fragile|glass ... smashed|shattered|broke|broken|cracked|in_pieces",
            "binned|threw_away|thrown_away|chucked|lost|wasted|write_off|written_off ... all|their|the_whole ... "
            "stock|food|produce|inventory|ingredients",
        ),
        near_miss=None,
    ),
    Harm(
        "a medication error",
        CRITICAL,
        (
            "gave|given|applied|administered|put ... the_dog's|the_cat's|another_dog's|another_cat's|wrong|"
            "someone_else's|adult|dog ... flea_treatment|wormer|treatment|medication|meds|drops|injection|dose|"
            "spot-on|tablets",
        ),
        near_miss=MAJOR,
        near_says="a near miss on medication",
        hazard=True,
        needs=(
            "drooling|twitching|seizure|fitting|vomiting|collapsed|emergency_vet|emergency_vets|reaction|ill|sick",
        ),
    ),
    Harm(
        "a safety hazard",
        MAJOR,
        (
            "smoke_alarm|smoke_alarms|smoke_detector|co_alarm|carbon_monoxide_alarm|fire_alarm|heat_detector ~ "
            "no_battery|no_batteries|dead|flat|disconnected|removed|taped|covered|missing|not_working|no_working|no|"
            "without|didn't_go_off|never_went_off",
            "dropped|fell|came_down|crashed|landed|toppled ... next_to|beside|inches_from|feet_from|yards_from|"
            "right_by|just_missed|narrowly_missed",
        ),
        near_miss=MAJOR,
        near_says="a near miss on safety",
    ),
    Harm(
        "an allergic reaction",
        CRITICAL,
        (
            "came_out_in|broke_out_in|brought_her_out_in|brought_him_out_in ... rash|hives|blotches|welts|lumps",
        ),
    ),
    Harm(
        "the wrong animal treated",
        MAJOR,
        (
            "neutered|spayed|castrated|put_down|euthanised|euthanized|vaccinated|microchipped|cremated|buried ~ "
            "wrong|the_other|someone_else's|another",
        ),
        near_miss=None,
    ),
    Harm(
        "someone was put in real danger",
        CRITICAL,
        (
            "nobody|no_one|didn't|not|never ... checked|alerted|woke|told|evacuated|helped|got ... room|guest|"
            "resident|deaf|disabled|wheelchair|patient|child|him|her",
        ),
        near_miss=MAJOR,
        negatable=False,
        needs=("fire_alarm|evacuat*|fire_drill|evacuation",),
    ),
    Harm(
        "someone was put in real danger",
        CRITICAL,
        (
            "dug_through|drilled_through|cut_through|hit|damaged|ruptured|fractured|struck ~ gas_pipe|gas_main|"
            "gas_line|pipe|main",
            "evacuated|evacuation|evacuate",
        ),
        near_miss=MAJOR,
        needs=("gas|gas_pipe|gas_main|fire|smoke|carbon_monoxide",),
        vetoes=("fire_alarm|fire_drill|false_alarm|drill ... evacuated|evacuation|evacuate",),
    ),
    Harm(
        "their valuables left out",
        MAJOR,
        (
            "left|dumped ... on_the_wall|outside|on_the_doorstep|doorstep|porch|on_the_step|in_the_street|"
            "by_the_bins|in_the_bin",
        ),
        near_miss=None,
        needs=(
            "passport|passports|bank_card|credit_card|new_card|pin|cheque|cash|driving_licence|documents|keys|"
            "new_keys",
        ),
    ),
    Harm(
        "someone was put in real danger",
        CRITICAL,
        (
            "legionella|legionnaires|coli|cryptosporidium|contaminated|contamination|tested_positive ~ water|supply|"
            "pool|food|tap|tanks|well",
            "wouldn't_let_her_out|wouldn't_let_him_out|wouldn't_let_them_out|locked_her_in|locked_him_in|"
            "locked_them_in|locked_the_doors|kept_her_in|held_her_against",
            "suicidal|suicide|self-harm|self_harm|crisis|overdose ~ told|turned_away|call_back|wait|refused|"
            "sent_away|next_week|sent_home|hung_up",
        ),
        near_miss=MAJOR,
    ),
    Harm(
        "care got wrong",
        MAJOR,
        (
            "missed_signs|missed_the_signs|misdiagnos*|wrong_diagnosis|didn't_spot|failed_to_spot|failed_to_refer|"
            "didn't_refer|never_referred",
            MEDICINE + "|controlled_drug|controlled_drugs ~ wrong_house|wrong_address|wrong_flat|wrong_door|"
            "wrong_person|wrong_patient|wrong_neighbour",
            "sold|served|supplied ... alcohol|booze|knife|knives|cigarettes|vapes|fireworks|blade|beer|wine|vodka|"
            "cider|lighter_fluid ... to ... year_old|child|teenager|minor|underage|kid|boy|girl|14|15|16",
        ),
        near_miss=None,
    ),
    Harm(
        "their property misused",
        MAJOR,
        (
            "joyride|joyriding|took_it_home|drove_it_home|took_the_car_home|to_his_own_house|to_his_house|"
            "for_a_spin|personal_use|used_it_for|drove_it_to",
        ),
        near_miss=None,
    ),
    Harm(
        "a once-only occasion at risk",
        MAJOR,
        ("is_tonight|is_today|is_tomorrow|is_this_evening|is_in_the_morning|is_this_afternoon",),
        near_miss=None,
        needs=(OCCASION + "|" + EVENT + "|prom|ball|interview",),
    ),
    Harm(
        "a bereaved family chased",
        MAJOR,
        (
            "final_demand|overdue|payment_overdue|demand|chasing|chased|called|rang|letters|reminders|debt_collect*|"
            "bailiff|arrears|addressed_to_her|addressed_to_him|still_writing_to|still_emailing|six_times|again",
        ),
        near_miss=None,
        negatable=False,
        needs=(
            "died|passed_away|deceased|death_certificate|late_mum|late_dad|late_husband|late_wife|bereaved|"
            "bereavement|late_mum's|late_dad's|late_husband's|late_wife's",
        ),
    ),
    Harm(
        "a once-only occasion missed",
        MAJOR,
        (
            "didn't_deliver|never_delivered|didn't_arrive|never_arrived|didn't_show|didn't_turn_up|"
            "never_turned_up|without|forgot|forgotten|no_sign_of ~ " + OCCASION + "|" + EVENT,
            "turned_up|arrived|got_there|came|showed_up ... after ... "
            + OCCASION
            + "|"
            + EVENT
            + "|ceremony|"
            "service|speeches|kick-off|start ... finished|ended|over|started|begun",
        ),
        near_miss=None,
        vetoes=(
            "wedding|weddings|funeral|party ... tasting|fair|enquiry|enquiries|trial|viewing|consultation|brochure|"
            "quote|planning|planner",
        ),
    ),
    Harm(
        "a family funeral missed",
        CRITICAL,
        (
            "miss|missed|missing|late|didn't_make|couldn't_make|arrived_after|got_there_after ~ funeral|cremation|"
            "burial|memorial",
        ),
        near_miss=None,
        needs=(
            "mum|dad|mother|father|husband|wife|son|daughter|brother|sister|gran|nan|grandad|grandma|grandpa|"
            "grandmother|grandfather|baby|child|partner",
        ),
    ),
    Harm(
        "stranded with no way home",
        MAJOR,
        (
            "left_on_the_platform|left_at_the_station|left_at_the_stop|left_on_the_roadside|stranded|no_way_home|"
            "make_your_own_way|make_their_own_way|make_his_own_way|make_her_own_way|sat_on_the_platform|"
            "went_without_him|went_without_her|went_without_them|left_without_him|left_without_her",
            "last|final ... train|bus|tram|ferry|service|one ~ cancelled|went|left|gone|missed|without",
        ),
        near_miss=None,
        negatable=False,
    ),
    Harm(
        "their home entered without warning",
        MAJOR,
        (
            "let_himself_in|let_herself_in|let_themselves_in|walked_in_on|barged_in|burst_in|came_in_unannounced",
            "entered|came_in|went_in|let_in|viewing|access|visit|keys ~ without ... notice|permission|knocking|"
            "asking|telling|warning|consent",
            "walked_in|came_in|entered|barged_in|let_themselves_in|let_himself_in|let_herself_in|opened_the_door ... "
            "shower|showering|undressed|changing|bath|in_bed|asleep|naked|getting_dressed|didn't_knock|"
            "without_knocking|dressing_gown|towel",
        ),
        near_miss=None,
    ),
    Harm(
        "a safety hazard",
        MAJOR,
        (
            "not|never|forgot|forgotten|failed|didn't ... put|refit*|tighten*|torque*|reconnect*|secure*|fit|"
            "fitted|replace*|do|done|lock*|latch* ... plug|cap|wheel|nut|nuts|bolt|bolts|hose|brake|brakes|"
            "clip|clips|strap|straps|harness|bracket|sump|oil_cap|wheel_nuts|guard|rail|railing|barrier",
            "not|never|wasn't|weren't|hadn't ... fixed|secured|anchored|bolted|fastened|attached|screwed ... "
            "to_the_wall|to_the_floor|to_the_ceiling",
            "wrong|incorrect|size|sized ~ tyre|tyres|tire|tires|wheel|wheels|wheel_nuts|bolts|brake_pads",
            "hard_shoulder|motorway|dual_carriageway|fast_lane ~ warning_light|limp_mode|seized|smoke|lost_power|"
            "cut_out|broke_down|pulled_onto|pulled_over|towed|stranded|conked",
            "slid|slumped|went_down|ended_up_on|found_on|lowered ... floor|ground",
            "handbrake|hand_brake ~ not|wasn't|off|left_off|failed",
            "missing|narrowly_missing|just_missing ... foot|feet|head|inches|leg|hand|child|toddler",
            "sheared|snapped|dropped|gave_way ~ weight|weights|stack|cable|bolt|rope|harness",
            "lifeguard|lifeguards ~ not|wasn't|absent|left|missing|nowhere|asleep|phone|away",
            "broken|faulty|no|bust ~ lock|locks|front_door_lock|door_lock|window_lock",
            "dbs|dbs_check|dbs_checked|background_check|vetting|vetted ~ not|wasn't|hadn't|never|without|no|expired|"
            "lapsed",
            "had_fallen|has_fallen|fell_over|fell_out_of|fell_in_the|fell_in_his|fell_in_her|found_on_the_floor",
            "gas_safety|gas_safe|gas_certificate|cp12|boiler_check|boiler_service|electrical_certificate|eicr|"
            "safety_certificate ~ expired|lapsed|not_renewed|forgot|forgotten|overdue|out_of_date|hasn't_been|never|"
            "renew",
            "trench|hole|holes|excavation|manhole|pit|shaft ~ unfenced|unguarded|uncovered|unlit|unmarked|open|"
            "no_barrier|no_barriers|no_fence|no_fencing|no_cones|no_lights|no_lighting|left_open",
        ),
        near_miss=MAJOR,
        near_says="a near miss on safety",
        negatable=False,
    ),
)
