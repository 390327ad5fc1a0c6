"""The word complaints share: what the figures suggest adding to the policy's triage words."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.policy.model import SEVERITIES
from bot.recovery.customer import HIDDEN, redact_contact

MIN_LETTERS = 4
MIN_TEXTS = 2  # a word in one complaint is that complaint, not a pattern

_MARKUP = re.compile(r"<[^<>]*>|\b\w+://\S+")  # Slack mentions and links, bare links
_TOKEN = re.compile(r"[\w'’-]+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # letters, maybe hyphenated: never a number or an id
_POSSESSIVE = re.compile(r"['’]s\Z")

# Common English words of four letters or more, and the words every complaint is written with.
_STOP = """
    about above after again against also although always among another anyone anything around asked
    asking away back because been before behind being below between both came cannot could does
    doing done down during each either else enough even ever every from further getting give
    given goes going gone good have having here hers herself himself however into itself just keep
    kept know last least less like made make many maybe might more most much must myself need needed
    never next none nothing only other others ours over please quite rather really said same says
    seem seemed should since some someone something still such sure take taken tell than that their
    theirs them themselves then there these they thing things think this those though through till
    told together took toward towards under until upon very want wanted wants well went were what
    when where whether which while whom whose will with within without would yours yourself today
    tonight yesterday tomorrow morning evening night time times
    customer client guest guests complaint complained complaining complains case issue problem
    problems severity sorry thanks thank hello dear
"""
STOP_WORDS = frozenset(_STOP.split()) | frozenset(SEVERITIES)


@dataclass(frozen=True)
class SharedWord:
    """A word and how many of the texts mention it."""

    word: str
    texts: int


def shared_word(texts: Sequence[str], *, names: Iterable[str | None] = ()) -> SharedWord | None:
    """The word most of the texts mention (in at least two), as most often written; None when none is.

    Case and a trailing "s" are ignored ("Medications" counts as "medication"); stop words, words
    under four letters, numbers, contact details, links and the words of `names` (the customers'
    names) never count. Ties go to the word written more often, then to the first in the alphabet.
    """
    skipped = {_key(word) for name in names if name for word in _words(name)}
    mentions: Counter[str] = Counter()  # by key: in how many texts
    uses: Counter[str] = Counter()  # by key: how often in all
    spellings: dict[str, Counter[str]] = {}
    for text in texts:
        seen = set()
        for word in _words(_readable(text)):
            key = _key(word)
            if len(word) < MIN_LETTERS or key in skipped or {word, key} & STOP_WORDS:
                continue
            seen.add(key)
            uses[key] += 1
            spellings.setdefault(key, Counter())[word] += 1
        mentions.update(seen)
    ranked = sorted(mentions, key=lambda key: (-mentions[key], -uses[key], key))
    if not ranked or mentions[ranked[0]] < MIN_TEXTS:
        return None
    best = ranked[0]
    written = min(spellings[best], key=lambda word: (-spellings[best][word], len(word), word))
    return SharedWord(written, mentions[best])


def _readable(text: str) -> str:
    """The text without contact details, mentions or links: none of them is what a complaint is about."""
    return _MARKUP.sub(" ", redact_contact(text).replace(HIDDEN, " "))


def _words(text: str) -> list[str]:
    """The text's words, lower case, without a possessive "'s"; numbers and ids are not words."""
    found = (_POSSESSIVE.sub("", token.strip("'’-")) for token in _TOKEN.findall(text.casefold()))
    return [word for word in found if _WORD.fullmatch(word)]


def _key(word: str) -> str:
    """One key for a word's singular and plural: "medications" and "medication" are one word."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > MIN_LETTERS else word
