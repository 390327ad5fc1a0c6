"""What the apology quality check reads as a repair: what we will do or have done for them, and by when.

Written like `rules.py` (lower case, `'` the only apostrophe, quoted speech blanked out); each table
pattern names the words a match can begin with.
"""

import re

from bot.recovery.quality.rules import phrase

# --- repair: what we will do, and by when ----------------------------------------------------------

_REPAIR_VERB = (
    r"(?:refund|replac|re-?send|send|ship|dispatch|deliver|fix|repair|credit|reimburs|revers|void|waiv|cover"
    r"|pay|re-?book|book|reschedul|re-?do|reissu|re-?issu|correct|clean|return|bring|come|visit|call|phon"
    r"|ring|contact|e-?mail|text|meet|arrang|upgrad|cancel|mov|install|re-?install|re-?mak|remak|cook|prepar"
    r"|giv|offer|collect|swap|exchang|restor|reopen|releas|honou?r|process|compensat|reserv|drive|courier"
    r"|post|seat|invit|finish|complet|transfer|approv|knock|fit|sew|reconnect|unblock|unfreez|lift|remov"
    r"|carr(?:y|ie)|buy|bought|re-?tak|re-?shoot|re-?print|mend|patch|plaster|rewir|reseal|relay|replant|unlock|hand\s+(?:it|them|you|your|over)"
    r"|re-?print|re-?cut|re-?fit|re-?wrap|re-?deliver|re-?paint|re-?run|add\s+(?:you|your)|put\s+(?:a|an|your)\b"
    r"|pick\s+up|take\s+care|take\s+[$£€]?\d[\d.,]*%?\s+off|be\s+(?:there"
    r"|in\s+touch|back|with\s+you|at\s+your|in|round|over)\b|make\s+(?:it|this|that|things)\s+(?:up|right)|put\s+(?:it|this"
    r"|that|things|everything)\s+right|set\s+(?:it|this|that|things)\s+right|sort\s+(?:it|this|that)\s+out"
    r"|have\s+(?:it|this|that|them|your|a|an|the)\b|get\s+(?:you|your|it|this|a|an|the)\b)[\w-]*"
)
_DONE = (
    r"(?:refunded|credited|reversed|reimbursed|replaced|re-?sent|reissued|re-?issued|re-?booked|rescheduled"
    r"|waived|voided|corrected|repaired|fixed|upgraded|compensated|restored|reopened|released|processed"
    r"|dispatched|paid|covered|re-?checked|re-?printed|reserved"
    r"|(?:extended|cleared|lifted)\s+(?:your|the)|(?:held|locked|frozen|fixed)\s+(?:your|the)\s+(?:[\w-]+\s+)?(?:price|rate|tariff|fee|premium)|set\s+aside|transferred|approved|reconnected|unfrozen|unblocked|cancell?ed\s+the"
    r"|removed\s+the|added\s+(?:an?\s+(?:extra|further|additional|bonus)|[$£€]\d)"
    r"|added\s+(?!(?:an?\s+)?(?:notes?|comments?|flags?|markers?|complaints?|reminders?)\b)(?:[\w£$€.,-]+\s+){1,4}?"
    r"(?:to|on|onto)\s+your\s+(?:account|card|bill|booking|balance|wallet|statement|membership|profile)"
    r"|(?:wiped|removed|taken)\s+(?:from|off)\s+your|(?:taken|knocked|wiped|struck|dropped|written)\s+(?:[\w£$€%.,-]+\s+){1,5}?off|sent\s+(?:you\s+)?(?:a|an|the|your)\s+(?:new|replacement|corrected|correct|right|fresh"
    r"|refund)|(?:updated|changed|moved|amended)\s+your)"
)
_ACTOR_NOUNS = (
    "team technician engineer manager chef driver courier plumber electrician staff crew colleague "
    "specialist agent department store office person someone housekeeping maintenance receptionist installer "
    "cleaner mechanic nurse doctor pharmacist baker waiter painter fitter builder support"
)
_AUX = (
    r"(?:'ll|\s+will|\s+shall|'re\s+going\s+to|'m\s+going\s+to|\s+(?:are|am|is)\s+going\s+to|'re|'m|'s|\s+are"
    r"|\s+am|\s+is|'ve|\s+have|\s+has|(?:'d|\s+would)\s+like\s+to|\s+want\s+to)"
)
_THEN_REPAIR = _AUX + r"(?:\s+(?:also|personally|now|then|immediately|be|happily|gladly))*\s+" + _REPAIR_VERB
_REPAIR_NOUNS = (
    "refund replacement credit reimbursement voucher redelivery technician engineer courier driver order "
    "parcel package delivery room table booking reservation appointment call money charge payment deposit "
    "fee invoice visit repair"
)
REPAIR_ACTIONS = (
    phrase("we i he she they", r"\b(?:we|i|he|she|they)" + _THEN_REPAIR),
    phrase(
        _ACTOR_NOUNS + " one",
        rf"\b(?:(?:{'|'.join(_ACTOR_NOUNS.split())})s?|one\s+of\s+(?:our|my)\s+\w+)" + _THEN_REPAIR,
    ),
    phrase("let", r"\blet\s+(?:me|us)\s+" + _REPAIR_VERB),
    phrase(
        "and",
        r"\band\s+(?:will|shall|are|'re|am|have|'ve)(?:\s+(?:also|personally|now|then|immediately))*\s+"
        + _REPAIR_VERB,
    ),
    phrase(  # whoever does it: "her consultant will meet you", "the loss adjuster will be with you"
        "will shall",
        r"(?<!\byou\s)(?<!\bit\s)(?<!\bthis\s)(?<!\bthat\s)(?<!\bwhich\s)\b(?:will|shall)"
        r"(?:\s+(?:also|personally|now|then|immediately|happily|gladly))*\s+" + _REPAIR_VERB,
    ),
    phrase(  # "the full gallery will be in your inbox by Friday"
        "will ll",
        r"\b(?:will|'ll)\s+be\s+(?:back\s+)?(?:in|on|with|into)\s+(?:your|you)\b"
        r"|\b(?:will|'ll)\s+be\s+(?:ready|waiting)\b|\b(?:will|'ll)\s+be\s+at\s+(?:the\s+|your\s+)?(?:pick-?up|drop-?off"
        r"|reception|front\s+desk|desk|counter|door|gate|school|office|shop|house|home)\b",
    ),
    phrase("you", r"\byou(?:'ll|\s+will)\s+(?:\w+\s+)?(?:receive|get|have|see|hear\s+from)\b"),
    phrase("expect please", r"\b(?:please\s+)?expect\s+(?:a|an|the|your|our|it|them|me|us)\b"),
    phrase(
        _REPAIR_NOUNS,
        rf"\b(?:{'|'.join(_REPAIR_NOUNS.split())})s?\s+(?:(?:for|of)\s+(?:[\w£$€.,-]+\s+){{1,3}}?)?"
        r"(?:will\s+(?!be\b|not\b)\w+|will\s+be\s+(?:in|on|with|back|ready)\b|arrives?|ships|is\s+on\s+its\s+way"
        r"|goes\s+out|is\s+going\s+out|(?:will\s+be|is\s+being)\s+" + _DONE + ")",
    ),
)
REPAIR_DONE = (  # already done needs no deadline: "we have refunded the $40"
    phrase("we i", r"\b(?:we|i)(?:'ve|\s+have|\s+has)?(?:\s+(?:already|now|just|also))*\s+" + _DONE + r"\b"),
    phrase("has have", r"\b(?:has|have)\s+(?:now\s+|already\s+)?been\s+" + _DONE + r"\b"),
    phrase(  # "a corrected copy is attached", "it's fixed now", "the right one is in the post"
        "is are it that this everything",
        r"\b(?:is|are)\s+(?:now\s+|already\s+)?(?:attached|enclosed|in\s+the\s+post|on\s+(?:its|their)\s+way)\b"
        r"|\b(?:it's|it\s+is|that's|that\s+is|this\s+is|everything\s+is|it\s+has\s+been|it's\s+been)\s+(?:now\s+|all\s+)?"
        r"(?:fixed|sorted|corrected|resolved|working\s+again|back\s+up|rebooked|re-booked|booked|arranged|refunded"
        r"|active|activated|live|unlocked|unblocked|switched\s+(?:back\s+)?on|back\s+on"
        r"|cancell?ed|reversed|on\s+its\s+way|in\s+the\s+post|ready)\b",
    ),
    phrase(  # "the £60 is already back on your card", "the corrected version is in your inbox now"
        "is are was were 's ready waiting back at half yours free on with",
        r"\b(?:is|are|was|were|'s)\s+(?:now\s+|already\s+|all\s+|safely\s+)*(?:back\s+)?(?:in|on|with|into)\s+"
        r"(?:your|you|this\s+month's|next\s+month's)\b(?:\s+(?:account|card|inbox|bank|email|statement|bill|hands|now|today|way))?"
        r"|\bready\s+(?:for\s+you|to\s+collect|for\s+collection|to\s+pick\s+up|at\s+the)\b"
        r"|\bwaiting\s+(?:for\s+you|behind|at\s+(?:the|our|reception)|in\s+(?:the|our))\b"
        r"|\b(?:is|are)\s+(?:now\s+)?(?:\w+\s+and\s+)?(?:behind\s+the\s+(?:counter|bar|desk)|at\s+(?:the\s+)?(?:reception"
        r"|front\s+desk|counter|till))\b"
        r"|\b(?:yours|free)\s+(?:free\s+)?(?:for|on)\s+(?:your|the)\s+next\b|\byours\s+(?:free|to\s+keep|for\s+free)\b"
        r"|\bon\s+the\s+house\b|\bwith\s+our\s+compliments\b|\b(?:at\s+)?half[- ]price\b|\bback\s+(?:on|in|into|to)\s+your\s+(?:card|account|bank|wallet|balance)\b",
    ),
    phrase(  # something extra given now: "your next drink is on me", "breakfast is included for your stay"
        "on free complimentary included",
        r"(?:(?<=\bis\s)|(?<=\bare\s)|(?<='s\s)|(?<='re\s)|(?<=\balso\s)|(?<=\bnow\s)|(?<=\ball\s))"
        r"(?<!\bthat's\s)(?<!\bthat\sis\s)(?<!\bit's\s)(?<!\bit\sis\s)(?<!\bthis\sis\s)(?<!\bwhich\sis\s)"
        r"(?:on\s+(?:us|me|the\s+house)|free\s+of\s+charge|free|complimentary|included)\b",
    ),
    phrase(  # "the order's fully refunded", "the bill has been cancelled"
        "refunded credited reimbursed waived reversed replaced rebooked repaired fixed cancelled canceled voided "
        "withdrawn written cleared lifted",
        r"(?:(?<='s\s)|(?<=\bis\s)|(?<=\bare\s)|(?<=\bbeen\s)|(?<=\bwas\s)|(?<=\bwere\s)|(?<=\bfully\s)"
        r"|(?<=\balready\s)|(?<=\bnow\s))(?:refunded|credited|reimbursed|waived|reversed|replaced|rebooked|repaired"
        r"|fixed|cancell?ed|voided|withdrawn|written\s+off|cleared|lifted)\b(?!\s+(?:by\s+mistake|in\s+error|without))",
    ),
    phrase(  # what it costs them waived: "there's no charge for either visit", "we won't invoice you this month"
        "no free at won will not",
        r"\bno\s+charge\b|\bfree\s+of\s+charge\b|\bat\s+(?:our|my)\s+(?:own\s+)?(?:cost|expense)\b"
        r"|\bat\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)\b"
        r"|\b(?:won't|will\s+not|not\s+going\s+to)\s+(?:charge|invoice|bill)\b",
    ),
    phrase(  # money set aside for them: "she has £3.40 in an envelope with your name on it"
        "with",
        r"\bwith\s+your\s+name\s+on\s+(?:it|them)\b",
    ),
)
# What a repair does for them, not a promise to talk: "we'll refund", "the engineer will fix" (not "call").
CONCRETE_REPAIR = re.compile(
    r"\b(?:refund|replac|re-?send|send|ship|dispatch|deliver|fix|repair|credit|reimburs|revers|void|waiv|cover"
    r"|pay|re-?book|reschedul|re-?do|reissu|re-?issu|correct|clean|return|upgrad|cancel|install|re-?mak|remak"
    r"|swap|exchang|restor|reopen|honou?r|compensat|knock|transfer|take\s+[$£€]?\d|put\s+(?:it|this|that"
    r"|things|everything)\s+right|collect|finish|complet)"
)
# An amount or a next visit in words the repair patterns do not know: "here's £20 towards a taxi".
PLAUSIBLE_REPAIR = re.compile(
    r"[$£€]\s?\d|\b\d+\s?%|\bnext\s+(?:one|visit|stay|order|coffee|drink|meal|round|session|lesson|night)\b"
    r"|\b(?:free|complimentary|voucher|discount|gift|credit|refund|refunded|yours)\b"
    r"|\b(?:come|pop|drop|bring\s+it)\s+(?:in|back|round|by)\b"
)
VAGUE_REPAIR = phrase(
    "look investigat as asap in at shortly soon escalat see pass when",
    r"\b(?:look(?:ing)?\s+into\s+(?:it|this|that|the\s+matter|your\s+\w+|an?\s+\w+|whether)|investigat\w+"
    r"|as\s+soon\s+as\s+(?:possible|we\s+can|i\s+can)|asap|in\s+due\s+course|at\s+some\s+point|shortly|soon"
    r"|escalat\w+|see\s+what\s+(?:we|i)\s+can\s+do"
    r"|(?:(?<='ll\s)|(?<=\bwill\s)|(?<=\bhave\s)|(?<='ve\s))pass(?:ed)?\s+(?:your|it|this|these|the|them)\s+(?:\w+\s+)?on"
    r"|when\s+(?:we|i)\s+(?:can|get\s+a\s+chance))\b",
)
# "The fine's been cleared", "your booking has now been moved": something done to their things, in a
# sentence that neither owns nor regrets, reads as done unless the verb is a failure or a hand-off.
DONE_PASSIVE = re.compile(
    r"(?:\b(?:has|have)|'s|'ve)\s+(?:now\s+|already\s+|also\s+|just\s+)*been\s+(?!(?:passed|forwarded|escalated|noted"
    r"|logged|received|reviewed|recorded|investigated|referred|raised|shared|reported|flagged|looked|considered"
    r"|acknowledged|delayed|lost|damaged|misplaced|mislaid|cancell?ed\s+in|affected|impacted|caused|made|told"
    r"|informed|advised|notified|asked|contacted|experienced|unable|delayed|missed|overlooked|ignored|forgotten)\b)"
    r"[a-z]+(?:ed|en)\b"
)
# A sentence that puts a time on something done for the customer ("the fix went live at 9 this
# morning", "a large went out by express post today", "I'll be round at 8 tomorrow") is a repair.
TIMED_ACTION = re.compile(
    r"\b(?:went|gone|goes|going|paid|pay|paying|returned|restored|rolled|shipped|ships|sent|credited|refunded"
    r"|fixed|reset|recalled|booked|ordered|put|bring|bringing|brought|call|called|calling|come|coming|came"
    r"|see|arrives?|arrived|arriving|delivered|replaced|cover|covering|covered|wrote|written|drop|dropped"
    r"|confirmed|clean|cleaned|redo|redone|reversed|waived|deleted|removed|meet|visit|visiting|checked|back"
    r"|through|attached|voided|dispatched|on\s+its\s+way|free|no\s+charge|on\s+us|at\s+no\s+cost|halved"
    r"|reduced|issued|sorted|swapped|refund|credit|live|appointment|be\s+round|be\s+there|approved|transferred"
    r"|finish|finished|done|ready|go\s+in|goes\s+in|fitted|installed|knock|knocking|knocked|reach|reaches"
    r"|reconnected|unfrozen|unblocked|removed|cancelled|canceled|lifted|rebooked|moved|posted|couriered|collect"
    r"|collecting|deliver|delivering|transfer|start|starts|starting|changed|changing|being|switched|switching"
    r"|reinstated|topped|run|ran|re-?ran|carry|carried|buy|bought|met|released|cleared|(?:will|'ll|is|are)\s+(?:be|being)\s+re-?[a-z]{2,}(?:ed|one|aid)|corrected|amended|updated|with\s+you|on\s+(?:a|the)\s+(?:van|truck|lorry)|taken\s+(?:down|offline|off)|pulled|withdrawn"
    r"|left\s+(?:our|the)\s+(?:warehouse|depot|store|shop|kitchen|office|bakery|workshop)|left\s+(?=today|tonight|this\s+morning)|fit|mend|mended|patch|patched|reseal|resealed)\b",
    re.IGNORECASE,
)
_DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?(?:'?s)?\b"  # "in Friday's pay"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_COUNT = r"(?:\d+|an?|one|two|three|four|five|six|seven|ten|twelve|half\s+an?)"
TIME = re.compile(
    r"\b(?:lunchtime|teatime|(?:over|during|this|next)\s+(?:the\s+)?weekend|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?"
    r"(?:week|month)|(?:a|one|the\s+next)\s+fortnight|(?:the\s+next\s+)?half\s+(?:an\s+)?hour"
    r"|(?:a\s+)?couple\s+of\s+(?:days|hours|weeks)|christmas|easter|new\s+year)\b"
    r"|\b(?:today|tonight|tomorrow|yesterday|just\s+now|this\s+(?:morning|afternoon|evening|week|weekend)|first\s+thing"
    r"|until\s+(?:it|it's|everything|every|all|the|your|you)\b|(?:are|is|am)\s+on\s+(?:your\s+)?site\s+now"
    r"|right\s+(?:away|now)|at\s+once|straight\s*away|immediately|same[- ]day|end\s+of\s+(?:the\s+)?day|close\s+of\s+business"
    r"|eod|cob|overnight|(?:an?|\d+|one|two|three|a\s+few)\s+(?:minutes?|hours?|days?)\s+ago)\b"
    rf"|\b(?:by|before|on|until|no\s+later\s+than|at)\s+(?:the\s+)?(?:next\s+|this\s+)?(?:{_DAY}|{_MONTH}\b"
    r"|\d|end\b|close\b|noon|midday|midnight|tomorrow|tonight|today|morning|afternoon|evening|weekend|week\b)"
    rf"|\bwithin\s+(?:the\s+)?(?:next\s+)?(?:{_COUNT}\s*)?(?:business\s+|working\s+)?"
    r"(?:minutes?|hours?|days?|weeks?|hrs?|mins?)\b"
    rf"|\bin\s+(?:the\s+next\s+)?{_COUNT}\s+(?:business\s+|working\s+)?(?:minutes?|hours?|days?|weeks?)\b"
    rf"|\bnext\s+(?:{_DAY}|week\b|month\b)|\b{_DAY}|\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    r"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b"
    r"|\bthe\s+\d{1,2}(?:st|nd|rd|th)\b|\b(?:noon|midday|midnight)\b"
)
