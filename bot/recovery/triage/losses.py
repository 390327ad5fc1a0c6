"""The words for losses short of harm to a person (SPEC §2.2 "major"): money, essentials, once-only
occasions, property and data, a customer leaving or going public, a business stopped."""

from __future__ import annotations

from bot.recovery.triage.charges import FEARED
from bot.recovery.triage.lexicon import CRITICAL, MAJOR, MEDICINE, Harm
from bot.recovery.triage.senses import CALL_TRANSFERS, DOUBLES, TEMPER, WATER_THINGS

LIFELINE = (
    "insulin|epipen|epi-pen|inhaler|inhalers|oxygen|dialysis|nitro*|warfarin|anticoagul*|epilep*|seizure|"
    "cpap|ventilator|heart_pills|heart_medication|defibrillator|feeding_tube"
)
THINGS = (
    "car|floor|floors|wall|walls|carpet|carpets|sofa|couch|door|doors|furniture|table|dress|suit|laptop|tv|"
    "ceiling|kitchen|bathroom|roof|window|windows|luggage|suitcase|belongings|jacket|coat|shoes|property|"
    "house|garden|fence|vehicle|bumper|paintwork|rim|rims|tile|tiles|worktop|countertop|cabinet|cabinets|"
    "bike|boat|piano|painting|artwork|heirloom|ring|watch|clothes|gown|flat|apartment|basement|driveway|lawn|"
    "mattress|camera|computer|wardrobe|deck|stairs|parquet|hardwood|pipe|pipes|boiler|gate|wing|mirror|"
    "bonnet|hood|door_frame|front_wall|headlight|windscreen|windshield|bodywork|panel|wheel|alloy|alloys|"
    "hallway|banister|skirting|patio|shed|tree|trees|hedge|plants|fridge|freezer|washing_machine|oven|"
    "glasses|jewellery|jewelry|necklace|bracelet|heirloom*|antique|china|vase|ornament*|"
    "photo|photos|urn|ashes|keepsake|cake_topper|shirt|blouse|trousers|silk|leather|wool|handbag|"
    "key|keys|spare_key|locking_wheel_nut|garage|conservatory|bed|headboard|rug|dresser|sideboard|chest|drawers|"
    "bookcase|shelves|desk|chair|chairs|clock|quilt|medal|medals|retainer|dentures|hearing_aid|monitor|"
    "television|gatepost|plaster|skirting|stairwell|worktops|sink|bath|toilet|"
    "shower|panels|glazing|wallpaper|curtains|blinds|sculpture|instrument|guitar|violin|armchair|basin|recliner"
)
OCCASION = (
    "wedding|weddings|funeral|funerals|honeymoon|graduation|exam|exams|interview|christening|baptism|"
    "memorial|ceremony|proposal|mitzvah|surgery|operation|flight|flights|cruise|ferry|"
    "gcse|gcses|a-level|a-levels|sats|driving_test|court_date|completion|key_handover|handover|prom"
)
# Occasions that are once-only when they are missed or spoiled, not merely late.
EVENT = (
    "birthday|anniversary|party|celebration|concert|gig|show|theatre|performance|recital|match|launch|"
    "reunion|hen|stag|prom|premiere|grand_opening|shop_opening|store_opening|launch|opening_night|open_day|"
    "18th|21st|30th|40th|50th|60th|65th|70th|75th|80th|90th|100th"
)
# Medicine kept safe is not medicine spoiled: "insulin kept far from the sun in a cool bag".
SHELTERED = (
    "away_from|far_from|out_of|kept_from|protected_from|shaded_from|shielded_from ... sun|heat|radiator",
    "in_the_fridge|refrigerated|cool_bag|ice_pack|ice_packs|kept_cold|still_cold|stayed_cold|being_defrosted|"
    "backup_fridge",
)
OUTAGE = "down|offline|outage|dead|crashed|frozen|locked_out|can't_log|cannot_log|can't_get|can't_access"
# "lost a morning off work": time lost, not data or a pet.
LOST_TIME = (
    "lost|lose|losing a|an|half|the|his|her|their morning|afternoon|day|evening|shift|week|hour|hours|time"
)
# Told ahead of time: "power will be off Tuesday for planned works" is an arranged outage, not a loss.
PLANNED = "planned|scheduled|pre-arranged|will_be|would_be|going_to_be ~ off|outage|cut|cut_off|shut_off|switched_off|turned_off"

LOSSES: tuple[Harm, ...] = (
    Harm(
        "money wrongly taken or lost",
        MAJOR,
        (
            "overcharg*|double-charg*|double-bill*|overbill*|over-charg*|double_charged",
            "charge|charged|billed|bill|debit|debited|dd|deducted|withdrew|withdrawn|taken|took|payment|payments|"
            "transaction|transactions|came_out|come_out|gone_out|went_out|taken_out ~ twice|double|duplicate|"
            "duplicated|two_debits|2_x|2x",
            "posted|posting|invoiced|invoices|invoice ~ double|twice|duplicate|duplicated",
            "emptied|drained|cleaned_out|cleared_out ~ account|accounts|savings|card",
            "didn't|didnt|never|not ... give|dispense|pay_out ... cash|money|notes",
            "billed|charged|invoiced ... still_on|old_ones|never_done|not_done|wasn't_done|weren't_done|not_replaced|"
            "never_replaced|never_fitted",
            "charge|charged|billed|debited|deducted ~ wrong|wrongly|unauthori*|without|never|incorrect|"
            "incorrectly|even_though|despite|exempt|after_cancel*|shouldn't|still",
            "fraud*|scam*|unauthori*|impersonat*|pretending_to_be|posing_as",
            "less_than|short|underpaid|under-paid|shortchanged|short-changed ~ agreed|owed|quoted|promised|due",
            "payee|payment|payments|transaction|transactions|debit|debits|charge|charges|money ... never_set_up|"
            "didn't_set_up|don't_recognise|doesn't_recognise|didn't_recognise|didn't_make|never_made|"
            "didn't_authorise|never_authorised|never_agreed",
            "had_to|forced_to|ended_up ... pay|paying|fork_out|shell_out|buy|book ... for|another|new|last_minute",
            "money|funds|cash|wages|savings|pension|deposit|payment ~ missing|lost|disappear*|vanish*|owed|short",
            "lost|lose|losing|out_of_pocket ... money|savings|£*|$*|€*",
            "quote|quoted ... final|charged|invoice",
            "bill|billed|billing|charg*|taken|took|taking|take|debit*|fee|fees|payment|payments|collected ... after|since ... "
            "cancel*|cancelled|closed|left|ended|terminated",
            "charg*|debit*|billed|deducted|fee ~ instead_of|by_mistake|in_error|by_error|shouldn't|"
            "not_owed|never_agreed|didn't_agree",
            "refund|refunds|overpaid|overpayment|deposit|money_back ~ never|still|ignored|not_received|"
            "weeks|months|chasing|withheld|kept|refused|refusing|won't",
            "charged|billed ... for ... never|not ... fitted|delivered|received|used|ordered|installed",
            "nobody|never|no_one ... approval|authoris*|authoriz*|consent",
        ),
        near_miss=None,
        vetoes=(
            "no charge",
            "free of charge",
            "in charge",
            "lower price",
            "the lower",
            "cheaper price",
            "honoured",
            "thought|looked|seemed|like|says|calling|called|reckons ... scam|fraud|phishing|rip-off|robbery",
            FEARED,
            *DOUBLES,
        ),
    ),
    Harm(
        "cut off from something essential",
        MAJOR,
        (
            "no|without|lost|lose|losing ~ heat|heating|hot_water|running_water|power|electricity|cooker|"
            "cooking|landline|gas",
            "no_water|without_water|water_off|water_shutoff|water_cut|water_supply",
            "heat|heating|power|electricity|gas|boiler|supply|water|landline|phone_line ~ cut|cut_off|"
            "outage|disconnect*|capped|shut_off|switched_off|turned_off|off|dead|went_out|gave_out|packed_up|"
            "conked_out",
            "slept_in_their_coats|slept_in_coats|sleeping_in_coats|slept_in_her_coat|slept_in_his_coat",
            "disconnected|disconnection",
            "meter|prepay|prepayment|top-up ~ cut_him_off|cut_her_off|cut_them_off|cut_us_off|cut_off|"
            "self-disconnect*|disconnected",
            "no|without phone|landline|line|dial_tone for|since|all|at|over",
            "brown|discoloured|discolored|dirty|contaminated|bottled ~ water|taps|tap",
            "freezing|frozen|cold ... house|home|flat|night|nights",
            "locked_out ~ account|card|app|online|banking|funds|money",
            "account|card|funds|money|wages|salary|pension|benefits|transfer|deposit ~ freeze|froze|frozen|"
            "suspend*|locked|hold|held|stuck|bounced|sat|frozen|pending|didn't_land|"
            "did_not_land|not_arrived|never_arrived|didn't_arrive",
            "no_money|without_money|penniless|rent_due|rent_is_due|rent's_due|borrow_money|borrowed_money|"
            "can't_pay_rent|can't_buy_food",
            "can't|cannot|couldn't|unable|not|no ... access|withdraw|pay|afford|buy|get|collect|fill|use|eat|cover "
            "... her_card|his_card|their_card|bank_card|debit_card|money|funds|cash|rent|wages|food|shopping|nappies|"
            "formula|petrol|groceries|hotel|bills|mortgage|fare|taxi|fuel|" + MEDICINE,
            "throw|threw|thrown|binned|bin|toss|tossed|discard*|dispose*|lose|lost|misplace*|confiscat*|cleared ... "
            + MEDICINE
            + "|wheelchair|walker|hearing_aid|hearing_aids|glasses|cpap|oxygen|crutches|stoma",
            MEDICINE
            + " ~ has_no|had_no|got_no|no_more|none_left|one_left|last_one|we're_out|were_out|they're_out|"
            "out_too|out_of_her|out_of_his|out_of_their|been_out_of|can't_get|cannot_get|couldn't_get|"
            "not_sent|not_send|wasn't_sent|never_sent|never_went|nothing_went|nothing_ever_went|held_up|"
            "no_stock|not_in_stock|till_monday|until_monday|on_back_order|on_backorder|runs_out|days_left|day_left|nothing_there|not_ready|isn't_ready|wasn't_ready|out_of_stock|never|missing|ruined|"
            "down_to|run_out|ran_out|late|without|warm|sun|heat|unusable|can't_be_used|cannot_be_used|spoiled|"
            "spoilt|wasted|lost|stolen",
            "wheelchair|ramp|stairlift|walker|hoist ~ broken|out|blocked|couldn't|unable|stuck",
            "formula|nappies|hearing_aid|hearing_aids|hearing_aid_batteries|cpap|stoma|catheter|catheters|"
            "oxygen ~ out_of_stock|held_up|never_arrived|not_arrived|on_back_order|can't_get|cannot_get|"
            "couldn't_get|run_out|ran_out|none_left",
            "locked_out|couldn't_get_in|can't_get_in|cannot_get_in|couldn't_get_into|no_way_in ~ home|house|flat|"
            "room|property|locks",
            "sewage|sewer|effluent ~ back*|overflow*|flood*|garden|house|home|kitchen|bathroom|street",
            "missed|lost|miss|cancel* ... mri|scan|x-ray|x-rays|xray|xrays|referral|biopsy|surgery|operation|"
            "treatment|chemo|dialysis|appointment|slot",
            "mri|scan|x-ray|x-rays|xray|xrays|referral|biopsy|results ~ lost|missed|redone|redo",
            "overdraft|overdrawn|rent_is_due|can't_cover|bounced",
            "passport|visa ~ lost|storage|packed|gone|missing|can't|couldn't",
        ),
        near_miss=None,
        vetoes=(
            *TEMPER,
            *WATER_THINGS,
            # an appointment for a jab that ran late is a wait, not the medicine withheld
            "vaccination|vaccine|jab|injection|flu|booster appt|appointment|appointments|slot|clinic|session",
            "car|engine|vehicle|van ... lost|lose|losing ... power",
            "no_money|no_funds ... moved|taken|lost|went|was|were|left|missing|changed|transferred",
            "power_of_attorney|lasting_power|poa",
            PLANNED,
            "paid_cash|paid_by_cash|paid_in_cash|paid_another_way|paid_by_card|paid_by_phone",
            "locked ... wrong_password|wrong_passwords|wrong_pin|failed_attempts|too_many_attempts|wrong_attempts",
            "off|cut|out ... for ... 5|10|15|20|30|40|45|few|couple minutes|mins|min",
            "without_a_word|without_warning|without_asking|without_telling|without_notice|without_explanation|"
            "without_permission|without_consent",
            *SHELTERED,
        ),
    ),
    Harm(
        "cut off from something essential",
        MAJOR,
        (
            "wasn't_warned|not_warned|never_warned|no_warning|wasn't_told|not_told|never_told|no_notice|"
            "without_notice ... planned|scheduled ... cut|outage|off|works|shutdown|disconnection",
        ),
        near_miss=None,
        negatable=False,
        needs=("power|electricity|water|gas|heating|supply",),
    ),
    Harm(
        "life-saving medicine out of reach",
        CRITICAL,
        (
            LIFELINE
            + " ~ throw|threw|thrown|binned|bin|tossed|discard*|lost|without|ran_out|run_out|missing|not_ready|"
            "isn't_ready|ruined|cleared|down_to|disconnect*|disconnected|sun|warm|hot|heat|unusable|can't_be_used|"
            "cannot_be_used|spoiled|spoilt",
        ),
        near_miss=None,
        vetoes=SHELTERED,
    ),
    Harm(
        "a once-only occasion missed",
        MAJOR,
        (
            "miss|missed|missing|ruin*|spoil*|spoilt|late|cancel*|cancell*|bump*|bumped|stranded|overbook*|"
            "never_showed|no-show|turned_away|refused_boarding|denied_boarding|couldn't_board ~ " + OCCASION,
            "holiday|trip|honeymoon|cruise ~ gone|ruined|wrecked|over_before",
            "funeral|funerals|wedding|weddings|honeymoon|graduation|christening|memorial|bar_mitzvah|"
            "bat_mitzvah|can't_sit|sit_it",
            "birthday|anniversary|party|celebration ~ ruin*|spoil*|spoilt|disaster|missed",
            "miss|missed|ruin*|spoil*|spoilt|double_booked|double-booked|overbooked|no-show|never_showed|"
            "didn't_turn_up|did_not_turn_up|didn't_show|didn't_come|cancel*|start_of|called_off|is_off|postponed|"
            "had_to_move|couldn't_sit|had_to_stand|squeezed|crammed ~ " + EVENT,
            "stranded|stuck ~ airport|overnight|night|station",
            "left|stuck|stranded ... airport|station|port|terminal ... overnight|all_night|night",
            "resit|resits|re-sit|re-sits|marked_absent|repeat_the_year",
            "flies|flying|fly ... tomorrow|today|tonight",
        ),
        near_miss=None,
        vetoes=(
            "wedding|weddings|funeral ... tasting|fair|enquiry|enquiries|trial|viewing|consultation|brochure|"
            "quote|planning|planner|as_agreed|confirmation|thank_you|thank-you|photos_arrived|invoice|final_balance",
            # the photos or the album of a wedding that went ahead: their loss is data or property, told by that
            "wedding|weddings photos|photo|album|pictures|video|videos",
        ),
    ),
    Harm(
        "their property damaged or lost",
        MAJOR,
        (
            "damag*|scratch*|dent|dented|stain*|ruin*|smash*|crack*|flood*|scorch*|gouge*|chipped|tore|torn|broke|"
            "shrunk|shrank|bleach*|snapped|destroy*|spill*|spilt|spilled|knock*|splash*|reversed|drilled ... "
            + THINGS,
            THINGS
            + " ~ damag*|scratch*|dent|dented|stain*|ruin*|smash*|crack*|flood*|scorch*|gouge*|chipped|"
            "tore|torn|a_tear|tear_in|tear_on|scuff*|kerbed|curbed|destroy*|soak*|drench*|rubble|wrecked|write-off",
            "water_damage|coming_through|through_the_ceiling",
            "damp|mould|mold|water|rain|leak ~ coming_in|getting_in|pouring_in|seeping_in|getting_through",
            "knock*|spill*|spilt|tipped|dropped|splash* ... down|over|all_over|onto ... " + THINGS,
            "scrap*|scuff*|gouge*|chunk_out ... " + THINGS,
            "soaked|soaked_through|drenched|sodden|waterlogged|rain ... won't|wont|doesn't|not|dead ... turn_on|work|"
            "working|start|switch_on",
            "flood*|leak*|pour*|drip* ... ceiling|downstairs|carpet|carpets|basement|below",
            "lost|lose|losing|misplace*|nicked|stolen|stole ... luggage|bag|bags|suitcase|belongings|ring|jewel*|"
            "wallet|laptop|coat|phone|car|keys|dog|cat|pet",
            THINGS
            + "|bag|bags|belongings|wallet ~ went_missing|missing|lost|stolen|nicked|disappeared|vanished",
            THINGS + " ~ won't_come_out|will_not_come_out|wont_come_out|beyond_repair|write-off|written_off|"
            "unusable|ruined|wrecked|snapped|smashed|shattered|cracked|died",
            "lost|ruined|spoiled|spoilt|wasted|throw_away|thrown_away|had_to_bin ... food|groceries|stock|"
            "vaccines|shopping",
        ),
        near_miss=None,
        vetoes=(
            *TEMPER,
            "lost_property|lost_and_found",
            "floor_plan|floor_plans|floorplan|floorplans",
            "bill|bills|statements|letters|emails|payments|texts|readings ... coming_through",
            "guest|child|kid|son|daughter|dog|she|he|they|customer|toddler spilled|spilt|dropped|knocked|broke|"
            "scratched|stained",
            "arrived with",
            "knock|knocked|knocking|knocks on|at ... door|doors|window",  # knocking on doors to find it
            # a product that came damaged is a faulty order, not their property damaged by us
            "delivered|arrived|came with ... a_tear|tear|scratch*|dent|dented|scuff*|crack*|chip|chipped|damage*|broken",
            "came with",
            "arrived damaged",
            "arrived broken",
            "on arrival",
            "came broken",
        ),
    ),
    Harm(
        "data lost",
        MAJOR,
        (
            "data|files|file|photos|pictures|records|backup*|emails|database|documents|dissertation|work|history|"
            "contacts|essay|thesis|coursework ~ lost|deleted|wiped|gone|corrupt*|erased|disappear*|overwritten",
            "lost|deleted|wiped|erased ... data|files|photos|records|emails|documents|database|dissertation",
        ),
        near_miss=None,
        vetoes=(LOST_TIME,),
    ),
    Harm(
        "says they are leaving",
        MAJOR,
        (
            "cancel|cancelling|canceling|close|closing|end|ending|terminate*|leave|leaving|won't_renew|"
            "not_renewing ... account|contract|subscription|membership|policy|service|plan|accounts|contracts|"
            "broadband|everything",
            "won't_renew|not_renew|not_renewing|won't_be_renewing|pac|pac_code|porting|port_out",
            "switch|switching|move|moving|take|taking ... business|custom|provider|elsewhere|competitor|"
            "competitors|somewhere_else|bank|mortgage",
            "never_again|never_coming_back|never_be_back|won't_be_back|never_return|never_use|never_book|never_recommend",
            "last_straw|done_with",
            "go|going|went|gone ... elsewhere|competitor|competitors",
            "go|going|use|using|try|trying ... someone_else|somebody_else|another_company|another_firm|"
            "another_provider|another_garage|another_bank|another_pharmacy|another_school|another_nursery",
            "moving|move|switching|switch|transferring|transfer|taking|take ... account|accounts|savings|mortgage|"
            "prescriptions|pension|isa|policy|policies|broadband|contract|lines|numbers|phones|mobiles|sims ... to|elsewhere",
            "taking|take|pulling|pull|withdrawing|withdraw ... kids|children|son|daughter|child|them ... out",
            "transfer|transfers|transferring|move|moving|send|sent|want ... records|notes|file ... to ... another|new|"
            "a_different|other ... dentist|practice|surgery|gp|vet|vets|clinic|pharmacy|provider",
        ),
        near_miss=None,
        vetoes=CALL_TRANSFERS,
    ),
    Harm(
        "going public",
        MAJOR,
        (
            "tripadvisor|yelp|trustpilot|1-star|one-star|social_media|twitter|tiktok|instagram|facebook|reddit|"
            "linkedin|viral|youtube|mumsnet|influencer|followers|google_review|google_reviews",
            "post|posted|posting|tweet*|blast* ... online|everywhere|video|photos",
            "one|1 star|stars",
            "leave|leaving|left|write|writing|wrote|post*|give|giving ... review|reviews",
            "review|reviews ~ bad|terrible|scathing|awful|honest|online|star|stars|photos|photo",
            "forum|forums|checkatrade|trustpilot|mumsnet|whatsapp_group|facebook_group|local_group|review_site|"
            "the_news|bbc|watchdog",
            "going_to_tell|will_tell|telling|warn|warning ... everyone|everybody|all_her|all_his|friends|others|people",
        ),
        near_miss=None,
    ),
    Harm(
        "their business stopped",
        MAJOR,
        (
            "can't|cannot|couldn't|unable|nobody|none ... trade|trading|operate|operating|sell|selling|open|process|"
            "serve|ship|invoice|log_in|login|see|place|take_payments|take_bookings|take_orders|take_cards|"
            "get_to_jobs|orders|payments|deliver",
            "turning|turned|sending|sent ... patients|customers|clients|people|staff ... away|home",
            "shop|store|restaurant|site|business|office|production|warehouse|till|tills|pos|checkout|payroll|"
            "factory|clinic|practice|operations|ops|system|systems|website|platform|booking|bookings|staff|"
            "front_desk|reception|team ~ " + OUTAGE + "|closed|shut|stopped|halted|standstill|idle",
            "lost|lose|losing|missing ... sales|revenue|orders|trade|trading|bookings|business|clients|day's|days|jobs|"
            "work|customers|thousands|income",
            "stock|delivery|pallet|supplies|ingredients|parts ... hasn't_arrived|not_arrived|never_arrived|"
            "didn't_arrive|hasn't_come|didn't_come|missing",
            "staff|employees|drivers|workers|crew ~ idle|sent_home|unpaid|standing_around",
            "payroll|payslips|wages|salaries ~ fail*|missed|late|didn't|not|never|wrong|delay*",
        ),
        near_miss=None,
        negatable=False,
        needs=(
            "business|practice|company|firm|shop|store|restaurant|salon|surgery|office|employees|their_customers|"
            "their_clients|trading|revenue|dental|ltd|inc|llc|b2b|their_patients|payroll|checkout|owner|salon|"
            "clinic|warehouse|shipments|receptionists|their_staff|logistics|"
            "salons|"
            "orders|jobs|van|work_van|tradesman|plumber|builder|electrician|supplier|suppliers|trade|resell*|"
            "stock|wholesale|retailer|sales",
        ),
    ),
)
