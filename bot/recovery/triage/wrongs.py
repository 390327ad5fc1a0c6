"""Losses and wrongs told as plain events (SPEC §2.2): savings moved to a "safe account", a claim declined,
a bill for sessions never had, a conference whose sessions could not run, care not given, a deaf
customer told to hurry up. Cues are written as `reading.py` explains."""

from __future__ import annotations

from bot.recovery.triage.charges import FEARED
from bot.recovery.triage.lexicon import CRITICAL, MAJOR, MODERATE, Harm

_MONEY_MOVED = "moved|transferred|transfer|sent|withdrew|withdrawn|withdraw|paid|handed|gift_cards|vouchers|bitcoin|crypto"

_WORKS = (
    "business|company|firm|shop|store|restaurant|salon|office|employees|trading|event|conference|delegates|"
    "organiser|organizer|sessions|meeting|meetings|seminar|workshop|exhibition|production|production_line|"
    "plant|factory|works_from_home|work_from_home|wfh|home_office|self-employed|freelance*|sole_trader|"
    "components|ltd|their_customers|their_clients|their_staff|his_customers|her_customers|his_clients|"
    "her_clients|sell_online|sell_only_online|online_shop|e-commerce|ecommerce|they_sell|their_shop|their_site|"
    "their_website|their_store|cafes|restaurants|shops|stores|fitters|builders|contractors|tradesmen|dentist|dentists|practice|clinic|salon|vets|bakery|cafe|garage|barber|warehouse|logistics|users|cto|ceo|coo|it_manager|depot|branches|plc|inc|llc"
)

# What refusing someone entry can be about: discrimination, not a late arrival.
PROTECTED = (
    "wheelchair|guide_dog|assistance_dog|hearing_dog|disabled|disability|breastfeed*|breast-feed*|blind|deaf|"
    "stammer|autistic|autism|hijab|turban|headscarf|walking_stick|crutches|mobility_scooter|carer"
)


WRONGS: tuple[Harm, ...] = (
    Harm(
        "threatens legal action",
        CRITICAL,
        (
            "lawsuit|litigation|litigat*|sue|sued|suing",
            # a lawyer named is a threat only when someone is going to one or one is acting: not "a lawyer in room 12"
            "lawyer*|attorney*|solicitor* ~ written|writing|wrote|write|letter|letters|contact*|speak*|talk*|going|go|"
            "get|getting|got|instruct*|involv*|consult*|hear|call*|ring*|phone*|advice|advised|act|acting|acts|will|"
            "threaten*|email*|sending|send|see|seeing|pass*|hand*|refer*",
            "legal ~ action|team|advice|letter|proceedings|claim|route|case|rights|reviewing",
            "court|tribunal ~ take|taking|see|go|going|to",
            "small_claims",
            "ombudsman|regulator|regulators|cqc|ofsted|ofcom|ofgem|ofwat|fca|ico|cfpb|ftc|osha|trading_standards|"
            "watchdog|bbb|attorney_general|health_department|health_inspector|environmental_health|"
            "consumer_programme|consumer_show",
            "report|reporting|complain*|escalat* ... council|authorit*|regulator|inspector",
        ),
        near_miss=None,
        vetoes=(
            "food|tennis|basketball court",
            "is_a|was_a|as_a|he_a|she_a|buyer|seller|vendor|conveyancing|trainee|retired lawyer|solicitor|attorney",
        ),
    ),
    Harm(
        "harassed or made unsafe",
        MAJOR,
        (
            "times_in_one_day|times_a_day|times_in_a_day|times_in_an_hour|times_in_one_morning|times_in_one_evening|"
            "times_after_midnight",
        ),
        near_miss=None,
        needs=("phoned|called|rang|texted|emailed|messaged|calls|texts|visited|knocked",),
    ),
    Harm(
        "money wrongly taken or lost",
        MAJOR,
        (
            "safe_account|safe_accounts|holding_account|investment_scam|romance_scam|courier_scam|phishing|"
            "spoof*|smishing|vishing|claiming_to_be|said_he_was_from|said_she_was_from|said_they_were_from|"
            "pretending_to_be_from|posing_as",
            "on_the_instructions_of|instructed_by|told_to_move|told_her_to_move|told_him_to_move|"
            "someone_on_the_phone|man_on_the_phone|woman_on_the_phone|cold_caller|cold_call|fraudster|"
            "fraudsters|scammer|scammers ~ " + _MONEY_MOVED + "|savings|life_savings|pension|k|thousands",
            "charged|billed|invoiced|debited|sold|took ... for ... never|didn't|not ... asked|had|got|received|"
            "used|ordered|attended|booked|wanted|agreed|authorised|authorized|requested|needed|turned_up|came|"
            "touched|drank|ate|consumed|opened|stayed|took",
            "charged|billed|invoiced|debited ... her|him|them|us|me|customer|member|client ... for ... never|"
            "didn't|not ... asked|had|got|received|used|ordered|attended|booked|wanted|agreed|requested",
            "charged|billed|invoiced|asked_for ... quoted_at|quoted_us|quoted_him|quoted_her|quoted_them|"
            "was_quoted|were_quoted|quote_was|quote_said|estimate_was|agreed_price|price_agreed",
            "billed|charged|invoiced ... for ... seats|licences|licenses|users|rooms|nights|hours ... they_have|"
            "only_have|only_use|only_used|only_stayed|only_had",
            "charged|billed|invoiced|paid ... should've_been|should_have_been|meant_to_be|supposed_to_be|"
            "instead_of",
            "paid|spent|forked_out|shelled_out ... for|on ... taxi|cab|uber|hotel|replacement|another_ticket",
            "paying|paid|pay|charged|taken ~ twice|double|two_times|2_times|two_policies|2_policies",
            "estimate|estimated|quote|quoted ... but|then|yet ... charge|charged|billed|invoiced|took|taken",
            "without_asking|without_checking|without_approval|without_permission|without_consent ... added|charged|"
            "billed|invoiced|put_it_on|on_the_bill",
            "late_fee|late_payment_fee|penalty|fine|charge|fee ... on_time|already_paid|paid_on_time|in_time|was_paid",
            "out_of_pocket|out-of-pocket",
            "refund|refunded|money ... wrong_card|wrong_account|closed_card|closed_account|old_card|old_account",
            "deposit ... kept|withheld|retained|not_protected|wasn't_protected|unprotected|not_returned|"
            "hasn't_been_returned|still_not",
            "fined|penalised|penalty|charged ... valid|despite|even_though ... ticket|pass|permit|railcard|season",
            "upped|increased|raised|changed|doubled|trebled ... without ... asking|agreement|consent|telling|notice",
            "refund|refunds|money_back|reimbursement ... promised|owed|due|agreed|approved ... still|never|"
            "nothing|chasing|weeks|wks|months|yet",
        ),
        near_miss=None,
        vetoes=(
            "no charge",
            "free of charge",
            "thought|looked|seemed|like ... scam|fraud|phishing",
            "arrived|came|delivered|turned_up|got_there fine",
            FEARED,
        ),
    ),
    Harm(
        "money wrongly taken or lost",
        MAJOR,
        (
            "even_though|despite|although|when ... exemption|exempt|cert|certificate|on_file|prepayment|nhs|"
            "free|covered|cancelled|paid",
        ),
        near_miss=None,
        negatable=False,
        needs=("charged|billed|charging|debited|paying|taken|took|invoiced|renewed",),
    ),
    Harm(
        "money not returned",
        MAJOR,
        (
            "still_haven't_had|still_havent_had|still_not_had|still_hasn't_had|still_hasnt_had|still_waiting_for|"
            "haven't_had|havent_had|hasn't_had|not_had|never_had|never_got|still_not_got ... back|refund|"
            "money|deposit|reimburse*",
        ),
        near_miss=None,
        negatable=False,
        vetoes=("call|ring|phone|get|got|come|hear|heard|called|rang|reply ~ back",),
    ),
    Harm(
        "threatens to take it further",
        MAJOR,
        (
            "taking_advice|seeking_advice|getting_advice|taking_legal_advice|citizens_advice|consumer_rights|"
            "chargeback|section_75|s75|financial_ombudsman",
            "will_leave|he'll_leave|she'll_leave|they'll_leave|going_to_leave|threatening_to_leave|leave_if|"
            "move_if|switch_if|close_the_account_if|getting_quotes|shopping_around|looking_elsewhere",
        ),
        near_miss=None,
    ),
    Harm(
        "logged as a safety incident",
        MAJOR,
        (
            "datix|incident_form|incident_report|incident_reporting|duty_of_candour|significant_event|"
            "safeguarding_referral|safeguarding_concern|serious_incident|never_event|riddor|near_miss_form",
        ),
        near_miss=None,
        negatable=False,
    ),
    Harm(
        "care not given",
        MAJOR,
        (
            "wasn't|weren't|not|never|didn't_get|went_without ... given|fed|offered|get ... meal|dinner|lunch|"
            "breakfast|food|drink|fluids|water|wash|medication|tea",
            "sat|left|lay|lying ... hungry|thirsty|soiled|wet|in_pain|in_bed|on_the_floor|alone ... till|until|for|all",
            "carer|carers|care_worker|agency_carer|home_carer|district_nurse ... didn't_turn_up|no-show|no-showed|"
            "never_came|didn't_come|missed|didn't_arrive|never_turned_up|didn't_show",
        ),
        near_miss=None,
        negatable=False,
        needs=(
            "care_home|resident|carer|carers|care_worker|ward|hospice|nursing_home|care_plan|home_care|visit",
        ),
    ),
    Harm(
        "money wrongly taken or lost",
        MAJOR,
        (
            "taken|charged|debited|billed|took|collected ... anyway|regardless",
            "still|again ~ taken|charged|debited|billed|took|charging|taking|collected|collecting",
            "renewed|auto-renewed|auto_renewed|rolled_over|renewal ~ though|despite|even_though|anyway",
        ),
        near_miss=None,
        needs=("cancel|cancelled|canceled|cancellation|cooling_off|cooling-off|notice_period",),
    ),
    Harm(
        "money wrongly taken or lost",
        MAJOR,
        (
            "only_signed_off|only_authorised|only_authorized|only_approved|only_agreed_to|only_okayed|"
            "without_authorisation|without_authorization|no_authorisation|no_authorization|"
            "second_authorisation|second_authorization|without_asking_him|without_asking_her|"
            "without_asking_them|went_ahead_without|never_approved|never_authorised|never_authorized",
        ),
        near_miss=None,
        needs=("bill|billed|charged|charge|invoice|invoiced|paid|refund|refunded|difference",),
    ),
    Harm(
        "a claim or refund wrongly refused",
        MAJOR,
        (
            "claim|claims|payout|pay-out|appeal|compensation|reimbursement|warranty|guarantee ~ declined|"
            "rejected|refused|denied|turned_down|won't_pay|wouldn't_pay|not_paying|repudiated|voided",
            "wrongly|unfairly|incorrectly|by_mistake ~ declined|rejected|refused|denied|turned_down",
            "refused|refusing|won't|wouldn't|declined|declining ... to_pay|to_cover|to_pay_out|to_honour|pay_out",
            "adjuster|assessor|underwriter|underwriters|insurer|insurers|claims_team|claims_handler ~ declined|"
            "rejected|refused|denied|turned_down",
        ),
        near_miss=None,
    ),
    Harm(
        "their business stopped",
        MAJOR,
        (
            "couldn't|can't|cannot|unable|could_not ... run|hold|host|present|deliver|stream|start|work|trade|"
            "operate|teach|ship ... sessions|event|conference|meeting|meetings|seminar|workshop|classes|"
            "business|shop|store",
            "line|production|plant|factory|event|sessions|conference|launch|morning|day ~ stopped|halted|idle|"
            "write-off|written_off|standstill|shut_down",
            "board_meeting|client_meeting|investor_meeting|their_meeting|conference|launch|presentation ~ "
            "double-booked|double_booked|overbooked|no_room|held_in|cancelled|ruined|disrupted",
            "cancelled|cancel|turn_away|turned_away|sent_home|rebooked|lost ... patients|customers|clients|"
            "appointments|bookings|covers|guests",
            "shift|shifts|pickers|workers|drivers|crew ~ idle|stood_idle|sent_home|standing_around",
            "pickers|workers|drivers|crew|crews|engineers|fitters ... sitting|sat|stood|waiting ... yard|depot|"
            "no_routes|no_jobs|no_work|nothing_to_do",
            "no_routes|can't_dispatch|cannot_dispatch|couldn't_dispatch|unable_to_dispatch",
            "missed_the_cut-off|missed_the_courier|missed_cut-off|orders_slipped|cash_only|turning_people_away|"
            "can't_take_card|couldn't_take_card|takings",
            "card_machines|card_machine|card_readers|card_terminals|terminals|tills|epos|pos|website|checkout|"
            "online_shop|platform ~ down|offline|not_working|failed|crashed|dead",
            "fitters|crew|contractors|builders|tradesmen|workers ~ lost|wasted|idle|standing_around ... day|days|"
            "morning|week|afternoon",
            "users|staff|employees|drivers|agents|team|tills|terminals ~ locked_out|can't_log|cannot_log|"
            "can't_get_in|offline|down",
            "running|working|back|done ... on_paper|pen_and_paper|paper_pick|by_hand|manually",
            "broadband|internet|wifi|wi-fi|connection|network|line|phone|phones|system|email|power ~ down|dead|"
            "out|off|offline ... days|day|week|weeks|since|all_day|all_morning",
        ),
        near_miss=None,
        negatable=False,
        vetoes=("speed|speeds|slow|slower|usable|intermittent|patchy|mb|mbps",),
        needs=(_WORKS,),
    ),
    Harm(
        "cut off from something essential",
        MAJOR,
        (
            "no|without|not_had|hasn't_had|haven't_had ... calls|texts|phone|signal|service|internet|broadband|"
            "landline|line|number ... for|since|in ... days|week|weeks|mon|monday|tue|tuesday|wed|wednesday|"
            "thurs|thursday|fri|friday|sat|saturday|sun|sunday|2|3|4|5|6|7|two|three|four|five|six|seven",
            "can't|cannot|couldn't|unable|not ... get|receive ... bank_codes|codes|security_codes|"
            "verification_codes|one-time|otp|texts",
            "unenrolled|un-enrolled|deregistered|evicted|eviction|repossess*|lose_the_house|lose_the_flat|"
            "lost_the_house|vendor_pulled_out|chain_collapsed|sale_fell_through|lose_her_place|lose_his_place",
            "refused_boarding|denied_boarding|couldn't_board|missed_the_first|missed_the_start_of_the_trip|"
            "missed_the_start_of_the_holiday|missed_the_start_of_the_cruise",
            "pending|stuck|held|frozen|on_hold|additional_checks ~ transfer|payment|funds|fees|deposit ~ week|"
            "weeks|days|fortnight",
            "heating|boiler|hot_water|heat|radiators|cooker|fridge|toilet|water|power|electricity|stairlift ~ "
            "broken|not_working|out|down|dead|failed|packed_up|gone ... for|since ... days|week|weeks|monday|"
            "tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun",
            "lost|lose|losing|lost_out_on|missed_out_on ... university_place|uni_place|place_at|offer|job|"
            "job_offer|tenancy|visa|scholarship|contract|the_house|the_flat|the_sale",
            "nowhere_to_sleep|nowhere_to_stay|slept_on|slept_in_his_car|slept_in_her_car|slept_in_the_car|"
            "on_the_street|no_bed_for_the_night|no_room_for_the_night",
            "hospital|clinic|treatment|surgery ~ up_front|upfront|guarantee|guarantee_of_payment|won't_treat|"
            "wouldn't_treat|refused_to_treat|deposit_first",
        ),
        near_miss=None,
        negatable=False,
    ),
    Harm(
        "their documents or work lost",
        MAJOR,
        (
            "lost|misplaced|mislaid|destroyed|shredded|binned ... paper|papers|exam_paper|exam_papers|"
            "coursework|script|scripts|portfolio|dissertation|application|documents|deeds|will|passport",
            "wiped|deleted|erased|lost|overwrote|overwritten|corrupted ... weeks|months|days|years|hours ... of "
            "... invoices|data|work|orders|records|bookings|emails|photos|files|history|content|progress|"
            "entries|messages|sales",
            "wiped|deleted|erased ... invoices|orders|bookings|records|accounts|messages|content|posts|"
            "entries|calendar|website|site|database",
        ),
        near_miss=None,
    ),
    Harm(
        "going public",
        MAJOR,
        (
            "written|wrote|writing|write|contacted|contacting|complained|complaining|emailed|going ... to ... "
            "mp|councillor|senator|congressman|congresswoman|assembly_member|local_paper|the_papers|newspaper|"
            "the_press|journalist|reporter",
            "off_to|going_to|moving_to|signing_with|talking_to ... competitor|competitors|rival|rivals",
            "local_paper|the_papers|newspaper|newspapers|the_press|journalist|journalists|reporter|"
            "moneysavingexpert|money_saving_expert|rip_off_britain|watchdog",
        ),
        near_miss=None,
        # a newspaper handed out is not the press
        vetoes=(
            "complimentary|free|daily|morning|sunday|yesterday's|today's|delivered|rack newspaper|newspapers",
        ),
    ),
    Harm(
        "harassed or made unsafe",
        MAJOR,
        (
            "harass*|grop*|groped|leer*|stalk*|inappropriate_touching|sexual_comments|lewd",
            "kept|keep|keeps|was ... touching|grabbing|following|staring",
            "touched|touching|grabbed ... her|him ... arm|leg|thigh|waist|bottom|hair|face",
            "followed ... her|him ... home|door|car|outside",
            "doesn't_feel_safe|don't_feel_safe|didn't_feel_safe|not_feel_safe|no_longer_feels_safe|feel_unsafe|"
            "feels_unsafe|felt_unsafe",
        ),
        near_miss=None,
    ),
    Harm(
        "discrimination",
        MAJOR,
        (
            "racis*|racial*|sexis*|homophob*|transphob*|discriminat*|slur|slurs|bigot*|misogyn*|ableis*",
            "mocked|mimic*|imitat*|made_fun|making_fun|laughed_at|joked_about|copied ~ stammer|stutter|"
            "disability|wheelchair|limp|weight|hearing|sight|deaf|blind|autism|autistic|tourette*|speech|religion|"
            "hijab|turban|skin|colour|color|race",
            "turned_away|refused_entry|denied_entry|refused_service|refused_to_serve|wouldn't_serve|won't_serve|"
            "not_suitable_for|asked_to_leave|told_to_leave|made_to_leave|not_allowed_in|not_allowed_on ~ "
            "wheelchair|guide_dog|assistance_dog|disabled|disability|breastfeed*|breast-feed*|blind|deaf|stammer|"
            "autistic|hijab|turban|walking_stick|crutches|mobility_scooter|because",
            "because ... breastfeed*|breast-feed*|stammer|stutter|autism|autistic|deaf|blind|guide_dog|headscarf|"
            "black|asian|muslim|jewish|gay|disabled|disability|wheelchair|accent|hijab|turban|trans|"
            "pregnant|religion|colour|color|race|down's|downs|syndrome|special_needs|additional_needs|"
            "learning_disability|learning_difficulties|adhd|dementia|cerebral_palsy|epilepsy|tourette*",
            "refuse*|turned|deny|denied|wouldn't|won't ... guide_dog|assistance_dog|service_dog",
            "refused|turned_away|asked_to_leave|told_to_leave|wouldn't_let|refused_entry|denied_entry|"
            "refused_service|wouldn't_serve|won't_serve|wouldn't_allow ~ breastfeed*|breast-feed*|wheelchair|"
            "guide_dog|assistance_dog|service_dog|carer|walking_frame|mobility_scooter|hearing_dog",
        ),
        near_miss=None,
    ),
    Harm(
        "discrimination",
        MAJOR,
        ("wouldn't_let|won't_let|didn't_let ... in|on|board|through|inside",),
        near_miss=None,
        needs=(PROTECTED,),
    ),
    Harm(
        "an inconvenience or poor treatment",
        MODERATE,
        (
            "guide_dog|assistance_dog|hearing_dog|service_dog ~ couldn't|can't|cannot|not_allowed|wasn't_allowed|"
            "isn't_allowed|had_to_leave|tied_up|left_outside|no_dogs",
        ),
        near_miss=None,
    ),
    Harm(
        "humiliated in front of others",
        MODERATE,
        (
            "searched|frisked ~ bag|bags|pockets|handbag|rucksack|backpack|coat",
            "searched|frisked|patted_down him|them",
            "accused ... of ... stealing|theft|shoplifting|lying|fraud|taking",
            "laughed|sniggered|scoffed|smirked|giggled at|behind",
            "laughed|sniggered|scoffed|smirked|giggled ... when_she|when_he|when_they|when_i ... said|told|asked|"
            "explained|mentioned",
            "haven't_got_all_day|not_got_all_day|don't_have_all_day|hurry_up|get_on_with_it|spit_it_out|"
            "just_write_it_down|write_it_down|speak_english|learn_english|what's_wrong_with_you|are_you_stupid",
            "made_her_cry|made_him_cry|reduced_her_to_tears|reduced_him_to_tears|left_her_in_tears|"
            "in_front_of_the_whole|in_front_of_the_carriage|in_front_of_the_bus|in_front_of_the_class",
            "never_been_spoken_to|spoken_to_like_that|spoke_to_her_like|spoke_to_him_like|talked_to_like|"
            "in_front_of_everyone|in_front_of_the_queue|in_front_of_other|hung_up_on|closed_the_chat|"
            "ended_the_chat|chat_ended_by|get_off|move_it_or",
            "mocked|mimic*|imitat*|made_fun|making_fun|copied_his|copied_her|took_the_mick*|took_the_piss",
            "hasn't_got_time|haven't_got_time|not_got_time|have_time_for_this|no_time_for_this|not_a_drive-through|not_a_drive_through|"
            "not_a_charity|or_walk|get_a_move_on",
        ),
        near_miss=None,
        vetoes=("laughed ... off|it_off|about_it|with_us|with_her|with_him", "joked ... with"),
    ),
)
