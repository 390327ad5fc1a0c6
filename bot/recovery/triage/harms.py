"""What the bot knows about harm before anyone writes a keyword (SPEC §2.2 and its severity rubric).

Each harm is an idea a service-recovery lead recognises however staff word it ("got a jolt off the
lamp socket", "housekeeping binned her insulin"), with the level the rubric gives it. The phrases
are cues (see `reading.py`), matched on lemmas; the words live in `lexicon.py` (harm to people),
`losses.py`, `charges.py`, `care.py`, `signals.py`, and for harm told as a plain event in `injuries.py`,
`dangers.py`, `events.py`, `exposure.py` and `wrongs.py`; `senses.py` holds their harmless senses. Around them:
- **negation** (`negation.py`): "nobody was hurt", "no injuries" cancel the harm they deny, and make a
  hazard a near miss;
- **near misses**: "nearly", "almost", "could have", "caught it before" make a harm its near-miss
  level;
- **raisers** (`raisers.py`): a vulnerable person, a repeat failure or wide public exposure raise a case
  one level.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.recovery.triage.care import CARE
from bot.recovery.triage.charges import CHARGES
from bot.recovery.triage.dangers import DANGERS
from bot.recovery.triage.events import EVENTS
from bot.recovery.triage.exposure import DISCLOSURES
from bot.recovery.triage.injuries import INJURIES
from bot.recovery.triage.lexicon import MODERATE, TO_PEOPLE, Harm
from bot.recovery.triage.losses import LOSSES
from bot.recovery.triage.negation import Span, deniers, nearly, negated, span
from bot.recovery.triage.raisers import raisers
from bot.recovery.triage.reading import Word, find, quote, words
from bot.recovery.triage.signals import BURDEN, FIXED_NOW, INCONVENIENCE, LONG_WAIT, RUDE, SMALL, UNHURT
from bot.recovery.triage.wrongs import WRONGS

READ_CHARS = 3000  # about 500 words: cues cost time per word, and a paste must not stall triage


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
    deniers: frozenset[int] = frozenset()  # where the "no", "not", "nobody" that deny them start

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
    if small is not None and _first_undenied(text_words, RUDE) is not None:
        small = None  # "the agent was rude… he just wanted it logged": poor treatment is not a small lapse
    if any(f.reason.startswith(_AFFRONTS) for f in found):
        small = None  # "she's fine" after a driver humiliated her: unhurt, but the affront stands
    denied = [i for i in range(len(text_words)) if negated(text_words, i, wide=False)]
    return Reading(
        tuple(found),
        _raisers(text, text_words, found),
        quote(text, text_words, small) if small else None,
        frozenset(text_words[i].start for i in denied),
        frozenset(text_words[i].start for i in deniers(text_words, denied)),
    )


def _raisers(text: str, text_words: list[Word], found: list[Found]) -> dict[str, str]:
    """What raises the case, read around the harms found (see `raisers.py`)."""
    if not found:
        return {}
    used = {i for f in found for first, last in f.spans for i in range(first, last + 1)}
    # Leaving or going public is already the customer's answer to failures, and a charge taken again
    # is the harm itself: "4th time… I want my PAC code" is major, not more.
    serious = [f for f in found if f.level != MODERATE]
    reacting = bool(serious) and all(f.reason.startswith(_ANSWERS) for f in serious)
    return raisers(text, text_words, used, reacting=reacting)


_AFFRONTS = ("humiliated in front of others",)
_ANSWERS = ("says they are leaving", "going public", "money wrongly taken")


def _harm_found(
    text: str, text_words: list[Word], harm: Harm, safe: bool, needed: Span | None = None
) -> list[Found]:
    """The harm where its cues match, not vetoed or denied; `needed` is where the words it needs stand:
    they are part of it ("lift out" for a wheelchair user), so they do not raise it again."""
    vetoed = {i for v in harm.vetoes for matched in find(text_words, v) for i in matched}
    plain: list[Span] = []
    almost: list[Span] = []
    for written in harm.cues:
        for matched in find(text_words, written):
            place = first, _ = span(matched)
            if vetoed.intersection(matched):
                continue
            if harm.negatable and any(negated(text_words, i, matched) for i in matched):
                continue
            if nearly(text_words, first) or (harm.hazard and safe):
                almost.append(place)
            else:
                plain.append(place)
    also = (needed,) if needed else ()
    if plain:
        return [Found(harm.severity, _reason(harm.says, text, text_words, plain), (*plain, *also))]
    if almost and harm.near_miss:
        says = harm.near_says or f"a near miss: {harm.says}"
        return [Found(harm.near_miss, _reason(says, text, text_words, almost), (*almost, *also))]
    return []


def _reason(says: str, text: str, text_words: list[Word], spans: list[Span]) -> str:
    """The reason with the words that show it: the first two places, leftmost first, never overlapping."""
    kept: list[Span] = []
    for first, last in sorted(spans):
        if not kept or first > kept[-1][1]:
            kept.append((first, last))
    shown = ", ".join(dict.fromkeys(f"“{quote(text, text_words, span)}”" for span in kept[:2]))
    return f"{says} ({shown})"


def _first_undenied(text_words: list[Word], cue_list: tuple[str, ...]) -> Span | None:
    spans = [
        span(matched)
        for written in cue_list
        for matched in find(text_words, written)
        if not negated(text_words, min(matched), matched)
    ]
    return min(spans) if spans else None


def _first(text_words: list[Word], cue_list: tuple[str, ...]) -> Span | None:
    spans = [span(matched) for written in cue_list for matched in find(text_words, written)]
    return min(spans) if spans else None
