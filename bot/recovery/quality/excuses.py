"""Blame and excuses that undo an apology, each pattern with the reason it hurts: what `check.py` flags.

Excuses ("due to", "as per policy", "we were very busy"), blame on the customer or on someone else
named as the cause, and the "sorry, but …" that takes the apology back. The patterns run on the same
normalized text as those in `rules.py` (lower case, straight quotes, quotes blanked).
"""

import re

from bot.recovery.quality.rules import DENIALS, phrase

_EXCUSE = "excuse — blames circumstances instead of owning it"
_NOT_UP_TO_US = "excuse — says it was not up to us"
_POLICY = "excuse — hides behind policy"
_CUSTOMER = "blame — puts the fault on the customer"
BLAME_OR_EXCUSE = (
    phrase(
        "unfortunately",
        r"\bunfortunately\b[^.!?\n]{0,120}?\b(?:due\s+to|because\s+of|owing\s+to|as\s+a\s+result\s+of"
        r"|caused\s+by)\b",
        _EXCUSE,
    ),
    phrase(
        "due because owing as caused",
        r"\b(?:due\s+to|because\s+of|owing\s+to|as\s+a\s+result\s+of|caused\s+by)\s+(?:the\s+|an?\s+"
        r"|some\s+)?(?:[\w-]+\s+){0,4}?(?:volumes?|demand|weather|storms?|snow|traffic|holidays?"
        r"|circumstances|staff(?:ing)?\s+shortages?|short[- ]staffing|shortages?|technical\s+(?:issues"
        r"|difficulties|problems)|system\s+(?:issues|errors?|problems|outage)|courier|carrier|supplier|vendor"
        r"|manufacturer|third[- ]part(?:y|ies)|partner|provider|host|hosting|contractor|subcontractor"
        r"|postal\s+service|strikes?|pandemic|outages?|sickness"
        r"|illness)\b",
        _EXCUSE,
    ),
    phrase(  # we were in the right: "our staff acted within guidelines", "within our SLA", "we did let you know"
        "within in followed did we i as clearly was is were are",
        r"\b(?:within|in\s+line\s+with|in\s+accordance\s+with)\s+(?:(?:our|the)\s+)?(?:[\w'-]+\s+)?(?:sla|guidelines"
        r"|agreement|contract|terms|procedures?|protocols?)\b|\b(?:followed|did\s+follow)\s+(?:all\s+)?(?:the\s+)?(?:industry[- ]standard"
        r"|standard|normal|usual|correct|proper|our)\s+(?:[\w-]+\s+)?(?:procedures?|practice|process|protocols?"
        r"|guidelines)\b|\b(?:followed|did\s+follow)\s+(?:the|our)\s+(?!wrong|old|outdated|incorrect)(?:[\w-]+\s+)?(?:policy|policies|rules)\b"
        r"|\bas\s+(?:stated|shown|explained|outlined|set\s+out|displayed|advertised|specified)\s+(?:at|in|on|during)\b"
        r"|\b(?:we|i)\s+did\s+(?:let\s+you\s+know|tell\s+you|warn\s+you|inform\s+you|explain)\b"
        r"|\bas\s+(?:we|i)\s+(?:told|explained\s+to|warned|informed|advised)\s+you\b"
        r"|\bas\s+(?:we|i)\s+(?:had\s+)?(?:explained|warned|mentioned|advised|pointed\s+out)\b"
        r"|\b(?:we|i)\s+(?:do|did|does)\s+(?:clearly\s+|always\s+)?(?:list|state|say|mention|display|show|print"
        r"|publish|post|warn|advise|label|flag|point\s+out|make\s+(?:it\s+)?clear)\b"
        r"|\b(?:we|i)(?:'re|\s+are|'m|\s+am|\s+were|\s+was)\s+(?:fully\s+|legally\s+)?(?:allowed|entitled|permitted"
        r"|within\s+our\s+rights)\s+to\b"
        r"|\bclearly\s+(?:displayed|stated|shown|marked|explained|signposted|set\s+out|printed|labell?ed)\b"
        r"|\b(?:was|is|were|are)\s+(?:only\s+)?(?:ever\s+)?(?:an?\s+)?(?:estimates?|approximate|indicative"
        r"|rough\s+guide)\b",
        "excuse — says we did nothing wrong",
    ),
    phrase(  # it was bound to happen: "projects often run over", "items like this are always at risk"
        "often always usually frequently commonly inevitabl sometimes as did very really extremely hard difficult can "
        "do does may happen not within nobody no under our is are we takes take the your",
        r"\b(?:often|always|usually|frequently|commonly|inevitably|sometimes)\s+(?:run\s+over|happen|occur|at\s+risk"
        r"|get\s+(?:lost|damaged|delayed)|go\s+wrong|slow|busy|late|delayed|unreliable)\b"
        r"|\b(?:we|i)\s+did\s+(?:\w+\s+)(?:it|them|your\s+\w+)\s+on\s+time\b"
        r"|\bas\s+(?:well|best|carefully|quickly|fast)\s+as\s+(?:we|i)\s+(?:could|can)\b"
        r"|\bdid\s+(?:everything|all)\s+(?:we|i)\s+could\b"
        r"|\b(?:very\s+|really\s+|extremely\s+)?(?:hard|difficult)\s+to\s+(?:get|find|source|book|predict|avoid)\b"
        r"|\bcan\s+only\s+(?:go|work|do)\s+so\s+(?:fast|much|quickly)\b"
        r"|\b(?:can|do|does|may)\s+(?:sometimes\s+|occasionally\s+)?(?:occur|happen)\b"
        r"|\b(?:always|often|usually)\s+takes?\s+longer\b|\btakes?\s+longer\s+(?:in|at|during)\s+(?:\w+\s+)?(?:season"
        r"|peak|busy|holidays?|summer|winter|christmas)\b|\bnot\s+(?:us|me)\s*(?=[.!;]|$)"
        r"|\b(?:nobody|no\s+one|no-one)\s+told\s+(?:us|me)\b(?![^.;!?]{0,40}\b(?:but|no\s+excuse|should(?:\s+have|'ve)))"
        r"|\b(?:our\s+(?:[\w-]+\s+){1,2}?(?:was|were|has\s+been|have\s+been)|we\s+(?:were|have\s+been)|we've\s+been)"
        r"\s+(?:badly\s+|severely\s+|also\s+)?(?:affected|hit|impacted|disrupted)\s+by\s+"
        r"(?!(?:our|my|us|me|what\s+we|the\s+(?:mistake|error|failure|change|bug)\b))"
        r"|\b(?:the\s+(?:[\w-]+\s+){0,3}?|your\s+(?:[\w-]+\s+)?)(?:was|were)\s+(?:a\s+bit\s+|rather\s+|quite\s+)?(?:unclear|confusing"
        r"|ambiguous|illegible|incomplete|misleading)\b"
        r"|\b(?:is|are)\s+an?\s+(?:known|common|recogni[sz]ed|inherent|unavoidable)\s+(?:risk|side[- ]effect|hazard)\b"
        r"|\b(?:are|is|were|was)\s+(?:always\s+)?(?:cleaned|checked|serviced|inspected|prepared|tested)\s+to\s+(?:a\s+)?"
        r"(?:high|the\s+highest|strict|rigorous)\s+standards?\b"
        r"|\b(?:are|is)\s+(?:usually|normally|generally|always|typically)\s+(?:very\s+|so\s+)?(?:friendly|helpful|reliable"
        r"|punctual|excellent|careful|good)\b"
        r"|\bwe\s+aim\s+to\s+\w+\s+(?:\w+\s+)?within\b"
        r"|\bunder\s+(?:very\s+|extremely\s+)?(?:difficult|challenging|extreme|tough|trying)\s+(?:conditions|circumstances)\b"
        r"|\bnot\s+something\s+(?:we|i|anyone)\s+can\s+(?:always\s+)?(?:avoid|control|prevent|help)\b"
        r"|\bwithin\s+the\s+(?:[\w-]+\s+)?(?:hours|limits?|rules|times?)\s+(?:agreed|set|allowed|permitted|licensed)\b"
        r"|\bhappens?\s+(?:occasionally|sometimes|from\s+time\s+to\s+time|now\s+and\s+then|to\s+everyone)\b",
        _EXCUSE,
    ),
    phrase(  # "we were very busy", "mornings are always busy here" (not "…, which is no excuse")
        "we it its mornings evenings weekends nights saturdays fridays sundays in during at",
        r"\b(?:we\s+were|we're|we\s+are|we've\s+been|it\s+was|it's|its|it\s+is|it's\s+been|its\s+been|it\s+has\s+been|(?:mornings|evenings|weekends|nights|saturdays|fridays"
        r"|sundays)\s+are)\s+(?:an?\s+)?(?:(?:always|often|usually|very|really|extremely|so|incredibly|particularly|just)\s+)*"
        r"(?:busy|hectic|swamped|slammed|short[- ]staffed|understaffed|mental|manic|chaotic|rammed|heaving|flat\s+out)\b"
        r"(?![^.;!?]{0,30}\b(?:no|not\s+an?)\s+excuse\b)"
        r"|\b(?:in|during|at)\s+(?:a|an|the|our)?\s*(?:(?:very|really|extremely|so|incredibly|particularly)\s+)?"
        r"(?:busy|hectic|peak|short[- ]staffed|understaffed)\s+(?:kitchen|shift|night|day|weekend|service|periods?"
        r"|morning|evening|times?|week|season)\b(?![^.;!?]{0,30}\b(?:no|not\s+an?)\s+excuse\b)",
        _EXCUSE,
    ),
    phrase(  # someone else did it: attackers, criminals, the weather
        "sophisticated highly unprecedented event attack storm demand no any by despicable unusually we i like is are "
        "were was have 're",
        r"\bsophisticated\s+(?:actors|criminals|attackers|attacks?|hackers|cyber|groups?|gangs?)"
        r"|\b(?:we|i)\s+(?:were|was|have\s+been|'ve\s+been)\s+(?:the\s+)?victims?\s+of\b"
        r"|\blike\s+(?:many|most|all|other)\s+(?:other\s+)?(?:companies|businesses|organi[sz]ations|firms|retailers"
        r"|airlines|banks|providers)\b"
        r"|\b(?:is|are|were|was|have\s+been|'ve\s+been|'re)\s+experiencing\s+(?:\w+\s+)?(?:high|heavy|unprecedented"
        r"|higher\s+than\s+(?:normal|usual))\s+(?:volumes?|demand|traffic)\b(?![^.;!?]{0,30}\b(?:no|not\s+an?)\s+excuse\b)"
        r"|\bhighly\s+(?:targeted|sophisticated)\b|\bunprecedented\s+(?:event|demand|volumes?|weather"
        r"|circumstances|attack|situation|storms?|conditions|levels?)\b|\b(?:event|attack|storm|demand)\s+(?:is|was)"
        r"\s+unprecedented\b"
        r"|\b(?:no|any)\s+(?:system|company|business|one|organi[sz]ation|provider)\s+could\s+(?:have\s+)?(?:fully\s+)?"
        r"(?:prevent|stop|foresee|avoid|predict)\w*"
        r"|\bby\s+(?:the\s+)?(?:\w+\s+)?criminals?\b|\bdespicable\s+act\b"
        r"|\bunusually\s+(?:heavy|high|severe|bad|busy|strong|cold|hot)\b",
        _NOT_UP_TO_US,
    ),
    phrase(  # the customer's own doing
        "users customers guests patients clients members you",
        r"\b(?:users|customers|guests|patients|clients|members)\s+(?:\w+ly\s+)?(?:negligently|carelessly|failed\s+to"
        r"|neglected\s+to|forgot\s+to|chose\s+to|reused|recycled|ignored)\b"
        r"|\byou\s+(?:booked|ordered|entered|selected|chose|typed|picked|gave\s+us|provided|put\s+in)\s+(?:\w+\s+)?"
        r"(?:the|a|an)\s+(?:wrong|incorrect)\b",
        _CUSTOMER,
    ),
    phrase(  # "a minor glitch with the postal service"
        "glitch problem issue fault error delay failure outage",
        r"\b(?:glitch|problem|issue|fault|error|delay|failure|outage)s?\s+(?:with|at|from|on\s+the\s+part\s+of)\s+"
        r"(?:the\s+|our\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:postal\s+service|courier|carrier|supplier|vendor|provider"
        r"|bank|airline|partner|manufacturer|contractor|council|host|third[- ]party)\b",
        "blame — blames someone else instead of owning it",
    ),
    phrase(
        "beyond outside out",
        r"\b(?:beyond|outside(?:\s+of)?|out\s+of)\s+(?:our|my)\s+(?:\w+\s+)?(?:control|hands)\b",
        _NOT_UP_TO_US,
    ),
    phrase(
        "unforeseen unforeseeable exceptional extraordinary unavoidable nothing",
        r"\b(?:unforeseen|unforeseeable|exceptional|extraordinary|unavoidable)\s+circumstances\b"
        r"|\bnothing\s+(?:more\s+)?(?:we|i)\s+could\s+(?:have\s+)?(?:do|done)\b",
        _NOT_UP_TO_US,
    ),
    phrase(
        "as per according in under",
        r"\b(?:as\s+per|per|according\s+to|under|in\s+(?:accordance|line)\s+with)\s+(?:our\s+|the\s+|your\s+"
        r"|company\s+)*(?:[\w-]+\s+)?(?:polic(?:y|ies)|terms|t&cs|procedures?|rules|agreement|contract"
        r"|conditions|preferences?|instructions|settings)\b",
        _POLICY,
    ),
    phrase(
        "our company store hotel the",
        r"\b(?:our|company|store|hotel|the)\s+polic(?:y|ies)\s+(?:states?|says?|requires?|is\s+that"
        r"|does\s+not\s+allow|doesn't\s+allow|prevents?|prohibits?|only\s+allows?)\b",
        _POLICY,
    ),
    phrase(
        "you",
        r"\byou\s+should(?:\s+have|'ve)\s+(?!(?:received|had|got|gotten|been|heard|seen|enjoyed|expected"
        r"|found|come|arrived|known\s+(?:straight|right|at\s+once|immediately|sooner|earlier|from|about|the\s+same"
        r"|that\s+day|within|on\s+the\s+day))\b)\w+|\byou\s+(?:failed|forgot|neglected|omitted)\s+to\b"
        r"|\byou\s+did(?:n't|\s+not)\s+(?:read|check|tell|call|follow|provide|include|specify|contact|inform"
        r"|notify|mention|ask|reply|respond|answer|confirm|update|select|choose|enter|fill)\b",
        _CUSTOMER,
        negatable=False,
    ),
    phrase(
        "if had your on you as",
        r"\b(?:if\s+you\s+had|had\s+you)\s+(?:\w+\s+)?(?:read|checked|told|called|provided|followed|contacted"
        r"|informed|let\s+us\s+know|asked|booked|ordered|arrived|confirmed)\b|\byour\s+(?:own\s+)?fault\b"
        r"|\bon\s+your\s+(?:end|side)\b|\byou\s+were\s+(?:supposed|meant|expected"
        r"|required)\s+to\s+(?!(?:receive|get|have|hear|be|see)\b)\w+"
        r"|\bas\s+you\s+were\s+(?:told|informed|advised)\b|\byou\s+(?:misunderstood|misread|misheard)\b",
        _CUSTOMER,
    ),
    phrase(
        "it that this blame fault",
        r"\b(?:it|that|this)\s+was\s+(?:the|a|an)\s+[\w-]+'s\s+fault\b"
        r"|\b(?:blame|fault)\s+(?:lies|lay|rests|is)\s+(?:\w+\s+)?with\s+(?!us\b|me\b|our\b|my\b)\w+",
        "blame — blames someone else instead of owning it",
    ),
    *DENIALS,
)
_OTHERS = (
    "courier carrier delivery postal post postman driver supplier vendor manufacturer factory warehouse "
    "system software computer bank payment airline third contractor subcontractor partner weather storm "
    "kitchen chef cook employee trainee temp intern agent technician engineer receptionist waiter waitress "
    "server housekeep front shift staff colleague department lab laborator insurer landlord agency external outside"
)
_FAILED = (
    r"(?:lost|was\s+responsible|is\s+responsible|caused|failed|made\s+(?:a|an|the)\s+(?:mistake|error)|messed\s+up"
    r"|delayed|damaged|broke|forgot|mixed\s+up|did(?:n't|\s+not)|never|was\s+to\s+blame|is\s+to\s+blame"
    r"|let\s+(?:us|you)\s+down|dropped|misplaced|mishandled|ignored|overlooked|neglected|missed|went\s+down"
    r"|crashed|was\s+down|was\s+(?:late|wrong|rude))\b(?:\s+(?:your|the|it|our|my)\b(?:\s+[\w-]+)?)?"
)
_SOMEONE_ELSE = "blame — blames someone else instead of owning it"
THIRD_PARTY = (  # someone else named as the cause: blame only when nothing in the apology owns the failure
    phrase(
        _OTHERS,
        r"\b(?:courier|carrier|delivery\s+(?:company|driver|partner|firm|service)|postal\s+service"
        r"|post\s+office|postman|driver|supplier|vendor|manufacturer|factory|warehouse|system|software"
        r"|computer|bank|payment\s+(?:provider|processor)|airline|third[- ]party|contractor|subcontractor"
        r"|partner|weather|storm|kitchen|chef|cook|employee|trainee|temp|intern|agent|technician|engineer"
        r"|receptionist|waiter|waitress|server|housekeep(?:er|ing)|front\s+desk|shift|staff|colleague"
        r"|department|lab|laborator(?:y|ie)|insurer|landlord|agency|(?:external|outside)\s+[\w-]+)s?\s+(?:\w+\s+){0,3}?"
        + _FAILED,
        _SOMEONE_ELSE,
    ),
    phrase(  # whoever "we use" or "I hired": "the locksmith we work with lost the order"
        "we i",
        r"\b(?:we|i)\s+(?:use|used|hire|hired|employ|employed|contract|contracted|(?:work|worked|partner|partnered)"
        r"\s+with|rel(?:y|ied)\s+on)\s+(?:\w+\s+){0,2}?" + _FAILED,
        _SOMEONE_ELSE,
    ),
)
# "but"/"however" take back what came before, unless what follows is a commitment or more ownership.
BUT = phrase(  # and its longer forms: "having said that", "to be fair", "in fairness", "in our defence"
    "but however having that to in",
    r"\bbut\b|\bhowever(?=\s*,)|\bhaving\s+said\s+that\b|\bthat\s+(?:being\s+)?said\b(?=\s*,)"
    r"|\bto\s+be\s+fair\b|\bin\s+(?:all\s+)?fairness\b|\bin\s+(?:our|my)\s+defen[cs]e\b",
    "excuse — “but” takes back the apology",
)
BUT_NOT_ONLY = re.compile(r"\bnot\s+(?:only|just|simply|merely)\b")  # "not only late, but cold"
BUT_NOT_CONTRAST = re.compile(r"\b(?:anything|nothing|all|last|no)\s+$")
BUT_THEN_COMMITMENT = re.compile(
    r"[\s,]*(?:(?:now|today|first|this\s+time|more\s+importantly|most\s+importantly|honestly|frankly|really"
    r"|to\s+be\s+honest|in\s+truth)[\s,]+)?(?:also\b"
    r"|not\s+least|rather\b|instead\b|for\b|(?:we|i)(?:'ll|\s+will|\s+shall|\s+can|\s+must|\s+still|\s+also"
    r"|\s+should(?:\s+have|\s+of|'ve)|\s+owe|\s+take|\s+accept|\s+own|\s+want\s+to|(?:'re|'m|\s+are|\s+am)\s+(?:going\s+to"
    r"|\w+ing)|(?:'ve|\s+have)\s+(?:now\s+|already\s+|just\s+)?(?:\w+ed|sent|made|put|taken|given|got|done"
    r"|found)|\s+(?:let|made|got|failed|dropped|messed|fell|lost|forgot|missed))\b|(?:ours|mine|us|me)\b"
    r"|our\s+(?:own\s+)?(?:fault|mistake|error|failure|responsibility)\b|(?:that|this|there|it)(?:'s|\s+is"
    r"|\s+was)\s+(?:still\s+)?(?:no|not\s+an?)\s+excuse|no\s+excuse|(?:that|this|it)\s+(?:will\s+not|won't"
    r"|will\s+never|must\s+not|mustn't|should\s+not|shouldn't)\s+happen|(?:what|all\s+that)\s+matters"
    r"|the\s+important\s+thing|(?:you|your)\s+(?:deserved?|should\s+not|shouldn't)|(?:that|this|it)(?:'s"
    r"|\s+is|\s+was)\s+(?:on\s+(?:us|me)|our\s+(?:fault|mistake|job|responsibility))|(?:it|this|that)(?:'s"
    r"|\s+is)\s+(?:now\s+)?(?:on\s+its\s+way|fixed|sorted|resolved|ready|done))"
)
# ...and only after an apology or an admission: "we replaced the part but the leak came back" excuses nothing.
BUT_AFTER_APOLOGY = re.compile(
    r"\b(?:sorry|apologi\w*|apolog(?:y|ies)|regret\w*|understand|know|reali[sz]e|appreciate|recogni[sz]e"
    r"|accept|acknowledge)\b"
)
