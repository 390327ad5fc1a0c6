"""What raises or lowers a case around the harm itself (SPEC §2.2): an inconvenience when nothing
worse is there, a lapse called small or put right, and who it happened to, how often, how publicly.
Cues are written as `reading.py` explains."""

from __future__ import annotations

from bot.recovery.triage.lexicon import MODERATE, Harm
from bot.recovery.triage.senses import TEMPER

# Poor treatment and inconvenience with no lasting loss (SPEC §2.2 "moderate").
INCONVENIENCE = Harm(
    "an inconvenience or poor treatment",
    MODERATE,
    (
        "rude|rudely|rudeness|snippy|snappy|curt|abrupt|offhand|stroppy|shirty|snotty|tutted|smirk*|dismissive|condescend*|patroniz*|patronis*|sarcastic|swore|unprofessional|mocked|"
        "insult*|belittl*|argued|aggressive|hostile|short_with|laughed_at|shouted_at|yelled_at|screamed_at|swore_at|eye-roll*|rolled_her_eyes|"
        "rolled_his_eyes|hung_up|sighed|ignored|ignoring|fobbed|actually_laughed|promised|talked_down|talked_over|"
        "spoke_only|wouldn't_understand|like_a_child|insensitive|tactless|three_times|3_times",
        "found ... hair|hairs|plaster|insect|insects|fly|flies|used|stain|stains|slug",
        "wait|waited|waiting|queue|queued|queuing|on_hold|delay|delayed|delays|late|overdue|ages|forever|"
        "no-show|no-showed|stood_up|runaround|chasing|chased|transferred|held",
        "sat|waited|kept|stood|took|queued|held|been ... min|mins|minutes|hour|hours|hrs|h|days|weeks|calls|months",
        "kept|keeps|keep ... logging|asking|looping|crashing|dropping|cutting",
        "turn|turned|show|showed ... up",
        "never|didn't|nobody|no_one|not|no|hadn't|wasn't ... call*|callback|ring|rang|reply|replied|respond*|"
        "answer*|turn*|show*|came|arrive*|serviced|cleaned|ready|done|delivered|fixed|seated|sent|emptied|"
        "topped|replaced|told|submitted|updated|ordered|notice|explanation",
        "half_the_speed|slower|speed",
        "wrong|missing|incorrect|burnt|undercooked|mix-up|mixup",
        "redo|re-do|redone|return_visit|come_back_out|sloppy|shoddy|botched|unfinished|incomplete|messy|mess|"
        "greasy|grubby|handprints|oily|"
        "dirty|filthy|unclean|smelly|noisy|broken|faulty|defective|stain|stained|wobbly|scuffed|a_scuff|"
        "chipped|a_tear|tear_in|tear_on",
        "shower|showers|hot_water ~ cold|lukewarm|no_hot|not_hot",
        "bug|bugs|crash|crashes|crashed|crashing|error|errors|glitch*|outage|offline|timing_out|times_out|"
        "timed_out|logging_out|logged_out|blank|not_working|doesn't_work|won't_load|isn't_working",
        "cancelled|canceled|rescheduled|bumped|overbooked|double-booked|double_booked|ran_out|run_out|"
        "out_of_order|no_explanation|rushed|marked_delivered|didn't_make|lost_it|re-enter|shut|closed",
        "had_to|have_to|having_to ... come_back|return|go_back|chase|clean|call|ring|phone|rebook|wait|redo",
        "off_with_her|off_with_him|off_with_them|off_with_me|without_asking|in_a_state|stopped_working|"
        "rebook*|unanswered|no_reply|no_response|patchy|intermittent|estimated|confusing|refused|refuse|"
        "turned_away|brushed_off|fobbed_off|not_listened|rattl*|kept_awake|"
        "left_rubbish|rubbish_everywhere|left_a_mess|out_of_soap|no_soap|no_toilet_roll|no_paper|not_as_booked|"
        "unhelpful|not_ready|wasn't_ready|wasn't_there|not_there|won't_scan|wouldn't_scan|been_twice|workaround|"
        "work-around|empty_file|by_hand|freezes|freezing|froze|in_all_day|stayed_in|waited_in|dug_up|no_signs|"
        "no_signage|trickle|not_what_we'd_agreed|not_what_we_agreed|not_what_was_agreed|not_as_agreed|"
        "had_to_use_the_stairs|had_to_carry|had_to_walk",
        "lift|lifts|elevator|elevators ~ out|broken|not_working|out_of_order|down",
        "finished|closed|shut|ended|packed_up ... early",
        "travelled|drove|came|journeyed ... miles|hours ... sent_home|turned_away|cancelled|no_appointment|"
        "wasn't_booked|not_booked",
        "unsubscribe*|removed_from|opted_out|opt_out|asked_to_be_removed ... still",
        "ground_floor|accessible_room|step-free|walk-in_shower|low_floor ~ though|despite|even_though|booked|"
        "requested|asked_for|says",
        "vegan|vegetarian|veggie|halal|kosher ~ chicken|beef|pork|meat|stock|gelatine|ham|bacon|lard|fish",
        "missed|skipped|forgot|forgotten ... call|calls|check-in|appointment|window|slot|collection|delivery|"
        "visit|session|clean|bathrooms|rooms",
        "quoted|promised|said|supposed ... days|hours|weeks ... took|it_took",
        "wifi|wi-fi|signal|connection|internet|broadband|calls ~ dropped|dropping|drops|cut_out|cutting_out|"
        "patchy|intermittent|down|not_working|dead",
        "mimic*|imitat*|mocked|mocking",
        "need|needs|needed|needing ... another|second|return|follow-up ... visit|trip|appointment|fix|go",
        "drove|drive|had_to_go|had_to_drive|trek*|schlep* ... over|to ... depot|branch|office|store|shop|centre",
        "min|mins|minutes|hour|hours|hrs late|behind|overdue",
        "min|mins|minutes|hour|hours|hrs after ... starters|booking|booked|scheduled|appointment|ordering|order|promised",
        "followed ... round|around|about ... store|shop|whole_time|aisles",
        "like_a_suspect|like_a_criminal|like_a_thief|treated_like",
        "threw|thrown|chucked|lobbed|tossed|hurled ... over ... fence|gate|wall|hedge",
    ),
    near_miss=None,
    negatable=False,
    vetoes=(
        "late husband|wife|mum|mother|mom|dad|father|son|daughter|partner|brother|sister|gran|granny|nan|"
        "grandmother|grandfather|grandad|grandpa|aunt|uncle|friend|parents",
        "no wait",
        "no rush",
        "waiting room",
        "waiting area",
        "waiting list",
        "wrong ~ spelt|spelled|spelling|initial|initials|signature|surname|name|letter|typo",
        "nothing|none|no ... missing|broken|damaged|taken|wrong",
        "she|he|they|i|we|customer|guest shut|closed it|them",
        # the customer shouting at staff is their anger, not poor treatment of them
        "he|she|they|customer|patient|guest|client|member|passenger|tenant|man|woman shouted_at|yelled_at|screamed_at|"
        "swore_at",
        *TEMPER,  # and so is their temper: "absolutely lost it over the mug"
    ),
)

# A lapse put right or called small by the one who reports it: not even an inconvenience.
SMALL = (
    "slight|slightly|minor|tiny|cosmetic|mildly|no_big_deal|"
    "not_to_worry|laughed_it_off|laughed_about_it|saw_the_funny_side|found_it_funny|took_it_well|"
    "v_calm|pointed_it_out|no_fuss|no_harm_done|fine_once|"
    "sent_a_corrected|corrected_one|corrected_copy|pt_fine|guest_fine|customer_fine|client_fine|"
    "left_happy|went_away_happy|not_a_big_deal|nothing_else_needed|he's_fine|she's_fine|just_grumpy|"
    "just_wanted_to_mention|wanted_it_noted|just_mentioning|wanted_to_mention_it|not_bothered|wasn't_bothered|"
    "isn't_bothered|didn't_mind|doesn't_mind|did_not_mind|not_fussed|wasn't_fussed",
    # the reporter says it is only for the record: "just letting u know", "wanted it logged", "low pri"
    "just_letting_you_know|just_letting_u_know|just_letting_us_know|wanted_us_to_know|just_wanted_us_to_know|"
    "wanted_it_logged|just_wanted_it_logged|just_noting|just_to_note|low_pri|low_priority|"
    "no_further_action|all_set|said_thanks|still_fine|not_affected|no_worries|said_no_worries",
    "quickly|immediately|straight_away|right_away|on_the_spot|same_day ... fixed|sorted|replaced|remade|"
    "resolved|swapped|corrected|redid",
    "fixed|sorted|replaced|remade|resolved|swapped|corrected|apologised|apologized|redid|updated ... "
    "quickly|immediately|straight_away|right_away|spot|minutes|while",
    "mostly|otherwise|generally|pretty ... fine|happy|ok|okay|good",
    "swapped|reprinted|restocked|re-stocked|put_back|refunded_the",
    "in|within 2|3|4|5|two|three|four|five|few min|mins|minutes",
    "in|within a few|couple ... min|mins|minutes",
    "2|3|4|5|few|couple|two|three|four|five min|mins|minutes late|early|over|behind",
    "10|ten min|mins|minutes late|later|early",
    "waited|wait|waiting 2|3|4|5|few|couple min|mins|minutes",
    "only|just|it_was|was_only 2|3|4|5|6|7|8|9|10|few|couple min|mins|minutes",
    "15|20|fifteen|twenty min|mins|minutes late|later",
    "gave|given|handed ... back",
    "paid_back|paid_it_back",
    "she's_happy|he's_happy|they're_happy|was_happy|were_happy|seemed_happy|happy_with_that|happy_with_it|"
    "happy_with_the",
    "offered|swapped|brought ... instead|an_alternative",
    "redid_it|redid_them|re-did_it|redone_there|redone_on_the_spot",
    "refunded|credited ... at_customer_services|at_the_desk|on_the_spot|there_and_then|straight_away|at_the_till|"
    "on_the_call",
    "while_he_waited|while_she_waited|while_they_waited|while_we_waited|while_i_waited|within_the_hour",
    "already_on_its_way|exchange_on_its_way|replacement_on_its_way|fine_once|once_it_was_explained",
    "corrected|reprinted|restored|fixed|sorted|redone|redid ... next_day|next_morning|same_day|same_afternoon",
    "rang_ahead|called_ahead|texted_ahead|phoned_ahead|rang_in_advance|called_in_advance",
    "sorted|fixed|swept|tidied|cleaned|changed|moved|removed ... when|once|as_soon_as ... mentioned|pointed|asked|raised|"
    "came_out|saw|noticed|complained",
    "thank|thanks|thankyou|grateful ... sorting|sorted|fixing|fixed|resolving|resolved",
)

# Poor treatment by staff: a lapse that came with it is not small however calmly it was reported.
RUDE = (
    "rude|rudely|rudeness|snippy|curt|dismissive|condescend*|patroniz*|patronis*|sarcastic|swore|unprofessional|"
    "mocked|insult*|belittl*|aggressive|hostile|laughed_at|shouted_at|yelled_at|screamed_at|swore_at|"
    "eye-roll*|rolled_her_eyes|rolled_his_eyes|talked_down|talked_over",
)

# Only that it works now: small unless the customer had to do something for it, or it happened more than once.
FIXED_NOW = (
    "fine_now|working_now|sorted_now|all_good|all_fine|happy_now",
    "works|working|worked ... fine|ok|okay|perfectly|normally",
)
BURDEN = (
    "had_to|having_to|each_time|every_time|twice|three_times|3_times|days_late|day_late|week_late|weeks_late",
)

# Raisers: each raises a case one level (SPEC §2.2), at most one level in all.
VULNERABLE = (
    "child|children|kid|kids|toddler|toddlers|baby|babies|infant|newborn|teen|teenager|*year-old|*yr-old|"
    "elderly|pensioner|grandma|grandmother|grandpa|grandfather|granny|disabled|disability|wheelchair|blind|"
    "deaf|autistic|autism|dementia|alzheimer*|pregnant|vulnerable|frail|hospice|terminally|terminal_illness|terminal_cancer|is_terminal|chemo|"
    "cancer|bereave*|grieving|widow|widowed|sobbing|distraught|hysterical|traumati*|parkinson*|"
    "learning_disability|priority_services|lives_alone|in_tears|panic_attack|underage|old_lady|old_man|older_customer|older_lady|older_man|older_gentleman|older_woman|"
    "older_person|older_couple|pram|buggy|pushchair|pendant_alarm|careline|telecare|"
    "personal_alarm|clearly_confused|"
    "obviously_confused|very_confused|seemed_confused|easily_confused|home_oxygen|on_oxygen|priority_register|"
    "life_support|medical_equipment|on_dialysis|with_ms|has_ms|multiple_sclerosis|motor_neurone|mnd|had_a_stroke|"
    "partially_sighted|registered_blind|cerebral_palsy|copd|learning_difficulties",
    "over|in_her|in_his|in_their 70|75|80|85|90|70s|80s|90s",
)
REPEAT = (
    "yet|once ... again",
    "happened|happen|happens|happening ... again",
    "second|third|fourth|fifth|2nd|3rd|4th|5th|nth|umpteenth time",
    "not_the_first_time|keeps_happening|every_time|each_time|in_a_row",
    "repeatedly|recurring",
    "multiple|several|many|three|four|five times",
    "3rd|third|4th|fourth ... this_month|this_year|this_week",
    "skipped|missed|forgot|forgotten|lost|late|wrong|broken|failed|cancelled|no-showed|no-show|not_ready|"
    "wasn't_ready|didn't_turn_up|didn't_show ... again|twice|3_times|three_times",
    "times|bills|visits|deliveries|orders ~ in_a_row|running",
    "same_thing|same_problem|same_issue|same_fault|the_same_again|exactly_the_same",
)
EXPOSURE = (
    "viral|thousands|retweet*|shares|local_paper|the_press|journalist|reporter|newspaper|news|k_members|"
    "k_followers|comments_so_far|replies_so_far",
    "dozens|hundreds|loads ... of ... comments|replies|shares|likes",
)
# A long wait is not made small by the fix at the end: "on hold 50 minutes… sorted now" is still moderate.
_LONG_MINUTES = "|".join(str(n) for n in range(30, 100))
LONG_WAIT = (
    "on_hold|waited|waiting|queued|queuing|spent|sat|kept|chat|passed|took ... hour|hours|hrs|hr|"
    + "|".join(f"{n}_min|{n}_mins|{n}_minutes" for n in range(30, 100)),
    "an_hour|over_an_hour|half_an_hour|two_hours|three_hours|2_hours|3_hours|all_morning|all_afternoon",
    _LONG_MINUTES + " min|mins|minutes late|behind|delayed|overdue",
    # a fault that lasted: "locked out for three days… works fine now" was days without it
    "all_weekend|all_week|for_days|for_a_week|for_weeks|for_a_month|whole_weekend|whole_week",
    "for|over 2|3|4|5|6|two|three|four|five|six|several days|weeks",
    "whole|entire ... stay|trip|holiday|weekend|week",
)

# What makes a medication error a near miss: it was caught before it was taken. "She's fine" is not
# that: a wrong dose given is an error however well the patient came through it.
UNHURT = (
    "luckily|thankfully|fortunately|caught_it|spotted_it|noticed_before|noticed_in_time|noticed_straight_away|before_taking|hadn't_taken|didn't_take|hasn't_taken|hasnt_taken|not_taken_any|"
    "hadn't_fitted|checked_before|rang_to_check|didn't_fall|didn't_eat|hadn't_eaten|caught_by|picked_up_on|"
    "before_she_took|before_he_took|before_any_was|before_it_was_given|before_giving|at_final_check|"
    "before_handing|before_handing_over|nothing_reached|never_reached|before_it_left|before_it_went_out",
)
