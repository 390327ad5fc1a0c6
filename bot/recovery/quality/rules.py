"""What the apology quality check looks for, and why: the pattern tables behind `bot.quality`.

Every pattern runs on a normalized copy of the text (ASCII letters in lower case, curly quotes made
straight, quoted speech blanked out), so patterns are written in lower case, `'` is the only
apostrophe and `"` the only double quote they need to know. Each table pattern names the words a
match can begin with (`leads`; a lead of three letters or more is a prefix, a shorter one a whole
word), so a long text is only searched where those words occur.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Pattern:
    """One thing a rule looks for, the words a match begins with, and why it matters."""

    leads: tuple[str, ...]
    regex: re.Pattern[str]
    reason: str = ""
    negatable: bool = True  # "this was not a minor issue" is not minimizing


def _p(leads: str, pattern: str, reason: str = "", *, negatable: bool = True) -> Pattern:
    return Pattern(tuple(leads.split()), re.compile(pattern), reason, negatable)


def word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of `words`, as a set."""
    return frozenset(words.split())


# --- the shared vocabulary -------------------------------------------------------------------------

REGRET = _p(
    "sorry apolog forgive regret",
    r"\b(?:sorry|apologi[sz](?:e|es|ed|ing)|apolog(?:y|ies)|forgive\s+(?:us|me)|regret)\b",
)
NEGATION_BEFORE = re.compile(
    r"(?:\b(?:not|no|never|nor|neither|nothing|none|without|hardly|barely|instead\s+of|rather\s+than"
    r"|refuse\s+to)|n't)\s+(?:[\w']+\s+){0,4}$"
)
CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]\n—–]| - ")
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

# --- ownership: "we/I" + what we did wrong, within a few words and before a stop word ---------------

AGENT = _p("we our my i", r"\b(?:we|our|my|i)\b(?![.\-])")
AGENT_IN_CONDITION = re.compile(r"\b(?:if|whether|unless)\s+$")  # "if we made a mistake" owns nothing
OWNERSHIP_STOP = re.compile(
    r"\b(?:will|shall|would|may|might|can|must|need|needs|going\s+to|gonna|want|wanted|wish|hope|plan|promise"
    r"|intend|aim|try|trying|understand|know|knew|see|saw|hear|heard|reali[sz]e|appreciate|recogni[sz]e"
    r"|notice|noticed|note|read|feel|felt|believe|think|thought|show|shows|showed|indicate|indicates|say|says"
    r"|said|suggest|sorry|apologi[sz]e\w*|apolog(?:y|ies)|regret|that|which|who|because|since|when|if|unless"
    r"|although|though|while|whether|after|before|until|about|regarding|concerning|writing|write|reaching"
    r"|contacting|calling|call|value|take|takes)\b|'ll\b|'d\b|\band\s+(?=(?:the|a|an|it|they|he|she|this|you"
    r"|your|there|their|his|her)\b)"
)
FAILURE = re.compile(
    r"\b(?:mistakes?|errors?|fault|failures?|failing|failed|fail|mix-?ups?|mixed\s+up|mixing\s+up"
    r"|mess(?:ed)?\s+up|messing\s+up|made\s+a\s+mess|blunder|oversight|screw(?:ed)?\s+up|dropped\s+the\s+ball"
    r"|let\s+you\s+down|letting\s+you\s+down|fell\s+short|falling\s+short|missed|missing|forgot|forgotten"
    r"|forgetting|lost|losing|damaged|damaging|broke|broken|breaking|over-?charged|over-?charging"
    r"|over-?booked|over-?booking|double[- ]?(?:booked|charged|charging|billed)|(?:charged|charging"
    r"|billed)\s+you\s+twice|mis[a-z]+ed|mis[a-z]+ing|misread|ignored|ignoring|neglected|neglecting|delayed"
    r"|delaying|cancell?(?:ed|ing)\s+your|(?:kept|keeping)\s+you\s+waiting|(?:made|making)\s+you\s+wait"
    r"|(?:left|leaving)\s+you\s+(?:waiting|without|stranded|hanging|on\s+hold|in\s+the\s+dark|out|alone)"
    r"|wrong(?:ly)?|late|incorrect(?:ly)?|inaccurate(?:ly)?|unacceptabl[ey]|rude(?:ly)?|dismissive(?:ly)?"
    r"|careless(?:ly)?|badly|poorly|twice|did(?:n't|\s+not)(?!\s+(?:mean|intend|want|expect|know|reali[sz]e"
    r"|think|anticipate|foresee)\b)|(?:have|has|had)(?:n't|\s+not)\s+(?:yet\s+)?\w+ed|(?:was|were)(?:n't"
    r"|\s+not)(?!\s+(?:told|informed|aware|notified|made\s+aware|sure|responsible|at\s+fault|to\s+blame"
    r"|liable)\b)|could(?:n't|\s+not)|never\s+(?:\w+ed|came|sent|got|gave|showed|called|told|heard|did|made"
    r"|took|rang))\b"
)
GERUND_FAILURE = re.compile(r"\b(?:not|never)\s+\w+ing\b")
REGRET_FOR_GERUND = _p(  # "I'm sorry for losing your parcel": the gerund carries an implicit "I"
    "sorry apolog",
    r"\b(?:sorry|apologi[sz]e[sd]?|apologies|apology)\s+(?:\w+\s+)?(?:for|about)\s+(?=(?:not\s+"
    r"|never\s+)?\w+ing\b)",
)
ADMISSIONS = (
    _p(
        "that this it which",
        r"\b(?:that|this|it|which)(?:\s+one)?(?:'s|\s+is|\s+was)\s+(?:\w+\s+)?on\s+(?:us|me)\b",
    ),
    _p(
        "the fault mistake error failure blame responsibility",
        r"\b(?:the\s+)?(?:fault|mistake|error|failure|blame|responsibility)\s+(?:is|was|lies|lay|rests"
        r"|sits)\s+(?:\w+\s+)?(?:ours|mine|with\s+us|with\s+me)\b",
    ),
    _p(
        "we i",
        r"\b(?:we|i)\s+(?:\w+\s+)?(?:take|accept|bear)\s+(?:full\s+|complete\s+|total\s+)?(?:responsibility"
        r"|accountability|the\s+blame)\b|\b(?:we|i)\s+(?:fully\s+)?own\s+(?:this|it|that|the\s+mistake"
        r"|our\s+mistake)\b|\b(?:we|i)(?:\s+are|'re|\s+am|'m)\s+(?:\w+\s+)?(?:responsible|accountable"
        r"|to\s+blame|at\s+fault)\b|\b(?:we|i)\s+should(?:n't|\s+not)?\s+have\s+(?:\w+ed|been|done|known|sent"
        r"|caught|told|given|seen|made|got|gotten|come|kept|taken|had|written|spoken|rung|brought|left|let"
        r"|put|gone)\b",
    ),
)
DENIALS = (
    _p(
        "not never isn wasn aren weren",
        r"\b(?:not|never|isn't|wasn't|aren't|weren't)\s+(?:\w+\s+)?(?:our|my)\s+(?:own\s+)?(?:fault|mistake"
        r"|error|doing|responsibility)\b|\bno\s+fault\s+of\s+(?:ours|our\s+own|mine|my\s+own)\b",
        "blame — denies it was our fault",
        negatable=False,
    ),
    _p(
        "we i cannot can could",
        r"\b(?:we|i)\s+did\s+(?:absolutely\s+)?nothing\s+wrong\b|\b(?:we|i)(?:\s+are|'re|\s+am|'m|\s+were"
        r"|\s+was)\s+not\s+(?:\w+\s+)?(?:responsible|to\s+blame|at\s+fault|liable|accountable)\b"
        r"|\b(?:we|i)\s+(?:aren't|wasn't|weren't)\s+(?:\w+\s+)?(?:responsible|to\s+blame|at\s+fault|liable"
        r"|accountable)\b|\b(?:cannot|can't|can\s+not|could\s+not|couldn't)\s+be\s+held\s+(?:responsible"
        r"|liable|accountable)\b",
        "blame — says we are not responsible",
        negatable=False,
    ),
)

# --- repair: what we will do, and by when ----------------------------------------------------------

_REPAIR_VERB = (
    r"(?:refund|replac|re-?send|send|ship|dispatch|deliver|fix|repair|credit|reimburs|revers|void|waiv|cover"
    r"|pay|re-?book|book|reschedul|re-?do|reissu|re-?issu|correct|clean|return|bring|come|visit|call|phon"
    r"|ring|contact|e-?mail|text|meet|arrang|upgrad|cancel|mov|install|re-?install|re-?mak|remak|cook|prepar"
    r"|giv|offer|collect|swap|exchang|restor|reopen|releas|honou?r|process|compensat|reserv|drive|courier"
    r"|post|seat|invit|finish|complet|pick\s+up|take\s+care|take\s+[$£€]?\d[\d.,]*%?\s+off|be\s+(?:there"
    r"|in\s+touch|back|with\s+you|at\s+your)|make\s+(?:it|this|that|things)\s+(?:up|right)|put\s+(?:it|this"
    r"|that|things|everything)\s+right|set\s+(?:it|this|that|things)\s+right|sort\s+(?:it|this|that)\s+out"
    r"|have\s+(?:it|this|that|them|your|a|an|the)\b|get\s+(?:you|your|it|this|a|an|the)\b)[\w-]*"
)
_DONE = (
    r"(?:refunded|credited|reversed|reimbursed|replaced|re-?sent|reissued|re-?issued|re-?booked|rescheduled"
    r"|waived|voided|corrected|repaired|fixed|upgraded|compensated|restored|reopened|released|processed"
    r"|dispatched|sent\s+(?:you\s+)?(?:a|an|the|your)\s+(?:new|replacement|corrected|correct|right|fresh"
    r"|refund)|(?:updated|changed|moved|amended)\s+your)"
)
_ACTOR_NOUNS = (
    "team technician engineer manager chef driver courier plumber electrician staff crew colleague "
    "specialist agent department store office person someone"
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
    _p("we i he she they", r"\b(?:we|i|he|she|they)" + _THEN_REPAIR),
    _p(
        _ACTOR_NOUNS + " one",
        rf"\b(?:(?:{'|'.join(_ACTOR_NOUNS.split())})s?|one\s+of\s+(?:our|my)\s+\w+)" + _THEN_REPAIR,
    ),
    _p("let", r"\blet\s+(?:me|us)\s+" + _REPAIR_VERB),
    _p("and", r"\band\s+(?:will|shall)(?:\s+(?:also|personally|now|then|immediately))*\s+" + _REPAIR_VERB),
    _p("you", r"\byou(?:'ll|\s+will)\s+(?:\w+\s+)?(?:receive|get|have|see|hear\s+from)\b"),
    _p(
        _REPAIR_NOUNS,
        rf"\b(?:{'|'.join(_REPAIR_NOUNS.split())})s?\s+(?:will\s+(?!be\b|not\b)\w+|arrives?|ships|is\s+on\s+its\s+way"
        r"|goes\s+out|is\s+going\s+out|(?:will\s+be|is\s+being)\s+" + _DONE + ")",
    ),
)
REPAIR_DONE = (  # already done needs no deadline: "we have refunded the $40"
    _p("we i", r"\b(?:we|i)(?:'ve|\s+have|\s+has)?(?:\s+(?:already|now|just|also))*\s+" + _DONE + r"\b"),
    _p("has have", r"\b(?:has|have)\s+(?:now\s+|already\s+)?been\s+" + _DONE + r"\b"),
)
VAGUE_REPAIR = _p(
    "look investigat as asap in at shortly soon escalat",
    r"\b(?:look(?:ing)?\s+into\s+(?:it|this|that|the\s+matter|your\s+\w+)|investigat\w+"
    r"|as\s+soon\s+as\s+(?:possible|we\s+can)|asap|in\s+due\s+course|at\s+some\s+point|shortly|soon"
    r"|escalat\w+)\b",
)
_DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_COUNT = r"(?:\d+|an?|one|two|three|four|five|six|seven|ten|twelve|half\s+an?)"
TIME = re.compile(
    r"\b(?:today|tonight|tomorrow|this\s+(?:morning|afternoon|evening|week|weekend)|first\s+thing"
    r"|right\s+(?:away|now)|at\s+once|straight\s*away|immediately|same[- ]day|end\s+of\s+(?:the\s+)?day|close\s+of\s+business"
    r"|eod|cob|overnight)\b"
    rf"|\b(?:by|before|on|until|no\s+later\s+than|at)\s+(?:the\s+)?(?:next\s+|this\s+)?(?:{_DAY}|{_MONTH}\b"
    r"|\d|end\b|close\b|noon|midday|midnight|tomorrow|tonight|today|morning|afternoon|evening|weekend|week\b)"
    rf"|\bwithin\s+(?:the\s+)?(?:next\s+)?(?:{_COUNT}\s*)?(?:business\s+|working\s+)?"
    r"(?:minutes?|hours?|days?|weeks?|hrs?|mins?)\b"
    rf"|\bin\s+(?:the\s+next\s+)?{_COUNT}\s+(?:business\s+|working\s+)?(?:minutes?|hours?|days?|weeks?)\b"
    rf"|\bnext\s+(?:{_DAY}|week\b)|\b{_DAY}|\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    r"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b"
    r"|\bthe\s+\d{1,2}(?:st|nd|rd|th)\b|\b(?:noon|midday|midnight)\b"
)

# --- regret that names the harm ---------------------------------------------------------------------

# Words that say nothing about what the customer went through: "sorry for any inconvenience this caused".
GENERIC_WORDS = word_set(
    """sorry apologize apologise apologized apologised apologizing apologising apologies apology regret
    forgive sincerely sincere truly deeply really very terribly genuinely profoundly most extremely so
    again once the and for about that this these those all any some what which who how happened happen
    happens caused cause causing has have had may might could would should will shall can must been being
    are was were you your yours yourself our ours us we me my mine its it's i'm i've i'd we're we've
    we'd you're you've they they're inconvenience inconvenienced trouble troubles problem problems issue
    issues situation experience matter incident everything anything things thing mistake mistakes error
    errors fault mix-up mixup oversight hassle confusion let down want wanted like say said please accept
    extend offer express from with not just also there here now team behalf company everyone whole entire
    both whatever way hear heard know see feel felt wish hope did does done that's it was make made take
    taken get got give given one two but however today tomorrow fix right"""
)

# --- prevention: what we changed so it won't happen again ------------------------------------------

_NOT_FOR_THE_CUSTOMER = (
    r"(?!\s+(?:your|you|a\s+(?:credit|refund|voucher|discount|note)|the\s+(?:credit|refund)|\$))"
)
PREVENTION = (
    _p(
        "we i have has",
        r"(?:\b(?:we|i)(?:'ve|\s+have|\s+has)?|\b(?:have|has))(?:\s+(?:now|already|since|also|just"
        r"|recently))*\s+(?:changed|updated|retrained|re-trained|trained|added|introduced|implemented"
        r"|put\s+in\s+place|set\s+up|installed|rewr(?:itten|ote)|revised|redesigned|fixed\s+the\s+(?:root"
        r"|underlying)|hired|switched|replaced\s+(?:our|the)|created|built|brought\s+in|tightened|improved"
        r"|reorgani[sz]ed|adjusted)\b"
        + _NOT_FOR_THE_CUSTOMER
        + r"|\b(?:we|i)(?:'re|\s+are|'m|\s+am|\s+will|'ll|(?:'re|\s+are)\s+going\s+to|(?:'ve|\s+have)\s+"
        r"(?:started|begun))(?:\s+(?:now|also|already))*\s+(?:chang|updat|retrain|re-train|train|add|introduc"
        r"|implement|put\w*\s+in\s+place|set\w*\s+up|install|rewrit|revis|redesign|hir|switch"
        r"|replac\w*\s+(?:our|the)|tighten|improv|review\w*\s+(?:our|how"
        r"|the\s+way))[\w-]*\b" + _NOT_FOR_THE_CUSTOMER,
    ),
    _p(
        "won will never doesn does can no recur",
        r"\b(?:won't|will\s+not|will\s+never|never|doesn't|does\s+not|can't|cannot|can\s+not"
        r"|no\s+longer)\s+(?:\w+\s+){0,2}?(?:happen|occur)s?\s+(?:again|twice|to\s+(?:you|anyone)\s+(?:again"
        r"|else))|\brecurs?\b",
    ),
    _p(
        "prevent avoid stop from going in next new",
        r"\b(?:prevent|avoid|stop)(?:s|ing)?\s+(?:this|it|that|a\s+repeat|the\s+same|such|any\s+repeat"
        r"|a\s+recurrence|recurrence)\b|\bfrom\s+now\s+on\b|\bgoing\s+forward\b|\bin\s+(?:the\s+)?future\b"
        r"|\bnext\s+time\b(?!\s+you)|\bnew\s+(?:process|procedure|check|checks|checklist|step|rule|system"
        r"|policy|training)\b",
    ),
)

# --- flagged wording: each pattern with the reason it hurts -----------------------------------------

_FEELING = (
    r"(?:upset|unhappy|disappointed|offended|frustrated|angry|annoyed|dissatisfied|unsatisfied|displeased"
    r"|bothered|hurt|inconvenienced|confused|not\s+happy|not\s+satisfied)"
)
_REGRET_WORD = r"\b(?:sorry|apologi[sz]e[sd]?|apologies)"
CONDITIONAL = (
    _p(
        "sorry apolog",
        _REGRET_WORD + r"(?:\s+\w+){0,2}?\s+if\b",
        "conditional — “if” doubts that anything happened",
    ),
    _p(
        "sorry apolog",
        _REGRET_WORD + r"\s+(?:that\s+)?(?:you|anyone|some\s+people|people)\s+(?:(?:feel|felt|think|thought"
        r"|believe|perceived?)\b|(?:see|saw|view|viewed|took|take|found|find)\s+(?:it|this|that|things"
        r"|offen[cs]e)\b|(?:are|were|'re|was|have\s+been|'ve\s+been)\s+(?:\w+\s+)?" + _FEELING + r"\b)",
        "conditional — apologizes for their feelings, not for what we did",
    ),
    _p("to", r"\bto\s+the\s+extent\s+(?:that\s+)?", "conditional — hedges how much we did wrong"),
    _p(
        "sorry apolog",
        _REGRET_WORD
        + r"\s+to\s+(?:anyone|anybody|those|any\s+\w+)\s+who\s+(?:felt|feels|was|were|may|might|has"
        r"|have|found|thought)\b",
        "conditional — apologizes to whoever minded, not for what we did",
    ),
    _p(
        "if",
        r"\bif\s+(?:anyone|you|somebody|someone|any\s+of\s+you|people)\s+(?:was|were|felt|feel|has\s+been"
        r"|have\s+been|got|became|may\s+have\s+been|might\s+have\s+been)\s+(?:\w+\s+)?(?:offended|upset|hurt"
        r"|inconvenienced|disappointed|bothered|troubled|affected|distressed)\b",
        "conditional — doubts that anyone was hurt",
    ),
    _p(
        "if",
        r"\bif\s+(?:we|i|this|that|it|our\s+\w+)\s+(?:have\s+|has\s+|'ve\s+)?(?:caused|upset|offended"
        r"|disappointed|inconvenienced|hurt|let\s+you\s+down|fell\s+short|made\s+(?:a|an|any)\s+\w+)\b"
        r"|\bif\s+(?:there|this|that|it)\s+(?:was|were|has\s+been)\s+(?:any|a|an)\s+(?:\w+\s+)?(?:problem"
        r"|issue|inconvenience|mistake|error|misunderstanding|confusion|trouble)",
        "conditional — doubts that we did anything",
    ),
    _p(
        "may might could",
        r"\b(?:may|might|could)\s+have\s+(?:caused|been\s+caused|upset|offended|inconvenienced|disappointed"
        r"|hurt|experienced|led\s+to|created)\b",
        "conditional — doubts the harm happened",
    ),
)
MINIMIZING = (
    _p(
        "any",
        r"\bany\s+(?:\w+\s+)?inconveniences?\b",
        "minimizing — makes the harm sound hypothetical and small",
    ),
    _p(
        "sorry apolog",
        _REGRET_WORD + r"\s+(?:\w+\s+){0,2}?(?:for|about)\s+any\s+(?!\w+\s+inconvenience|inconvenience)\w+",
        "minimizing — “any” treats the harm as hypothetical",
    ),
    _p(
        "minor slight small little tiny brief short temporary",
        r"\b(?:minor|slight|small|little|tiny|brief|short|temporary)\s+(?:\w+\s+)?(?:issue|problem|hiccup"
        r"|glitch|error|mistake|mix-?up|delay|inconvenience|oversight|setback|misunderstanding|hitch|blip"
        r"|bump)s?\b",
        "minimizing — shrinks what happened to them",
    ),
    _p(
        "bit little tad",
        r"\b(?:bit|little|tad)\s+(?:late|delayed|slow|cold|off|behind|longer)\b",
        "minimizing — shrinks what happened to them",
    ),
    _p(
        "just only merely",
        r"\b(?:just|only|merely)\s+(?:(?:a\s+)?(?:few|couple\s+of|\d+)\s+(?:minutes|hours|days|dollars|pounds"
        r"|euros)\b|[$£€]\d)",
        "minimizing — tells them it was not much",
    ),
    _p(
        "these such mistakes happens honest",
        r"\b(?:these|such)\s+things\s+happen\b|\bmistakes\s+happen\b|\bhappens\s+to\s+(?:the\s+)?best\b"
        r"|\bhonest\s+mistake\b",
        "minimizing — treats the failure as normal",
    ),
    _p(
        "no not",
        r"\bno\s+big\s+deal\b|\bnot\s+(?:such\s+)?a\s+big\s+deal\b",
        "minimizing — says it does not matter",
    ),
)
_PARTICIPLE = (
    r"(?:delayed|lost|damaged|misplaced|mislaid|overlooked|missed|mishandled|mixed\s+up|over-?charged"
    r"|double[- ]?charged|charged\s+twice|ignored|forgotten|dropped|misrouted|misdirected|mis-?sent"
    r"|cancell?ed|over-?booked|double[- ]?booked|broken|neglected|misinformed|misquoted|mischarged"
    r"|left\s+(?:waiting|out|behind|without|unattended|stranded|on\s+hold)|kept\s+waiting|given\s+the\s+wrong"
    r"|sent\s+(?:to\s+)?the\s+wrong|delivered\s+(?:late|to\s+the\s+wrong)|served\s+(?:cold|late|raw"
    r"|the\s+wrong)|(?:not|never)\s+(?:cleaned|delivered|sent|processed|refunded|fixed|repaired|answered"
    r"|returned|called|told|informed|updated|prepared|notified|contacted|done|completed|shipped|honou?red"
    r"|checked|passed\s+on|followed\s+up|recorded|applied|credited|ready))"
)
AGENTLESS_PASSIVE = (
    _p(
        "mistake error misjudg",
        r"\b(?:mistakes?|errors?|misjudge?ments?)\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+made\b",
        "agentless — says mistakes were made, not who made them",
    ),
    _p(
        "error mistake mix glitch issue problem oversight mis fault failure",
        r"\b(?:error|mistake|mix-?up|glitch|issue|problem|oversight|miscommunication|misunderstanding|fault"
        r"|failure)s?\s+(?:occurred|happened|arose|took\s+place)\b",
        "agentless — makes the failure something that just happened",
    ),
    _p(
        "something things it this that everything",
        r"\b(?:something|things|it|this|that|everything)\s+went\s+(?:\w+\s+)?wrong\b",
        "agentless — says what went wrong, not who got it wrong",
    ),
    _p(
        "there",
        r"\bthere\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:an?|some"
        r"|a\s+few)\s+(?:\w+\s+)?(?:errors?|mistakes?|mix-?ups?|miscommunications?|misunderstandings?"
        r"|oversights?|glitch(?:es)?|problems?|issues?|delays?)\b",
        "agentless — “there was a mistake” hides who made it",
    ),
    _p(
        "was were has have had got",
        r"\b(?<!\bwe\s)(?<!\bi\s)(?:was|were|has\s+been|have\s+been|had\s+been|got)\s+(?:\w+ly\s+)?"
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
    _p(
        "unfortunately",
        r"\bunfortunately\b[^.!?\n]{0,120}?\b(?:due\s+to|because\s+of|owing\s+to|as\s+a\s+result\s+of"
        r"|caused\s+by)\b",
        _EXCUSE,
    ),
    _p(
        "due because owing as caused",
        r"\b(?:due\s+to|because\s+of|owing\s+to|as\s+a\s+result\s+of|caused\s+by)\s+(?:the\s+|an?\s+"
        r"|some\s+)?(?:[\w-]+\s+){0,3}?(?:volumes?|demand|weather|storms?|snow|traffic|holidays?"
        r"|circumstances|staff(?:ing)?\s+shortages?|short[- ]staffing|shortages?|technical\s+(?:issues"
        r"|difficulties|problems)|system\s+(?:issues|errors?|problems|outage)|courier|carrier|supplier|vendor"
        r"|manufacturer|third[- ]part(?:y|ies)|partner|postal\s+service|strikes?|pandemic|outages?|sickness"
        r"|illness)\b",
        _EXCUSE,
    ),
    _p(
        "beyond outside out",
        r"\b(?:beyond|outside(?:\s+of)?|out\s+of)\s+(?:our|my)\s+(?:\w+\s+)?(?:control|hands)\b",
        _NOT_UP_TO_US,
    ),
    _p(
        "unforeseen unforeseeable exceptional extraordinary unavoidable nothing",
        r"\b(?:unforeseen|unforeseeable|exceptional|extraordinary|unavoidable)\s+circumstances\b"
        r"|\bnothing\s+(?:more\s+)?(?:we|i)\s+could\s+(?:have\s+)?(?:do|done)\b",
        _NOT_UP_TO_US,
    ),
    _p(
        "as per according in",
        r"\b(?:as\s+per|per|according\s+to|in\s+(?:accordance|line)\s+with)\s+(?:our\s+|the\s+"
        r"|company\s+)*(?:polic(?:y|ies)|terms|t&cs|procedures?|rules)\b",
        _POLICY,
    ),
    _p(
        "our company store hotel the",
        r"\b(?:our|company|store|hotel|the)\s+polic(?:y|ies)\s+(?:states?|says?|requires?|is\s+that"
        r"|does\s+not\s+allow|doesn't\s+allow|prevents?|prohibits?|only\s+allows?)\b",
        _POLICY,
    ),
    _p(
        "you",
        r"\byou\s+should(?:\s+have|'ve)\s+(?!(?:received|had|got|gotten|been|heard|seen|enjoyed|expected"
        r"|found|come|arrived)\b)\w+|\byou\s+(?:failed|forgot|neglected|omitted)\s+to\b"
        r"|\byou\s+did(?:n't|\s+not)\s+(?:read|check|tell|call|follow|provide|include|specify|contact|inform"
        r"|notify|mention|ask|reply|respond|answer|confirm|update|select|choose|enter|fill)\b",
        _CUSTOMER,
        negatable=False,
    ),
    _p(
        "if had your on you as",
        r"\b(?:if\s+you\s+had|had\s+you)\s+(?:\w+\s+)?(?:read|checked|told|called|provided|followed|contacted"
        r"|informed|let\s+us\s+know|asked|booked|ordered|arrived|confirmed)\b|\byour\s+(?:own\s+)?fault\b"
        r"|\bon\s+your\s+(?:end|side)\b|\byou\s+were\s+(?:supposed|meant|expected"
        r"|required)\s+to\s+(?!(?:receive|get|have|hear|be|see)\b)\w+"
        r"|\bas\s+you\s+were\s+(?:told|informed|advised)\b|\byou\s+(?:misunderstood|misread|misheard)\b",
        _CUSTOMER,
    ),
    _p(
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
    _p(
        _OTHERS,
        r"\b(?:courier|carrier|delivery\s+(?:company|driver|partner|firm|service)|postal\s+service"
        r"|post\s+office|postman|driver|supplier|vendor|manufacturer|factory|warehouse|system|software"
        r"|computer|bank|payment\s+(?:provider|processor)|airline|third[- ]party|contractor|subcontractor"
        r"|partner|weather|storm|kitchen|chef|cook|employee|trainee|temp|intern|agent|technician|engineer"
        r"|receptionist|waiter|waitress|server|housekeep(?:er|ing)|front\s+desk|shift|staff|colleague"
        r"|department)s?\s+(?:\w+\s+)?(?:lost|was\s+responsible|is\s+responsible|caused|failed|made\s+(?:a|an"
        r"|the)\s+(?:mistake|error)|messed\s+up|delayed|damaged|broke|forgot|mixed\s+up|did(?:n't|\s+not)"
        r"|never|was\s+to\s+blame|is\s+to\s+blame|let\s+(?:us|you)\s+down|dropped|misplaced|mishandled"
        r"|ignored|overlooked|neglected|missed|went\s+down|crashed|was\s+down|was\s+(?:late|wrong"
        r"|rude))\b(?:\s+(?:your|the|it|our|my)\b(?:\s+[\w-]+)?)?",
        "blame — blames someone else instead of owning it",
    ),
)
# "but"/"however" take back what came before, unless what follows is a commitment or more ownership.
BUT = _p("but however", r"\bbut\b|\bhowever(?=\s*,)", "excuse — “but” takes back the apology")
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
    _p(
        "your customer",
        r"\b(?:your|customer)\s+(?:satisfaction|happiness|experience|comfort|safety|trust|service)\s+(?:is"
        r"|are|remains)\s+(?:our|my)\s+(?:\w+\s+)?(?:priority|concern|goal|focus)\b",
        "empty reassurance — a slogan, not an action",
    ),
    _p(
        "we your",
        r"\bwe\s+(?:\w+ly\s+)?value\s+(?:your\s+(?:business|custom|loyalty|feedback|patronage|patience|trust"
        r"|input)|you\s+as\s+(?:a|an|our)\s+\w+|our\s+(?:customers|guests|clients))\b"
        r"|\byour\s+(?:business|custom|call|feedback|opinion|loyalty)\s+(?:is|are)\s+(?:very\s+"
        r"|really\s+)?(?:important|valuable|valued|appreciated)\b",
        "empty reassurance — tells them they matter instead of showing it",
    ),
    _p(
        "we rest",
        r"\bwe\s+take\s+(?:this|these|all|your|such)\s+(?:\w+\s+)?(?:very\s+|extremely\s+"
        r"|really\s+)?seriously\b|\bwe\s+(?:pride\s+ourselves|strive|always\s+strive|always\s+try"
        r"|endeavou?r)\s+(?:on|to)\b|\bwe\s+are\s+(?:committed|dedicated)\s+to\s+(?:providing|delivering"
        r"|excellence|quality|the\s+highest|exceptional|excellent|great)\b|\brest\s+assured\b",
        "empty reassurance — a promise with no action behind it",
    ),
    _p(
        "thank we",
        r"\b(?:thank\s+you|thanks)\s+(?:so\s+much\s+)?for\s+your\s+(?:continued\s+)?(?:patience|understanding"
        r"|cooperation)\b|\bwe\s+appreciate\s+your\s+(?:patience|understanding)\b",
        "empty reassurance — thanks them for putting up with it",
    ),
)
