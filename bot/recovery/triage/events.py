"""Losses told as plain events (SPEC §2.2): belongings ruined, misused or left out, animals lost from our
care, occasions missed, people stranded, homes entered, bereaved families chased. Cues are written as
`reading.py` explains."""

from __future__ import annotations

from bot.recovery.triage.lexicon import MAJOR, Harm
from bot.recovery.triage.losses import EVENT, LOST_TIME, OCCASION, SHELTERED
from bot.recovery.triage.senses import TEMPER

EVENTS: tuple[Harm, ...] = (
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
        vetoes=("lost|missing ... lead|collar|bowl|blanket|toy|paperwork|notes|records", LOST_TIME, *TEMPER),
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
        vetoes=SHELTERED,
    ),
    Harm(
        "their pet hurt",
        MAJOR,
        ("hit|struck|injured|hurt|kicked|ran_over|run_over ... dog|cat|pet|puppy|kitten",),
        near_miss=None,
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
        "a once-only occasion missed",
        MAJOR,
        (
            # the occasion spoiled by whoever was booked for it: "the DJ never showed", "the caterer didn't turn up"
            "dj|band|caterer|caterers|catering|photographer|videographer|florist|celebrant|officiant|registrar|"
            "entertainer|magician|chauffeur ... never_showed|never_turned_up|didn't_turn_up|didn't_show|no-show|"
            "no-showed|never_came|didn't_come|never_arrived|didn't_arrive",
            # a celebration cancelled on them: "her dad's 70th… venue rang her Thurs to cancel"
            "birthday|anniversary|celebration|christening|18th|21st|30th|40th|50th|60th|65th|70th|75th|80th|90th|100th"
            " ... cancel|cancelled|canceled|called_off|pulled_out",
        ),
        near_miss=None,
        needs=(
            "wedding|bride|groom|first_dance|funeral|celebration_of_life|memorial|christening|party|reception|"
            "ceremony|anniversary|birthday|guests|family|" + EVENT,
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
            "entered|let_himself_in|let_herself_in|went_in|came_in ... while ... away|out|at_work|on_holiday",
            "going_through|went_through|rummaging|rifling|rifled ... suitcase|bag|belongings|drawers|handbag|wallet|"
            "purse|luggage|cupboards",
            "urinated|urinating|peed|weeing|defecated",
            "walked_in|came_in|entered|barged_in|let_themselves_in|let_himself_in|let_herself_in|opened_the_door ... "
            "shower|showering|undressed|changing|bath|in_bed|asleep|naked|getting_dressed|didn't_knock|"
            "without_knocking|dressing_gown|towel",
        ),
        near_miss=None,
    ),
)
