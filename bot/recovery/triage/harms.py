"""What the bot knows about harm before anyone writes a keyword (SPEC §2.2 and its severity rubric).

Each harm is an idea a service-recovery lead recognises however staff word it ("got a jolt off the
lamp socket", "housekeeping binned her insulin"), with the level the rubric gives it. The phrases
are cues (see `reading.py`), matched on lemmas; the words live in `lexicon.py` (harm to people),
`losses.py`, `charges.py`, `care.py`, `signals.py`, and for harm told as a plain event in `injuries.py`, `dangers.py`,
`events.py`, `exposure.py` and `wrongs.py`. Around them:
- **negation**: "nobody was hurt", "no injuries" cancel the harm they deny, and make a hazard a
  near miss;
- **near misses**: "nearly", "almost", "could have", "caught it before" make a harm its near-miss
  level;
- **raisers**: a vulnerable person, a repeat failure or wide public exposure raise a case one level.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from bot.recovery.triage.care import CARE
from bot.recovery.triage.charges import CHARGES
from bot.recovery.triage.dangers import DANGERS
from bot.recovery.triage.events import EVENTS
from bot.recovery.triage.exposure import DISCLOSURES
from bot.recovery.triage.injuries import INJURIES
from bot.recovery.triage.lexicon import MODERATE, TO_PEOPLE, Harm
from bot.recovery.triage.losses import LOSSES, THINGS
from bot.recovery.triage.reading import Word, find, quote, words
from bot.recovery.triage.signals import (
    BURDEN,
    EXPOSURE,
    FIXED_NOW,
    INCONVENIENCE,
    LONG_WAIT,
    REPEAT,
    SMALL,
    UNHURT,
    VULNERABLE,
)
from bot.recovery.triage.wrongs import WRONGS

_NEGATORS = frozenset(
    {"no", "not", "never", "nobody", "none", "noone", "neither", "nor", "without", "nothing"}
    | {"hasnt", "hadnt", "didnt", "wasnt", "werent", "isnt", "arent", "couldnt", "doesnt", "dont", "havent"}
)
_NEAR = frozenset({"nearly", "almost", "narrowly", "potentially"})
_COULD = frozenset({"could", "would", "might", "may"})  # … "have": "could have hurt someone"
NEAR_WINDOW = 6
READ_CHARS = 3000  # about 500 words: cues cost time per word, and a paste must not stall triage
NEGATION_WINDOW = 3
NOBODY_WINDOW = 6  # "nobody", "no one" deny from further off: "nobody on the bus was hurt"
_NOBODY = frozenset({"nobody", "noone", "none", "one"})
_TURNS = frozenset(
    {"but", "though", "although", "however", "yet", "except"}
)  # "nobody was hurt but the railing…"
# "84yo", "a 9 year old", "(82)": a child or an elderly customer by age.
_AGE = re.compile(
    r"\b(\d{1,3})\s?(?:yo|y/o|y\.o\.|yrs?(?:[\s-]old)?|years?[\s-]old)\b"
    r"(?!\s+(?:of|ago|worth|later|back|since|in|on|at|with|and|experience|history|service)\b)|\((\d{1,3})(?=\s*[),])"
    r"|\b(?:s?he|they)(?:'s|’s|\s+is|\s+was|\s+are)\s+(?:now\s+)?(\d{1,3})\b(?!\s*(?:%|[.,:]\d|mins?|minutes?|hours?|"
    r"hrs?|days?|weeks?|months?|years?\b(?![\s-]old)|times?|am|pm|p\b|quid|pounds?|dollars?|th|st|nd|rd))"
    r"|\baged\s+(\d{1,3})\b|\b(\d{1,2})[\s-](?:months?|weeks?)[\s-]old\b"
    r"|\b(?:mrs|mr|ms|miss|dr)\.?\s+[\w'-]+,\s*(\d{1,3})\b(?!\s*(?:%|[.,:]\d|mins?|minutes?|hours?|days?))"
    r"|\b(?:occupant|resident|customer|patient|tenant|guest|gentleman|lady|man|woman|mother|father|mum|dad|husband"
    r"|wife|gran|grandad)\s+(?:is|was|who\s+is)\s+(\d{2,3})\b(?!\s*(?:%|[.,:]\d|mins?|minutes?|hours?|days?|p\b))",
    re.IGNORECASE,
)
# "her grandmother's mirror", "the kids' coats": the word names whose a thing is, not who was harmed.
_OWNED = re.compile(r"(?:'s|’s|s'|s’|s)\b((?:\s+[\w-]+){1,3})", re.IGNORECASE)
_OWNER_LAST = re.compile(r"(?:'s|’s)\s*(?:[.,;:!?)]|$)")
_POSSESSIVE = re.compile(r"(?:'s|’s)\b")
_WORD_AFTER = re.compile(r"(?:'s|’s)\s+([\w-]+)")
# Besides the things property damage names: what a relative's name is often attached to.
KEEPSAKES = (
    "recipe|cake|veil|bouquet|flowers|card|letter|letters|photo|photos|grave|headstone|estate|dog|cat|pet"
)
_KEEPSAKES = frozenset(KEEPSAKES.split("|"))
# Words after which "kids", "children" describe a thing, not a person: "a kids party".
DESCRIBED = (
    "party|club|menu|meal|size|section|room|area|tv|channel|toy|clothes|wear|entertainer|event|portion|"
    "ticket|fare|cinema|film|show|book|seat|play|playground|pool|corner|zone|activity|camp|swim|session|lesson|"
    "lessons|class|classes|disco|football|toilet|toilets|loo|parking|bay|bays|space|spaces|badge|entrance|"
    "facilities"
)
_DESCRIBED = frozenset(DESCRIBED.split("|"))
_THINGS = frozenset(t for option in THINGS.split("|") for t in option.split("_"))
CHILD_AGE, ELDERLY_AGE = 15, 70

Span = tuple[int, int]
VULNERABLE_PERSON, REPEATED, EXPOSED = "vulnerable", "repeated", "exposed"  # the kinds of raiser


@dataclass(frozen=True)
class Found:
    """A harm read in the text: its level and the reason a person would give."""

    level: str
    reason: str
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Reading:
    """What the built-in knowledge sees in a complaint."""

    found: tuple[Found, ...]
    raisers: dict[str, str]  # by kind (VULNERABLE, REPEATED, EXPOSED): "a vulnerable person (“six-year-old”)"
    small: str | None  # the words that call a lapse small or put right, if any
    denied: frozenset[int]  # where words start that a "no", "not", "nobody" just before denies

    def denies(self, at: int) -> bool:
        """Whether the word starting at character `at` is denied ("nobody was *hurt*")."""
        return at in self.denied


def read(text: str) -> Reading:
    """The harms a complaint describes, with negation and near misses worked out, and what raises it.
    A complaint names its harm early: a pasted wall of text is read for its first READ_CHARS only."""
    text = text[:READ_CHARS]
    text_words = words(text)
    safe = _first(text_words, UNHURT) is not None
    found: list[Found] = []
    for harm in (*TO_PEOPLE, *LOSSES, *CHARGES, *CARE, *INJURIES, *DANGERS, *EVENTS, *DISCLOSURES, *WRONGS):
        needed = _first(text_words, harm.needs) if harm.needs else None
        if harm.needs and needed is None:
            continue
        found += _harm_found(text, text_words, harm, safe, needed)
    if not found:
        found += _harm_found(text, text_words, INCONVENIENCE, safe)
    small = _first_undenied(text_words, SMALL)  # "not happy with that" is not "happy with that"
    if small is None and _first(text_words, BURDEN) is None:
        small = _first_undenied(text_words, FIXED_NOW)  # "sorted now" after she had to queue: not small
    if small is not None and _first(text_words, LONG_WAIT) is not None:
        small = None  # "on hold for 50 minutes… it's sorted now" was still a long wait
    if any(f.reason.startswith(_AFFRONTS) for f in found):
        small = None  # "she's fine" after a driver humiliated her: unhurt, but the affront stands
    return Reading(
        tuple(found),
        _raisers(text, text_words, found),
        quote(text, text_words, small) if small else None,
        frozenset(w.start for i, w in enumerate(text_words) if _negated(text_words, i, wide=False)),
    )


def _raisers(text: str, text_words: list[Word], found: list[Found]) -> dict[str, str]:
    """Why this case is one level more serious, when a harm was found: who it happened to, how often,
    how publicly. A word the harm itself already rests on ("wheelchair couldn't get in") does not count."""
    if not found:
        return {}
    used = {i for f in found for first, last in f.spans for i in range(first, last + 1)}
    # Leaving or going public is already the customer's answer to failures, and a charge taken again
    # is the harm itself: "4th time… I want my PAC code" is major, not more.
    serious = [f for f in found if f.level != MODERATE]
    reacting = bool(serious) and all(f.reason.startswith(_ANSWERS) for f in serious)
    out = {}
    for kind, says, cue_list in (
        (VULNERABLE_PERSON, "a vulnerable person", VULNERABLE),
        (REPEATED, "a repeat failure", REPEAT),
        (EXPOSED, "seen widely", EXPOSURE),
    ):
        spans = [_span(m) for c in cue_list for m in find(text_words, c) if not used.intersection(m)]
        if kind == REPEATED and reacting:
            continue
        if kind == REPEATED:
            spans = [span for span in spans if not _chased(text_words, span[0])]
        if kind == VULNERABLE_PERSON:
            spans = [span for span in spans if not _owns_thing(text, text_words[span[1]].end)]
            spans = [span for span in spans if not _modifies(text_words, span[1])]
            spans = [
                span for span in spans if not _errand(text_words, span[0]) and not _wish(text_words, span[1])
            ]
            # the kids said to be fine anywhere are fine everywhere ("followed her and her kids… kids were fine"),
            # and so is the rest of that sentence ("the baby asleep in the pram")
            spared = [text_words[span[1]] for span in spans if _unaffected(text_words, span)]
            spans = [
                span
                for span in spans
                if not any(
                    w.lemma == text_words[span[1]].lemma or w.sentence == text_words[span[0]].sentence
                    for w in spared
                )
            ]
        shown = quote(text, text_words, min(spans)) if spans else None
        if shown is None and kind == VULNERABLE_PERSON:
            shown = _vulnerable_age(text)  # "84yo", "(87": a vulnerable person by age
        if shown:
            out[kind] = f"{says} (“{shown}”)"
    return out


_AFFRONTS = ("humiliated in front of others",)
_ANSWERS = ("says they are leaving", "going public", "money wrongly taken")


# Asking again is not failing again: "rang for the 3rd time", "transferred four times", "asked the third time".
_CHASES = frozenset(
    {"ring", "rang", "rung", "call", "phone", "chase", "email", "ask", "transfer", "contact", "try", "write"}
    | {"message", "text", "explain", "tell", "visit", "remind", "complain", "follow", "pass", "put"}
)


def _chased(text_words: list[Word], at: int) -> bool:
    """Whether the repeat at `at` counts the customer's calls or transfers, not the failure happening again,
    or only supposes it: "if it happens again they'll leave", "make sure it never happens again"."""
    sentence = text_words[at].sentence
    before = [w for w in text_words[max(0, at - 4) : at] if w.sentence == sentence]
    if any(w.text in ("if", "unless") for w in before) or _negated(text_words, at, wide=False):
        return True
    return any(w.lemma in _CHASES or w.text in _CHASES for w in before)


def _owns_thing(text: str, end: int) -> bool:
    """Whether the word ending at `end` is an owner ("grandmother's antique mirror"): a thing follows."""
    if _OWNER_LAST.match(text, end):  # "… the dresser was her grandmother's."
        return True
    following = _WORD_AFTER.match(text, end)  # "her grandmother's recipe", "the kids' coats"
    if following is not None and following.group(1).lower() in _KEEPSAKES:
        return True
    owned = _OWNED.match(text, end)
    return owned is not None and any(w.lower() in _THINGS for w in owned.group(1).split())


def _modifies(text_words: list[Word], at: int) -> bool:
    """Whether the word at `at` only describes a thing: "a kids party", "the children's menu"."""
    return at + 1 < len(text_words) and text_words[at + 1].lemma in _DESCRIBED


_ERRANDS = frozenset({"pick", "collect", "fetch", "drop", "get"})


def _errand(text_words: list[Word], at: int) -> bool:
    """Whether the word at `at` is who an errand was for: "had to pick up his children" (they were not harmed)."""
    sentence = text_words[at].sentence
    before = [w for w in text_words[max(0, at - 4) : at] if w.sentence == sentence]
    if any(w.lemma in ("collect", "fetch") for w in before):
        return True
    if any(w.lemma in _ERRANDS for w in before) and any(w.text in ("up", "off") for w in before):
        return True
    after = text_words[at + 1 : at + 3]  # "late getting her kid from school"
    return any(w.lemma == "get" for w in before) and any(w.text == "from" for w in after)


_WISHES = frozenset(
    {"ask", "asked", "want", "wanted", "request", "requested", "choose", "chose", "prefer", "fancy"}
)


def _wish(text_words: list[Word], at: int) -> bool:
    """Whether the person at `at` only wished for something: "a child asked for a balloon" (not harmed)."""
    return at + 1 < len(text_words) and (
        text_words[at + 1].lemma in _WISHES or text_words[at + 1].text in _WISHES
    )


# Words that say the vulnerable person was there but came to no harm: "the kids were fine", "her toddler
# asleep on the sofa", "her two kids were with her".
_UNAFFECTED = frozenset(
    {
        "fine",
        "ok",
        "okay",
        "safe",
        "unhurt",
        "unharmed",
        "asleep",
        "sleeping",
        "bored",
        "supervised",
        "accounted",
    }
    | {"alright", "inside", "oblivious", "unaware", "entertained", "happy"}
)
_ALONG = frozenset({"with", "w"})
_COMPANIONS = frozenset(
    {"child", "children", "kid", "kids", "toddler", "baby", "infant", "newborn", "teen", "teenager", "pram"}
    | {"buggy", "pushchair", "grandma", "grandmother", "grandpa", "grandfather", "granny"}
)
# "short with the elderly man", "stuck overnight with 3 kids": "with" names whom it was done to or who shared it.
_DONE_WITH = frozenset(
    {"short", "rude", "curt", "sharp", "abrupt", "impatient", "stuck", "stranded", "trapped", "left", "cross"}
    | {
        "angry",
        "unkind",
        "aggressive",
        "patronising",
        "patronizing",
        "dismissive",
        "hostile",
        "snappy",
        "off",
    }
)
_COMPANY = frozenset(
    {"her", "his", "their", "my", "the", "a", "two", "three", "2", "3", "young", "little", "small"}
)


def _unaffected(text_words: list[Word], span: Span) -> bool:
    """Whether the vulnerable person was only there, not harmed: denied ("nobody on medical equipment",
    "I'm not a child"), said to be fine ("kids were fine", "kids asleep"), or only along with the customer
    ("a mum with her toddler waited", "her 2 kids were with her"): the raise is for whom the harm reached."""
    first, last = span
    if any(_negated(text_words, i) for i in range(first, last + 1)):
        return True
    sentence = text_words[first].sentence
    after = [w for w in text_words[last + 1 : last + 8] if w.sentence == sentence]
    if any(w.text in _UNAFFECTED for w in after) and not any(w.text == "now" for w in after):
        return True  # "child ok now" got better: it was the child who was harmed
    if any(
        a.text in _ALONG and b.text in ("her", "him", "them", "me", "us")
        for a, b in itertools.pairwise(after)
    ):
        return True
    if not _COMPANIONS.intersection((text_words[last].lemma, text_words[last].text)):
        return False  # "a patient with a learning disability": "with" names a condition, not company
    before = [w for w in text_words[max(0, first - 5) : first] if w.sentence == sentence]
    while before and before[-1].text in _COMPANY:
        before.pop()
    if not before or before[-1].text not in _ALONG:
        return False
    return not any(w.text in _DONE_WITH for w in before[-3:-1])


def _vulnerable_age(text: str) -> str | None:
    for m in _AGE.finditer(text):
        if m.group(5):  # "a 6 month old"
            return m.group()
        age = int(next(g for i, g in enumerate(m.groups()) if g and i != 4))
        if age <= CHILD_AGE or ELDERLY_AGE <= age <= 120:
            return m.group().strip("()") if m.group(1) else f"aged {age}"
    return None


def _harm_found(
    text: str, text_words: list[Word], harm: Harm, safe: bool, needed: Span | None = None
) -> list[Found]:
    """The harm where its cues match, not vetoed or denied; `needed` is where the words it needs stand:
    they are part of it ("lift out" for a wheelchair user), so they do not raise it again."""
    vetoed = {i for v in harm.vetoes for matched in find(text_words, v) for i in matched}
    plain: list[Span] = []
    nearly: list[Span] = []
    for written in harm.cues:
        for matched in find(text_words, written):
            span = first, _ = _span(matched)
            if vetoed.intersection(matched):
                continue
            if harm.negatable and any(_negated(text_words, i, matched) for i in matched):
                continue
            if _nearly(text_words, first) or (harm.hazard and safe):
                nearly.append(span)
            else:
                plain.append(span)
    also = (needed,) if needed else ()
    if plain:
        return [Found(harm.severity, _reason(harm.says, text, text_words, plain), (*plain, *also))]
    if nearly and harm.near_miss:
        says = harm.near_says or f"a near miss: {harm.says}"
        return [Found(harm.near_miss, _reason(says, text, text_words, nearly), (*nearly, *also))]
    return []


def _reason(says: str, text: str, text_words: list[Word], spans: list[Span]) -> str:
    """The reason with the words that show it: the first two places, leftmost first, never overlapping."""
    kept: list[Span] = []
    for first, last in sorted(spans):
        if not kept or first > kept[-1][1]:
            kept.append((first, last))
    shown = ", ".join(dict.fromkeys(f"“{quote(text, text_words, span)}”" for span in kept[:2]))
    return f"{says} ({shown})"


def _negated(text_words: list[Word], at: int, matched: tuple[int, ...] = (), *, wide: bool = True) -> bool:
    """A "no", "not", "nobody"… just before, in the same sentence and not part of the cue itself:
    "nobody was hurt", "no injuries" (but "can't access her account" is not a denial)."""
    clause = text_words[at].clause
    for j in range(max(0, at - NOBODY_WINDOW), at):
        word = text_words[j]
        if j in matched or word.clause != clause or word.text not in _NEGATORS:
            continue
        if at - j <= NEGATION_WINDOW:
            return True
        if not wide:
            continue
        between = {w.text for w in text_words[j + 1 : at]}
        if word.text in _NOBODY and between.isdisjoint(_TURNS):  # "nobody on the bus was hurt"
            return True
    return False


def _span(matched: tuple[int, ...]) -> Span:
    return min(matched), max(matched)


def _nearly(text_words: list[Word], at: int) -> bool:
    """ "nearly", "almost", "could have" just before: it did not happen."""
    sentence = text_words[at].sentence
    for j in range(max(0, at - NEAR_WINDOW), at):
        w = text_words[j]
        if w.sentence != sentence:
            continue
        if w.text in _NEAR:
            return True
        if w.text in _COULD and j + 1 < len(text_words) and text_words[j + 1].text == "have":
            return True
    return False


def _first_undenied(text_words: list[Word], cue_list: tuple[str, ...]) -> Span | None:
    spans = [
        _span(matched)
        for written in cue_list
        for matched in find(text_words, written)
        if not _negated(text_words, min(matched), matched)
    ]
    return min(spans) if spans else None


def _first(text_words: list[Word], cue_list: tuple[str, ...]) -> Span | None:
    spans = [_span(matched) for written in cue_list for matched in find(text_words, written)]
    return min(spans) if spans else None
