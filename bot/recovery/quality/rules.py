"""What the apology quality check looks for: the vocabulary of ownership, repair, regret and prevention.

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


def phrase(leads: str, regex: str, reason: str = "", *, negatable: bool = True) -> Pattern:
    """A Pattern from the words a match begins with (space-separated) and its regular expression."""
    return Pattern(tuple(leads.split()), re.compile(regex), reason, negatable)


def word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of `words`, as a set."""
    return frozenset(words.split())


# --- the shared vocabulary -------------------------------------------------------------------------

REGRET = phrase(  # and as people misspell it: "sory", "appologies"
    "sorry sory apolog appolog forgive regret",
    r"\b(?:sor+y|ap+ologi[sz](?:e|es|ed|ing)|ap+olog(?:y|ies)|forgive\s+(?:us|me)|regret)\b",
)
NEGATION_BEFORE = re.compile(
    r"(?:\b(?:not|no|never|nor|neither|nothing|none|without|hardly|barely|instead\s+of|rather\s+than"
    r"|refuse\s+to)|n't)\s+(?:[\w']+\s+){0,4}$"
)
CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]\n—–]| - ")
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

# --- ownership: "we/I" + what we did wrong, within a few words and before a stop word ---------------

_OUR_PEOPLE = (  # who can only be us: "the kitchen got the ticket wrong" (not a courier or a supplier)
    "kitchen team staff crew office store branch shop reception receptionist housekeeping front_desk "
    "technician engineer cleaner pharmacist nurse chef waiter waitress installer mechanic barista cashier "
    "bartender concierge porter teller"
)
# "our courier", "our hosting provider": a firm we hired, named after "our", is not us owning it
NOT_US = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:partner|supplier|vendor|provider|carrier|subcontractor|contractor|manufacturer"
    r"|insurer|landlord|courier(?!\s+bag))s?\b"
)
AGENT = phrase(
    "we our my i the of",
    r"\b(?:we|our|my|i)\b(?![.\-])|\bof\s+(?:ours|mine)\b|\bthe\s+(?:"
    + "|".join(n.replace("_", r"\s+") for n in _OUR_PEOPLE.split())
    + r")\b",
)
# "the lab we use lost it", "a firm I hired": "we" names the one who failed, and is not them
WE_USE = re.compile(
    r"(?:we|i)\s+(?:use|used|hire|hired|employ|employed|contract|contracted|(?:work|worked|partner|partnered)\s+with"
    r"|rel(?:y|ied)\s+on)\b"
)
# "if we made a mistake", "sorry you feel our service was slow" own nothing
AGENT_IN_CONDITION = re.compile(
    r"\b(?:if|whether|unless|you\s+(?:feel|felt|think|thought|believe|believed|perceive|perceived)(?:\s+that)?)\s+$"
)
OWNERSHIP_STOP = re.compile(
    r"\b(?:will|shall|would|may|might|can|must|need|needs|going\s+to|gonna|want|wanted|wish|hope|plan|promise"
    r"|intend|aim|try|trying|understand|know|knew|see|saw|hear|heard|reali[sz]e|appreciate|recogni[sz]e"
    r"|notice|noticed|note|read|feel|felt|believe|think|thought|show|shows|showed|indicate|indicates|say|says"
    r"|said|suggest|sorry|apologi[sz]e\w*|apolog(?:y|ies)|regret|which|who|because|since|when|if|unless"
    r"|although|though|while|whether|after|before|until|about|regarding|concerning|writing|write|reaching"
    r"|contacting|calling|call|value|take|takes)\b|'ll\b|'d\b|\b(?:that|so)\s+(?=(?:the|a|an|your|you|it|they|he|she|there|this|these|those|his|her|their|some|our|we|i)\b)|\band\s+(?=(?:the|a|an|it|they|he|she|this|you"
    r"|your|there|their|his|her)\b)"
)
FAILURE = re.compile(
    r"\b(?:mistakes?|errors?|fault|failures?|failing|failed|fail|mix-?ups?|mixed\s+up|mixing\s+up"
    r"|mess(?:ed)?\s+up|messing\s+up|made\s+a\s+mess|blunder|oversight|screw(?:ed)?\s+up|dropped\s+the\s+ball"
    r"|let\s+you\s+down|letting\s+you\s+down|fell\s+short|falling\s+short|missed|(?<!\ba\s)(?<!\bthe\s)missing|forgot|forgotten"
    r"|forgetting|lost|losing|damaged|damaging|broke|broken|breaking|over-?charged|over-?charging"
    r"|over-?booked|over-?booking|double[- ]?(?:booked|charged|charging|billed)|mis[a-z]+t|(?:charged|charging"
    r"|billed)\s+you\s+twice|mis[a-z]+ed|mis[a-z]+ing|misread|ignored|ignoring|neglected|neglecting|delayed"
    r"|delaying|slow(?:ly)?|short\s+with|(?:left|made|leaving|making)\s+(?:a\s+|such\s+a\s+)?(?:\w+\s+)?mess|outages?|stopped"
    r"|cancell?(?:ed|ing)\s+your|(?:kept|keeping)\s+you\s+waiting|(?:made|making)\s+you\s+wait"
    r"|(?:left|leaving)\s+you\s+(?:waiting|without|stranded|hanging|on\s+hold|in\s+the\s+dark|out|alone)"
    r"|wrong(?:ly)?|late|incorrect(?:ly)?|inaccurate(?:ly)?|unacceptabl[ey]|rude(?:ly)?|dismissive(?:ly)?"
    r"|contempt(?:uous(?:ly)?)?|condescending(?:ly)?|patroni[sz]ing(?:ly)?|sarcastic(?:ally)?|disrespectful(?:ly)?"
    r"|disdain|scorn|hostil(?:e|ity)|muddled|jumbled"
    r"|careless(?:ly)?|badly|poorly|twice|did(?:n't|\s+not)(?!\s+(?:mean|intend|want|expect|know|reali[sz]e"
    r"|think|anticipate|foresee)\b)|(?:have|has|had)(?:n't|\s+not)\s+(?:yet\s+)?\w+ed|(?:was|were)(?:n't"
    r"|\s+not)(?!\s+(?:told|informed|aware|notified|made\s+aware|sure|responsible|at\s+fault|to\s+blame"
    r"|liable)\b)|could(?:n't|\s+not)|never\s+(?:\w+ed|came|sent|got|gave|showed|called|told|heard|did|made"
    r"|took|rang)|under-?[a-z]+ed|skipped|let\s+\w+(?:\s+\w+)?\s+slip|instead\s+of|scratched|dented|chipped|cracked"
    r"|stained|ripped|tore|torn|spilled|spilt|burnt|scorched|flooded|hurt|injured|nicked|wiped|leaked|exposed"
    r"|humiliated|embarrassed|trapped|dragged|shouted|swore|accused|refused|turned\s+(?:you|\w+)\s+away"
    r"|dropped(?!(?:\s+[\w-]+){0,3}?\s+(?:off|by|in|round|over)\b|\s+the\s+price)|duplicated|corrupted|crashed|overwr[io]te"
    r"|out\s+loud|aloud|short[- ]?changed|blew\s+it|slipped\s+up|botched|fumbled|over-?looked|bungled"
    r"|(?:gave|given|giving|sold|let)\s+(?:[\w'-]+\s+){0,3}?away|thr(?:ew|own|owing)\s+(?:[\w'-]+\s+){0,3}?(?:away|out)"
    r"|without\s+(?:testing|checking|asking|telling|warning|calling|confirming|looking|reading|inspecting|notifying"
    r"|informing)|argu(?:ed|ing)\s+(?:with\s+you|about\s+it)|served\s+(?:you\s+)?(?:an?\s+)?(?:cold|raw|undercooked|stale"
    r"|burnt)"
    r"|(?:did|done)\s+nothing(?!\s+wrong)|binned|discarded|disposed\s+of|(?:meant|intended|prescribed|addressed)\s+for\s+(?:another|someone\s+else"
    r"|a\s+different|the\s+next)"
    r"|(?:left|leaving)\s+(?:you|your\s+[\w-]+)\s+(?:[\w'-]+\s+){0,3}?(?:without|stranded|alone|behind|outside)"
    r"|(?:left|leaving)\s+(?:[\w'-]+\s+){1,3}?(?:unattended|unsupervised|unlocked|unlatched|exposed)"
    r"|without\s+(?:the|a|any)\s+(?:[\w-]+\s+)?(?:checks?|tests?|review|sign-?off|approval|care)"
    r")\b"
)
# "I'm sorry we billed you for a plan you had cancelled": with regret beside it, what we did is the
# failure even when no word says "wrong" (verbs of noticing, trying or finding own nothing).
AGENT_DID = re.compile(
    r"\b(?:we|i|(?:our|my)\s+(?!own\b)(?:[a-z]+\s+(?!(?:was|were|is|are|has|have|had|been|will|would|can|could|should|may|might|must|did|do|does)\b))?[a-z]+)\s+(?:\w+ly\s+)?(?!(?:received|reviewed|investigated|looked|found|learned"
    r"|learnt|noticed|heard|realised|realized|understood|knew|felt|thought|wanted|tried|hoped|checked|contacted"
    r"|reached|appreciated|valued|listened|spoke|talked|needed|expected|decided|noted|saw|read|had|was|were"
    r"|did|restored|fixed|resolved|refunded|credited|replaced|corrected|repaired|helped|worked|responded"
    r"|answered|acted|apologi[sz]ed|offered|processed|completed|followed|escalated|passed)\b)(?:[a-z]+ed|sent|gave|took|made|left|told|kept|lost|forgot|got|put|let|said|brought|went|came|sold|threw"
    r"|ran|wrote|spelled|spelt|shut|cut|rang|sat|held|paid|built|dealt|meant)\b"
)
# "I read the wrong rate", "we picked the wrong list": the wrong thing, whatever the verb
# Words that say it was done wrong wherever they fall in the clause: "our team ran the job against the
# live database instead of staging" (past the eight words other failure words must fall within).
STRONG_FAILURE = re.compile(
    r"\b(?:instead\s+of|the\s+wrong|a\s+wrong|by\s+mistake|in\s+error|by\s+accident|accidentally|mistakenly"
    r"|wrongly|incorrectly)\b"
)
WRONG_THING = re.compile(r"\s+(?:[a-z]+\s+){1,2}?(?:the|a|an)\s+wrong\b")
# "We charged you £40 a night", "our driver closed the doors on your daughter's hand": in an apology that
# says sorry, what we did to them owns it. Verbs of noticing, answering or making good own nothing.
DONE_TO_YOU = re.compile(
    r"\b(?:we|i|(?:our|my)\s+(?!own\b)(?:[a-z]+\s+(?!(?:was|were|is|are|has|have|had|been|will|would|can|could|should|may|might|must|did|do|does)\b))?[a-z]+)(?:'ve|\s+have|'d|\s+had)?\s+(?:\w+ly\s+)?(?!(?:received|reviewed|investigated|looked"
    r"|found|learned|noticed|heard|realised|realized|understood|knew|felt|thought|wanted|tried|hoped|checked"
    r"|contacted|reached|appreciated|valued|listened|spoke|talked|needed|expected|decided|noted|saw|read|asked"
    r"|thanked|informed|notified|updated|called|phoned|rang|emailed|texted|messaged|wrote|sent|gave|paid|booked"
    r"|credited|refunded|offered|arranged|upgraded|invited|visited|met|restored|fixed|resolved|replaced"
    r"|corrected|repaired|helped|worked|responded|answered|acted|apologi[sz]ed|processed|completed|followed"
    r"|escalated|passed|welcomed|served|assured|promised|reassured|moved|reimbursed|compensated|waived|switched"
    r"|transferred|topped|added|rebooked|reinstated|unblocked|reconnected)\b)"
    r"(?:[a-z]+ed|sold|took|taken|left|kept|lost|put|let|held|cut|shut|told|gave|hit|bit|ran|drove)\s+"
    r"(?:[\w'-]+\s+){0,4}?(?:you|your)\b"
)
VERDICT = re.compile(
    r"\b(?:that|this|it|which)\s+(?:should(?:n't|\s+not|\s+never)(?:\s+have|'ve|\s+of)\s+(?:been\s+)?[a-z]+|(?:'s|is|was)\s+(?:\w+\s+)?"
    r"(?:wrong|unacceptable|inexcusable|unforgivable|careless|indefensible|a\s+(?:\w+\s+)?(?:failure|mistake|error"
    r"|lapse)))\b|\b(?:he|she|they)\s+should(?:n't|\s+not|\s+never)?(?:\s+have|'ve|\s+of)\b|\bthere(?:'s|\s+is|\s+was)\s+no\s+excuse\s+for\s+(?:that|this|it|what)\b"
    r"|\b(?:we|i)\s+(?:don't|do\s+not|won't|will\s+not|can't|cannot|can\s+not)\s+(?:excuse|defend|justify)"
    r"\s+(?:that|this|it|what)\b"
)
GERUND_FAILURE = re.compile(r"\b(?:not|never)\s+\w+ing\b")
REGRET_FOR_GERUND = phrase(  # "I'm sorry for losing your parcel": the gerund carries an implicit "I"
    "sorry apolog",
    r"\b(?:sorry|apologi[sz]e[sd]?|apologies|apology)\s+(?:\w+\s+)?(?:for|about)\s+(?=(?:not\s+"
    r"|never\s+)?\w+ing\b)",
)
_OWNED_NOUNS = (
    r"(?:mistakes?|errors?|failures?|faults?|oversight|lapse|slip|slip-up|bug|theft|loss|delay|wait|mix-?up|damage"
    r"|mess|typo|outage|glitch|miscommunication|misunderstanding|negligence|carelessness)"
)
ADMISSIONS = (
    phrase(  # "the theft of your laptop is on us", "a failure of our inspection", "an error in our office"
        "mistake error failure fault oversight lapse slip bug theft loss delay wait mix damage mess typo outage "
        "glitch miscommunication misunderstanding negligence carelessness",
        rf"\b{_OWNED_NOUNS}\s+(?:[\w'-]+\s+){{0,3}}?(?:is|was|'s)\s+on\s+(?:us|me)\b"
        rf"|\b{_OWNED_NOUNS}\s+(?:of|by|in|on|from|at)\s+(?:(?:our|my)\b(?!{NOT_US.pattern})|us\b|me\b)"
        rf"|\b{_OWNED_NOUNS}\s+(?:that\s+)?(?:we|i)\s+(?:made|shipped|introduced|caused|pushed|released|created)\b",
    ),
    phrase(
        "my our",
        r"\bmy\s+(?:own\s+)?(?:copy-?paste|typo|slip|bad|oversight|mistake|error|fault|doing|watch)\b|\bour\s+bad\b",
    ),
    phrase("we i on", r"\b(?:we|i)\s+answer\s+for\b|\bon\s+my\s+watch\b"),
    phrase(  # "that is not the standard we promised you", "that isn't how we treat people"
        "that this it which",
        r"\b(?:that|this|it|which)(?:'s\s+not|\s+is\s+not|\s+isn't|\s+was\s+not|\s+wasn't)\s+(?:\w+\s+){0,2}?"
        r"(?:good\s+enough|acceptable|okay|ok|fair\s+on|right|the\s+(?:standard|service|care|experience|level)|how\s+we|what\s+we"
        r"|who\s+we|up\s+to)\b",
    ),
    phrase(  # "it wasn't ready at 3 as we promised", "we told you Friday and it wasn't"
        "as we i",
        r"(?:n't|\bnot|\bnever)\b[^.;]{0,60}?\bas\s+(?:we|i)\s+(?:had\s+)?(?:promised|said|agreed|told\s+you)\b"
        r"|\b(?:we|i)\s+(?:promised|told\s+you|said|assured\s+you|agreed)\b[^.;]{0,80}?\b(?:and|but)\s+"
        r"(?:it|we|i|they|he|she)\s+(?:wasn't|weren't|didn't|hadn't|never|was\s+not|did\s+not)\b",
    ),
    phrase(  # "our inspection should have caught it", "I should never have sold it", "we got that wrong"
        "our my we i",
        r"\b(?:our|my)\s+(?:[\w-]+\s+){1,3}?should(?:n't|\s+not|\s+never)?(?:\s+have|'ve|\s+of)\s+(?:\w+ed|been|caught|seen"
        r"|known|told|done|found|spotted|stopped|had|given|kept|taken|made)\b"
        r"|\b(?:we|i)\s+should\s+never(?:\s+have|'ve|\s+of)\b"
        r"|\b(?:we|i)\s+(?:really\s+|badly\s+|completely\s+)?got\s+(?:this|that|it|things|(?:your|the)\s+[\w'-]+"
        r"(?:\s+[\w'-]+)?)\s+(?:\w+\s+)?wrong\b",
    ),
    phrase(  # "that's our responsibility, not yours", "putting it on sale was our decision", "it's clearly us"
        "that this it which was is",
        r"\b(?:that|this|it|which)(?:\s+one)?(?:'s|\s+is|\s+was)\s+(?:clearly|definitely|entirely|all|totally|squarely|100%)"
        r"\s+(?:on\s+)?(?:us|me|ours|mine)\b|\b(?:it|that)\s+was\s+(?:me|us)\b(?!\s+who\s+(?:found|spotted|fixed))"
        r"|\b(?:was|is|'s)\s+(?:entirely\s+|wholly\s+|solely\s+)?(?:our|my)\s+(?:own\s+)?(?:responsibility|fault"
        r"|mistake|error|failure|failing|doing|decision|call|job|problem|negligence|carelessness|bug|slip|slip-up"
        r"|oversight|typo|blunder|lapse|screw-up|mix-up|shortcut)\b",
    ),
    phrase(  # "you should have heard it from us", "you deserved better from me"
        "you",
        r"\byou\s+(?:should(?:\s+have|'ve|\s+of)|deserved?)\s+(?:[\w'-]+\s+){0,8}?(?:from|by)\s+(?:us|me)\b"
        r"|\byou\s+deserved?\s+better\b",
    ),
    phrase(  # "a gate was left unlatched by one of our staff"
        "was were been got",
        r"\b(?:was|were|been|got)\s+(?:[\w-]+\s+){0,2}?(?:[a-z]+ed|[a-z]+en|left|sent|kept|lost|put|told|given"
        r"|made|taken|done|cut|shut|sold|hit|let)\s+(?:[\w-]+\s+){0,3}?by\s+(?:us|me|one\s+of\s+(?:our|my)"
        rf"|(?:our|my)(?!{NOT_US.pattern}))\b",
    ),
    phrase(  # "your code didn't apply because we set it to expire early": we are the cause
        "because as since",
        r"\b(?:because|as|since)\s+(?:we|i|(?:our|my)\s+[a-z]+)\s+(?:\w+ly\s+)?(?:[a-z]+ed|set|sent|put|made|gave|took"
        r"|left|kept|lost|forgot|let|got|ran|cut|read|wrote|sold|told|did(?:n't|\s+not)|had(?:n't|\s+not)"
        r"|was(?:n't|\s+not)|were(?:n't|\s+not))\b",
    ),
    phrase(  # "that was caused by a change we pushed"
        "caused came down",
        r"\b(?:caused\s+by|came\s+from|down\s+to)\s+(?:a|an|the|our|my)\s+(?:\w+\s+)?(?:change|update|release"
        r"|decision|mistake|error|deployment)\s+(?:that\s+)?(?:we|i)\s+(?:made|pushed|shipped|released|rolled|took)\b",
    ),
    phrase(  # "that's on us", "that one's on our night desk"
        "that this it which",
        r"\b(?:failure|mistake|error|oversight|bad\s+form|poor\s+form|carelessness|negligence|lapse|slip)\s+on\s+(?:my|our)"
        r"\s+part\b"
        r"|\b(?:that|this|it|which)(?:\s+one)?(?:'s|\s+is|\s+was)\s+(?:\w+\s+)?(?:on|down\s+to)\s+(?:us|me|(?:our|my)\s+(?:[\w-]+\s+)?"
        r"(?:team|staff|crew|desk|kitchen|office|side|end|part|people|drivers?|engineers?|watch|shift))\b",
    ),
    phrase(  # "our receptionist read your result out loud"
        "we i our my",
        r"\b(?:we|i|(?:our|my)\s+[a-z]+)\s+(?:read|said|shouted|announced|discussed|shared|posted|displayed|called)\s+"
        r"(?:[\w'-]+\s+){0,5}?(?:out\s+loud|aloud|publicly|in\s+public|in\s+front\s+of)\b",
    ),
    phrase(
        "the fault mistake error failure blame responsibility",
        r"\b(?:the\s+)?(?:fault|mistake|error|failure|blame|responsibility)\s+(?:is|was|lies|lay|rests"
        r"|sits)\s+(?:\w+\s+)?(?:ours|mine|with\s+us|with\s+me)\b",
    ),
    phrase(
        "we i",
        r"\b(?:we|i)\s+(?:\w+\s+)?(?:take|accept|bear)\s+(?:full\s+|complete\s+|total\s+)?(?:responsibility"
        r"|accountability|the\s+blame)\b|\b(?:we|i)\s+(?:fully\s+)?own\s+(?:this|it|that|the\s+mistake"
        r"|our\s+mistake)\b|\b(?:we|i)(?:\s+are|'re|\s+am|'m)\s+(?:\w+\s+)?(?:responsible|accountable"
        r"|to\s+blame|at\s+fault)\b|\b(?:we|i)\s+should(?:n't|\s+not)?(?:\s+have|'ve|\s+of)\s+(?:\w+ed|been|done|known|sent"
        r"|caught|told|given|seen|made|got|gotten|come|kept|taken|had|written|spoken|rung|brought|left|let"
        r"|put|gone)\b",
    ),
)
DENIALS = (
    phrase(
        "not never isn wasn aren weren",
        r"\b(?:not|never|isn't|wasn't|aren't|weren't)\s+(?:\w+\s+)?(?:our|my)\s+(?:own\s+)?(?:fault|mistake"
        r"|error|doing|responsibility)\b|\bno\s+fault\s+of\s+(?:ours|our\s+own|mine|my\s+own)\b",
        "blame — denies it was our fault",
        negatable=False,
    ),
    phrase(
        "we i cannot can could",
        r"\b(?:we|i)\s+did\s+(?:absolutely\s+)?nothing\s+wrong\b|\b(?:we|i)(?:\s+are|'re|\s+am|'m|\s+were"
        r"|\s+was)\s+not\s+(?:\w+\s+)?(?:responsible|to\s+blame|at\s+fault|liable|accountable)\b"
        r"|\b(?:we|i)\s+(?:aren't|wasn't|weren't)\s+(?:\w+\s+)?(?:responsible|to\s+blame|at\s+fault|liable"
        r"|accountable)\b|\b(?:cannot|can't|can\s+not|could\s+not|couldn't)\s+be\s+(?:held\s+)?(?:responsible"
        r"|liable|accountable)\b",
        "blame — says we are not responsible",
        negatable=False,
    ),
)

# --- regret that names the harm ---------------------------------------------------------------------

# Words that say nothing about what the customer went through: "sorry for any inconvenience this caused".
GENERIC_WORDS = word_set(
    """disruption disruptions interruption sorry sory appologies appology appologise appologize apologize apologise apologized apologised apologizing apologising apologies apology regret
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
    r"(?!\s+(?:your|you|a\s+(?:credit|refund|voucher|discount|note)|the\s+(?:credit|refund)|\$|[£€]|\d"
    r"|an?\s+(?:extra|further|additional|bonus|free)\b))"
)
PREVENTION = (
    phrase(
        "we i have has",
        r"(?:\b(?:we|i)(?:'ve|\s+have|\s+has)?|\b(?:have|has))(?:\s+(?:now|already|since|also|just"
        r"|recently))*\s+(?:changed|updated|retrained|re-trained|trained|added|introduced|implemented"
        r"|put\s+in\s+place|set\s+up|installed|rewr(?:itten|ote)|revised|redesigned|fixed\s+the\s+(?:root"
        r"|underlying)|hired|switched|replaced\s+(?:our|the)|created|built|brought\s+in|tightened|improved"
        r"|reorgani[sz]ed|adjusted|assigned|appointed|scrapped|banned)\b"
        + _NOT_FOR_THE_CUSTOMER
        + r"|\b(?:we|i)(?:'re|\s+are|'m|\s+am|\s+will|'ll|(?:'re|\s+are)\s+going\s+to|(?:'ve|\s+have)\s+"
        r"(?:started|begun))(?:\s+(?:now|also|already))*\s+(?:chang|updat|retrain|re-train|train|add|introduc"
        r"|implement|put\w*\s+in\s+place|set\w*\s+up|install|rewrit|revis|redesign|hir|switch"
        r"|replac\w*\s+(?:our|the)|tighten|improv|review\w*\s+(?:our|how"
        r"|the\s+way))[\w-]*\b" + _NOT_FOR_THE_CUSTOMER,
    ),
    phrase(
        "won will never doesn does can no recur",
        r"\b(?:won't|will\s+not|will\s+never|never|doesn't|does\s+not|can't|cannot|can\s+not"
        r"|no\s+longer)\s+(?:\w+\s+){0,2}?(?:happen|occur)s?\s+(?:again|twice|to\s+(?:you|anyone)\s+(?:again"
        r"|else))|\brecurs?\b",
    ),
    phrase(
        "prevent avoid stop from going in next new",
        r"\b(?:prevent|avoid|stop)(?:s|ing)?\s+(?:this|it|that|a\s+repeat|the\s+same|such|any\s+repeat"
        r"|a\s+recurrence|recurrence)\b|\bfrom\s+now\s+on\b|\bgoing\s+forward\b|\bin\s+(?:the\s+)?future\b"
        r"|\bnext\s+time\b(?!\s+you)|\bnew\s+(?:process|procedure|check|checks|checklist|step|rule|system"
        r"|policy|training)\b",
    ),
    phrase(  # "every room now has its own CO alarm", "no disconnection can now go ahead without…"
        "every each all any no from now nothing nobody is are made can will may",
        r"\b(?:every|each|all|any|no)\s+(?:[\w-]+\s+){0,7}?(?:now|from\s+(?:today|now|this\s+week|tomorrow))\b"
        r"|\bfrom\s+(?:today|tomorrow|this\s+week|this\s+month|next\s+week),?\s+(?:every|each|all|any|no|we|our)\b"
        r"|\bfrom\s+(?:today|tomorrow|this\s+week|this\s+month|next\s+week),?\s+(?:[\w-]+\s+){1,4}?(?:do\s+not|don't"
        r"|does\s+not|doesn't|no\s+longer|must|always|never|only|has\s+to|have\s+to|needs?\s+to)\b"
        r"|\bnow\s+(?:has|have|goes|go|includes?|requires?|checks?|gets?|needs?|sits?|stored|entered|require|does|do"
        r"|uses?|runs?|keeps?|asks?|tests?|counts?|signs?|calls?|rings?|phones?|visits?|reviews?|inspects?"
        r"|confirms?|logs?|records?|orders?|sends?|labels?|photographs?|texts?|emails?|double-checks?)\b"
        r"|\b(?:nothing|nobody|no\s+one)\s+(?:[\w-]+\s+){0,6}?now\b"
        r"|(?<!\byou\s)\b(?:can|will|may)\s+no\s+longer\b"
        r"|\bfrom\s+(?:today|tomorrow|this\s+week|this\s+month|next\s+week),?\s+(?:[\w-]+\s+){1,4}?(?:is|are)\s+"
        r"(?:now\s+)?[a-z]+ed\b"
        r"|\b(?:is|are)\s+now\s+[a-z-]+ed\s+(?:and\s+[a-z-]+ed\s+)?(?:\w+ly\s+)?(?:by|before|against|automatically|at\s+every|every|twice|weekly|daily"
        r"|first|on\s+every|whenever|unless|until|if)\b"
        r"|\bfrom\s+the\s+next\s+[\w-]+\b|\bmade\s+it\s+so\s+that\b",
    ),
)
