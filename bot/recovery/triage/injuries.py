"""Harm to a person told as a plain event (SPEC §2.2): a fitting that "came away from the wall and caught
him", a rash after a treatment, another patient's tablets taken, glass in an eye. Cues are written as
`reading.py` explains."""

from __future__ import annotations

from bot.recovery.triage.lexicon import ALLERGEN, CRITICAL, MAJOR, MEDICINE, Harm
from bot.recovery.triage.losses import SHELTERED, THINGS
from bot.recovery.triage.senses import FIGURES

BODY = (
    "hand|hands|arm|arms|leg|legs|face|finger|fingers|foot|feet|mouth|head|eye|eyes|neck|knee|wrist|ankle|"
    "hip|chest|lip|toe|toes|shoulder|forehead|cheek|scalp|nose|temple|shin|shins|elbow|jaw|chin|skull"
)

# Who an object or a vehicle can land on: pronouns as objects, never "her" (it is also "her car").
STRUCK = (
    "him|them|himself|herself|themselves|child|kid|toddler|boy|girl|baby|guest|customer|patient|"
    "pedestrian|cyclist|man|woman|lady|resident|pupil|passenger|someone|somebody|worker"
)

ANIMAL = (
    "dog|dogs|dog's|cat|horse|pony|animal|puppy|goat|parrot|bird|alpaca|donkey|labrador|terrier|spaniel|collie|"
    "alsatian|staffie|husky|retriever|poodle"
)

VEHICLE = (
    "car|van|bus|coach|lorry|truck|forklift|trolley|cart|buggy|bike|scooter|vehicle|taxi|tram|train|"
    "tractor|golf_buggy|door|doors|barrier|gate|shutter|lift_door|boom"
)


INJURIES: tuple[Harm, ...] = (
    Harm(
        "a medication error caught in time",
        MAJOR,
        (
            "label|labelled|labeled|mislabel* ~ wrong|daily|weekly|instead|incorrect|mg",
            MEDICINE + " ~ different_colour|different_color|wrong_strength|wrong_name",
        ),
        near_miss=MAJOR,
        vetoes=("label|labelled|labeled ~ mrs|mr|ms|miss|name|surname|spelt|spelled|spelling|misspel*|typo",),
    ),
    Harm(
        "someone was hurt",
        CRITICAL,
        (
            "caught|clipped|trapped|jammed|bashed|banged|grazed|scraped|pinched|crushed ... " + BODY,
            BODY + " ~ trapped|caught_in|crushed|jammed|stuck_in|shut_in",
            "toppled|tipped|collapsed|fell|came|crashed|pulled|knocked|dropped ... over_on|down_on|onto|on_top_of "
            + STRUCK,
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
            "hit|struck|clipped|knocked_down|knocked_over|run_over|ran_over by ... " + VEHICLE,
            "reversed|backed|drove|swerved|rolled into|over ... " + STRUCK,
            "attacked|went_for|lunged_at|nipped|jumped_up_at|knocked_her_over|knocked_him_over ~ " + ANIMAL,
            "went_for|lunged_at|attacked|mauled|jumped_up_at ... " + STRUCK,
            "knocked|pushed|threw|sent|thrown ... him|her|them|man|woman|child|gentleman|lady|boy|girl ... "
            "to_the_ground|to_the_floor|flying|off_his_feet|off_her_feet|off_balance",
            "closed|shut|slammed|swung ... on|into ... him|them|man|woman|gentleman|lady|child|boy|girl|"
            + BODY,
            "pulled|dragged|fished|rescued ... from|out_of ... deep_end|pool|water|lake|sea|river",
            "hit|struck|clipped|knocked_down|knocked_over|ran_over|run_over ... pedestrian|cyclist|child|kid|toddler|"
            "boy|girl",
            # stitches counted, a split chin, the emergency department by its initials
            "1|2|3|4|5|6|7|8|9|10|few|several|two|three|four|five|six stitches|staples|sutures|steri-strips",
            "split|busted|gashed|opened_up ~ chin|lip|eyebrow|brow|forehead|head|nose",
            "went|taken|rushed|go|going|gone|sent|drove|ended_up ... to_ed|to_the_ed|in_ed",
        ),
        vetoes=(
            "caught up|out|short|it|them|this|that|the_bus|the_train|a_cold|a_bus|sight|fire",
            "handing|handed_over|handing_over|hand_over|handover",
            "kicked_off|kick_off|kicking_off|kicks_off|kicked_up|kicked_out",
            "kicked|kicks|kick her|him|them|me|us|you|people|everyone out",  # "the app kicked her out of the class"
            *FIGURES,
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
        "someone was hurt",
        CRITICAL,
        ("bit|bites|nipped|scratched|snapped_at ~ " + BODY + "|child|boy|girl|toddler|baby",),
        needs=(ANIMAL,),
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
        vetoes=(
            *SHELTERED,
            "medical notes|records|history|report|centre|questionnaire|certificate|file|files",
        ),
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
        "an allergic reaction",
        CRITICAL,
        (
            "came_out_in|broke_out_in|brought_her_out_in|brought_him_out_in ... rash|hives|blotches|welts|lumps",
        ),
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
)
