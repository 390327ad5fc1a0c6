"""What raises a case one level (SPEC §2.2): a vulnerable person the harm reached, a failure that happened
again, wide public exposure. Each is read around the harm: a child who was only there, a customer who
rang again or a repeat only supposed does not raise it."""

from __future__ import annotations

import itertools
import re

from bot.recovery.triage.losses import THINGS
from bot.recovery.triage.negation import Span, negated, span
from bot.recovery.triage.reading import Word, find, quote
from bot.recovery.triage.signals import EXPOSURE, REPEAT, VULNERABLE

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
VULNERABLE_PERSON, REPEATED, EXPOSED = "vulnerable", "repeated", "exposed"  # the kinds of raiser


def raisers(text: str, text_words: list[Word], used: set[int], *, reacting: bool) -> dict[str, str]:
    """Why a case with a harm found is one level more serious: who it happened to, how often, how publicly.
    A word the harm already rests on (`used`: "wheelchair couldn't get in") does not count; `reacting`: the
    serious harms are all the customer's answer to failures, so a repeat is no more than they are."""
    out = {}
    for kind, says, cue_list in (
        (VULNERABLE_PERSON, "a vulnerable person", VULNERABLE),
        (REPEATED, "a repeat failure", REPEAT),
        (EXPOSED, "seen widely", EXPOSURE),
    ):
        spans = [span(m) for c in cue_list for m in find(text_words, c) if not used.intersection(m)]
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
    if any(w.text in ("if", "unless") for w in before) or negated(text_words, at, wide=False):
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
    if any(negated(text_words, i) for i in range(first, last + 1)):
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
