"""Wording that undoes an apology, each pattern with the reason it hurts: what `check.py` flags.

Conditionals ("sorry if…"), minimizing ("any inconvenience"), agentless passives ("mistakes were
made"), blame and excuses ("but", "due to", "as per policy"), and empty reassurance. The patterns run
on the same normalized text as those in `rules.py` (lower case, straight quotes, quotes blanked).
"""

import re

from bot.recovery.quality.rules import DENIALS, phrase

_FEELING = (
    r"(?:upset|unhappy|disappointed|offended|frustrated|angry|annoyed|dissatisfied|unsatisfied|displeased"
    r"|bothered|hurt|inconvenienced|confused|not\s+happy|not\s+satisfied)"
)
_REGRET_WORD = r"\b(?:sorry|apologi[sz]e[sd]?|apologies)"
CONDITIONAL = (
    phrase(
        "sorry apolog",
        _REGRET_WORD + r"(?:\s+\w+){0,2}?\s+if\b",
        "conditional — “if” doubts that anything happened",
    ),
    phrase(
        "sorry apolog",
        _REGRET_WORD + r"\s+(?:that\s+)?(?:you|anyone|some\s+people|people)\s+(?:(?:feel|felt|think|thought"
        r"|believe|perceived?)\b|(?:see|saw|view|viewed|took|take|found|find)\s+(?:it|this|that|things"
        r"|offen[cs]e)\b|(?:found|find)\s+(?:our|the|my)\s+(?:[\w-]+\s+){0,3}?(?:un[a-z]+|rude|slow|poor|lacking"
        r"|offensive|disappointing|frustrating|confusing|difficult)\b|(?:are|were|'re|was|have\s+been|'ve\s+been)\s+(?:\w+\s+)?"
        + _FEELING
        + r"\b)",
        "conditional — apologizes for their feelings, not for what we did",
    ),
    phrase(
        "some many certain a",
        r"\b(?:some|many|certain|a\s+few)\s+(?:of\s+you|of\s+our\s+\w+|[a-z]+)\s+(?:may\s+|might\s+)?(?:feel|felt"
        r"|think|thought|believe|believed|perceive|perceived)\b",
        "conditional — apologizes for what some felt, not for what we did",
    ),
    phrase("to", r"\bto\s+the\s+extent\s+(?:that\s+)?", "conditional — hedges how much we did wrong"),
    phrase(
        "sorry apolog",
        _REGRET_WORD
        + r"\s+to\s+(?:anyone|anybody|those|any\s+\w+)\s+who\s+(?:felt|feels|was|were|may|might|has"
        r"|have|found|thought)\b",
        "conditional — apologizes to whoever minded, not for what we did",
    ),
    phrase(
        "if",
        r"\bif\s+(?:anyone|you|somebody|someone|any\s+of\s+you|people)\s+(?:was|were|felt|feel|has\s+been"
        r"|have\s+been|got|became|may\s+have\s+been|might\s+have\s+been)\s+(?:\w+\s+)?(?:offended|upset|hurt"
        r"|inconvenienced|disappointed|bothered|troubled|affected|distressed)\b",
        "conditional — doubts that anyone was hurt",
    ),
    phrase(
        "if",
        r"\bif\s+(?:we|i|this|that|it|our\s+\w+)\s+(?:have\s+|has\s+|'ve\s+)?(?:caused|upset|offended"
        r"|disappointed|inconvenienced|hurt|let\s+you\s+down|fell\s+short|made\s+(?:a|an|any)\s+\w+)\b"
        r"|\bif\s+(?:there|this|that|it)\s+(?:was|were|has\s+been)\s+(?:any|a|an)\s+(?:\w+\s+)?(?:problem"
        r"|issue|inconvenience|mistake|error|misunderstanding|confusion|trouble)",
        "conditional — doubts that we did anything",
    ),
    phrase(
        "may might could",
        r"\b(?:may|might|could)\s+have\s+(?:caused|been\s+caused|upset|offended|inconvenienced|disappointed"
        r"|hurt|experienced|led\s+to|created)\b",
        "conditional — doubts the harm happened",
    ),
)
MINIMIZING = (
    phrase(
        "any",
        r"\bany\s+(?:\w+\s+)?inconveniences?\b",
        "minimizing — makes the harm sound hypothetical and small",
    ),
    phrase(
        "sorry apolog",
        _REGRET_WORD + r"\s+(?:\w+\s+){0,2}?(?:for|about)\s+any\s+(?!\w+\s+inconvenience|inconvenience)\w+",
        "minimizing — “any” treats the harm as hypothetical",
    ),
    phrase(
        "minor slight small little tiny brief short temporary",
        r"\b(?:minor|slight|small|little|tiny|brief|short|temporary)\s+(?:\w+\s+)?(?:issue|problem|hiccup"
        r"|glitch|error|mistake|mix-?up|delay|inconvenience|oversight|setback|misunderstanding|hitch|blip"
        r"|bump)s?\b",
        "minimizing — shrinks what happened to them",
    ),
    phrase(
        "it that this only just merely",
        r"\b(?:it's|it\s+is|it\s+was|that's|that\s+is|that\s+was|this\s+is|this\s+was)\s+(?:only|just|merely)"
        r"\s+(?:a|an|one|some)\b|\b(?:only|just|merely)\s+(?:a\s+)?(?:small|minor|slight|little|tiny)\b",
        "minimizing — shrinks what happened to them",
    ),
    phrase(
        "a",
        r"\ba\s+(?:little\s+)?bit\s*(?=[.,;!?]|$)",
        "minimizing — shrinks what happened to them",
    ),
    phrase(
        "isolated only just merely small tiny very limited handful",
        r"\bisolated\s+(?:incident|case|event|issue|error|mistake)s?\b"
        r"|\b(?:only|just|merely)\s+(?:a\s+)?(?:handful|few\s+(?:customers|people|accounts|orders|users|guests"
        r"|patients)|small\s+number|tiny|fraction|small\s+percentage|minority)\b"
        r"|\b(?:(?:very\s+)?small|tiny|limited)\s+(?:number|percentage|fraction|proportion|handful)\s+of\b"
        r"|\binvolved\s+only\b|\bkeep\s+(?:this\s+|it\s+|things\s+)?(?:in\s+)?perspective\b",
        "minimizing — makes it sound like it hardly happened",
    ),
    phrase(
        "caused cause causing experienced",
        r"\b(?:caused|cause|causing|experienced)\s+(?:you\s+)?any\s+(?:\w+\s+)?(?:difficult\w*|trouble|distress"
        r"|disruption|frustration|upset|issues?|problems?|concern|worry|hassle|disappointment|confusion)\b",
        "minimizing — “any” treats the harm as hypothetical",
    ),
    phrase(
        "bit little tad",
        r"\b(?:bit|little|tad)\s+(?:late|delayed|slow|cold|off|behind|longer)\b",
        "minimizing — shrinks what happened to them",
    ),
    phrase(
        "just only merely",
        r"\b(?:just|only|merely)\s+(?:(?:a\s+)?(?:few|couple\s+of|\d+)\s+(?:minutes|hours|days|dollars|pounds"
        r"|euros)\b|[$£€]\d)",
        "minimizing — tells them it was not much",
    ),
    phrase(
        "these such mistakes happens honest",
        r"\b(?:these|such)\s+things\s+happen\b|\bmistakes\s+happen\b|\bhappens\s+to\s+(?:the\s+)?best\b"
        r"|\bhonest\s+mistake\b",
        "minimizing — treats the failure as normal",
    ),
    phrase(
        "no not",
        r"\bno\s+big\s+deal\b|\bnot\s+(?:such\s+)?a\s+big\s+deal\b",
        "minimizing — says it does not matter",
    ),
)
_PARTICIPLE = (
    r"(?:delayed|lost|damaged|misplaced|mislaid|overlooked|missed|mishandled|mixed\s+up|over-?charged"
    r"|double[- ]?charged|charged\s+twice|ignored|forgotten|dropped|misrouted|misdirected|mis-?sent"
    r"|cancell?ed|(?:deleted|removed|wiped|erased)(?!\s+(?:from|off)\s+your\s+(?:bill|account|invoice|statement"
    r"|card|record))|discarded|thrown\s+(?:away|out)|over-?booked|double[- ]?booked|broken|neglected|misinformed|misquoted|mischarged"
    r"|left\s+(?:waiting|out|behind|without|unattended|stranded|on\s+hold)|kept\s+waiting"
    r"|given\s+(?:[\w-]+\s+){0,4}?(?:the|a|an)\s+(?:wrong|incorrect)"
    r"|(?:sent|posted|emailed|delivered|given)\s+to\s+(?:the|an?)\s+(?:wrong|old|incorrect|previous|different)"
    r"|sent\s+(?:to\s+)?the\s+wrong|delivered\s+(?:late|to\s+the\s+wrong)|served\s+(?:cold|late|raw"
    r"|the\s+wrong)|(?:not|never)\s+(?:cleaned|delivered|sent|processed|refunded|fixed|repaired|answered"
    r"|returned|called|told|informed|updated|prepared|notified|contacted|done|completed|shipped|honou?red"
    r"|checked|passed\s+on|followed\s+up|recorded|applied|credited|ready))"
)
AGENTLESS_PASSIVE = (
    phrase(
        "mistake error misjudg",
        r"\b(?:mistakes?|errors?|misjudge?ments?)\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+made\b",
        "agentless — says mistakes were made, not who made them",
    ),
    phrase(
        "error mistake mix glitch issue problem oversight mis fault failure",
        r"\b(?:error|mistake|mix-?up|glitch|issue|problem|oversight|miscommunication|misunderstanding|fault"
        r"|failure)s?\s+(?:occurred|happened|arose|took\s+place)\b",
        "agentless — makes the failure something that just happened",
    ),
    phrase(
        "something things it this that everything",
        r"\b(?:something|things|it|this|that|everything)\s+went\s+(?:\w+\s+)?wrong\b",
        "agentless — says what went wrong, not who got it wrong",
    ),
    phrase(
        "there",
        r"\bthere\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:an?|some"
        r"|a\s+few)\s+(?:\w+\s+)?(?:errors?|mistakes?|mix-?ups?|miscommunications?|misunderstandings?"
        r"|oversights?|glitch(?:es)?|problems?|issues?|delays?)\b",
        "agentless — “there was a mistake” hides who made it",
    ),
    phrase(
        "was were has have had",
        r"\b(?<!\bwe\s)(?<!\bi\s)(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:[a-z]+(?:ed|en|t)\s+(?:in\s+error"
        r"|by\s+mistake|incorrectly|wrongly|inappropriately|improperly|mistakenly|by\s+accident)|(?:wrongly"
        r"|incorrectly|mistakenly|inappropriately|accidentally|erroneously|improperly)\s+[a-z]+(?:ed|en|t))\b"
        r"(?!\s+by\s+(?:us|me|our|my|the|someone|one\s+of)\b)",
        "agentless — says it was done wrong, not who did it",
    ),
    phrase(
        "wrong incorrect went was were it",
        r"\b(?:wrong|incorrect)\s+(?:[\w-]+\s+){1,3}?(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:issued|sent"
        r"|given|administered|entered|used|applied|fitted|dispensed|put|recorded|shipped|delivered|prescribed|made"
        r"|booked|charged|quoted|printed|posted|loaded)\b|\b(?:went\s+out|was\s+sent|were\s+sent)\s+with\s+(?:the|a"
        r"|an)\s+wrong\b|\bit\s+has\s+been\s+(?:determined|found|established|confirmed)\s+that\b",
        "agentless — says it was done wrong, not who did it",
    ),
    phrase(
        "was were has have had got",
        r"\b(?<!\bwe\s)(?<!\bi\s)(?:was|were|(?:has|have|had)\s+(?:also\s+|now\s+|since\s+)?been|got)\s+(?:\w+ly\s+)?"
        + _PARTICIPLE
        + r"\b(?!\s+by\s+(?:us|me|our|my|the|someone|one\s+of)\b)",
        "agentless — says what happened to them, not who did it",
    ),
)
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
        "within in followed we i as clearly was is were are",
        r"\b(?:within|in\s+line\s+with|in\s+accordance\s+with)\s+(?:our|the)\s+(?:[\w-]+\s+)?(?:sla|guidelines"
        r"|agreement|contract|terms|procedures?|protocols?)\b|\bfollowed\s+(?:all\s+)?(?:the\s+)?(?:industry[- ]standard"
        r"|standard|normal|usual|correct|proper|our)\s+(?:[\w-]+\s+)?(?:procedures?|practice|process|protocols?"
        r"|guidelines)\b|\b(?:we|i)\s+did\s+(?:let\s+you\s+know|tell\s+you|warn\s+you|inform\s+you|explain)\b"
        r"|\bas\s+(?:we|i)\s+(?:told|explained\s+to|warned|informed|advised)\s+you\b"
        r"|\b(?:we|i)(?:'re|\s+are|'m|\s+am|\s+were|\s+was)\s+(?:fully\s+|legally\s+)?(?:allowed|entitled|permitted"
        r"|within\s+our\s+rights)\s+to\b"
        r"|\bclearly\s+(?:displayed|stated|shown|marked|explained|signposted|set\s+out|printed|labell?ed)\b"
        r"|\b(?:was|is|were|are)\s+(?:only\s+)?(?:ever\s+)?(?:an?\s+)?(?:estimates?|approximate|indicative"
        r"|rough\s+guide)\b",
        "excuse — says we did nothing wrong",
    ),
    phrase(  # it was bound to happen: "projects often run over", "items like this are always at risk"
        "often always usually frequently commonly inevitabl sometimes as did very really extremely hard difficult",
        r"\b(?:often|always|usually|frequently|commonly|inevitably|sometimes)\s+(?:run\s+over|happen|occur|at\s+risk"
        r"|get\s+(?:lost|damaged|delayed)|go\s+wrong|slow|busy|late|delayed|unreliable)\b"
        r"|\b(?:we|i)\s+did\s+(?:\w+\s+)(?:it|them|your\s+\w+)\s+on\s+time\b"
        r"|\bas\s+(?:well|best|carefully|quickly|fast)\s+as\s+(?:we|i)\s+(?:could|can)\b"
        r"|\bdid\s+(?:everything|all)\s+(?:we|i)\s+could\b"
        r"|\b(?:very\s+|really\s+|extremely\s+)?(?:hard|difficult)\s+to\s+(?:get|find|source|book|predict|avoid)\b"
        r"|\bcan\s+only\s+(?:go|work|do)\s+so\s+(?:fast|much|quickly)\b",
        _EXCUSE,
    ),
    phrase(  # "we were very busy", "mornings are always busy here" (not "…, which is no excuse")
        "we it mornings evenings weekends nights saturdays fridays sundays",
        r"\b(?:we\s+were|we're|we\s+are|it\s+was|it's|it\s+is|(?:mornings|evenings|weekends|nights|saturdays|fridays"
        r"|sundays)\s+are)\s+(?:(?:always|often|usually|very|really|extremely|so|incredibly|particularly|just)\s+)*"
        r"(?:busy|hectic|swamped|slammed|short[- ]staffed|understaffed)\b"
        r"(?![^.;!?]{0,30}\b(?:no|not\s+an?)\s+excuse\b)",
        _EXCUSE,
    ),
    phrase(  # someone else did it: attackers, criminals, the weather
        "sophisticated highly unprecedented event attack storm demand no any by despicable unusually",
        r"\bsophisticated\s+(?:actors|criminals|attackers|attacks?|hackers|cyber)"
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
        "users customers guests patients clients members",
        r"\b(?:users|customers|guests|patients|clients|members)\s+(?:\w+ly\s+)?(?:negligently|carelessly|failed\s+to"
        r"|neglected\s+to|forgot\s+to|chose\s+to|reused|recycled|ignored)\b",
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
        "as per according in",
        r"\b(?:as\s+per|per|according\s+to|in\s+(?:accordance|line)\s+with)\s+(?:our\s+|the\s+|your\s+"
        r"|company\s+)*(?:[\w-]+\s+)?(?:polic(?:y|ies)|terms|t&cs|procedures?|rules|agreement|contract"
        r"|conditions)\b",
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
    "server housekeep front shift staff colleague department"
)
THIRD_PARTY = (  # someone else named as the cause: blame only when nothing in the apology owns the failure
    phrase(
        _OTHERS,
        r"\b(?:courier|carrier|delivery\s+(?:company|driver|partner|firm|service)|postal\s+service"
        r"|post\s+office|postman|driver|supplier|vendor|manufacturer|factory|warehouse|system|software"
        r"|computer|bank|payment\s+(?:provider|processor)|airline|third[- ]party|contractor|subcontractor"
        r"|partner|weather|storm|kitchen|chef|cook|employee|trainee|temp|intern|agent|technician|engineer"
        r"|receptionist|waiter|waitress|server|housekeep(?:er|ing)|front\s+desk|shift|staff|colleague"
        r"|department)s?\s+(?:\w+\s+){0,3}?(?:lost|was\s+responsible|is\s+responsible|caused|failed|made\s+(?:a|an"
        r"|the)\s+(?:mistake|error)|messed\s+up|delayed|damaged|broke|forgot|mixed\s+up|did(?:n't|\s+not)"
        r"|never|was\s+to\s+blame|is\s+to\s+blame|let\s+(?:us|you)\s+down|dropped|misplaced|mishandled"
        r"|ignored|overlooked|neglected|missed|went\s+down|crashed|was\s+down|was\s+(?:late|wrong"
        r"|rude))\b(?:\s+(?:your|the|it|our|my)\b(?:\s+[\w-]+)?)?",
        "blame — blames someone else instead of owning it",
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
    r"[\s,]*(?:(?:now|today|first|this\s+time|more\s+importantly|most\s+importantly)[\s,]+)?(?:also\b"
    r"|not\s+least|rather\b|instead\b|for\b|(?:we|i)(?:'ll|\s+will|\s+shall|\s+can|\s+must|\s+still|\s+also"
    r"|\s+should\s+have|\s+owe|\s+take|\s+accept|\s+own|\s+want\s+to|(?:'re|'m|\s+are|\s+am)\s+(?:going\s+to"
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
EMPTY_REASSURANCE = (
    phrase(
        "satisfaction happiness experience comfort safety security trust service care wellbeing well privacy",
        r"\b(?:satisfaction|happiness|experience|comfort|safety|security|trust|service|care|wellbeing|well-being"
        r"|privacy)\s+(?:is|are|remains|has\s+always\s+been|will\s+always\s+be)\s+(?:always\s+|still\s+|absolutely\s+)?"
        r"(?:our|my)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:priority|concern|goal|focus)\b",
        "empty reassurance — a slogan, not an action",
    ),
    phrase(
        "we your",
        r"\bwe\s+(?:\w+ly\s+)?value\s+(?:your\s+(?:business|custom|loyalty|feedback|patronage|patience|trust"
        r"|input)|you\s+as\s+(?:a|an|our)\s+\w+|our\s+(?:customers|guests|clients))\b"
        r"|\byour\s+(?:business|custom|call|feedback|opinion|loyalty)\s+(?:is|are)\s+(?:very\s+"
        r"|really\s+)?(?:important|valuable|valued|appreciated)\b",
        "empty reassurance — tells them they matter instead of showing it",
    ),
    phrase(
        "we rest",
        r"\bwe\s+take\s+(?:this|these|all|your|such|our)\s+(?:\w+\s+)?(?:very\s+|extremely\s+"
        r"|really\s+)?seriously\b|\bwe\s+(?:pride\s+ourselves|strive|always\s+strive|always\s+try"
        r"|endeavou?r)\s+(?:on|to)\b|\bwe\s+are\s+(?:committed|dedicated)\s+to\s+(?:providing|delivering"
        r"|excellence|quality|the\s+highest|exceptional|excellent|great)\b|\brest\s+assured\b",
        "empty reassurance — a promise with no action behind it",
    ),
    phrase(
        "is are matter heart committed robust",
        r"\b(?:is|are)\s+(?:of\s+)?(?:paramount|utmost|the\s+utmost|great|the\s+highest)\s+importance\b"
        r"|\b(?:is|are)\s+(?:everything|paramount|very\s+important|so\s+important|important)\s+to\s+(?:us|me)\b"
        r"|\bmatters?\s+(?:(?:so\s+much|deeply|a\s+lot|greatly)\s+)?to\s+(?:us|me)\b"
        r"|\bheart\s+of\s+(?:everything|all|what)\s+(?:that\s+)?we\s+do\b"
        r"|\bcommitted\s+to\s+(?:doing\s+better|making\s+(?:this|it|things)\s+right|continuous\s+improvement"
        r"|improving|excellence|the\s+(?:wellbeing|well-being|safety|satisfaction|comfort|care)\s+of)\b|\brobust\s+(?:measures|systems|processes|controls|defen[cs]es|security)\b",
        "empty reassurance — says it matters instead of showing it",
    ),
    phrase(
        "thank we",
        r"\b(?:thank\s+you|thanks)\s+(?:so\s+much\s+)?for\s+your\s+(?:continued\s+)?(?:patience|understanding"
        r"|cooperation)\b|\bwe\s+appreciate\s+your\s+(?:patience|understanding)\b",
        "empty reassurance — thanks them for putting up with it",
    ),
)
