"""Wrong charges told as billing facts (SPEC §2.2 "a wrong or repeated charge": major): the same charge
taken several times, a bill for what the records say was not done, a private price for cover the customer
has, roaming billed to someone who never left, a renewal taken with no notice. Cues are written as
`reading.py` explains; each counts only where money was taken or billed."""

from __future__ import annotations

from bot.recovery.triage.lexicon import MAJOR, Harm

# How often one charge went through: "3x", "x2", "fifteen times".
_TIMES = (
    "twice|thrice|3_x|4_x|5_x|x_2|x_3|x_4|x_5|three_times|3_times|four_times|4_times|five_times|5_times|"
    "six_times|ten_times|fifteen_times|twenty_times|multiple_times|several_times|over_and_over"
)
_CHARGED = (
    "charge|charged|charging|billed|bill|debited|debit|hit|fee|payment|payments|transaction|transactions"
)
# A charge the customer only feared: "she thought we'd charged her twice, it was the pending hold".
FEARED = "thought|thinking|worried|assumed|convinced ... charged|billed|taken|twice|double"

CHARGES: tuple[Harm, ...] = (
    Harm(
        "money wrongly taken or lost",
        MAJOR,
        (
            _CHARGED + " ~ " + _TIMES,
            # billed for what the records say was not done: "the notes only show a scale and polish"
            "notes|records|job_sheet|worksheet|paperwork|treatment_plan|log|logs ... only|just ... show|shows|"
            "showed|say|says|list|lists|mention",
            # a private or full price for what is covered: "charged the private rate, she's NHS"
            "private|privately|full_price|full_rate|full_fare|standard_rate ... nhs|exempt|covered|insured|"
            "entitled|included",
            "told|said|promised|assured|agreed|confirmed ... was|would_be|it's|it_was ... nhs|free|covered|exempt|"
            "included|complimentary|waived",
            "roaming|abroad|overseas|international ... hasn't_left|hasnt_left|hadn't_left|never_left|didn't_leave|"
            "not_left|never_been_abroad|hasn't_been_abroad|hasn't_travelled|hasnt_travelled|never_travelled",
            "auto-renew*|auto_renew*|renewed|renewal|rolled_over ... no|never|without|not ... notice|warning|"
            "reminder|letter|email|consent",
            "nobody|never|no_one ... approve|approved|agree|agreed|okay|okayed|sign_off|signed_off|consent*",
            "paid|paying ... for ... never ... fitted|delivered|received|used|done|happened|arrived|turned_up|showed",
        ),
        near_miss=None,
        vetoes=(FEARED,),
        needs=(
            "charge|charged|charging|billed|billing|invoiced|debited|taken|took|paid|hit|renewed|auto-renew*",
        ),
    ),
    Harm(
        "money wrongly taken or lost",
        MAJOR,
        # a private price, told apart from the cover it ignored: "charged the private rate £285 - she's NHS"
        (
            "charged|billed|charging|paid|invoiced ~ private|privately|private_rate|full_price|full_rate|full_fare",
        ),
        near_miss=None,
        vetoes=(FEARED,),
        needs=("nhs|exempt|covered|insured|entitled|included",),
    ),
)
