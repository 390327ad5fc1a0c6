"""Whether a harm the text names is denied or only nearly happened (SPEC §2.2: "must not be fooled by
negation"): "nobody was hurt", "no injuries", "nearly", "could have"."""

from __future__ import annotations

from bot.recovery.triage.reading import Word

_NEGATORS = frozenset(
    {"no", "not", "never", "nobody", "none", "noone", "neither", "nor", "without", "nothing"}
    | {"hasnt", "hadnt", "didnt", "wasnt", "werent", "isnt", "arent", "couldnt", "doesnt", "dont", "havent"}
)
_NEAR = frozenset({"nearly", "almost", "narrowly", "potentially"})
_COULD = frozenset({"could", "would", "might", "may"})  # … "have": "could have hurt someone"
NEAR_WINDOW = 6
NEGATION_WINDOW = 3
NOBODY_WINDOW = 6  # "nobody", "no one" deny from further off: "nobody on the bus was hurt"
_NOBODY = frozenset({"nobody", "noone", "none", "one"})
_TURNS = frozenset(
    {"but", "though", "although", "however", "yet", "except"}
)  # "nobody was hurt but the railing…"

Span = tuple[int, int]


def negated(text_words: list[Word], at: int, matched: tuple[int, ...] = (), *, wide: bool = True) -> bool:
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


def deniers(text_words: list[Word], denied: list[int]) -> list[int]:
    """The "no", "not", "nobody" that deny these words: with them gone too, "nobody was hurt" leaves
    nothing for a reader by meaning to take for "nobody called back"."""
    out = set()
    for at in denied:
        clause = text_words[at].clause
        before = range(max(0, at - NEGATION_WINDOW), at)
        out.update(j for j in before if text_words[j].clause == clause and text_words[j].text in _NEGATORS)
    return sorted(out)


def span(matched: tuple[int, ...]) -> Span:
    """The first and last word of a match."""
    return min(matched), max(matched)


def nearly(text_words: list[Word], at: int) -> bool:
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
