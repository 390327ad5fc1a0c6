"""Wording that undoes an apology, each pattern with the reason it hurts: what `check.py` flags.

Conditionals ("sorry if…"), minimizing ("any inconvenience"), agentless passives ("mistakes were
made") and empty reassurance; blame and excuses ("but", "due to", "as per policy") are in
`excuses.py`. The patterns run on the same normalized text as those in `rules.py` (lower case,
straight quotes, quotes blanked).
"""

from bot.recovery.quality.rules import phrase

_FEELING = (
    r"(?:upset|unhappy|disappointed|offended|frustrated|angry|annoyed|dissatisfied|unsatisfied|displeased"
    r"|bothered|hurt|inconvenienced|confused|not\s+happy|not\s+satisfied|unwelcome|ignored|let\s+down|disrespected"
    r"|rushed|uncomfortable)"
)
_REGRET_WORD = r"\b(?:sorry|apologi[sz]e[sd]?|apologies|regret)"
CONDITIONAL = (
    phrase(
        "sorry apolog regret",
        _REGRET_WORD + r"(?:\s+\w+){0,2}?\s+if\b",
        "conditional — “if” doubts that anything happened",
    ),
    phrase(
        "sorry apolog regret",
        _REGRET_WORD
        + r"\s+(?:that\s+)?(?:you|anyone|some\s+people|people)(?:\s+|(?='))(?:(?:feel|felt|think|thought"
        r"|believe|perceived?)\b|(?:see|saw|view|viewed|took|take|found|find)\s+(?:it|this|that|things"
        r"|offen[cs]e)\b|(?:found|find)\s+(?:our|the|my)\s+(?:[\w-]+\s+){0,3}?(?:un[a-z]+|rude|slow|poor|lacking"
        r"|offensive|disappointing|frustrating|confusing|difficult|loud|noisy|cold|expensive|dirty|uncomfortable|unfair"
        r"|unclear|stressful|upsetting|too\s+\w+)\b|(?:are|were|'re|was|have\s+been|'ve\s+been)\s+(?:\w+\s+)?"
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
    phrase(
        "sorry apolog regret",
        _REGRET_WORD
        + r"\s+(?:that\s+)?(?:the|your|our)\s+(?:[\w-]+\s+){0,3}?(?:did\s+not|didn't|failed\s+to)\s+meet\s+"
        r"your\s+expectations\b",
        "conditional — apologizes for their expectations, not for what we did",
    ),
    phrase("to", r"\bto\s+the\s+extent\s+(?:that\s+)?", "conditional — hedges how much we did wrong"),
    phrase(
        "sorry apolog regret",
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
        "if",
        r"\bif\s+(?:anything|something|any\s+part|any\s+aspect)\s+(?:[\w'-]+\s+){0,5}?(?:fell\s+short|went\s+wrong"
        r"|was(?:n't|\s+not)|did(?:n't|\s+not)|disappointed|upset|let\s+you\s+down|fell\s+below)\b",
        "conditional — “if anything” doubts that anything happened",
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
        "sorry apolog regret",
        _REGRET_WORD + r"\s+(?:\w+\s+){0,2}?(?:for|about)\s+any\s+(?!\w+\s+inconvenience|inconvenience)\w+",
        "minimizing — “any” treats the harm as hypothetical",
    ),
    phrase(
        "minor slight small little tiny brief short temporary",
        r"\b(?:minor|slight|small|little|tiny|brief|short|temporary)\s+(?:\w+\s+)?(?:issue|problem|hiccup"
        r"|glitch|error|mistake|mix-?up|delay|inconvenience|oversight|setback|misunderstanding|hitch|blip|accident"
        r"|incident"
        r"|bump)s?\b",
        "minimizing — shrinks what happened to them",
    ),
    phrase(
        "it that this only just merely",
        r"\b(?:it's|it\s+is|it\s+was|that's|that\s+is|that\s+was|this\s+is|this\s+was)\s+(?:only|just|merely)"
        r"\s+(?:a|an|one|some)\b|\b(?:only|just|merely)\s+(?:a\s+)?(?:small|minor|slight|little|tiny)\b"
        r"|\b(?:only|just|merely)\s+(?:lightly|slightly|mildly|briefly|partially|a\s+little|a\s+bit)\b",
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
        "bit little tad unfortunate",
        r"\b(?:bit|little|tad)\s+(?:late|delayed|slow|cold|lukewarm|off|behind|longer|short|rude|noisy|dirty"
        r"|overcooked|undercooked|wrong|mixed\s+up)\b|\bunfortunate\s+(?:incident|situation|event|occurrence"
        r"|episode|experience)\b",
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
    r"|checked|passed\s+on|followed\s+up|recorded|applied|credited|ready)"
    r"|diverted|disrupted|declined|rejected|suspended|disconnected|cut\s+off|blocked|frozen|locked\s+out"
    r"|left\s+(?:in\s+the\s+(?:rain|cold|street)|outside|on\s+the\s+(?:doorstep|pavement|step|porch))"
    r"|(?:dispensed|delivered|sent|processed|paid|posted|shipped|issued|released|returned|answered)"
    r"\s+(?:[\w-]+\s+){0,3}?late)"
)
AGENTLESS_PASSIVE = (
    phrase(  # "your room wasn't cleaned", "emergency calls could not be made"
        "wasn weren hasn haven hadn could can",
        r"\b(?:wasn't|weren't|hasn't\s+been|haven't\s+been|hadn't\s+been)\s+(?:\w+ly\s+)?(?:cleaned|delivered|sent"
        r"|processed|refunded|fixed|repaired|answered|returned|called|told|informed|updated|prepared|notified"
        r"|contacted|done|completed|shipped|honou?red|checked|passed\s+on|followed\s+up|recorded|applied|credited)\b"
        r"|\b(?:could|can)(?:\s+not|n't|not)\s+be\s+(?:made|done|reached|found|completed|processed|connected"
        r"|delivered|sent|fixed|repaired|placed|used|accessed)\b",
        "agentless — says what was not done, not who failed to do it",
    ),
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
        "we rest values",
        r"\bwe\s+take\s+(?:(?:this|these|all|your|such|our)\s+)?(?:\w+\s+)?(?:very\s+|extremely\s+"
        r"|really\s+)?seriously\b|\bwe(?:\s+will|'ll)\s+(?:always\s+)?(?:strive|endeavou?r)\s+to\b"
        r"|\bwe(?:'re|\s+are)\s+taking\s+(?:this|it|these|the\s+\w+)\s+(?:very\s+|extremely\s+|really\s+)?seriously\b"
        r"|\bvalues\s+(?:we|i)\s+hold\b|\bwe\s+(?:pride\s+ourselves|strive|always\s+strive|always\s+try"
        r"|endeavou?r)\s+(?:on|to)\b|\bwe\s+are\s+(?:committed|dedicated)\s+to\s+(?:providing|delivering"
        r"|excellence|quality|the\s+highest|exceptional|excellent|great)\b|\brest\s+assured\b",
        "empty reassurance — a promise with no action behind it",
    ),
    phrase(
        "is are matter heart committed robust mean",
        r"\b(?:is|are)\s+at\s+the\s+(?:core|heart|centre|center)\s+of\s+(?:everything|all|what)\b"
        r"|\b(?:is|are)\s+(?:of\s+)?(?:paramount|utmost|the\s+utmost|great|the\s+highest)\s+importance\b"
        r"|\b(?:is|are)\s+(?:everything|paramount|very\s+important|so\s+important|important)\s+to\s+(?:us|me)\b"
        r"|\bmatters?\s+(?:(?:so\s+much|deeply|a\s+lot|greatly)\s+)?to\s+(?:us|me)\b"
        r"|\bmeans?\s+(?:everything|the\s+world|so\s+much|a\s+lot)\s+to\s+(?:us|me)\b"
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
