"""Danger told as a plain event (SPEC §2.2): a keycard that opens another guest's room, a flue left
running cracked, a driver on his phone at 70, an address handed to the ex she moved to get away from,
a ladder not secured. Cues are written as `reading.py` explains."""

from __future__ import annotations

from bot.recovery.triage.lexicon import CRITICAL, MAJOR, Harm

_DOOR = "room|rooms|door|flat|apartment|cabin|house|home|bedroom|locker|chalet|caravan|tent|suite|unit"

_GAS = "meter|boiler|hob|cooker|gas|flue|heater|appliance|pipework|stove"


DANGERS: tuple[Harm, ...] = (
    Harm(
        "someone was put in real danger",
        CRITICAL,
        (
            # a railing that gave way, a small battery in a child's mouth, a carbon monoxide alarm going off
            "railing|railings|balustrade|handrail|banister|balcony|guardrail|guard_rail ... came_away|gave_way|"
            "collapsed|snapped|fell_away|came_off_in",
            "button_battery|button_batteries|button_cell|coin_battery|coin_batteries|magnet|magnets ~ mouth|"
            "swallow*|swallowed|ate|choking",
            "co_detector|co_alarm|co_monitor|carbon_monoxide_alarm|carbon_monoxide_detector ~ going_off|went_off|"
            "goes_off|sounding|sounded|beeping|alarming|triggered",
            "high|dangerous|elevated|raised|lethal co|co_levels|co_level|co_readings",
        ),
    ),
    Harm(
        "someone was put in real danger",
        CRITICAL,
        (
            # a shock told by where it went: "felt it go up her arm"
            "felt|feel|went|shot|ran|go ~ up_her_arm|up_his_arm|up_my_arm|up_their_arm|through_her_arm|"
            "through_his_arm|through_her_hand|through_his_hand|through_her_body|through_his_body",
            "spark|sparks|sparked|sparking ... hand|arm|fingers|finger ... red|tingling|tingly|numb|burnt|stinging|"
            "sore|blistered",
        ),
        needs=(
            "spark*|socket|sockets|switch|plug|plugged|electric*|wire|wiring|kettle|lead|appliance|charger",
        ),
    ),
    Harm(
        "someone was put in real danger",
        CRITICAL,
        ("came_off|come_off|fell_off|flew_off|came_away|sheared_off|detached",),
        near_miss=MAJOR,
        needs=("wheel|wheels|wheel_nut|wheel_nuts|lug_nuts|tyre|tyres|tire|tires",),
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
            "left|forgot|forgotten|abandoned|dropped|dropped_off|let_off ... child|kid|toddler|pupil|year_old|yr_old|"
            "years_old|*year-old ... "
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
            # a customer abusive on the phone is their anger, not an abuser they fear
            "was|were|got|getting|became|being|fairly|quite|very|bit|verbally|really|increasingly abusive",
            "child|kid|kids|children|toddler|pupil|year_old coat|coats|bag|bags|toy|toys|shoes|jacket|lunchbox|"
            "book|books|drawing|bottle|things|stuff|belongings|buggy|pram|car_seat|scooter|bike|bikes",
        ),
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
        "someone was put in real danger",
        CRITICAL,
        ("lift|lifts|elevator|elevators ~ dropped|fell|plunged|plummeted|free-fell|shot_down",),
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
        "a safety hazard",
        MAJOR,
        ("gate|gates|door|doors|fence ~ unlatched|unlocked|left_open|open|propped_open|wide_open",),
        near_miss=MAJOR,
        near_says="a near miss on safety",
        needs=("kids|children|child|pupils|toddler|toddlers|nursery|playground|pool|baby|babies|class",),
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
