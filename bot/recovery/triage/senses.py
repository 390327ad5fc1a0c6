"""Words of harm in their harmless senses (SPEC §2.2: a calm tone does not lower a case, and a word of
harm used lightly must not raise one): a customer who "lost it" at the till, a steak "burnt to a crisp",
a box with a crushed corner, a name spelt wrong, "I nearly had a heart attack" at a bill. Each is a veto
(see `harms.py`): a cue whose words it covers does not count. Cues are written as `reading.py` explains."""

from __future__ import annotations

# "Allergic to Vivaldi" is a figure of speech: an allergy is real where an allergen, a medicine (see
# `lexicon.py`) or one of these is in the text.
FOOD_AND_PRODUCTS = (
    "food|meal|dish|menu|ate|eat|eaten|order|ordered|kitchen|chef|served|plate|plated|snack|lunch|dinner|breakfast|"
    "drink|cake|sauce|ingredients|recipe|pasta|bread|gloves|dye|salad|soup|sandwich|dessert|starter|curry|pizza|"
    "burger|waiter|waitress|server|diner|restaurant|cafe|*nut|*nuts|cream|shampoo|product|products|fur|sting|wasp|"
    "bee|chemicals|perfume|pollen|reaction|table|tbl"
)
# Temper, not a loss: "the man on table 6 absolutely lost it", "she lost the plot over the receipt".
TEMPER = (
    "absolutely|completely|totally|properly|just|literally|really|fully|then|and lost|lose|losing it",
    "lost|lose|losing the_plot|his_temper|her_temper|their_temper|his_rag|her_rag|the_rag|his_cool|her_cool|"
    "his_head|her_head",
)
# A name or a date written wrong: a typo on a card or a screen, not a wrong dose or a wrong patient.
MISSPELT = (
    "spelt|spelled|misspelt|misspelled|spelling|typo|misspelling ~ wrong|incorrect|wrongly",
    "name|surname|initial|initials wrong|incorrect",
    "showing|shows|showed|displayed|displaying|printed|listed|recorded|entered|down wrong|wrongly|incorrectly",
)
# A name spelt wrong on a vaccination card, the double room they booked: not a dose.
NOT_A_DOSE = (
    *MISSPELT,
    "vaccination|vaccine|jab|prescription|medication|injection card|certificate|reminder|appointment|appt|booklet",
    "twin|single|king|room|rooms|bed|beds|booked ~ double",
)
# Food overdone and packaging dented: "burnt to a crisp", "one corner crushed".
FOOD_AND_PACKAGING = (
    "burnt|burned|burn to_a_crisp",
    "burnt|burned|charred|overdone|overcooked ~ steak|ribeye|toast|chips|pizza|food|meal|rice|cake|sausages|dish|"
    "refired|remade|crisp",
    "box|boxes|parcel|packaging|package|carton|cartons|corner|corners|tin|tins|can|cans|lid|biscuits|crisps|ice|"
    "garlic|peanut|peanuts|nut|nuts|almonds|walnuts|pistachios|chilli|chillies|tomatoes ~ crushed|crush*",
)
# A figure of speech: "I nearly had a heart attack when I saw the bill".
FIGURES = (
    "nearly|almost|practically|literally|virtually|basically ... heart_attack|kittens|a_fit",
    "gave|give|giving me|her|him|them|us a_heart_attack",
)
# "Double" that is no second charge: "double bagged it for her", "a double room".
DOUBLES = (
    "double_bagged|double-bagged|double_bag|double_checked|double-checked|double_check|double_room|double_bed|"
    "double_booked|double-booked|double_shift|double_glazing|double_decker|double_yellow|double_yellows|"
    "double_doors|double_parked",
)
# A water bowl or a cooler is not the supply: "no water bowl by the door".
WATER_THINGS = (
    "no_water|without_water bowl|bowls|jug|dispenser|cooler|fountain|feature|bottle|bottles|glass",
)
# A call passed between desks is no account moved: "got transferred 3 times".
CALL_TRANSFERS = (
    "got|was|been|being|kept|keep|keeps transferred|transfer",
    "transferred ~ 2|3|4|5|two|three|four|five|times|department|departments|between|around|round",
)
# Dropped from a list, not from a height: "the job fell off his route".
OFF_A_LIST = (
    "fell|dropped|slipped|came ... off ... route|rota|list|schedule|system|radar|calendar|diary|books|round",
)
# Records moved where the customer asked: "wants her records sent to another dentist".
MOVED_ON_REQUEST = (
    "want|wants|wanted|asked|asking|how|request*|transfer|transfers|move|moving ... records|notes|file ... to ... "
    "another|new|a_different|other",
)
# Things out of place on a page, and a wish for another person, are no privacy lapse.
OUT_OF_PLACE = (
    "wrong order|sequence|format|place|column|colour|color|size|font|way|month|year|logo",
    "one_place|one_screen|one_page|one_tab|one_field|one_column ... another|other",
    "want|wants|wanted|asked|asking|prefer|prefers|rather|like ... see|seeing|book_with ... someone_else|"
    "somebody_else|another|a_different",
    *MOVED_ON_REQUEST,
    "reading folder|book|books|list|record|log|diary|bag|wallet",  # a school's reading folder is not a disclosure
)
